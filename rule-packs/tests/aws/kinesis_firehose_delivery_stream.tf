# Well configured: every rule that applies to it passes.
resource "aws_kinesis_firehose_delivery_stream" "good" {
  name        = "events-to-s3"
  destination = "extended_s3"

  server_side_encryption {
    enabled  = true
    key_type = "CUSTOMER_MANAGED_CMK"
    key_arn  = aws_kms_key.this.arn
  }

  extended_s3_configuration {
    role_arn    = aws_iam_role.rds_monitoring.arn
    bucket_arn  = "arn:aws:s3:::example-data"
    kms_key_arn = aws_kms_key.this.arn
  }
}

# expect fail: aws-firehose-encryption
resource "aws_kinesis_firehose_delivery_stream" "firehose_unencrypted" {
  name        = "events-to-s3"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn    = aws_iam_role.rds_monitoring.arn
    bucket_arn  = "arn:aws:s3:::example-data"
    kms_key_arn = aws_kms_key.this.arn
  }
}

# expect fail: aws-firehose-cmk
resource "aws_kinesis_firehose_delivery_stream" "firehose_aws_owned_key" {
  name        = "events-to-s3"
  destination = "extended_s3"

  server_side_encryption {
    enabled  = true
    key_type = "AWS_OWNED_CMK"
  }

  extended_s3_configuration {
    role_arn    = aws_iam_role.rds_monitoring.arn
    bucket_arn  = "arn:aws:s3:::example-data"
    kms_key_arn = aws_kms_key.this.arn
  }
}

# A stream fed by a Kinesis stream takes its encryption: the checks do not apply.
resource "aws_kinesis_firehose_delivery_stream" "firehose_from_kinesis" {
  name        = "events-to-s3"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn    = aws_iam_role.rds_monitoring.arn
    bucket_arn  = "arn:aws:s3:::example-data"
    kms_key_arn = aws_kms_key.this.arn
  }
  kinesis_source_configuration {
    kinesis_stream_arn = aws_kinesis_stream.good.arn
    role_arn           = aws_iam_role.rds_monitoring.arn
  }
}
