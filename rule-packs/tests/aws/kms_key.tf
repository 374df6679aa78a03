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

# Key specs the provider added later are asymmetric too: ML-DSA and Ed25519 signing keys.
resource "aws_kms_key" "post_quantum_signing" {
  description              = "release signing"
  customer_master_key_spec = "ML_DSA_65"
  key_usage                = "SIGN_VERIFY"
  deletion_window_in_days  = 30
}

resource "aws_kms_key" "ed25519_signing" {
  description              = "release signing"
  customer_master_key_spec = "ECC_NIST_EDWARDS25519"
  key_usage                = "SIGN_VERIFY"
  deletion_window_in_days  = 30
}

# KMS refuses automatic rotation of keys in a custom key store (CloudHSM or external).
resource "aws_kms_key" "cloudhsm" {
  description             = "data key"
  custom_key_store_id     = aws_kms_custom_key_store.this.id
  deletion_window_in_days = 30
}

# An explicitly symmetric key in AWS KMS's own store is checked.
# expect fail: aws-kms-rotation
resource "aws_kms_key" "symmetric_default" {
  description              = "data key"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  deletion_window_in_days  = 30
}

variable "kms_key_spec" {
  type = string
}

# Whether a key whose spec is not known can rotate is not known either.
# expect unknown: aws-kms-rotation
resource "aws_kms_key" "spec_unknown" {
  description              = "data key"
  customer_master_key_spec = var.kms_key_spec
  deletion_window_in_days  = 30
}
