# Well configured: every rule that applies to it passes.
resource "aws_secretsmanager_secret_policy" "good" {
  secret_arn          = aws_secretsmanager_secret.good.arn
  block_public_policy = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/app" }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}

# expect fail: aws-secrets-policy-block-public
resource "aws_secretsmanager_secret_policy" "secrets_policy_unblocked" {
  secret_arn = aws_secretsmanager_secret.good.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/app" }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}
