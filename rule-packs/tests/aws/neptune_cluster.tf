# Well configured: every rule that applies to it passes.
resource "aws_neptune_cluster" "good" {
  cluster_identifier                  = "graph"
  engine                              = "neptune"
  storage_encrypted                   = true
  kms_key_arn                         = aws_kms_key.this.arn
  iam_database_authentication_enabled = true
  deletion_protection                 = true
  backup_retention_period             = 14
  enable_cloudwatch_logs_exports      = ["audit"]
}

# expect fail: aws-neptune-encrypted
resource "aws_neptune_cluster" "neptune_unencrypted" {
  cluster_identifier                  = "graph"
  engine                              = "neptune"
  iam_database_authentication_enabled = true
  deletion_protection                 = true
  backup_retention_period             = 14
  enable_cloudwatch_logs_exports      = ["audit"]
}

# expect fail: aws-neptune-cmk
resource "aws_neptune_cluster" "neptune_aws_managed_key" {
  cluster_identifier                  = "graph"
  engine                              = "neptune"
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
  deletion_protection                 = true
  backup_retention_period             = 14
  enable_cloudwatch_logs_exports      = ["audit"]
}

# expect fail: aws-neptune-audit-logs
resource "aws_neptune_cluster" "neptune_no_audit_logs" {
  cluster_identifier                  = "graph"
  engine                              = "neptune"
  storage_encrypted                   = true
  kms_key_arn                         = aws_kms_key.this.arn
  iam_database_authentication_enabled = true
  deletion_protection                 = true
  backup_retention_period             = 14
}

# expect fail: aws-neptune-iam-auth
resource "aws_neptune_cluster" "neptune_no_iam_auth" {
  cluster_identifier             = "graph"
  engine                         = "neptune"
  storage_encrypted              = true
  kms_key_arn                    = aws_kms_key.this.arn
  deletion_protection            = true
  backup_retention_period        = 14
  enable_cloudwatch_logs_exports = ["audit"]
}

# expect fail: aws-neptune-deletion-protection
resource "aws_neptune_cluster" "neptune_no_deletion_protection" {
  cluster_identifier                  = "graph"
  engine                              = "neptune"
  storage_encrypted                   = true
  kms_key_arn                         = aws_kms_key.this.arn
  iam_database_authentication_enabled = true
  backup_retention_period             = 14
  enable_cloudwatch_logs_exports      = ["audit"]
}

# expect fail: aws-neptune-backup-retention
resource "aws_neptune_cluster" "neptune_short_backups" {
  cluster_identifier                  = "graph"
  engine                              = "neptune"
  storage_encrypted                   = true
  kms_key_arn                         = aws_kms_key.this.arn
  iam_database_authentication_enabled = true
  deletion_protection                 = true
  backup_retention_period             = 1
  enable_cloudwatch_logs_exports      = ["audit"]
}
