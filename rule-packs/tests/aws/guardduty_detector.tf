# Well configured: every rule that applies to it passes.
resource "aws_guardduty_detector" "good" {
  enable = true
}

# expect fail: aws-guardduty-enabled
resource "aws_guardduty_detector" "guardduty_enabled" {
  enable = false
}
