# Well configured: every rule that applies to it passes.
resource "aws_inspector2_enabler" "good" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2", "ECR", "LAMBDA"]
}

# expect fail: aws-inspector2-scans-compute
resource "aws_inspector2_enabler" "inspector_ecr_only" {
  account_ids    = ["111122223333"]
  resource_types = ["ECR"]
}
