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

# Asymmetric keys cannot rotate automatically: the rotation check does not apply.
resource "aws_kms_key" "signing" {
  description              = "release signing"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
  deletion_window_in_days  = 30
}
