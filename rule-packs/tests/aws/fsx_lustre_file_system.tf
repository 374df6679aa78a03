# Well configured: every rule that applies to it passes.
resource "aws_fsx_lustre_file_system" "good" {
  storage_capacity            = 1200
  subnet_ids                  = ["subnet-0a1b2c3d"]
  deployment_type             = "PERSISTENT_2"
  per_unit_storage_throughput = 125
  kms_key_id                  = aws_kms_key.this.arn
}

# expect fail: aws-fsx-lustre-cmk
resource "aws_fsx_lustre_file_system" "fsx_lustre_aws_key" {
  storage_capacity            = 1200
  subnet_ids                  = ["subnet-0a1b2c3d"]
  deployment_type             = "PERSISTENT_2"
  per_unit_storage_throughput = 125
}

# A scratch file system (the default deployment type) takes no key: the check does not apply.
resource "aws_fsx_lustre_file_system" "fsx_lustre_scratch" {
  storage_capacity = 1200
  subnet_ids       = ["subnet-0a1b2c3d"]
}
