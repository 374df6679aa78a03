# Well configured: every rule that applies to it passes.
resource "aws_kms_key" "good" {
  description             = "data key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

# expect fail: aws-kms-rotation
resource "aws_kms_key" "kms_rotation" {
  description             = "data key"
  deletion_window_in_days = 30
}

# expect fail: aws-kms-deletion-window
resource "aws_kms_key" "kms_deletion_window" {
  description             = "data key"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}
