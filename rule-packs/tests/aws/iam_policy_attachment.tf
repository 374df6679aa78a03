# Well configured: every rule that applies to them passes.
resource "aws_iam_role_policy_attachment" "good" {
  role       = aws_iam_role.good.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_group_policy_attachment" "good" {
  group      = aws_iam_group.admins.name
  policy_arn = aws_iam_policy.good.arn
}

resource "aws_iam_policy_attachment" "good" {
  name       = "read-data"
  roles      = [aws_iam_role.good.name]
  groups     = [aws_iam_group.admins.name]
  policy_arn = aws_iam_policy.good.arn
}

# expect fail: aws-iam-no-admin-policy-attachment
resource "aws_iam_role_policy_attachment" "iam_no_admin_policy_attachment" {
  role       = aws_iam_role.good.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# expect fail: aws-iam-no-admin-policy-attachment
resource "aws_iam_group_policy_attachment" "admin_in_govcloud" {
  group      = aws_iam_group.admins.name
  policy_arn = "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"
}

# expect fail: aws-iam-no-iam-full-access-attachment
resource "aws_iam_role_policy_attachment" "iam_no_iam_full_access_attachment" {
  role       = aws_iam_role.good.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}

# expect fail: aws-iam-no-cloudshell-full-access-attachment
resource "aws_iam_group_policy_attachment" "iam_no_cloudshell_full_access_attachment" {
  group      = aws_iam_group.admins.name
  policy_arn = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"
}

resource "aws_iam_user_policy_attachment" "iam_user_no_policy_attachment" {
  user       = aws_iam_user.iam_user_no_policy_attachment.name
  policy_arn = aws_iam_policy.good.arn
}

# expect fail: aws-iam-no-admin-policy-attachment
resource "aws_iam_user_policy_attachment" "admin_to_a_user" {
  user       = aws_iam_user.iam_user_no_policy_attachment.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# expect fail: aws-iam-policy-attachment-no-users, aws-iam-no-admin-policy-attachment
resource "aws_iam_policy_attachment" "iam_policy_attachment_no_users" {
  name       = "admins"
  users      = [aws_iam_user.good.name]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_policy" "iam_user_no_inline_policy" {
  name = "read-data"
  user = aws_iam_user.iam_user_no_inline_policy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = ["${aws_s3_bucket.this.arn}/*"]
    }]
  })
}

resource "aws_iam_role_policy_attachments_exclusive" "good" {
  role_name   = aws_iam_role.good.name
  policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", aws_iam_policy.good.arn]
}

# expect fail: aws-iam-exclusive-attachments-no-admin
resource "aws_iam_group_policy_attachments_exclusive" "iam_exclusive_attachments_no_admin" {
  group_name  = aws_iam_group.admins.name
  policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"]
}
