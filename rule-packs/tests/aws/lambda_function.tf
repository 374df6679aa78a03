# Well configured: every rule that applies to it passes.
resource "aws_lambda_function" "good" {
  reserved_concurrent_executions = 10
  code_signing_config_arn        = aws_lambda_code_signing_config.this.arn

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }

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
  reserved_concurrent_executions = 10
  code_signing_config_arn        = aws_lambda_code_signing_config.this.arn

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }

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
  reserved_concurrent_executions = 10
  code_signing_config_arn        = aws_lambda_code_signing_config.this.arn

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }

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
  reserved_concurrent_executions = 10
  code_signing_config_arn        = aws_lambda_code_signing_config.this.arn

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }

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

# expect fail: aws-lambda-dead-letter-queue
resource "aws_lambda_function" "lambda_dead_letter_queue" {
  function_name                  = "processor"
  role                           = aws_iam_role.lambda.arn
  handler                        = "index.handler"
  runtime                        = "python3.12"
  filename                       = "processor.zip"
  reserved_concurrent_executions = 10
  code_signing_config_arn        = aws_lambda_code_signing_config.this.arn

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }

  tracing_config {
    mode = "Active"
  }
}

# expect fail: aws-lambda-in-vpc
resource "aws_lambda_function" "lambda_in_vpc" {
  function_name                  = "processor"
  role                           = aws_iam_role.lambda.arn
  handler                        = "index.handler"
  runtime                        = "python3.12"
  filename                       = "processor.zip"
  reserved_concurrent_executions = 10
  code_signing_config_arn        = aws_lambda_code_signing_config.this.arn

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  tracing_config {
    mode = "Active"
  }
}

# expect fail: aws-lambda-concurrency-limit
resource "aws_lambda_function" "lambda_concurrency_limit" {
  function_name           = "processor"
  role                    = aws_iam_role.lambda.arn
  handler                 = "index.handler"
  runtime                 = "python3.12"
  filename                = "processor.zip"
  code_signing_config_arn = aws_lambda_code_signing_config.this.arn

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }

  tracing_config {
    mode = "Active"
  }
}

# expect fail: aws-lambda-code-signing
resource "aws_lambda_function" "lambda_code_signing" {
  function_name                  = "processor"
  role                           = aws_iam_role.lambda.arn
  handler                        = "index.handler"
  runtime                        = "python3.12"
  filename                       = "processor.zip"
  reserved_concurrent_executions = 10

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }

  tracing_config {
    mode = "Active"
  }
}

# Well configured: a container image is signed otherwise.
resource "aws_lambda_function" "from_an_image" {
  function_name                  = "renderer"
  role                           = aws_iam_role.lambda.arn
  package_type                   = "Image"
  image_uri                      = "${aws_ecr_repository.good.repository_url}:1.2.3"
  reserved_concurrent_executions = 10

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }

  tracing_config {
    mode = "Active"
  }
}

# expect fail: aws-lambda-env-no-access-keys
resource "aws_lambda_function" "lambda_env_no_access_keys" {
  function_name                  = "processor"
  role                           = aws_iam_role.lambda.arn
  handler                        = "index.handler"
  runtime                        = "python3.12"
  filename                       = "processor.zip"
  kms_key_arn                    = aws_kms_key.this.arn
  reserved_concurrent_executions = 10
  code_signing_config_arn        = aws_lambda_code_signing_config.this.arn

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }

  environment {
    variables = {
      AWS_ACCESS_KEY_ID     = "AKIAIOSFODNN7EXAMPLE"
      AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    }
  }

  tracing_config {
    mode = "Active"
  }
}
