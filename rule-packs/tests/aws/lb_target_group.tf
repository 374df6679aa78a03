# Well configured: every rule that applies to it passes.
resource "aws_lb_target_group" "good" {
  name        = "app"
  port        = 8080
  protocol    = "HTTP"
  vpc_id      = aws_vpc.this.id
  target_type = "ip"

  health_check {
    path                = "/healthz"
    interval            = 15
    healthy_threshold   = 3
    unhealthy_threshold = 3
  }
}

# A Lambda target group's health check is the invocation itself.
resource "aws_lb_target_group" "lambda" {
  name        = "fn"
  target_type = "lambda"
}

# expect fail: aws-lb-target-group-health-check
resource "aws_lb_target_group" "lb_target_group_health_check" {
  name     = "app"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.this.id
}
