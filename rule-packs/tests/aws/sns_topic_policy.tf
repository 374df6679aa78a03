# Well configured: every rule that applies to it passes.
resource "aws_sns_topic_policy" "good" {
  arn = aws_sns_topic.good.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EventsPublish"
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.good.arn
      },
      {
        Sid       = "AccountSubscribes"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sns:Subscribe"
        Resource  = aws_sns_topic.good.arn
        Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
    }]
  })
}

# expect fail: aws-sns-policy-no-public-allow
resource "aws_sns_topic_policy" "sns_policy_public" {
  arn = aws_sns_topic.good.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EventsPublish"
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.good.arn
      },
      {
        Sid       = "AccountSubscribes"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sns:Subscribe"
        Resource  = aws_sns_topic.good.arn
    }]
  })
}
