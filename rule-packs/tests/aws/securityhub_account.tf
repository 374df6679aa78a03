# Well configured: every rule that applies to it passes.
resource "aws_securityhub_account" "good" {
  enable_default_standards  = true
  auto_enable_controls      = true
  control_finding_generator = "SECURITY_CONTROL"
}

# expect fail: aws-securityhub-auto-enable-controls
resource "aws_securityhub_account" "securityhub_manual_controls" {
  enable_default_standards  = true
  auto_enable_controls      = false
  control_finding_generator = "SECURITY_CONTROL"
}

# Standards subscribed explicitly (aws_securityhub_standards_subscription) instead of the defaults.
resource "aws_securityhub_account" "securityhub_explicit_standards" {
  enable_default_standards  = false
  auto_enable_controls      = true
  control_finding_generator = "SECURITY_CONTROL"
}
