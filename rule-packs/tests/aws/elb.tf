# Well configured: every rule that applies to it passes.
resource "aws_elb" "good" {
  name    = "legacy"
  subnets = aws_subnet.public[*].id

  listener {
    instance_port      = 8080
    instance_protocol  = "http"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = aws_acm_certificate.this.arn
  }

  access_logs {
    bucket   = aws_s3_bucket.logs.id
    interval = 60
  }
}

# expect fail: aws-elb-access-logs
resource "aws_elb" "elb_access_logs" {
  name    = "legacy"
  subnets = aws_subnet.public[*].id

  listener {
    instance_port      = 8080
    instance_protocol  = "http"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = aws_acm_certificate.this.arn
  }
}

# expect fail: aws-elb-https-listeners
resource "aws_elb" "elb_https_listeners" {
  name    = "legacy"
  subnets = aws_subnet.public[*].id

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }

  access_logs {
    bucket = aws_s3_bucket.logs.id
  }
}
