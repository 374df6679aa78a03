# Well configured: every rule that applies to it passes.
resource "aws_glue_crawler" "good" {
  name                   = "raw"
  database_name          = "analytics"
  role                   = aws_iam_role.rds_monitoring.arn
  security_configuration = aws_glue_security_configuration.good.name

  s3_target {
    path = "s3://example-data/raw/"
  }
}

# expect fail: aws-glue-crawler-security-configuration
resource "aws_glue_crawler" "glue_crawler_no_security_configuration" {
  name          = "raw"
  database_name = "analytics"
  role          = aws_iam_role.rds_monitoring.arn

  s3_target {
    path = "s3://example-data/raw/"
  }
}
