# Well configured: every rule that applies to it passes.
resource "aws_launch_template" "good" {
  name_prefix = "app-"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

# expect fail: aws-launch-template-imdsv2
resource "aws_launch_template" "launch_template_imdsv2" {
  name_prefix = "app-"
}
