# Well configured: every rule that applies to it passes.
resource "aws_flow_log" "good" {
  vpc_id               = aws_vpc.this.id
  traffic_type         = "ALL"
  log_destination      = aws_s3_bucket.logs.arn
  log_destination_type = "s3"
}

# expect fail: aws-vpc-flow-logs-all
resource "aws_flow_log" "vpc_flow_logs_all" {
  vpc_id               = aws_vpc.this.id
  traffic_type         = "ACCEPT"
  log_destination      = aws_s3_bucket.logs.arn
  log_destination_type = "s3"
}
