# Well configured: every rule that applies to it passes.
resource "aws_sqs_queue" "good" {
  name              = "jobs"
  kms_master_key_id = aws_kms_key.this.arn
}

# expect fail: aws-sqs-kms
resource "aws_sqs_queue" "sqs_kms" {
  name = "jobs"
}

# expect fail: aws-sqs-cmk
resource "aws_sqs_queue" "sqs_aws_managed_key" {
  name              = "jobs"
  kms_master_key_id = "alias/aws/sqs"
}

# expect fail: aws-sqs-policy-no-public-allow
resource "aws_sqs_queue" "sqs_inline_public_policy" {
  name              = "jobs"
  kms_master_key_id = aws_kms_key.this.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = "*"
    }]
  })
}
