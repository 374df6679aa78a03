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

# expect fail: aws-efs-cmk
resource "aws_efs_file_system" "efs_cmk" {
  creation_token = "shared"
  encrypted      = true
}

resource "aws_efs_backup_policy" "good" {
  file_system_id = aws_efs_file_system.good.id

  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_efs_backup_policy" "efs_encrypted" {
  file_system_id = aws_efs_file_system.efs_encrypted.id

  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_efs_backup_policy" "efs_cmk" {
  file_system_id = aws_efs_file_system.efs_cmk.id

  backup_policy {
    status = "ENABLED"
  }
}

# Its backup policy is disabled.
# expect fail: aws-efs-backup-policy
resource "aws_efs_file_system" "efs_backups_disabled" {
  creation_token = "shared-unbacked"
  encrypted      = true
  kms_key_id     = aws_kms_key.this.arn
}

resource "aws_efs_backup_policy" "efs_backups_disabled" {
  file_system_id = aws_efs_file_system.efs_backups_disabled.id

  backup_policy {
    status = "DISABLED"
  }
}
