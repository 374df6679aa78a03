# Well configured: every rule that applies to it passes (its flow log and its closed default
# security group are in flow_log.tf and default_security_group.tf).
resource "aws_vpc" "this" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_default_security_group" "without_flow_logs" {
  vpc_id = aws_vpc.vpc_flow_logs_enabled.id
}

# expect fail: aws-vpc-flow-logs-enabled
resource "aws_vpc" "vpc_flow_logs_enabled" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_flow_log" "open_default_group" {
  vpc_id               = aws_vpc.vpc_default_sg_restricted.id
  traffic_type         = "ALL"
  log_destination      = aws_s3_bucket.logs.arn
  log_destination_type = "s3"
}

# Its default security group is aws_default_security_group.default_sg_closed, which is open.
# expect fail: aws-vpc-default-sg-restricted
resource "aws_vpc" "vpc_default_sg_restricted" {
  cidr_block = "10.2.0.0/16"
}
