# A bucket whose name is a variable with no value, and whose public access block names it by
# that variable: whether the block refers to this bucket cannot be known before plan, so that
# check is unknown, never a failure; the companions it has none of fail (rule pack
# companion-resources).

variable "bucket_name" {
  type = string
}

# expect unknown: aws-s3-bucket-public-access-block
# expect fail: aws-s3-bucket-encryption-configuration, aws-s3-bucket-versioning-resource, aws-s3-bucket-logging-resource, aws-s3-bucket-ownership-controls, aws-s3-bucket-policy-requires-tls, aws-s3-bucket-kms-encryption-resource, aws-s3-bucket-lifecycle-configuration
resource "aws_s3_bucket" "this" {
  bucket = var.bucket_name
  tags = {
    Owner = "platform"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = var.bucket_name
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
