# Well configured: every rule that applies to it passes.
resource "aws_emr_cluster" "good" {
  name                   = "spark"
  release_label          = "emr-7.1.0"
  applications           = ["Spark"]
  service_role           = aws_iam_role.rds_monitoring.arn
  security_configuration = aws_emr_security_configuration.good.name

  ec2_attributes {
    subnet_id        = "subnet-0a1b2c3d"
    instance_profile = "emr-instances"
  }

  master_instance_group {
    instance_type = "m5.xlarge"
  }
}

# expect fail: aws-emr-security-configuration
resource "aws_emr_cluster" "emr_no_security_configuration" {
  name          = "spark"
  release_label = "emr-7.1.0"
  applications  = ["Spark"]
  service_role  = aws_iam_role.rds_monitoring.arn

  ec2_attributes {
    subnet_id        = "subnet-0a1b2c3d"
    instance_profile = "emr-instances"
  }

  master_instance_group {
    instance_type = "m5.xlarge"
  }
}
