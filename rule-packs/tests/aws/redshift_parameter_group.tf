# Well configured: every rule that applies to it passes.
resource "aws_redshift_parameter_group" "good" {
  name   = "dw"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "true"
  }

  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }
}

# expect fail: aws-redshift-parameter-group-require-ssl
resource "aws_redshift_parameter_group" "redshift_parameters_no_ssl" {
  name   = "dw"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "false"
  }

  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }
}
