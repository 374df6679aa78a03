# Well configured: every rule that applies to it passes.
resource "aws_db_proxy" "good" {
  name           = "app"
  engine_family  = "POSTGRESQL"
  role_arn       = aws_iam_role.rds_monitoring.arn
  vpc_subnet_ids = ["subnet-0a1b2c3d"]
  require_tls    = true

  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = aws_secretsmanager_secret.good.arn
  }
}

# expect fail: aws-rds-proxy-require-tls
resource "aws_db_proxy" "db_proxy_no_tls" {
  name           = "app"
  engine_family  = "POSTGRESQL"
  role_arn       = aws_iam_role.rds_monitoring.arn
  vpc_subnet_ids = ["subnet-0a1b2c3d"]

  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = aws_secretsmanager_secret.good.arn
  }
}
