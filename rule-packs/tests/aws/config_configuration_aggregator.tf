# Well configured: every rule that applies to it passes.
resource "aws_config_configuration_aggregator" "good" {
  name = "organization"

  organization_aggregation_source {
    all_regions = true
    role_arn    = aws_iam_role.config.arn
  }
}

# expect fail: aws-config-aggregator-all-regions
resource "aws_config_configuration_aggregator" "config_aggregator_some_regions" {
  name = "organization"

  organization_aggregation_source {
    regions  = ["eu-west-1", "us-east-1"]
    role_arn = aws_iam_role.config.arn
  }
}
