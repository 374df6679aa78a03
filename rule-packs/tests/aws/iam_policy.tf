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
  name   = "admin"
  role   = aws_iam_role.this.id
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

# A condition does not make "*" less than admin; jsonencode sorts it between Action and Effect.
# expect fail: aws-iam-no-admin-policy
resource "aws_iam_policy" "admin_in_one_region" {
  name = "regional-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { StringEquals = { "aws:RequestedRegion" = "eu-west-1" } }
    }]
  })
}

# expect fail: aws-iam-policy-document-no-admin
data "aws_iam_policy_document" "admin_in_one_region" {
  statement {
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }
}

# expect fail: aws-iam-no-admin-policy
resource "aws_iam_policy" "admin_in_one_region_from_a_document" {
  name   = "regional-admin"
  policy = data.aws_iam_policy_document.admin_in_one_region.json
}

data "aws_iam_policy_document" "read_in_one_region" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.this.arn}/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

# Well configured: a Deny on "*" next to an Allow of one action, each with a condition.
resource "aws_iam_policy" "read_in_one_region" {
  name   = "regional-read"
  policy = data.aws_iam_policy_document.read_in_one_region.json
}

# expect fail: aws-iam-policy-document-no-admin
data "aws_iam_policy_document" "iam_policy_document_no_admin" {
  statement {
    not_actions = ["iam:*", "organizations:*"]
    resources   = ["*"]
  }
}

# expect fail: aws-iam-policy-no-full-iam
resource "aws_iam_policy" "iam_policy_no_full_iam" {
  name = "identity-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:*", "sts:AssumeRole"]
      Resource = "*"
    }]
  })
}

# expect fail: aws-iam-policy-no-full-iam
resource "aws_iam_group_policy" "full_iam_written_as_json" {
  name   = "identity-admin"
  group  = aws_iam_group.admins.name
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        { "Action": "iam:*", "Resource": "*", "Effect": "Allow" }
      ]
    }
  JSON
}

# Well configured: read-only IAM, and a Deny of every IAM action.
resource "aws_iam_group_policy" "iam_read_only" {
  name  = "identity-audit"
  group = aws_iam_group.admins.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["iam:Get*", "iam:List*"], Resource = "*" },
      { Effect = "Deny", Action = "iam:*", Resource = "*" }
    ]
  })
}

# expect fail: aws-iam-policy-document-no-full-iam
data "aws_iam_policy_document" "iam_policy_document_no_full_iam" {
  statement {
    effect    = "Allow"
    actions   = ["iam:*"]
    resources = ["*"]
  }
}

# Well configured: the actions a deploy role needs, and a Deny of every IAM action.
data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["ecs:UpdateService", "ecs:DescribeServices"]
    resources = [aws_ecs_service.app.id]
  }
  statement {
    effect    = "Deny"
    actions   = ["iam:*"]
    resources = ["*"]
  }
}
