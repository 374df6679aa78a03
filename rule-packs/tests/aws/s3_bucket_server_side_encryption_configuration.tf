# Well configured: every rule that applies to it passes.
resource "aws_s3_bucket_server_side_encryption_configuration" "good" {
  bucket = aws_s3_bucket.this.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
  }
}

# expect fail: aws-s3-kms-encryption
resource "aws_s3_bucket_server_side_encryption_configuration" "s3_kms_encryption" {
  bucket = aws_s3_bucket.this.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "AES256"
      kms_master_key_id = aws_kms_key.this.arn
    }
  }
}
