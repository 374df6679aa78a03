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

# expect fail: aws-sg-rule-no-ssh-from-internet
resource "aws_vpc_security_group_ingress_rule" "ssh_range_from_every_ipv6_address" {
  description       = "ssh range from every ipv6 address"
  security_group_id = aws_security_group.this.id
  ip_protocol       = "tcp"
  from_port         = 20
  to_port           = 25
  cidr_ipv6         = "::/0"
}

resource "aws_vpc_security_group_ingress_rule" "rdp_from_the_office" {
  description       = "rdp from the office"
  security_group_id = aws_security_group.this.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "192.0.2.0/24"
}

# expect fail: aws-sg-rule-no-rdp-from-internet
resource "aws_vpc_security_group_ingress_rule" "sg_rule_no_rdp_from_internet" {
  description       = "sg rule no rdp from internet"
  security_group_id = aws_security_group.this.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "everything_from_the_vpc" {
  description       = "everything from the vpc"
  security_group_id = aws_security_group.this.id
  ip_protocol       = "-1"
  cidr_ipv4         = "10.20.0.0/16"
}

# expect fail: aws-sg-rule-no-all-traffic-from-internet
resource "aws_vpc_security_group_ingress_rule" "sg_rule_no_all_traffic_from_internet" {
  description       = "sg rule no all traffic from internet"
  security_group_id = aws_security_group.this.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

# UDP on every port opens neither SSH nor RDP.
resource "aws_vpc_security_group_ingress_rule" "dns_from_anywhere" {
  description       = "dns from anywhere"
  security_group_id = aws_security_group.this.id
  ip_protocol       = "udp"
  from_port         = 0
  to_port           = 65535
  cidr_ipv4         = "0.0.0.0/0"
}

# expect fail: aws-vpc-sg-ingress-rule-description
resource "aws_vpc_security_group_ingress_rule" "vpc_sg_ingress_rule_description" {
  security_group_id = aws_security_group.this.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.0.0.0/8"
}

resource "aws_vpc_security_group_ingress_rule" "mongodb_from_the_vpc" {
  security_group_id = aws_security_group.this.id
  description       = "MongoDB from the VPC"
  ip_protocol       = "tcp"
  from_port         = 27017
  to_port           = 27017
  cidr_ipv4         = "10.0.0.0/16"
}

# expect fail: aws-vpc-sg-ingress-rule-no-database-ports-from-internet
resource "aws_vpc_security_group_ingress_rule" "vpc_sg_ingress_rule_no_database_ports_from_internet" {
  security_group_id = aws_security_group.this.id
  description       = "MongoDB"
  ip_protocol       = "tcp"
  from_port         = 27017
  to_port           = 27017
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "smb_from_the_vpc" {
  security_group_id = aws_security_group.this.id
  description       = "SMB from the VPC"
  ip_protocol       = "tcp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.0.0.0/16"
}

# expect fail: aws-vpc-sg-ingress-rule-no-remote-admin-ports-from-internet
resource "aws_vpc_security_group_ingress_rule" "vpc_sg_ingress_rule_no_remote_admin_ports_from_internet" {
  security_group_id = aws_security_group.this.id
  description       = "SMB"
  ip_protocol       = "tcp"
  from_port         = 445
  to_port           = 445
  cidr_ipv6         = "::/0"
}
