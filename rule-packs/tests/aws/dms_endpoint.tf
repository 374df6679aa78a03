# Well configured: every rule that applies to it passes.
resource "aws_dms_endpoint" "good" {
  endpoint_id     = "source"
  endpoint_type   = "source"
  engine_name     = "postgres"
  server_name     = "db.internal"
  port            = 5432
  database_name   = "app"
  username        = "dms"
  password        = var.dms_password
  ssl_mode        = "verify-full"
  certificate_arn = "arn:aws:dms:eu-west-1:111122223333:cert:rds"
}

# expect fail: aws-dms-endpoint-tls
resource "aws_dms_endpoint" "dms_endpoint_plaintext" {
  endpoint_id     = "source"
  endpoint_type   = "source"
  engine_name     = "postgres"
  server_name     = "db.internal"
  port            = 5432
  database_name   = "app"
  username        = "dms"
  password        = var.dms_password
  certificate_arn = "arn:aws:dms:eu-west-1:111122223333:cert:rds"
}

# An S3 target is reached over HTTPS: the TLS check does not apply.
resource "aws_dms_endpoint" "dms_endpoint_s3" {
  endpoint_id   = "target"
  endpoint_type = "source"
  engine_name   = "s3"
}

variable "dms_password" {
  type      = string
  sensitive = true
  default   = null
}
