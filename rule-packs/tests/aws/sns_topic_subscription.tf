# Well configured: every rule that applies to it passes.
resource "aws_sns_topic_subscription" "good" {
  topic_arn = aws_sns_topic.good.arn
  protocol  = "https"
  endpoint  = "https://hooks.example.com/alerts"
}

# expect fail: aws-sns-subscription-https
resource "aws_sns_topic_subscription" "sns_subscription_http" {
  topic_arn = aws_sns_topic.good.arn
  protocol  = "http"
  endpoint  = "http://hooks.example.com/alerts"
}

# expect fail: aws-sns-subscription-endpoint
resource "aws_sns_topic_subscription" "sns_subscription_empty_endpoint" {
  topic_arn = aws_sns_topic.good.arn
  protocol  = "https"
  endpoint  = ""
}
