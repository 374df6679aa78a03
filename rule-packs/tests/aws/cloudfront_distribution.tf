# Well configured: every rule that applies to it passes.
resource "aws_cloudfront_distribution" "good" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.this.arn

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

# expect fail: aws-cloudfront-https
resource "aws_cloudfront_distribution" "cloudfront_https" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.this.arn

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "allow-all"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

# expect fail: aws-cloudfront-tls
resource "aws_cloudfront_distribution" "cloudfront_tls" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.this.arn

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1"
  }
}

# expect fail: aws-cloudfront-waf
resource "aws_cloudfront_distribution" "cloudfront_waf" {
  enabled = true

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

# expect fail: aws-cloudfront-access-logs
resource "aws_cloudfront_distribution" "cloudfront_access_logs" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.this.arn

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

# Well configured: a custom origin reached over TLS 1.2.
resource "aws_cloudfront_distribution" "api" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.this.arn

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }

  origin {
    domain_name = "api.example.com"
    origin_id   = "api"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

# expect fail: aws-cloudfront-origin-https
resource "aws_cloudfront_distribution" "cloudfront_origin_https" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.this.arn

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }

  origin {
    domain_name = "api.example.com"
    origin_id   = "api"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

# expect fail: aws-cloudfront-origin-tls
resource "aws_cloudfront_distribution" "cloudfront_origin_tls" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.this.arn

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }

  origin {
    domain_name = "api.example.com"
    origin_id   = "api"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1", "TLSv1.1", "TLSv1.2"]
    }
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

# expect fail: aws-cloudfront-enabled
resource "aws_cloudfront_distribution" "cloudfront_enabled" {
  enabled    = false
  web_acl_id = aws_wafv2_web_acl.this.arn

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

# Well configured: every rule that applies to it passes.
resource "aws_cloudfront_response_headers_policy" "good" {
  name = "security-headers"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }
    content_type_options {
      override = true
    }
  }
}

# expect fail: aws-cloudfront-response-headers-hsts
resource "aws_cloudfront_response_headers_policy" "cloudfront_response_headers_hsts" {
  name = "security-headers"

  security_headers_config {
    content_type_options {
      override = true
    }
  }
}

# Well configured: an S3 origin read through origin access control.
resource "aws_cloudfront_distribution" "static_site" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.this.arn

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }

  origin {
    domain_name              = aws_s3_bucket.this.bucket_regional_domain_name
    origin_id                = "site"
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

# expect fail: aws-cloudfront-s3-origin-access-control
resource "aws_cloudfront_distribution" "cloudfront_s3_origin_access_control" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.this.arn

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }

  origin {
    domain_name = "assets-prod.s3.eu-west-1.amazonaws.com"
    origin_id   = "assets"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "assets"
    viewer_protocol_policy = "redirect-to-https"
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.this.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
