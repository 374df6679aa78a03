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


resource "aws_efs_file_system_policy" "good" {
  file_system_id = aws_efs_file_system.good.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyWithoutTls"
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "elasticfilesystem:*"
      Resource  = "*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_efs_file_system_policy" "efs_encrypted" {
  file_system_id = aws_efs_file_system.efs_encrypted.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyWithoutTls"
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "elasticfilesystem:*"
      Resource  = "*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_efs_file_system_policy" "efs_cmk" {
  file_system_id = aws_efs_file_system.efs_cmk.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyWithoutTls"
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "elasticfilesystem:*"
      Resource  = "*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_efs_file_system_policy" "efs_backups_disabled" {
  file_system_id = aws_efs_file_system.efs_backups_disabled.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyWithoutTls"
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "elasticfilesystem:*"
      Resource  = "*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# No file system policy refuses clients without TLS.
# expect fail: aws-efs-policy-requires-tls
resource "aws_efs_file_system" "efs_no_tls_policy" {
  creation_token = "shared-plain-mounts"
  encrypted      = true
  kms_key_id     = aws_kms_key.this.arn
}

resource "aws_efs_backup_policy" "efs_no_tls_policy" {
  file_system_id = aws_efs_file_system.efs_no_tls_policy.id

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
