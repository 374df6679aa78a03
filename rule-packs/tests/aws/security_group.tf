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

# expect fail: aws-sg-no-ssh-from-internet
resource "aws_security_group" "ssh_in_a_port_range" {
  name = "range"
  ingress {
    from_port   = 20
    to_port     = 25
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# expect fail: aws-sg-no-ssh-from-internet, aws-sg-no-rdp-from-internet
resource "aws_security_group" "every_tcp_port" {
  name = "wide"
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}

# expect fail: aws-sg-no-ssh-from-internet, aws-sg-no-rdp-from-internet
resource "aws_security_group" "every_protocol" {
  name = "all"
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# expect fail: aws-sg-no-ssh-from-internet
resource "aws_security_group" "ssh_from_every_ipv6_address" {
  name = "v6"
  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}

# UDP on every port and SSH from a private range open neither SSH nor RDP to the internet.
resource "aws_security_group" "udp_and_private_ssh" {
  name = "udp"
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "udp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["10.0.0.0/8"]
    ipv6_cidr_blocks = ["fd00::/8"]
  }
}
