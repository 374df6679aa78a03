# Well configured: every rule that applies to it passes.
resource "aws_cloudtrail" "good" {
  name                          = "org"
  s3_bucket_name                = aws_s3_bucket.logs.id
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.this.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail.arn
  include_global_service_events = true
}

# expect fail: aws-cloudtrail-multi-region
resource "aws_cloudtrail" "cloudtrail_multi_region" {
  name                          = "org"
  s3_bucket_name                = aws_s3_bucket.logs.id
  is_multi_region_trail         = false
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.this.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail.arn
  include_global_service_events = true
}

# expect fail: aws-cloudtrail-log-validation
resource "aws_cloudtrail" "cloudtrail_log_validation" {
  name                          = "org"
  s3_bucket_name                = aws_s3_bucket.logs.id
  is_multi_region_trail         = true
  kms_key_id                    = aws_kms_key.this.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail.arn
  include_global_service_events = true
}

# expect fail: aws-cloudtrail-kms
resource "aws_cloudtrail" "cloudtrail_kms" {
  name                          = "org"
  s3_bucket_name                = aws_s3_bucket.logs.id
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail.arn
  include_global_service_events = true
}

# expect fail: aws-cloudtrail-cloudwatch
resource "aws_cloudtrail" "cloudtrail_cloudwatch" {
  name                          = "org"
  s3_bucket_name                = aws_s3_bucket.logs.id
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.this.arn
  include_global_service_events = true
}

# expect fail: aws-cloudtrail-global-events
resource "aws_cloudtrail" "cloudtrail_no_global_events" {
  name                          = "org"
  s3_bucket_name                = aws_s3_bucket.logs.id
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.this.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail.arn
  include_global_service_events = false
}

# expect fail: aws-cloudtrail-logging-enabled
resource "aws_cloudtrail" "cloudtrail_stopped" {
  name                          = "org"
  s3_bucket_name                = aws_s3_bucket.logs.id
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.this.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail.arn
  include_global_service_events = true
  enable_logging                = false
}

# expect fail: aws-cloudtrail-cloudwatch-role
resource "aws_cloudtrail" "cloudtrail_cloudwatch_no_role" {
  name                          = "org"
  s3_bucket_name                = aws_s3_bucket.logs.id
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.this.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  include_global_service_events = true
}
