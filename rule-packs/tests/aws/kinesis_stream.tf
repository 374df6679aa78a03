# Well configured: every rule that applies to it passes.
resource "aws_kinesis_stream" "good" {
  name            = "events"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.this.arn
}

# expect fail: aws-kinesis-kms
resource "aws_kinesis_stream" "kinesis_kms" {
  name        = "events"
  shard_count = 1
}

# expect fail: aws-kinesis-cmk
resource "aws_kinesis_stream" "kinesis_aws_managed_key" {
  name            = "events"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}
