# Well configured: every rule that applies to it passes.
resource "aws_ebs_volume" "good" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.this.arn
}

# expect fail: aws-ebs-encrypted
resource "aws_ebs_volume" "ebs_encrypted" {
  availability_zone = "eu-west-1a"
  size              = 100
  kms_key_id        = aws_kms_key.this.arn
}
