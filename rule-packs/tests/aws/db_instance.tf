# Well configured: every rule that applies to it passes.
resource "aws_db_instance" "good" {
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
}

# expect fail: aws-rds-encrypted
resource "aws_db_instance" "rds_encrypted" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}

# expect fail: aws-rds-not-public
resource "aws_db_instance" "rds_not_public" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
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
}

# expect fail: aws-rds-backup-retention
resource "aws_db_instance" "rds_backup_retention" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 1
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}

# expect fail: aws-rds-deletion-protection
resource "aws_db_instance" "rds_deletion_protection" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = false
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}

# expect fail: aws-rds-multi-az
resource "aws_db_instance" "rds_multi_az" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}

# expect fail: aws-rds-iam-auth
resource "aws_db_instance" "rds_iam_auth" {
  identifier                      = "app"
  engine                          = "postgres"
  instance_class                  = "db.t3.medium"
  allocated_storage               = 20
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.this.arn
  publicly_accessible             = false
  backup_retention_period         = 14
  deletion_protection             = true
  multi_az                        = true
  auto_minor_version_upgrade      = true
  copy_tags_to_snapshot           = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

# expect fail: aws-rds-minor-upgrades
resource "aws_db_instance" "rds_minor_upgrades" {
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
  auto_minor_version_upgrade          = false
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}

# expect fail: aws-rds-log-exports
resource "aws_db_instance" "rds_log_exports" {
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
}
