# Well configured: every rule that applies to it passes.
resource "aws_vpc_security_group_ingress_rule" "good" {
  security_group_id = aws_security_group.this.id
  description       = "SSH from the VPN"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "10.20.0.0/16"
}

# expect fail: aws-sg-rule-no-ssh-from-internet
resource "aws_vpc_security_group_ingress_rule" "sg_rule_no_ssh_from_internet" {
  security_group_id = aws_security_group.this.id
  description       = "SSH from the VPN"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "0.0.0.0/0"
}
