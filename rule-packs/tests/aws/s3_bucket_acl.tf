# Well configured: every rule that applies to it passes.
resource "aws_s3_bucket_acl" "good" {
  bucket = aws_s3_bucket.this.id
  acl    = "private"
}

# expect fail: aws-s3-acl-not-public
resource "aws_s3_bucket_acl" "s3_acl_not_public" {
  bucket = aws_s3_bucket.this.id
  acl    = "public-read"
}
