# Well configured: every rule that applies to it passes.
resource "aws_rds_cluster" "good" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
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
}

# expect fail: aws-rds-cluster-deletion-protection
resource "aws_rds_cluster" "rds_cluster_deletion_protection" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  backup_retention_period             = 14
  iam_database_authentication_enabled = true
}
