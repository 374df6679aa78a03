# Well configured: every rule that applies to it passes.
resource "aws_mq_broker" "good" {
  broker_name                = "orders"
  engine_type                = "ActiveMQ"
  engine_version             = "5.18"
  host_instance_type         = "mq.m5.large"
  deployment_mode            = "ACTIVE_STANDBY_MULTI_AZ"
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  subnet_ids                 = aws_subnet.private[*].id
  security_groups            = [aws_security_group.good.id]

  encryption_options {
    use_aws_owned_key = false
    kms_key_id        = aws_kms_key.this.arn
  }

  logs {
    audit   = true
    general = true
  }

  user {
    username = "app"
    password = var.mq_password
  }
}

# Well configured: RabbitMQ has no audit log.
resource "aws_mq_broker" "rabbit" {
  broker_name                = "events"
  engine_type                = "RabbitMQ"
  engine_version             = "3.13"
  host_instance_type         = "mq.m5.large"
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  subnet_ids                 = [aws_subnet.private[0].id]

  logs {
    general = true
  }

  user {
    username = "app"
    password = var.mq_password
  }
}

# expect fail: aws-mq-not-public
resource "aws_mq_broker" "mq_not_public" {
  broker_name                = "orders"
  engine_type                = "ActiveMQ"
  engine_version             = "5.18"
  host_instance_type         = "mq.m5.large"
  publicly_accessible        = true
  auto_minor_version_upgrade = true

  encryption_options {
    use_aws_owned_key = false
    kms_key_id        = aws_kms_key.this.arn
  }

  logs {
    audit   = true
    general = true
  }

  user {
    username = "app"
    password = var.mq_password
  }
}

# expect fail: aws-mq-audit-logs, aws-mq-general-logs
resource "aws_mq_broker" "mq_audit_logs" {
  broker_name                = "orders"
  engine_type                = "ActiveMQ"
  engine_version             = "5.18"
  host_instance_type         = "mq.m5.large"
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  subnet_ids                 = aws_subnet.private[*].id

  encryption_options {
    use_aws_owned_key = false
    kms_key_id        = aws_kms_key.this.arn
  }

  user {
    username = "app"
    password = var.mq_password
  }
}

# expect fail: aws-mq-customer-managed-key, aws-mq-minor-upgrades
resource "aws_mq_broker" "mq_customer_managed_key" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  subnet_ids         = aws_subnet.private[*].id

  logs {
    audit   = true
    general = true
  }

  user {
    username = "app"
    password = var.mq_password
  }
}
