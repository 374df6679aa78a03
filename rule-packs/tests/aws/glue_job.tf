# Well configured: every rule that applies to it passes.
resource "aws_glue_job" "good" {
  name                   = "etl"
  role_arn               = aws_iam_role.glue.arn
  security_configuration = aws_glue_security_configuration.this.name
  default_arguments = {
    "--enable-continuous-cloudwatch-log" = "true"
  }

  command {
    script_location = "s3://scripts/etl.py"
  }
}

# expect fail: aws-glue-security-configuration
resource "aws_glue_job" "glue_security_configuration" {
  name     = "etl"
  role_arn = aws_iam_role.glue.arn
  default_arguments = {
    "--enable-continuous-cloudwatch-log" = "true"
  }

  command {
    script_location = "s3://scripts/etl.py"
  }
}
