# Well configured: every rule that applies to it passes.
resource "aws_backup_vault" "good" {
  name        = "daily"
  kms_key_arn = aws_kms_key.this.arn
}

# expect fail: aws-backup-vault-kms
resource "aws_backup_vault" "backup_vault_kms" {
  name = "daily-aws-key"
}

# expect fail: aws-backup-vault-no-force-destroy
resource "aws_backup_vault" "backup_vault_force_destroy" {
  name          = "daily-disposable"
  kms_key_arn   = aws_kms_key.this.arn
  force_destroy = true
}

# expect fail: aws-backup-vault-lock
resource "aws_backup_vault" "backup_vault_unlocked" {
  name        = "daily-unlocked"
  kms_key_arn = aws_kms_key.this.arn
}

resource "aws_backup_vault_lock_configuration" "daily" {
  for_each           = toset(["daily", "daily-aws-key", "daily-disposable"])
  backup_vault_name  = each.key
  min_retention_days = 7
  max_retention_days = 365
}
