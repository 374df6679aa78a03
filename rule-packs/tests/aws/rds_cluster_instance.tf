# Well configured: every rule that applies to it passes.
resource "aws_rds_cluster_instance" "good" {
  identifier                      = "app-1"
  cluster_identifier              = aws_rds_cluster.good.id
  engine                          = "aurora-postgresql"
  instance_class                  = "db.r6g.large"
  publicly_accessible             = false
  auto_minor_version_upgrade      = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.this.arn
  monitoring_interval             = 30
  monitoring_role_arn             = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-cluster-instance-not-public
resource "aws_rds_cluster_instance" "rds_cluster_instance_public" {
  identifier                      = "app-1"
  cluster_identifier              = aws_rds_cluster.good.id
  engine                          = "aurora-postgresql"
  instance_class                  = "db.r6g.large"
  publicly_accessible             = true
  auto_minor_version_upgrade      = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.this.arn
  monitoring_interval             = 30
  monitoring_role_arn             = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-cluster-instance-performance-insights
resource "aws_rds_cluster_instance" "rds_cluster_instance_pi" {
  identifier                 = "app-1"
  cluster_identifier         = aws_rds_cluster.good.id
  engine                     = "aurora-postgresql"
  instance_class             = "db.r6g.large"
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  monitoring_interval        = 30
  monitoring_role_arn        = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-cluster-instance-performance-insights-kms
resource "aws_rds_cluster_instance" "rds_cluster_instance_pi_kms" {
  identifier                   = "app-1"
  cluster_identifier           = aws_rds_cluster.good.id
  engine                       = "aurora-postgresql"
  instance_class               = "db.r6g.large"
  publicly_accessible          = false
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  monitoring_interval          = 30
  monitoring_role_arn          = aws_iam_role.rds_monitoring.arn
}

# expect fail: aws-rds-cluster-instance-monitoring
resource "aws_rds_cluster_instance" "rds_cluster_instance_monitoring" {
  identifier                      = "app-1"
  cluster_identifier              = aws_rds_cluster.good.id
  engine                          = "aurora-postgresql"
  instance_class                  = "db.r6g.large"
  publicly_accessible             = false
  auto_minor_version_upgrade      = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.this.arn
}

# expect fail: aws-rds-cluster-instance-minor-upgrades
resource "aws_rds_cluster_instance" "rds_cluster_instance_minor_upgrades" {
  identifier                      = "app-1"
  cluster_identifier              = aws_rds_cluster.good.id
  engine                          = "aurora-postgresql"
  instance_class                  = "db.r6g.large"
  publicly_accessible             = false
  auto_minor_version_upgrade      = false
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.this.arn
  monitoring_interval             = 30
  monitoring_role_arn             = aws_iam_role.rds_monitoring.arn
}
