# Well configured: every rule that applies to it passes.
resource "aws_lambda_function" "good" {
  function_name = "processor"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "processor.zip"
  kms_key_arn   = aws_kms_key.this.arn

  environment {
    variables = {
      LOG_LEVEL = "INFO"
    }
  }

  tracing_config {
    mode = "Active"
  }
}

# expect fail: aws-lambda-tracing
resource "aws_lambda_function" "lambda_tracing" {
  function_name = "processor"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "processor.zip"
  kms_key_arn   = aws_kms_key.this.arn

  environment {
    variables = {
      LOG_LEVEL = "INFO"
    }
  }
}

# expect fail: aws-lambda-supported-runtime
resource "aws_lambda_function" "lambda_supported_runtime" {
  function_name = "processor"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "python3.7"
  filename      = "processor.zip"
  kms_key_arn   = aws_kms_key.this.arn

  environment {
    variables = {
      LOG_LEVEL = "INFO"
    }
  }

  tracing_config {
    mode = "Active"
  }
}

# expect fail: aws-lambda-env-kms
resource "aws_lambda_function" "lambda_env_kms" {
  function_name = "processor"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "processor.zip"

  environment {
    variables = {
      LOG_LEVEL = "INFO"
    }
  }

  tracing_config {
    mode = "Active"
  }
}
