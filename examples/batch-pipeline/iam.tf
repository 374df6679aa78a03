# IAM roles and policies: one role per component, each allowed only what it uses.

resource "aws_iam_role" "lambda_role" {
  name = "${var.project_name}-data-processor-role"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

# Network interfaces in the VPC's subnets, which a function in a VPC needs
resource "aws_iam_role_policy_attachment" "lambda_vpc_access" {
  role       = aws_iam_role.lambda_role.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy" "lambda_pipeline" {
  name = "start-etl"
  role = aws_iam_role.lambda_role.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadRawData"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["${aws_s3_bucket.raw_data.arn}/incoming/*"]
      },
      {
        Sid      = "StartEtlJob"
        Effect   = "Allow"
        Action   = ["glue:StartJobRun"]
        Resource = [aws_glue_job.etl_job.arn]
      },
      {
        Sid      = "UseDataKey"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = [aws_kms_key.data_key.arn]
      },
      {
        Sid      = "SendFailedEvents"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = [aws_sqs_queue.lambda_dlq.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy" "lambda_logging" {
  name = "write-logs"
  role = aws_iam_role.lambda_role.id

  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
          "Resource": "${aws_cloudwatch_log_group.data_processor.arn}:log-stream:*"
        }
      ]
    }
  POLICY
}

resource "aws_iam_role" "monitor_role" {
  name = "${var.project_name}-job-monitor-role"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "monitor_vpc_access" {
  role       = aws_iam_role.monitor_role.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy" "job_monitor" {
  name   = "watch-etl"
  role   = aws_iam_role.monitor_role.id
  policy = data.aws_iam_policy_document.job_monitor.json
}

data "aws_iam_policy_document" "job_monitor" {
  statement {
    sid       = "ReadJobRuns"
    actions   = ["glue:GetJobRun", "glue:GetJobRuns"]
    resources = [aws_glue_job.etl_job.arn]
  }

  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.job_monitor.arn}:log-stream:*"]
  }

  statement {
    sid       = "UseDataKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.data_key.arn]
  }

  statement {
    sid       = "SendFailedEvents"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.lambda_dlq.arn]
  }
}

resource "aws_iam_role" "glue_role" {
  name = "${var.project_name}-glue-etl-role"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "glue.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "glue_service" {
  role       = aws_iam_role.glue_role.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"
}

resource "aws_iam_role_policy" "glue_data" {
  name = "etl-data-access"
  role = aws_iam_role.glue_role.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadInputsAndScripts"
        Effect = "Allow"
        Action = ["s3:GetObject", "s3:ListBucket"]
        Resource = [
          aws_s3_bucket.raw_data.arn,
          "${aws_s3_bucket.raw_data.arn}/incoming/*",
          aws_s3_bucket.scripts.arn,
          "${aws_s3_bucket.scripts.arn}/etl_script.py",
        ]
      },
      {
        Sid    = "WriteOutputsAndTemp"
        Effect = "Allow"
        Action = ["s3:PutObject", "s3:DeleteObject"]
        Resource = [
          "${aws_s3_bucket.processed_data.arn}/output/*",
          "${aws_s3_bucket.scripts.arn}/temp/*",
        ]
      },
      {
        Sid      = "UseKeys"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = [aws_kms_key.data_key.arn, aws_kms_key.logs_key.arn]
      },
    ]
  })
}
