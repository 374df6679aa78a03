# Well configured: every rule that applies to it passes.
resource "aws_efs_file_system" "good" {
  creation_token = "shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.this.arn
}

# expect fail: aws-efs-encrypted
resource "aws_efs_file_system" "efs_encrypted" {
  creation_token = "shared"
}
