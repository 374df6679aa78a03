# Well configured: every rule that applies to it passes.
resource "aws_sagemaker_notebook_instance" "good" {
  name                   = "research"
  role_arn               = aws_iam_role.rds_monitoring.arn
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0a1b2c3d"
  security_groups        = ["sg-0a1b2c3d"]
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  kms_key_id             = aws_kms_key.this.arn

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

# expect fail: aws-sagemaker-notebook-imdsv2
resource "aws_sagemaker_notebook_instance" "sagemaker_notebook_imdsv1" {
  name                   = "research"
  role_arn               = aws_iam_role.rds_monitoring.arn
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0a1b2c3d"
  security_groups        = ["sg-0a1b2c3d"]
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  kms_key_id             = aws_kms_key.this.arn

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "1"
  }
}

# expect fail: aws-sagemaker-notebook-no-internet
resource "aws_sagemaker_notebook_instance" "sagemaker_notebook_internet" {
  name            = "research"
  role_arn        = aws_iam_role.rds_monitoring.arn
  instance_type   = "ml.t3.medium"
  subnet_id       = "subnet-0a1b2c3d"
  security_groups = ["sg-0a1b2c3d"]
  root_access     = "Disabled"
  kms_key_id      = aws_kms_key.this.arn

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

# expect fail: aws-sagemaker-notebook-no-root
resource "aws_sagemaker_notebook_instance" "sagemaker_notebook_root" {
  name                   = "research"
  role_arn               = aws_iam_role.rds_monitoring.arn
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0a1b2c3d"
  security_groups        = ["sg-0a1b2c3d"]
  direct_internet_access = "Disabled"
  kms_key_id             = aws_kms_key.this.arn

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

# expect fail: aws-sagemaker-notebook-cmk
resource "aws_sagemaker_notebook_instance" "sagemaker_notebook_aws_key" {
  name                   = "research"
  role_arn               = aws_iam_role.rds_monitoring.arn
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0a1b2c3d"
  security_groups        = ["sg-0a1b2c3d"]
  direct_internet_access = "Disabled"
  root_access            = "Disabled"

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}
