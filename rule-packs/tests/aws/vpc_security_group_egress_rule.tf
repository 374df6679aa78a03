# Well configured: every rule that applies to it passes.
resource "aws_vpc_security_group_egress_rule" "good" {
  security_group_id = aws_security_group.this.id
  description       = "HTTPS out"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

# expect fail: aws-vpc-sg-egress-rule-description
resource "aws_vpc_security_group_egress_rule" "vpc_sg_egress_rule_description" {
  security_group_id = aws_security_group.this.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
