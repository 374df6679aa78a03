# Well configured: every rule that applies to it passes.
resource "aws_sns_topic" "good" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.this.arn
}

# expect fail: aws-sns-kms
resource "aws_sns_topic" "sns_kms" {
  name = "alerts"
}
