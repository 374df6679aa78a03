# Well configured: every rule that applies to it passes.
resource "aws_launch_configuration" "good" {
  name_prefix                 = "app-"
  image_id                    = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  associate_public_ip_address = false
  user_data                   = "#!/bin/bash\nsystemctl start app\n"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 50
    encrypted   = true
  }
}

# expect fail: aws-launch-configuration-imdsv2
resource "aws_launch_configuration" "launch_configuration_imdsv2" {
  name_prefix   = "app-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }
}

# expect fail: aws-launch-configuration-root-encrypted
resource "aws_launch_configuration" "launch_configuration_root_encrypted" {
  name_prefix   = "app-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    volume_size = 20
  }
}

# expect fail: aws-launch-configuration-ebs-encrypted
resource "aws_launch_configuration" "launch_configuration_ebs_encrypted" {
  name_prefix   = "app-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 50
    encrypted   = false
  }
}

# expect fail: aws-launch-configuration-no-public-ip
resource "aws_launch_configuration" "launch_configuration_no_public_ip" {
  name_prefix                 = "app-"
  image_id                    = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  associate_public_ip_address = true

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted = true
  }
}

# expect fail: aws-launch-configuration-user-data-no-access-keys
resource "aws_launch_configuration" "launch_configuration_user_data_no_access_keys" {
  name_prefix   = "app-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\naws configure set aws_secret_access_key ${var.secret_key}\n"

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted = true
  }
}
