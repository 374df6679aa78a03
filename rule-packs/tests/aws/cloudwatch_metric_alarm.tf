# Well configured: every rule that applies to it passes.
resource "aws_cloudwatch_metric_alarm" "good" {
  alarm_name          = "api-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.good.arn]
}

# expect fail: aws-cloudwatch-alarm-actions
resource "aws_cloudwatch_metric_alarm" "alarm_no_actions" {
  alarm_name          = "api-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
}

# expect fail: aws-cloudwatch-alarm-actions
resource "aws_cloudwatch_metric_alarm" "alarm_actions_disabled" {
  alarm_name          = "api-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.good.arn]
  actions_enabled     = false
}

# expect fail: aws-cloudwatch-alarm-metric
resource "aws_cloudwatch_metric_alarm" "alarm_no_metric" {
  alarm_name          = "api-5xx"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.good.arn]
}

# An alarm on metric math names its metrics in metric_query.
resource "aws_cloudwatch_metric_alarm" "alarm_metric_math" {
  alarm_name          = "api-5xx"
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.good.arn]
  metric_query {
    id          = "errors"
    expression  = "m1 / m2"
    return_data = true
  }
}
