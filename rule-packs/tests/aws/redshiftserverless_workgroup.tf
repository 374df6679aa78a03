# Well configured: every rule that applies to it passes.
resource "aws_redshiftserverless_workgroup" "good" {
  namespace_name       = "analytics"
  workgroup_name       = "analytics"
  enhanced_vpc_routing = true
  publicly_accessible  = false
}

# expect fail: aws-redshift-serverless-not-public
resource "aws_redshiftserverless_workgroup" "redshiftserverless_workgroup_public" {
  namespace_name       = "analytics"
  workgroup_name       = "analytics"
  enhanced_vpc_routing = true
  publicly_accessible  = true
}
