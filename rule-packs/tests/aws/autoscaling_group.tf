# Well configured: every rule that applies to it passes.
resource "aws_autoscaling_group" "good" {
  name                = "app"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  target_group_arns   = [aws_lb_target_group.app.arn]
  health_check_type   = "ELB"

  launch_template {
    id      = aws_launch_template.good.id
    version = "$Latest"
  }
}

# Placed by zones, with no load balancer.
resource "aws_autoscaling_group" "workers" {
  name               = "workers"
  min_size           = 1
  max_size           = 4
  availability_zones = ["eu-west-1a", "eu-west-1b"]

  launch_template {
    id      = aws_launch_template.good.id
    version = "$Latest"
  }
}

# expect fail: aws-autoscaling-launch-template
resource "aws_autoscaling_group" "autoscaling_launch_template" {
  name                 = "legacy"
  min_size             = 2
  max_size             = 6
  vpc_zone_identifier  = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  launch_configuration = aws_launch_configuration.good.name
}

# expect fail: aws-autoscaling-elb-health-check
resource "aws_autoscaling_group" "autoscaling_elb_health_check" {
  name                = "app"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  target_group_arns   = [aws_lb_target_group.app.arn]

  launch_template {
    id      = aws_launch_template.good.id
    version = "$Latest"
  }
}

# expect fail: aws-autoscaling-multi-az
resource "aws_autoscaling_group" "autoscaling_multi_az" {
  name               = "workers"
  min_size           = 1
  max_size           = 4
  availability_zones = ["eu-west-1a"]

  launch_template {
    id      = aws_launch_template.good.id
    version = "$Latest"
  }
}

# expect fail: aws-autoscaling-subnets-multi-az
resource "aws_autoscaling_group" "autoscaling_subnets_multi_az" {
  name                = "app"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = [aws_subnet.private_a.id]

  launch_template {
    id      = aws_launch_template.good.id
    version = "$Latest"
  }
}

# expect fail: aws-autoscaling-can-scale
resource "aws_autoscaling_group" "autoscaling_can_scale" {
  name                = "app"
  min_size            = 1
  max_size            = 1
  vpc_zone_identifier = [aws_subnet.private_a.id, aws_subnet.private_b.id]

  launch_template {
    id      = aws_launch_template.good.id
    version = "$Latest"
  }
}

# Well configured: every rule that applies to it passes.
resource "aws_autoscaling_policy" "good" {
  name                   = "cpu"
  autoscaling_group_name = aws_autoscaling_group.good.name
  policy_type            = "TargetTrackingScaling"

  target_tracking_configuration {
    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
    target_value = 60
  }
}

# expect fail: aws-autoscaling-policy-type
resource "aws_autoscaling_policy" "autoscaling_policy_type" {
  name                   = "scale-out"
  autoscaling_group_name = aws_autoscaling_group.good.name
  scaling_adjustment     = 1
  adjustment_type        = "ChangeInCapacity"
}
