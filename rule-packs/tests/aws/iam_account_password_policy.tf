# Well configured: every rule that applies to it passes.
resource "aws_iam_account_password_policy" "good" {
  minimum_password_length      = 14
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
  password_reuse_prevention    = 24
  max_password_age             = 90
}

# expect fail: aws-iam-password-length
resource "aws_iam_account_password_policy" "iam_password_length" {
  minimum_password_length      = 8
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
  password_reuse_prevention    = 24
  max_password_age             = 90
}

# expect fail: aws-iam-password-reuse
resource "aws_iam_account_password_policy" "iam_password_reuse" {
  minimum_password_length      = 14
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 90
}

# expect fail: aws-iam-password-complexity
resource "aws_iam_account_password_policy" "iam_password_complexity" {
  minimum_password_length      = 14
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = false
  password_reuse_prevention    = 24
  max_password_age             = 90
}

# expect fail: aws-iam-password-max-age
resource "aws_iam_account_password_policy" "iam_password_max_age" {
  minimum_password_length      = 14
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
  password_reuse_prevention    = 24
  max_password_age             = 365
}
