# Well configured: every rule that applies to it passes.

resource "aws_securityhub_account" "good" {
  enable_default_standards  = true
  auto_enable_controls      = true
  control_finding_generator = "SECURITY_CONTROL"
}

# expect fail: aws-securityhub-default-standards
resource "aws_securityhub_account" "securityhub_no_standards" {
  enable_default_standards  = false
  auto_enable_controls      = true
  control_finding_generator = "SECURITY_CONTROL"
}
