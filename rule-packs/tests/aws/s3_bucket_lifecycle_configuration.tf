# Well configured: every rule that applies to it passes.
resource "aws_s3_bucket_lifecycle_configuration" "good" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "retention"
    status = "Enabled"

    filter {
    }

    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}

# expect fail: aws-s3-lifecycle-enabled
resource "aws_s3_bucket_lifecycle_configuration" "s3_lifecycle_enabled" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "retention"
    status = "Disabled"

    filter {
    }

    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}
