# Well configured: every rule that applies to it passes.
resource "aws_lb" "good" {
  name                       = "web"
  load_balancer_type         = "application"
  internal                   = false
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  subnets                    = aws_subnet.public[*].id

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

# expect fail: aws-alb-drop-invalid-headers
resource "aws_lb" "alb_drop_invalid_headers" {
  name                       = "web"
  load_balancer_type         = "application"
  internal                   = false
  enable_deletion_protection = true
  subnets                    = aws_subnet.public[*].id

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

# expect fail: aws-lb-access-logs
resource "aws_lb" "lb_access_logs" {
  name                       = "web"
  load_balancer_type         = "application"
  internal                   = false
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  subnets                    = aws_subnet.public[*].id
}

# expect fail: aws-lb-deletion-protection
resource "aws_lb" "lb_deletion_protection" {
  name                       = "web"
  load_balancer_type         = "application"
  internal                   = false
  drop_invalid_header_fields = true
  subnets                    = aws_subnet.public[*].id

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

# The web ACL of each internet-facing application load balancer above.
resource "aws_wafv2_web_acl_association" "lb_good" {
  resource_arn = aws_lb.good.arn
  web_acl_arn  = aws_wafv2_web_acl.good.arn
}

resource "aws_wafv2_web_acl_association" "alb_drop_invalid_headers" {
  resource_arn = aws_lb.alb_drop_invalid_headers.arn
  web_acl_arn  = aws_wafv2_web_acl.good.arn
}

resource "aws_wafv2_web_acl_association" "lb_access_logs" {
  resource_arn = aws_lb.lb_access_logs.arn
  web_acl_arn  = aws_wafv2_web_acl.good.arn
}

resource "aws_wafv2_web_acl_association" "lb_deletion_protection" {
  resource_arn = aws_lb.lb_deletion_protection.arn
  web_acl_arn  = aws_wafv2_web_acl.good.arn
}

# expect fail: aws-alb-waf
resource "aws_lb" "alb_waf" {
  name                       = "web"
  load_balancer_type         = "application"
  internal                   = false
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  subnets                    = aws_subnet.public[*].id

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

# Well configured: an internal application load balancer needs no web ACL.
resource "aws_lb" "internal_api" {
  name                       = "api"
  load_balancer_type         = "application"
  internal                   = true
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  desync_mitigation_mode     = "strictest"
  subnets                    = aws_subnet.private[*].id

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

# expect fail: aws-alb-desync-mitigation
resource "aws_lb" "alb_desync_mitigation" {
  name                       = "api"
  load_balancer_type         = "application"
  internal                   = true
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  desync_mitigation_mode     = "monitor"
  subnets                    = aws_subnet.private[*].id

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

# Well configured: a network load balancer.
resource "aws_lb" "network" {
  name                             = "tcp"
  load_balancer_type               = "network"
  internal                         = false
  enable_deletion_protection       = true
  enable_cross_zone_load_balancing = true
  subnets                          = aws_subnet.public[*].id

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

# expect fail: aws-nlb-cross-zone
resource "aws_lb" "nlb_cross_zone" {
  name                       = "tcp"
  load_balancer_type         = "network"
  internal                   = false
  enable_deletion_protection = true
  subnets                    = aws_subnet.public[*].id

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}
