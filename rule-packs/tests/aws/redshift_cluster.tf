# Well configured: every rule that applies to it passes.
resource "aws_redshift_cluster" "good" {
  cluster_identifier                  = "dw"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
  cluster_subnet_group_name           = "dw-private"
}

# expect fail: aws-redshift-encrypted
resource "aws_redshift_cluster" "redshift_encrypted" {
  cluster_identifier                  = "dw"
  node_type                           = "ra3.xlplus"
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
  cluster_subnet_group_name           = "dw-private"
}

# expect fail: aws-redshift-not-public
resource "aws_redshift_cluster" "redshift_not_public" {
  cluster_identifier                  = "dw"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = true
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
  cluster_subnet_group_name           = "dw-private"
}

# expect fail: aws-redshift-cmk
resource "aws_redshift_cluster" "redshift_cmk" {
  cluster_identifier                  = "dw"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
  cluster_subnet_group_name           = "dw-private"
}

# expect fail: aws-redshift-enhanced-vpc-routing
resource "aws_redshift_cluster" "redshift_vpc_routing" {
  cluster_identifier                  = "dw"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  automated_snapshot_retention_period = 7
  cluster_subnet_group_name           = "dw-private"
}

# expect fail: aws-redshift-snapshot-retention
resource "aws_redshift_cluster" "redshift_snapshot_retention" {
  cluster_identifier        = "dw"
  node_type                 = "ra3.xlplus"
  encrypted                 = true
  kms_key_id                = aws_kms_key.this.arn
  publicly_accessible       = false
  enhanced_vpc_routing      = true
  cluster_subnet_group_name = "dw-private"
}

# expect fail: aws-redshift-version-upgrade
resource "aws_redshift_cluster" "redshift_version_upgrade" {
  cluster_identifier                  = "dw"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
  cluster_subnet_group_name           = "dw-private"
  allow_version_upgrade               = false
}

# expect fail: aws-redshift-subnet-group
resource "aws_redshift_cluster" "redshift_subnet_group" {
  cluster_identifier                  = "dw"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
}

# expect fail: aws-redshift-audit-logging
resource "aws_redshift_cluster" "redshift_inline_logging_off" {
  cluster_identifier                  = "dw"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
  cluster_subnet_group_name           = "dw-private"
  logging {
    enable = false
  }
}

# The older inline logging block, enabled.
resource "aws_redshift_cluster" "redshift_inline_logging" {
  cluster_identifier                  = "dw"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
  cluster_subnet_group_name           = "dw-private"
  logging {
    enable      = true
    bucket_name = "dw-audit-logs"
  }
}

resource "aws_redshift_logging" "dw" {
  for_each             = toset(["dw"])
  cluster_identifier   = each.key
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}

# No aws_redshift_logging names it.
# expect fail: aws-redshift-logging-resource
resource "aws_redshift_cluster" "redshift_no_logging" {
  cluster_identifier                  = "dw-unlogged"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  kms_key_id                          = aws_kms_key.this.arn
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
  cluster_subnet_group_name           = "dw-private"
}
