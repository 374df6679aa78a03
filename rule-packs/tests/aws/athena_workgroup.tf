# Well configured: every rule that applies to it passes.
resource "aws_athena_workgroup" "good" {
  name = "analysts"

  configuration {
    enforce_workgroup_configuration = true

    result_configuration {
      output_location = "s3://example-data/athena/"

      encryption_configuration {
        encryption_option = "SSE_KMS"
        kms_key_arn       = aws_kms_key.this.arn
      }
    }
  }
}

# expect fail: aws-athena-workgroup-encryption
resource "aws_athena_workgroup" "athena_results_unencrypted" {
  name = "analysts"

  configuration {
    enforce_workgroup_configuration = true

    result_configuration {
      output_location = "s3://example-data/athena/"

    }
  }
}

# expect fail: aws-athena-workgroup-enforced
resource "aws_athena_workgroup" "athena_not_enforced" {
  name = "analysts"

  configuration {
    enforce_workgroup_configuration = false

    result_configuration {
      output_location = "s3://example-data/athena/"

      encryption_configuration {
        encryption_option = "SSE_KMS"
        kms_key_arn       = aws_kms_key.this.arn
      }
    }
  }
}
