# Well configured: every rule that applies to it passes.
resource "aws_ebs_volume" "good" {
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
  encrypted         = true
  kms_key_id        = aws_kms_key.this.arn
}

# expect fail: aws-ebs-encrypted
resource "aws_ebs_volume" "ebs_encrypted" {
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
}

# expect fail: aws-ebs-cmk
resource "aws_ebs_volume" "ebs_cmk" {
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
  encrypted         = true
}

# expect fail: aws-ebs-current-volume-type
resource "aws_ebs_volume" "ebs_gp2" {
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp2"
  encrypted         = true
  kms_key_id        = aws_kms_key.this.arn
}

# expect fail: aws-ebs-current-volume-type
resource "aws_ebs_volume" "ebs_default_type" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.this.arn
}
