# Well configured: every rule that applies to it passes.
resource "aws_s3_account_public_access_block" "good" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# expect fail: aws-s3-account-public-access-block
resource "aws_s3_account_public_access_block" "s3_account_policy_allowed" {
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# expect fail: aws-s3-account-public-access-block
resource "aws_s3_account_public_access_block" "s3_account_unset" {
  block_public_acls   = true
  block_public_policy = true
  ignore_public_acls  = true
}
