# Well configured: every rule that applies to it passes.
resource "aws_secretsmanager_secret_rotation" "good" {
  secret_id           = aws_secretsmanager_secret.this.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn

  rotation_rules {
    automatically_after_days = 30
  }
}

# expect fail: aws-secrets-rotation
resource "aws_secretsmanager_secret_rotation" "secrets_rotation" {
  secret_id           = aws_secretsmanager_secret.this.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn

  rotation_rules {
    automatically_after_days = 365
  }
}
