# Well configured: every rule that applies to it passes.
resource "aws_lambda_function_url" "good" {
  function_name      = aws_lambda_function.this.function_name
  authorization_type = "AWS_IAM"
}

# expect fail: aws-lambda-function-url-auth
resource "aws_lambda_function_url" "aws_lambda_function_url_auth" {
  function_name      = aws_lambda_function.this.function_name
  authorization_type = "NONE"
}
