# Well configured: every rule that applies to it passes.
resource "aws_launch_template" "good" {
  name_prefix = "app-"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = true
      kms_key_id  = aws_kms_key.this.arn
    }
  }

  network_interfaces {
    associate_public_ip_address = false
    security_groups             = [aws_security_group.good.id]
  }

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

# expect fail: aws-launch-template-imdsv2
resource "aws_launch_template" "launch_template_imdsv2" {
  name_prefix = "app-"
}

# expect fail: aws-launch-template-ebs-encrypted
resource "aws_launch_template" "launch_template_ebs_encrypted" {
  name_prefix = "app-"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
    }
  }

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

# expect fail: aws-launch-template-no-public-ip
resource "aws_launch_template" "launch_template_no_public_ip" {
  name_prefix = "app-"

  network_interfaces {
    associate_public_ip_address = true
  }

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}
