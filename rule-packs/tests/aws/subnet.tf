# Well configured: every rule that applies to it passes.
resource "aws_subnet" "good" {
  vpc_id                  = aws_vpc.this.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = false
}

# expect fail: aws-subnet-no-auto-public-ip
resource "aws_subnet" "subnet_no_auto_public_ip" {
  vpc_id                  = aws_vpc.this.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}
