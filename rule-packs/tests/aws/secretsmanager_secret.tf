# Well configured: every rule that applies to it passes.
resource "aws_secretsmanager_secret" "good" {
  name       = "db-password"
  kms_key_id = aws_kms_key.this.arn
}

# expect fail: aws-secrets-kms
resource "aws_secretsmanager_secret" "secrets_kms" {
  name = "db-password"
}

# expect fail: aws-secrets-recovery-window
resource "aws_secretsmanager_secret" "secrets_no_recovery_window" {
  name                    = "db-password"
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = 0
}

# expect fail: aws-secrets-rotation-configured
resource "aws_secretsmanager_secret" "secrets_never_rotated" {
  name       = "api-token"
  kms_key_id = aws_kms_key.this.arn
}

# Rotates every secret named db-password above.
resource "aws_secretsmanager_secret_rotation" "db_password" {
  secret_id           = "db-password"
  rotation_lambda_arn = aws_lambda_function.rotate.arn

  rotation_rules {
    automatically_after_days = 30
  }
}
