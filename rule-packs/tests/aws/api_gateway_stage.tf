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

# The web ACL of each REST stage above.
resource "aws_wafv2_web_acl_association" "apigw_good" {
  resource_arn = aws_api_gateway_stage.good.arn
  web_acl_arn  = aws_wafv2_web_acl.good.arn
}

resource "aws_wafv2_web_acl_association" "apigw_access_logs" {
  resource_arn = aws_api_gateway_stage.apigw_access_logs.arn
  web_acl_arn  = aws_wafv2_web_acl.good.arn
}

resource "aws_wafv2_web_acl_association" "apigw_xray" {
  resource_arn = aws_api_gateway_stage.apigw_xray.arn
  web_acl_arn  = aws_wafv2_web_acl.good.arn
}

# expect fail: aws-apigw-stage-waf
resource "aws_api_gateway_stage" "apigw_stage_waf" {
  stage_name           = "prod"
  rest_api_id          = aws_api_gateway_rest_api.this.id
  deployment_id        = aws_api_gateway_deployment.this.id
  xray_tracing_enabled = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = jsonencode({ requestId = "$context.requestId" })
  }
}

# Well configured: every rule that applies to them passes.
resource "aws_api_gateway_method" "good" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.users.id
}

resource "aws_api_gateway_method" "cors_preflight" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "partner_feed" {
  rest_api_id      = aws_api_gateway_rest_api.this.id
  resource_id      = aws_api_gateway_resource.orders.id
  http_method      = "POST"
  authorization    = "NONE"
  api_key_required = true
}

# expect fail: aws-apigw-method-auth
resource "aws_api_gateway_method" "apigw_method_auth" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "DELETE"
  authorization = "NONE"
}

resource "aws_api_gateway_method_settings" "good" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.good.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled      = true
    logging_level        = "ERROR"
    caching_enabled      = true
    cache_data_encrypted = true
  }
}

# expect fail: aws-apigw-cache-encrypted
resource "aws_api_gateway_method_settings" "apigw_cache_encrypted" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.good.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    caching_enabled = true
  }
}

# expect fail: aws-apigw-execution-logging
resource "aws_api_gateway_method_settings" "apigw_execution_logging" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.good.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled = true
    logging_level   = "OFF"
  }
}

resource "aws_api_gateway_domain_name" "good" {
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.this.arn
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# expect fail: aws-apigw-domain-tls
resource "aws_api_gateway_domain_name" "apigw_domain_tls" {
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.this.arn
  security_policy          = "TLS_1_0"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_apigatewayv2_stage" "good" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = jsonencode({ requestId = "$context.requestId" })
  }
}

# expect fail: aws-apigwv2-stage-access-logs
resource "aws_apigatewayv2_stage" "apigwv2_stage_access_logs" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_route" "good" {
  api_id             = aws_apigatewayv2_api.this.id
  route_key          = "GET /orders"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.users.id
}

resource "aws_apigatewayv2_route" "preflight" {
  api_id    = aws_apigatewayv2_api.this.id
  route_key = "OPTIONS /orders"
}

# expect fail: aws-apigwv2-route-auth
resource "aws_apigatewayv2_route" "apigwv2_route_auth" {
  api_id    = aws_apigatewayv2_api.this.id
  route_key = "DELETE /orders/{id}"
}

# WebSocket routes other than $connect take no authorization.
resource "aws_apigatewayv2_route" "websocket_message" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "sendmessage"
}

# expect fail: aws-apigwv2-route-auth
resource "aws_apigatewayv2_route" "websocket_connect_without_auth" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "$connect"
}
