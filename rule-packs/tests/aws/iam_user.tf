# Well configured: every rule that applies to it passes (it gets its permissions from a group).
resource "aws_iam_user" "good" {
  name = "alice"
}

resource "aws_iam_user" "deploy" {
  name = "deploy"
}

# expect fail: aws-iam-user-no-inline-policy
resource "aws_iam_user" "iam_user_no_inline_policy" {
  name = "bob"
}

# expect fail: aws-iam-user-no-policy-attachment
resource "aws_iam_user" "iam_user_no_policy_attachment" {
  name = "carol"
}
