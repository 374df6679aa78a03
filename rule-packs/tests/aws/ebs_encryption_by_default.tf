# Well configured: every rule that applies to it passes.
resource "aws_ebs_encryption_by_default" "good" {
  enabled = true
}

# expect fail: aws-ebs-default-encryption, cis-aws-ebs-default-encryption, hipaa-ebs-default-encryption, pci-ebs-default-encryption, waf-ebs-default-encryption
resource "aws_ebs_encryption_by_default" "ebs_default_encryption" {
  enabled = false
}
