# Well configured: every rule that applies to it passes.
resource "aws_iam_policy" "good" {
  name = "read-data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = ["${aws_s3_bucket.this.arn}/*"]
    }]
  })
}

# expect fail: aws-iam-no-admin-policy
resource "aws_iam_policy" "iam_no_admin_policy" {
  name = "read-data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}
