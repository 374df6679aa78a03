# Well configured: every rule that applies to it passes.
resource "aws_security_group" "good" {
  name        = "web"
  description = "web servers"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "HTTPS out"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# expect fail: aws-sg-no-ssh-from-internet
resource "aws_security_group" "sg_no_ssh_from_internet" {
  name        = "web"
  description = "web servers"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "HTTPS out"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# expect fail: aws-sg-no-rdp-from-internet
resource "aws_security_group" "sg_no_rdp_from_internet" {
  name        = "web"
  description = "web servers"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "RDP"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "HTTPS out"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# expect fail: aws-sg-no-ssh-from-internet, aws-sg-no-remote-admin-ports-from-internet
resource "aws_security_group" "ssh_in_a_port_range" {
  description = "ssh in a port range"
  name        = "range"
  ingress {
    description = "ingress"
    from_port   = 20
    to_port     = 25
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# expect fail: aws-sg-no-ssh-from-internet, aws-sg-no-rdp-from-internet, aws-sg-no-database-ports-from-internet, aws-sg-no-remote-admin-ports-from-internet
resource "aws_security_group" "every_tcp_port" {
  description = "every tcp port"
  name        = "wide"
  ingress {
    description = "ingress"
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}

# expect fail: aws-sg-no-ssh-from-internet, aws-sg-no-rdp-from-internet, aws-sg-no-all-traffic-from-internet
resource "aws_security_group" "every_protocol" {
  description = "every protocol"
  name        = "all"
  ingress {
    description = "ingress"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# expect fail: aws-sg-no-ssh-from-internet
resource "aws_security_group" "ssh_from_every_ipv6_address" {
  description = "ssh from every ipv6 address"
  name        = "v6"
  ingress {
    description      = "ingress"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}

# UDP on every port and SSH from a private range open neither SSH nor RDP to the internet.
resource "aws_security_group" "udp_and_private_ssh" {
  name        = "udp"
  description = "DNS and SSH from the VPN"
  ingress {
    description = "Any UDP"
    from_port   = 0
    to_port     = 65535
    protocol    = "udp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    description      = "SSH from the VPN"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["10.0.0.0/8"]
    ipv6_cidr_blocks = ["fd00::/8"]
  }
}

# expect fail: aws-sg-no-ssh-from-internet, aws-sg-no-rdp-from-internet, aws-sg-no-all-traffic-from-internet
resource "aws_security_group" "sg_no_all_traffic_from_internet" {
  name        = "all"
  description = "every protocol"
  vpc_id      = aws_vpc.this.id

  ingress {
    description      = "Everything"
    from_port        = 0
    to_port          = 0
    protocol         = "all"
    ipv6_cidr_blocks = ["::/0"]
  }
}

# expect fail: aws-sg-description
resource "aws_security_group" "sg_description" {
  name   = "web"
  vpc_id = aws_vpc.this.id

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

# expect fail: aws-sg-inline-rule-description
resource "aws_security_group" "sg_inline_rule_description" {
  name        = "web"
  description = "web servers"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Well configured: a PCI group reached only from the load balancers' group.
resource "aws_security_group" "cardholder_data" {
  name        = "cde"
  description = "cardholder data environment"
  vpc_id      = aws_vpc.this.id
  tags        = { PCIScope = "true" }

  ingress {
    description     = "HTTPS from the load balancers"
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.lb.id]
  }
}

# expect fail: aws-sg-pci-scope-no-internet-ingress
resource "aws_security_group" "sg_pci_scope_no_internet_ingress" {
  name        = "cde"
  description = "cardholder data environment"
  vpc_id      = aws_vpc.this.id
  tags        = { PCIScope = true }

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Well configured: the database reached from the application's group only.
resource "aws_security_group" "database" {
  name        = "db"
  description = "PostgreSQL for the application"
  vpc_id      = aws_vpc.this.id

  ingress {
    description     = "PostgreSQL from the application"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.good.id]
  }
}

# expect fail: aws-sg-no-database-ports-from-internet
resource "aws_security_group" "sg_no_database_ports_from_internet" {
  name        = "db"
  description = "MySQL"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "MySQL"
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# expect fail: aws-sg-no-remote-admin-ports-from-internet
resource "aws_security_group" "sg_no_remote_admin_ports_from_internet" {
  name        = "windows"
  description = "WinRM"
  vpc_id      = aws_vpc.this.id

  ingress {
    description      = "WinRM over HTTP and HTTPS"
    from_port        = 5985
    to_port          = 5986
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
