# Well configured: every rule that applies to it passes.
resource "aws_sagemaker_endpoint_configuration" "good" {
  name        = "model"
  kms_key_arn = aws_kms_key.this.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "model"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}

# expect fail: aws-sagemaker-endpoint-cmk
resource "aws_sagemaker_endpoint_configuration" "sagemaker_endpoint_aws_key" {
  name = "model"

  production_variants {
    variant_name           = "primary"
    model_name             = "model"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}
