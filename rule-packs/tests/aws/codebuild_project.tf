# Well configured: every rule that applies to it passes.
resource "aws_codebuild_project" "good" {
  name           = "app"
  service_role   = aws_iam_role.rds_monitoring.arn
  encryption_key = aws_kms_key.this.arn

  artifacts {
    type     = "S3"
    location = "example-data"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }

  logs_config {
    cloudwatch_logs {
      group_name = "/codebuild/app"
    }
  }
}

# expect fail: aws-codebuild-cmk
resource "aws_codebuild_project" "codebuild_aws_key" {
  name         = "app"
  service_role = aws_iam_role.rds_monitoring.arn

  artifacts {
    type     = "S3"
    location = "example-data"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }

  logs_config {
    cloudwatch_logs {
      group_name = "/codebuild/app"
    }
  }
}

# expect fail: aws-codebuild-artifacts-encrypted
resource "aws_codebuild_project" "codebuild_clear_artifacts" {
  name           = "app"
  service_role   = aws_iam_role.rds_monitoring.arn
  encryption_key = aws_kms_key.this.arn

  artifacts {
    type                = "S3"
    location            = "example-data"
    encryption_disabled = true
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }

  logs_config {
    cloudwatch_logs {
      group_name = "/codebuild/app"
    }
  }
}

# expect fail: aws-codebuild-no-privileged-mode
resource "aws_codebuild_project" "codebuild_privileged" {
  name           = "app"
  service_role   = aws_iam_role.rds_monitoring.arn
  encryption_key = aws_kms_key.this.arn

  artifacts {
    type     = "S3"
    location = "example-data"
  }

  environment {
    compute_type    = "BUILD_GENERAL1_SMALL"
    image           = "aws/codebuild/standard:7.0"
    type            = "LINUX_CONTAINER"
    privileged_mode = true
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }

  logs_config {
    cloudwatch_logs {
      group_name = "/codebuild/app"
    }
  }
}

# expect fail: aws-codebuild-source-tls
resource "aws_codebuild_project" "codebuild_insecure_source" {
  name           = "app"
  service_role   = aws_iam_role.rds_monitoring.arn
  encryption_key = aws_kms_key.this.arn

  artifacts {
    type     = "S3"
    location = "example-data"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type         = "GITHUB"
    location     = "https://github.com/example/app.git"
    insecure_ssl = true
  }

  logs_config {
    cloudwatch_logs {
      group_name = "/codebuild/app"
    }
  }
}

# expect fail: aws-codebuild-logs
resource "aws_codebuild_project" "codebuild_no_logs" {
  name           = "app"
  service_role   = aws_iam_role.rds_monitoring.arn
  encryption_key = aws_kms_key.this.arn

  artifacts {
    type     = "S3"
    location = "example-data"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }

  logs_config {
    cloudwatch_logs {
      status = "DISABLED"
    }
  }
}
