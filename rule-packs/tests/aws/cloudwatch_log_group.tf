# Well configured: every rule that applies to it passes.
resource "aws_cloudwatch_log_group" "good" {
  name              = "/app/api"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.this.arn
}

# expect fail: aws-log-group-retention
resource "aws_cloudwatch_log_group" "log_group_retention" {
  name              = "/app/api"
  retention_in_days = 14
  kms_key_id        = aws_kms_key.this.arn
}

# expect fail: aws-log-group-kms
resource "aws_cloudwatch_log_group" "log_group_kms" {
  name              = "/app/api"
  retention_in_days = 365
}

# expect fail: aws-log-group-retention-set
resource "aws_cloudwatch_log_group" "log_group_kept_forever" {
  name       = "/app/api"
  kms_key_id = aws_kms_key.this.arn
}
