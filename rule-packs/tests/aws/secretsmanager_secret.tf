# Well configured: every rule that applies to it passes.
resource "aws_secretsmanager_secret" "good" {
  name       = "db-password"
  kms_key_id = aws_kms_key.this.arn
}

# expect fail: aws-secrets-kms
resource "aws_secretsmanager_secret" "secrets_kms" {
  name = "db-password"
}
