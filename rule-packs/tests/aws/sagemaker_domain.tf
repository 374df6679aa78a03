# Well configured: every rule that applies to it passes.
resource "aws_sagemaker_domain" "good" {
  domain_name             = "studio"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d"
  subnet_ids              = ["subnet-0a1b2c3d"]
  app_network_access_type = "VpcOnly"
  kms_key_id              = aws_kms_key.this.arn

  default_user_settings {
    execution_role = aws_iam_role.rds_monitoring.arn
  }
}

# expect fail: aws-sagemaker-domain-vpc-only
resource "aws_sagemaker_domain" "sagemaker_domain_public" {
  domain_name = "studio"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d"
  subnet_ids  = ["subnet-0a1b2c3d"]
  kms_key_id  = aws_kms_key.this.arn

  default_user_settings {
    execution_role = aws_iam_role.rds_monitoring.arn
  }
}

# expect fail: aws-sagemaker-domain-cmk
resource "aws_sagemaker_domain" "sagemaker_domain_aws_key" {
  domain_name             = "studio"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d"
  subnet_ids              = ["subnet-0a1b2c3d"]
  app_network_access_type = "VpcOnly"

  default_user_settings {
    execution_role = aws_iam_role.rds_monitoring.arn
  }
}
