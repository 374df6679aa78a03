# Well configured: every rule that applies to it passes.
resource "aws_instance" "good" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  monitoring                  = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }
}

# expect fail: aws-ec2-imdsv2
resource "aws_instance" "ec2_imdsv2" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  monitoring                  = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }
}

# expect fail: aws-ec2-root-volume-encrypted
resource "aws_instance" "ec2_root_volume_encrypted" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  monitoring                  = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    volume_type = "gp3"
  }
}

# expect fail: aws-ec2-no-public-ip
resource "aws_instance" "ec2_no_public_ip" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = true
  monitoring                  = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }
}

# expect fail: aws-ec2-detailed-monitoring
resource "aws_instance" "ec2_detailed_monitoring" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }
}

# expect fail: aws-ec2-ebs-block-devices-encrypted
resource "aws_instance" "ec2_ebs_block_devices_encrypted" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  monitoring                  = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = true
  }

  ebs_block_device {
    device_name = "/dev/sdg"
    volume_size = 100
  }
}

# expect fail: aws-ec2-user-data-no-access-keys
resource "aws_instance" "ec2_user_data_no_access_keys" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  monitoring                  = true
  user_data                   = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
    export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
    aws s3 cp s3://artifacts/app.tar.gz /opt/app/
  EOT

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }
}

# Well configured: user data without credentials, and an encrypted data volume.
resource "aws_instance" "app_with_data_volume" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  monitoring                  = true
  user_data                   = <<-EOT
    #!/bin/bash
    aws s3 cp s3://artifacts/app.tar.gz /opt/app/
  EOT

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = true
    kms_key_id  = aws_kms_key.this.arn
  }
}

# expect fail: aws-ec2-instance-profile
resource "aws_instance" "ec2_instance_profile" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  monitoring                  = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }
}

# Well configured: the launch template gives it its instance profile.
resource "aws_instance" "from_a_launch_template" {
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  monitoring                  = true

  launch_template {
    id      = aws_launch_template.good.id
    version = "$Latest"
  }

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }
}
