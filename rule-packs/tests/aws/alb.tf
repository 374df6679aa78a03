# aws_alb, aws_alb_listener and aws_alb_target_group are the provider's older names of aws_lb,
# aws_lb_listener and aws_lb_target_group: the same checks apply to them.
# Well configured: every rule that applies to them passes.
resource "aws_alb" "good" {
  name                       = "legacy-web"
  internal                   = false
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  subnets                    = aws_subnet.public[*].id

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

resource "aws_wafv2_web_acl_association" "alb_good" {
  resource_arn = aws_alb.good.arn
  web_acl_arn  = aws_wafv2_web_acl.good.arn
}

resource "aws_alb_listener" "good" {
  load_balancer_arn = aws_alb.good.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.this.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_alb_target_group.good.arn
  }
}

resource "aws_alb_target_group" "good" {
  name     = "legacy-web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.this.id

  health_check {
    path = "/healthz"
  }
}

# expect fail: aws-alb-drop-invalid-headers, aws-alb-waf
resource "aws_alb" "alb_without_header_checks" {
  name                       = "legacy-web"
  internal                   = false
  enable_deletion_protection = true
  subnets                    = aws_subnet.public[*].id

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

# expect fail: aws-lb-http-redirects
resource "aws_alb_listener" "plain_http" {
  load_balancer_arn = aws_alb.good.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_alb_target_group.good.arn
  }
}

# expect fail: aws-lb-target-group-health-check
resource "aws_alb_target_group" "without_health_check" {
  name     = "legacy-web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.this.id
}
