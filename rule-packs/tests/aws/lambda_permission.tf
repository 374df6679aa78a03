# Well configured: every rule that applies to it passes.
resource "aws_lambda_permission" "good" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.this.arn
}

# expect fail: aws-lambda-permission-source
resource "aws_lambda_permission" "lambda_permission_source" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  principal     = "s3.amazonaws.com"
}

# expect fail: aws-lambda-permission-not-public
resource "aws_lambda_permission" "lambda_permission_not_public" {
  statement_id  = "AnyoneMayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.good.function_name
  principal     = "*"
}
