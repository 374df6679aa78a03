# Well configured: every rule that applies to it passes.
resource "aws_kms_key" "good" {
  description             = "data key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

# expect fail: aws-kms-rotation, soc2-kms-rotation, cis-aws-kms-rotation, hipaa-kms-rotation, pci-kms-rotation, waf-kms-rotation, mc-kms-rotation
resource "aws_kms_key" "kms_rotation" {
  description             = "data key"
  deletion_window_in_days = 30
}

# expect fail: aws-kms-deletion-window, hipaa-kms-deletion-window, pci-kms-deletion-window, waf-kms-deletion-window
resource "aws_kms_key" "kms_deletion_window" {
  description             = "data key"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}
