# Well configured: every rule that applies to it passes.
resource "aws_dms_replication_instance" "good" {
  replication_instance_id     = "migration"
  replication_instance_class  = "dms.t3.medium"
  publicly_accessible         = false
  auto_minor_version_upgrade  = true
  multi_az                    = true
  kms_key_arn                 = aws_kms_key.this.arn
  replication_subnet_group_id = "migration-private"
}

# expect fail: aws-dms-instance-not-public
resource "aws_dms_replication_instance" "dms_public" {
  replication_instance_id     = "migration"
  replication_instance_class  = "dms.t3.medium"
  publicly_accessible         = true
  auto_minor_version_upgrade  = true
  multi_az                    = true
  kms_key_arn                 = aws_kms_key.this.arn
  replication_subnet_group_id = "migration-private"
}

# expect fail: aws-dms-instance-minor-upgrades
resource "aws_dms_replication_instance" "dms_no_minor_upgrades" {
  replication_instance_id     = "migration"
  replication_instance_class  = "dms.t3.medium"
  publicly_accessible         = false
  multi_az                    = true
  kms_key_arn                 = aws_kms_key.this.arn
  replication_subnet_group_id = "migration-private"
}

# expect fail: aws-dms-instance-cmk
resource "aws_dms_replication_instance" "dms_aws_managed_key" {
  replication_instance_id     = "migration"
  replication_instance_class  = "dms.t3.medium"
  publicly_accessible         = false
  auto_minor_version_upgrade  = true
  multi_az                    = true
  replication_subnet_group_id = "migration-private"
}
