# Well configured: every rule that applies to it passes.
resource "aws_api_gateway_stage" "good" {
  stage_name           = "prod"
  rest_api_id          = aws_api_gateway_rest_api.this.id
  deployment_id        = aws_api_gateway_deployment.this.id
  xray_tracing_enabled = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = jsonencode({ requestId = "$context.requestId" })
  }
}

# expect fail: aws-apigw-access-logs
resource "aws_api_gateway_stage" "apigw_access_logs" {
  stage_name           = "prod"
  rest_api_id          = aws_api_gateway_rest_api.this.id
  deployment_id        = aws_api_gateway_deployment.this.id
  xray_tracing_enabled = true
}

# expect fail: aws-apigw-xray
resource "aws_api_gateway_stage" "apigw_xray" {
  stage_name    = "prod"
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = jsonencode({ requestId = "$context.requestId" })
  }
}
