# Well configured: every rule that applies to it passes.
resource "aws_docdb_cluster" "good" {
  cluster_identifier              = "catalog"
  engine                          = "docdb"
  master_username                 = "catalog"
  manage_master_user_password     = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.this.arn
  backup_retention_period         = 14
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.good.name
}

# expect fail: aws-docdb-encrypted
resource "aws_docdb_cluster" "docdb_unencrypted" {
  cluster_identifier              = "catalog"
  engine                          = "docdb"
  master_username                 = "catalog"
  manage_master_user_password     = true
  backup_retention_period         = 14
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.good.name
}

# expect fail: aws-docdb-cmk
resource "aws_docdb_cluster" "docdb_aws_managed_key" {
  cluster_identifier              = "catalog"
  engine                          = "docdb"
  master_username                 = "catalog"
  manage_master_user_password     = true
  storage_encrypted               = true
  backup_retention_period         = 14
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.good.name
}

# expect fail: aws-docdb-log-exports
resource "aws_docdb_cluster" "docdb_no_audit_logs" {
  cluster_identifier              = "catalog"
  engine                          = "docdb"
  master_username                 = "catalog"
  manage_master_user_password     = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.this.arn
  backup_retention_period         = 14
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["profiler"]
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.good.name
}

# expect fail: aws-docdb-backup-retention
resource "aws_docdb_cluster" "docdb_short_backups" {
  cluster_identifier              = "catalog"
  engine                          = "docdb"
  master_username                 = "catalog"
  manage_master_user_password     = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.this.arn
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.good.name
}

# expect fail: aws-docdb-deletion-protection
resource "aws_docdb_cluster" "docdb_no_deletion_protection" {
  cluster_identifier              = "catalog"
  engine                          = "docdb"
  master_username                 = "catalog"
  manage_master_user_password     = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.this.arn
  backup_retention_period         = 14
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.good.name
}
