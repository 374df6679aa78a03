# Well configured: every rule that applies to it passes.
resource "aws_s3_bucket_logging" "good" {
  bucket        = "example-data"
  target_bucket = "example-access-logs"
  target_prefix = "example-data/"
}

# expect fail: aws-s3-logging-target-prefix
resource "aws_s3_bucket_logging" "s3_logging_no_prefix" {
  bucket        = "example-data"
  target_bucket = "example-access-logs"
}
