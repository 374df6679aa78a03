# Well configured: a key for a deploy user, and an inactive one for the user called root.
resource "aws_iam_access_key" "good" {
  user    = "deploy"
  pgp_key = "keybase:platform"
}

resource "aws_iam_access_key" "root_disabled" {
  user   = "root"
  status = "Inactive"
}

# expect fail: aws-iam-no-root-access-key
resource "aws_iam_access_key" "iam_no_root_access_key" {
  user = "root"
}
