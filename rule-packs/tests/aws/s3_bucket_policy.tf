# Well configured: every rule that applies to it passes.
resource "aws_s3_bucket_policy" "good" {
  bucket = "example-data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::example-data", "arn:aws:s3:::example-data/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "ReadFromTheVpcEndpoint"
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-data/*"
        Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d" } }
      },
      {
        Sid       = "ReadForTheAnalyticsRole"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/analytics" }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-data/*"
      },
    ]
  })
}

# expect fail: aws-s3-policy-no-public-allow
resource "aws_s3_bucket_policy" "s3_policy_public_read" {
  bucket = "example-data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::example-data", "arn:aws:s3:::example-data/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "ReadFromTheVpcEndpoint"
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-data/*"
      },
      {
        Sid       = "ReadForTheAnalyticsRole"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/analytics" }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-data/*"
      },
    ]
  })
}

# expect fail: aws-s3-policy-no-public-allow
resource "aws_s3_bucket_policy" "s3_policy_public_aws_star" {
  bucket = "example-data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::example-data", "arn:aws:s3:::example-data/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "ReadFromTheVpcEndpoint"
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-data/*"
        Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d" } }
      },
      {
        Sid       = "ReadForTheAnalyticsRole"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-data/*"
      },
    ]
  })
}

# A policy document data source: a public Allow without a condition.
data "aws_iam_policy_document" "public_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example-data/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

# expect fail: aws-s3-policy-no-public-allow
resource "aws_s3_bucket_policy" "s3_policy_document_public" {
  bucket = "example-data"
  policy = data.aws_iam_policy_document.public_read.json
}
