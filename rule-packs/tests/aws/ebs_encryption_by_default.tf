# Well configured: every rule that applies to it passes.
resource "aws_ebs_encryption_by_default" "good" {
  enabled = true
}

# expect fail: aws-ebs-default-encryption
resource "aws_ebs_encryption_by_default" "ebs_default_encryption" {
  enabled = false
}
