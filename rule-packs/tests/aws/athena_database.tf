# Well configured: every rule that applies to it passes.
resource "aws_athena_database" "good" {
  name   = "analytics"
  bucket = "example-data"

  encryption_configuration {
    encryption_option = "SSE_KMS"
    kms_key           = aws_kms_key.this.arn
  }
}

# expect fail: aws-athena-database-encryption
resource "aws_athena_database" "athena_database_unencrypted" {
  name   = "analytics"
  bucket = "example-data"

}
