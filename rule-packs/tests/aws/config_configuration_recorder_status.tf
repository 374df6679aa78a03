# Well configured: every rule that applies to it passes.
resource "aws_config_configuration_recorder_status" "good" {
  name       = aws_config_configuration_recorder.good.name
  is_enabled = true
}

# expect fail: aws-config-recorder-enabled
resource "aws_config_configuration_recorder_status" "config_recorder_stopped" {
  name       = aws_config_configuration_recorder.good.name
  is_enabled = false
}
