# Well configured: every rule that applies to it passes.
resource "aws_network_acl" "good" {
  vpc_id = aws_vpc.this.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "10.0.0.0/8"
  }

  # A deny of everything from the internet restricts.
  ingress {
    rule_no    = 200
    action     = "deny"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

# Its ingress rules are aws_network_acl_rule resources.
resource "aws_network_acl" "rules_apart" {
  vpc_id = aws_vpc.this.id
}

# expect fail: aws-nacl-ingress-rules-defined
resource "aws_network_acl" "nacl_ingress_rules_defined" {
  vpc_id = aws_vpc.this.id

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

# expect fail: aws-nacl-no-ssh-from-internet
resource "aws_network_acl" "nacl_no_ssh_from_internet" {
  vpc_id = aws_vpc.this.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
}

# expect fail: aws-nacl-no-rdp-from-internet
resource "aws_network_acl" "nacl_no_rdp_from_internet" {
  vpc_id = aws_vpc.this.id

  ingress {
    rule_no         = 100
    action          = "allow"
    protocol        = "6"
    from_port       = 3389
    to_port         = 3389
    ipv6_cidr_block = "::/0"
  }
}

# expect fail: aws-nacl-no-ftp-from-internet
resource "aws_network_acl" "nacl_no_ftp_from_internet" {
  vpc_id = aws_vpc.this.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 21
    to_port    = 21
    cidr_block = "0.0.0.0/0"
  }
}

# expect fail: aws-nacl-no-ssh-from-internet, aws-nacl-no-rdp-from-internet, aws-nacl-no-ftp-from-internet, aws-nacl-no-all-traffic-from-internet
resource "aws_network_acl" "nacl_no_all_traffic_from_internet" {
  vpc_id = aws_vpc.this.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

# Well configured: every rule that applies to it passes.
resource "aws_network_acl_rule" "good" {
  network_acl_id = aws_network_acl.rules_apart.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/8"
  from_port      = 22
  to_port        = 22
}

# Egress, a deny, and HTTPS from the internet open no remote administration port.
resource "aws_network_acl_rule" "egress_everywhere" {
  network_acl_id = aws_network_acl.rules_apart.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "deny_everything" {
  network_acl_id = aws_network_acl.rules_apart.id
  rule_number    = 200
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "https" {
  network_acl_id = aws_network_acl.rules_apart.id
  rule_number    = 110
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}

resource "aws_network_acl_rule" "rdp_from_the_office" {
  network_acl_id = aws_network_acl.rules_apart.id
  rule_number    = 120
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "192.0.2.0/24"
  from_port      = 3389
  to_port        = 3389
}

# expect fail: aws-nacl-rule-no-ssh-from-internet
resource "aws_network_acl_rule" "nacl_rule_no_ssh_from_internet" {
  network_acl_id = aws_network_acl.rules_apart.id
  rule_number    = 130
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

# expect fail: aws-nacl-rule-no-rdp-from-internet
resource "aws_network_acl_rule" "nacl_rule_no_rdp_from_internet" {
  network_acl_id  = aws_network_acl.rules_apart.id
  rule_number     = 140
  protocol        = "tcp"
  rule_action     = "allow"
  ipv6_cidr_block = "::/0"
  from_port       = 3389
  to_port         = 3389
}

# expect fail: aws-nacl-rule-no-ftp-from-internet
resource "aws_network_acl_rule" "nacl_rule_no_ftp_from_internet" {
  network_acl_id = aws_network_acl.rules_apart.id
  rule_number    = 150
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 20
  to_port        = 20
}

# expect fail: aws-nacl-rule-no-all-traffic-from-internet
resource "aws_network_acl_rule" "nacl_rule_no_all_traffic_from_internet" {
  network_acl_id = aws_network_acl.rules_apart.id
  rule_number    = 160
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "ftp_from_a_partner" {
  network_acl_id = aws_network_acl.rules_apart.id
  rule_number    = 170
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "198.51.100.0/24"
  from_port      = 20
  to_port        = 21
}

resource "aws_network_acl_rule" "everything_from_the_vpc" {
  network_acl_id = aws_network_acl.rules_apart.id
  rule_number    = 180
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/16"
}
