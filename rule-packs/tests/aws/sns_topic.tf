# Well configured: every rule that applies to it passes.
resource "aws_sns_topic" "good" {
  name              = "alerts"
  display_name      = "Platform alerts"
  kms_master_key_id = aws_kms_key.this.arn
}

# expect fail: aws-sns-kms
resource "aws_sns_topic" "sns_kms" {
  name         = "alerts"
  display_name = "Platform alerts"
}

# expect fail: aws-sns-cmk
resource "aws_sns_topic" "sns_aws_managed_key" {
  name              = "alerts"
  display_name      = "Platform alerts"
  kms_master_key_id = "alias/aws/sns"
}

# expect fail: aws-sns-alert-topic-display-name
resource "aws_sns_topic" "sns_alert_no_display_name" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.this.arn
}

# expect fail: aws-sns-policy-no-public-allow
resource "aws_sns_topic" "sns_inline_public_policy" {
  name              = "alerts"
  display_name      = "Platform alerts"
  kms_master_key_id = aws_kms_key.this.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "SNS:Publish"
      Resource  = "*"
    }]
  })
}

# A topic that is not an alert topic needs no display name.
resource "aws_sns_topic" "sns_orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_key.this.arn
}
