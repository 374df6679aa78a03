# Well configured: every rule that applies to it passes.
resource "aws_sqs_queue" "good" {
  name              = "jobs"
  kms_master_key_id = aws_kms_key.this.arn
}

# expect fail: aws-sqs-kms
resource "aws_sqs_queue" "sqs_kms" {
  name = "jobs"
}
