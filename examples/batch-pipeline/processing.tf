# Lambda function with proper IAM role
resource "aws_lambda_function" "data_processor" {
  filename         = "data_processor.zip"
  function_name    = "${var.project_name}-data-processor"
  role             = aws_iam_role.lambda_role.arn
  handler          = "index.handler"
  runtime          = "python3.12"
  source_code_hash = filebase64sha256("data_processor.zip")
  kms_key_arn      = aws_kms_key.data_key.arn
  timeout          = 60

  environment {
    variables = {
      GLUE_JOB_NAME = aws_glue_job.etl_job.name
      KMS_KEY_ID    = aws_kms_key.data_key.arn
      LOG_LEVEL     = var.log_level
    }
  }

  tracing_config {
    mode = "Active"
  }

  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [aws_security_group.functions.id]
  }

  dead_letter_config {
    target_arn = aws_sqs_queue.lambda_dlq.arn
  }

  depends_on = [aws_cloudwatch_log_group.data_processor]
}

resource "aws_lambda_permission" "allow_raw_bucket" {
  statement_id  = "AllowExecutionFromRawBucket"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.data_processor.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.raw_data.arn
}

# Reports each finished run of the ETL job
resource "aws_lambda_function" "job_monitor" {
  filename         = "job_monitor.zip"
  function_name    = "${var.project_name}-job-monitor"
  role             = aws_iam_role.monitor_role.arn
  handler          = "index.handler"
  runtime          = "python3.12"
  source_code_hash = filebase64sha256("job_monitor.zip")
  kms_key_arn      = aws_kms_key.data_key.arn
  timeout          = 30

  environment {
    variables = {
      GLUE_JOB_NAME = aws_glue_job.etl_job.name
      LOG_LEVEL     = var.log_level
    }
  }

  tracing_config {
    mode = "Active"
  }

  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [aws_security_group.functions.id]
  }

  dead_letter_config {
    target_arn = aws_sqs_queue.lambda_dlq.arn
  }

  depends_on = [aws_cloudwatch_log_group.job_monitor]
}

# Events the functions still fail on after Lambda's retries, kept for inspection and replay
resource "aws_sqs_queue" "lambda_dlq" {
  name                      = "${var.project_name}-lambda-dlq"
  message_retention_seconds = 1209600 # 14 days, the most SQS keeps a message
  kms_master_key_id         = aws_kms_key.data_key.arn
}

# The functions take no inbound traffic and call AWS APIs over HTTPS only
resource "aws_security_group" "functions" {
  name        = "${var.project_name}-functions"
  description = "Lambda functions of the ${var.project_name} pipeline"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "functions_https" {
  security_group_id = aws_security_group.functions.id
  description       = "HTTPS to AWS APIs (Glue, S3, KMS, CloudWatch Logs, X-Ray)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_cloudwatch_log_group" "data_processor" {
  name              = "/aws/lambda/${var.project_name}-data-processor"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.logs_key.arn
}

resource "aws_cloudwatch_log_group" "job_monitor" {
  name              = "/aws/lambda/${var.project_name}-job-monitor"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.logs_key.arn
}

resource "aws_cloudwatch_log_group" "glue" {
  name              = "/aws-glue/jobs/${var.project_name}-etl-job"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.logs_key.arn
}

# Glue job with security configuration
resource "aws_glue_job" "etl_job" {
  name         = "${var.project_name}-etl-job"
  role_arn     = aws_iam_role.glue_role.arn
  glue_version = "4.0"

  command {
    script_location = "s3://${aws_s3_bucket.scripts.bucket}/etl_script.py"
    python_version  = "3"
  }

  default_arguments = {
    "--enable-metrics"                   = ""
    "--enable-continuous-cloudwatch-log" = "true"
    "--continuous-log-logGroup"          = aws_cloudwatch_log_group.glue.name
    "--job-language"                     = "python"
    "--TempDir"                          = "s3://${aws_s3_bucket.scripts.bucket}/temp/"
    "--SOURCE_BUCKET"                    = aws_s3_bucket.raw_data.bucket
    "--TARGET_BUCKET"                    = aws_s3_bucket.processed_data.bucket
  }

  security_configuration = aws_glue_security_configuration.etl_security.name
}

resource "aws_glue_security_configuration" "etl_security" {
  name = "${var.project_name}-etl-security"

  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "SSE-KMS"
      kms_key_arn                = aws_kms_key.logs_key.arn
    }

    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "CSE-KMS"
      kms_key_arn                   = aws_kms_key.data_key.arn
    }

    s3_encryption {
      s3_encryption_mode = "SSE-KMS"
      kms_key_arn        = aws_kms_key.data_key.arn
    }
  }
}

# Data catalog for the processed data
resource "aws_glue_catalog_database" "pipeline" {
  name = replace("${var.project_name}_catalog", "-", "_")
}

resource "aws_glue_crawler" "processed_data" {
  name                   = "${var.project_name}-processed-crawler"
  database_name          = aws_glue_catalog_database.pipeline.name
  role                   = aws_iam_role.glue_role.arn
  security_configuration = aws_glue_security_configuration.etl_security.name

  s3_target {
    path = "s3://${aws_s3_bucket.processed_data.bucket}/"
  }
}
