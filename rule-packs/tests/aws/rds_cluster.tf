# Well configured: every rule that applies to it passes.
resource "aws_rds_cluster" "good" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.postgres_tls.name
}

# expect fail: aws-rds-cluster-encrypted
resource "aws_rds_cluster" "rds_cluster_encrypted" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = false
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.postgres_tls.name
}

# expect fail: aws-rds-cluster-deletion-protection
resource "aws_rds_cluster" "rds_cluster_deletion_protection" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.postgres_tls.name
}

# expect fail: aws-rds-cluster-backup-retention
resource "aws_rds_cluster" "rds_cluster_backup_retention" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.postgres_tls.name
}

# expect fail: aws-rds-cluster-iam-auth
resource "aws_rds_cluster" "rds_cluster_iam_auth" {
  cluster_identifier              = "app"
  engine                          = "aurora-postgresql"
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.this.arn
  backup_retention_period         = 14
  deletion_protection             = true
  copy_tags_to_snapshot           = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.postgres_tls.name
}

# expect fail: aws-rds-cluster-log-exports
resource "aws_rds_cluster" "rds_cluster_log_exports" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.postgres_tls.name
}

# expect fail: aws-rds-cluster-copy-tags-to-snapshot
resource "aws_rds_cluster" "rds_cluster_copy_tags" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.postgres_tls.name
}

# expect fail: aws-rds-cluster-cmk
resource "aws_rds_cluster" "rds_cluster_cmk" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.postgres_tls.name
}

# expect fail: aws-rds-cluster-postgres-parameter-group-forces-tls, aws-rds-cluster-postgres-query-logging
resource "aws_rds_cluster" "rds_cluster_postgres_no_tls" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.postgres_plain.name
}

# expect fail: aws-rds-cluster-postgres-query-logging
resource "aws_rds_cluster" "rds_cluster_postgres_no_statement_log" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.postgres_tls_quiet.name
}

# expect fail: aws-rds-cluster-mysql-parameter-group-forces-tls
resource "aws_rds_cluster" "rds_cluster_mysql_no_tls" {
  cluster_identifier                  = "app"
  engine                              = "aurora-mysql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["audit", "error"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.mysql_plain.name
}

# An Aurora MySQL cluster whose parameter group requires TLS.
resource "aws_rds_cluster" "rds_cluster_mysql_tls" {
  cluster_identifier                  = "app"
  engine                              = "aurora-mysql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["audit", "error"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.mysql_tls.name
}

resource "aws_rds_cluster_parameter_group" "postgres_tls" {
  name   = "aurora-postgres-tls"
  family = "aurora-postgresql16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_statement"
    value = "ddl"
  }
}

resource "aws_rds_cluster_parameter_group" "postgres_tls_quiet" {
  name   = "aurora-postgres-tls-quiet"
  family = "aurora-postgresql16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_rds_cluster_parameter_group" "postgres_plain" {
  name   = "aurora-postgres-plain"
  family = "aurora-postgresql16"

  parameter {
    name  = "log_connections"
    value = "1"
  }
}

resource "aws_rds_cluster_parameter_group" "mysql_tls" {
  name   = "aurora-mysql-tls"
  family = "aurora-mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "ON"
  }
}

resource "aws_rds_cluster_parameter_group" "mysql_plain" {
  name   = "aurora-mysql-plain"
  family = "aurora-mysql8.0"

  parameter {
    name  = "server_audit_logging"
    value = "1"
  }
}
