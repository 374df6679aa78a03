# Well configured: every rule that applies to it passes.
resource "aws_transfer_server" "good" {
  protocols            = ["SFTP"]
  endpoint_type        = "VPC"
  security_policy_name = "TransferSecurityPolicy-2024-01"

  endpoint_details {
    vpc_id             = aws_vpc.this.id
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }
}

# expect fail: aws-transfer-no-ftp
resource "aws_transfer_server" "transfer_no_ftp" {
  protocols              = ["FTP"]
  endpoint_type          = "VPC"
  security_policy_name   = "TransferSecurityPolicy-2024-01"
  identity_provider_type = "API_GATEWAY"
  url                    = "${aws_api_gateway_stage.good.invoke_url}/"

  endpoint_details {
    vpc_id             = aws_vpc.this.id
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }
}

# expect fail: aws-transfer-not-public
resource "aws_transfer_server" "transfer_not_public" {
  protocols            = ["SFTP"]
  security_policy_name = "TransferSecurityPolicy-2024-01"
}

# expect fail: aws-transfer-security-policy
resource "aws_transfer_server" "transfer_security_policy" {
  protocols     = ["SFTP"]
  endpoint_type = "VPC"

  endpoint_details {
    vpc_id             = aws_vpc.this.id
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.good.id]
  }
}
