# Well configured: every rule that applies to it passes.
resource "aws_db_instance" "good" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-encrypted
resource "aws_db_instance" "rds_encrypted" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-not-public
resource "aws_db_instance" "rds_not_public" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = true
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-backup-retention
resource "aws_db_instance" "rds_backup_retention" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 0
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-deletion-protection
resource "aws_db_instance" "rds_deletion_protection" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-multi-az
resource "aws_db_instance" "rds_multi_az" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-iam-auth
resource "aws_db_instance" "rds_iam_auth" {
  identifier                      = "app"
  engine                          = "postgres"
  instance_class                  = "db.t3.medium"
  allocated_storage               = 20
  max_allocated_storage           = 100
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.this.arn
  publicly_accessible             = false
  backup_retention_period         = 14
  deletion_protection             = true
  multi_az                        = true
  auto_minor_version_upgrade      = true
  copy_tags_to_snapshot           = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.this.arn
  monitoring_interval             = 60
  monitoring_role_arn             = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-minor-upgrades
resource "aws_db_instance" "rds_minor_upgrades" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = false
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-log-exports
resource "aws_db_instance" "rds_log_exports" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-performance-insights
resource "aws_db_instance" "rds_performance_insights" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-performance-insights-kms
resource "aws_db_instance" "rds_performance_insights_kms" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-enhanced-monitoring
resource "aws_db_instance" "rds_enhanced_monitoring" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
}

# expect fail: aws-rds-copy-tags-to-snapshot
resource "aws_db_instance" "rds_copy_tags_to_snapshot" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-cmk
resource "aws_db_instance" "rds_cmk" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-non-default-parameter-group
resource "aws_db_instance" "rds_default_parameter_group" {
  identifier                          = "app"
  engine                              = "oracle-ee"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["audit", "alert"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
  parameter_group_name                = "default.oracle-ee-19"
}

# expect fail: aws-rds-storage-autoscaling
resource "aws_db_instance" "rds_storage_autoscaling" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-current-generation-class
resource "aws_db_instance" "rds_current_generation_class" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.m4.large"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-mysql-parameter-group-forces-tls
resource "aws_db_instance" "rds_mysql_no_tls" {
  identifier                          = "app"
  engine                              = "mysql"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
  enabled_cloudwatch_logs_exports     = ["audit", "error"]
  parameter_group_name                = aws_db_parameter_group.mysql_plain.name
}

# expect fail: aws-rds-ca-certificate
resource "aws_db_instance" "rds_retired_ca" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
  ca_cert_identifier                  = "rds-ca-2019"
}

# A MySQL instance whose parameter group requires TLS.
resource "aws_db_instance" "rds_mysql_tls" {
  identifier                          = "app"
  engine                              = "mysql"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.this.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
  enabled_cloudwatch_logs_exports     = ["audit", "error"]
  parameter_group_name                = aws_db_parameter_group.mysql_tls.name
}

# The smallest classes do not support Performance Insights: the check does not apply.
resource "aws_db_instance" "rds_micro" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  max_allocated_storage               = 100
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
}

resource "aws_iam_role" "rds_monitoring" {
  name = "rds-monitoring"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
    }]
  })
}

resource "aws_db_parameter_group" "mysql_tls" {
  name   = "mysql-tls"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}

resource "aws_db_parameter_group" "mysql_plain" {
  name   = "mysql-plain"
  family = "mysql8.0"

  parameter {
    name  = "general_log"
    value = "1"
  }
}
