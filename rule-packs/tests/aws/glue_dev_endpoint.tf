# Well configured: every rule that applies to it passes.
resource "aws_glue_dev_endpoint" "good" {
  name                   = "notebooks"
  role_arn               = aws_iam_role.rds_monitoring.arn
  security_configuration = aws_glue_security_configuration.good.name
}

# expect fail: aws-glue-crawler-security-configuration
resource "aws_glue_dev_endpoint" "glue_dev_endpoint_no_security_configuration" {
  name     = "notebooks"
  role_arn = aws_iam_role.rds_monitoring.arn
}
