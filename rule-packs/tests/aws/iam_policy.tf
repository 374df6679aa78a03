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

# A Deny on every action restricts: it grants nothing.
resource "aws_iam_policy" "deny_everything_outside_the_region" {
  name = "region-guard"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["${aws_s3_bucket.this.arn}/*"]
      },
      {
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
      }
    ]
  })
}

# expect fail: aws-iam-no-admin-policy
resource "aws_iam_policy" "allow_everything_but_iam" {
  name = "almost-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      NotAction = ["iam:*"]
      Resource  = "*"
    }]
  })
}

# expect fail: aws-iam-no-admin-policy
resource "aws_iam_role_policy" "admin_written_as_json" {
  name = "admin"
  role = aws_iam_role.this.id
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        { "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*" },
        { "Effect": "Allow", "Action": ["s3:GetObject", "*"], "Resource": "*" }
      ]
    }
  JSON
}
