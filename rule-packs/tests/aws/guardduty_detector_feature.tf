# Well configured: every rule that applies to it passes.
resource "aws_guardduty_detector_feature" "good" {
  detector_id = aws_guardduty_detector.good.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}

# expect fail: aws-guardduty-feature-enabled
resource "aws_guardduty_detector_feature" "guardduty_feature_disabled" {
  detector_id = aws_guardduty_detector.good.id
  name        = "S3_DATA_EVENTS"
  status      = "DISABLED"
}
