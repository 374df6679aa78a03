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
