# Well configured: every rule that applies to it passes.
resource "aws_s3_bucket" "good" {
  bucket = "example-data"
  tags = {
    Owner = "platform"
  }
}

# expect fail: aws-s3-legacy-inline-encryption
resource "aws_s3_bucket" "s3_legacy_inline_encryption" {
  bucket = "example-data"
  tags = {
    Owner = "platform"
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

# expect fail: aws-s3-legacy-acl-not-public
resource "aws_s3_bucket" "s3_legacy_acl_not_public" {
  bucket = "example-data"
  tags = {
    Owner = "platform"
  }
  acl = "public-read-write"
}
