# Well configured: every rule that applies to it passes.
resource "aws_wafv2_web_acl" "good" {
  name  = "edge"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "common"
    priority = 1

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "edge"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_logging_configuration" "good" {
  resource_arn            = aws_wafv2_web_acl.good.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}

# expect fail: aws-wafv2-logging
resource "aws_wafv2_web_acl" "wafv2_logging" {
  name  = "edge"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "common"
    priority = 1

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "edge"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_logging_configuration" "wafv2_has_rules" {
  resource_arn            = aws_wafv2_web_acl.wafv2_has_rules.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}

# expect fail: aws-wafv2-has-rules
resource "aws_wafv2_web_acl" "wafv2_has_rules" {
  name  = "edge"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "edge"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_logging_configuration" "wafv2_metrics" {
  resource_arn            = aws_wafv2_web_acl.wafv2_metrics.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}

# expect fail: aws-wafv2-metrics
resource "aws_wafv2_web_acl" "wafv2_metrics" {
  name  = "edge"
  scope = "REGIONAL"

  default_action {
    block {}
  }

  rule {
    name     = "common"
    priority = 1

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "common"
      sampled_requests_enabled   = false
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = false
    metric_name                = "edge"
    sampled_requests_enabled   = false
  }
}
