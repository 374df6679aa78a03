# Well configured: every rule that applies to it passes.
resource "aws_timestreamwrite_database" "good" {
  database_name = "metrics"
  kms_key_id    = aws_kms_key.this.arn
}

# expect fail: aws-timestream-cmk
resource "aws_timestreamwrite_database" "timestream_aws_managed_key" {
  database_name = "metrics"
}
