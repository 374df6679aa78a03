# Well configured: every rule that applies to it passes.
resource "aws_redshiftserverless_namespace" "good" {
  namespace_name = "analytics"
  kms_key_id     = aws_kms_key.this.arn
  log_exports    = ["userlog", "connectionlog", "useractivitylog"]
}

# expect fail: aws-redshift-serverless-cmk
resource "aws_redshiftserverless_namespace" "redshiftserverless_namespace_aws_key" {
  namespace_name = "analytics"
  log_exports    = ["userlog", "connectionlog", "useractivitylog"]
}
