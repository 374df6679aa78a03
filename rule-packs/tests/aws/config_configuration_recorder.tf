# Well configured: every rule that applies to it passes.
resource "aws_config_configuration_recorder" "good" {
  name     = "default"
  role_arn = aws_iam_role.config.arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}

# expect fail: aws-config-all-resources
resource "aws_config_configuration_recorder" "config_all_resources" {
  name     = "default"
  role_arn = aws_iam_role.config.arn

  recording_group {
    all_supported                 = false
    include_global_resource_types = true
    resource_types                = ["AWS::S3::Bucket"]
  }
}

# expect fail: aws-config-global-resources
resource "aws_config_configuration_recorder" "config_no_global_resources" {
  name     = "default"
  role_arn = aws_iam_role.config.arn

  recording_group {
    all_supported = true
  }
}
