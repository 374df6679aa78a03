# Well configured: every rule that applies to it passes.
resource "aws_sqs_queue_policy" "good" {
  queue_url = aws_sqs_queue.good.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TopicSends"
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.good.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.good.arn } }
      },
      {
        Sid       = "WorkersConsume"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/workers" }
        Action    = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
        Resource  = aws_sqs_queue.good.arn
    }]
  })
}

# expect fail: aws-sqs-policy-no-public-allow
resource "aws_sqs_queue_policy" "sqs_policy_public" {
  queue_url = aws_sqs_queue.good.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TopicSends"
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.good.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.good.arn } }
      },
      {
        Sid       = "WorkersConsume"
        Effect    = "Allow"
        Principal = "*"
        Action    = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
        Resource  = aws_sqs_queue.good.arn
    }]
  })
}

# expect fail: aws-sqs-policy-no-wildcard-action
resource "aws_sqs_queue_policy" "sqs_policy_all_actions" {
  queue_url = aws_sqs_queue.good.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TopicSends"
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.good.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.good.arn } }
      },
      {
        Sid       = "WorkersConsume"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/workers" }
        Action    = "sqs:*"
        Resource  = aws_sqs_queue.good.arn
    }]
  })
}
