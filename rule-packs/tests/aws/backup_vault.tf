# Well configured: every rule that applies to it passes.
resource "aws_backup_vault" "good" {
  name        = "daily"
  kms_key_arn = aws_kms_key.this.arn
}

# expect fail: aws-backup-vault-kms
resource "aws_backup_vault" "backup_vault_kms" {
  name = "daily"
}
