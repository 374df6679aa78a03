# Well configured: every rule that applies to it passes.
resource "aws_security_group_rule" "good" {
  type              = "ingress"
  description       = "SSH from the VPN"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["10.20.0.0/16"]
}

# Egress to the internet, HTTPS from the internet, UDP on every port and every protocol from another
# group open neither SSH, nor RDP, nor every protocol to the internet.
resource "aws_security_group_rule" "egress_everywhere" {
  type              = "egress"
  description       = "Everything out"
  security_group_id = aws_security_group.this.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
  ipv6_cidr_blocks  = ["::/0"]
}

resource "aws_security_group_rule" "https_from_internet" {
  type              = "ingress"
  description       = "HTTPS"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "rdp_from_the_office" {
  type              = "ingress"
  description       = "RDP from the office"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = ["192.0.2.0/24"]
}

resource "aws_security_group_rule" "udp_everywhere" {
  type              = "ingress"
  description       = "Any UDP"
  security_group_id = aws_security_group.this.id
  protocol          = "udp"
  from_port         = 0
  to_port           = 65535
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "everything_from_the_load_balancer" {
  type                     = "ingress"
  description              = "From the load balancer"
  security_group_id        = aws_security_group.this.id
  protocol                 = "-1"
  from_port                = 0
  to_port                  = 0
  source_security_group_id = aws_security_group.lb.id
}

# expect fail: aws-security-group-rule-no-ssh-from-internet
resource "aws_security_group_rule" "security_group_rule_no_ssh_from_internet" {
  type              = "ingress"
  description       = "SSH from the VPN"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["10.20.0.0/16", "0.0.0.0/0"]
}

# expect fail: aws-security-group-rule-no-ssh-from-internet
resource "aws_security_group_rule" "ssh_range_from_every_ipv6_address" {
  type              = "ingress"
  description       = "Admin ports"
  security_group_id = aws_security_group.this.id
  protocol          = "6"
  from_port         = 20
  to_port           = 25
  ipv6_cidr_blocks  = ["::/0"]
}

# expect fail: aws-security-group-rule-no-rdp-from-internet
resource "aws_security_group_rule" "security_group_rule_no_rdp_from_internet" {
  type              = "ingress"
  description       = "RDP"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = ["0.0.0.0/0"]
}

# expect fail: aws-security-group-rule-no-ssh-from-internet, aws-security-group-rule-no-rdp-from-internet
resource "aws_security_group_rule" "every_tcp_port" {
  type              = "ingress"
  description       = "Every TCP port"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_blocks       = ["0.0.0.0/0"]
}

# expect fail: aws-security-group-rule-no-all-traffic-from-internet
resource "aws_security_group_rule" "security_group_rule_no_all_traffic_from_internet" {
  type              = "ingress"
  description       = "Everything"
  security_group_id = aws_security_group.this.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

# The form of the public modules: ports -1 with protocol -1, from every IPv6 address.
# expect fail: aws-security-group-rule-no-all-traffic-from-internet
resource "aws_security_group_rule" "all_all_from_every_ipv6_address" {
  type              = "ingress"
  description       = "Everything"
  security_group_id = aws_security_group.this.id
  protocol          = "-1"
  from_port         = -1
  to_port           = -1
  ipv6_cidr_blocks  = ["::/0"]
}

# expect fail: aws-security-group-rule-description
resource "aws_security_group_rule" "security_group_rule_description" {
  type              = "ingress"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["10.0.0.0/8"]
}

resource "aws_security_group_rule" "postgres_from_the_vpc" {
  type              = "ingress"
  description       = "PostgreSQL from the VPC"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_blocks       = ["10.0.0.0/16"]
}

# expect fail: aws-security-group-rule-no-database-ports-from-internet
resource "aws_security_group_rule" "security_group_rule_no_database_ports_from_internet" {
  type              = "ingress"
  description       = "Redis"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 6379
  to_port           = 6379
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "vnc_from_the_office" {
  type              = "ingress"
  description       = "VNC from the office"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 5900
  to_port           = 5900
  cidr_blocks       = ["192.0.2.0/24"]
}

# expect fail: aws-security-group-rule-no-remote-admin-ports-from-internet
resource "aws_security_group_rule" "security_group_rule_no_remote_admin_ports_from_internet" {
  type              = "ingress"
  description       = "Telnet"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = 23
  to_port           = 23
  cidr_blocks       = ["0.0.0.0/0"]
}
