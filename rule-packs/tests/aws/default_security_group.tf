# Well configured: every rule that applies to it passes.
resource "aws_default_security_group" "good" {
  vpc_id = aws_vpc.this.id
}

# expect fail: aws-default-sg-closed
resource "aws_default_security_group" "default_sg_closed" {
  vpc_id = aws_vpc.vpc_default_sg_restricted.id

  ingress {
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }
}
