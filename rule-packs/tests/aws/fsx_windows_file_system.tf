# Well configured: every rule that applies to it passes.
resource "aws_fsx_windows_file_system" "good" {
  storage_capacity    = 300
  subnet_ids          = ["subnet-0a1b2c3d"]
  throughput_capacity = 32
  active_directory_id = "d-1234567890"
  kms_key_id          = aws_kms_key.this.arn
}

# expect fail: aws-fsx-cmk
resource "aws_fsx_windows_file_system" "fsx_windows_aws_key" {
  storage_capacity    = 300
  subnet_ids          = ["subnet-0a1b2c3d"]
  throughput_capacity = 32
  active_directory_id = "d-1234567890"
}
