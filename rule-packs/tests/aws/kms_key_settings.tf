# Well configured, with a key policy: every rule that applies to it passes.
resource "aws_kms_key" "settings_good" {
  description             = "orders data key"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "UseThroughS3InThisAccount"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = "111122223333"
            "kms:ViaService"    = "s3.eu-west-1.amazonaws.com"
          }
        }
      },
    ]
  })
}

# expect fail: aws-kms-key-description
resource "aws_kms_key" "kms_no_description" {
  enable_key_rotation     = true
  deletion_window_in_days = 30

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "UseThroughS3InThisAccount"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = "111122223333"
            "kms:ViaService"    = "s3.eu-west-1.amazonaws.com"
          }
        }
      },
    ]
  })
}

# expect fail: aws-kms-no-lockout-bypass
resource "aws_kms_key" "kms_lockout_bypass" {
  description             = "orders data key"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "UseThroughS3InThisAccount"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = "111122223333"
            "kms:ViaService"    = "s3.eu-west-1.amazonaws.com"
          }
        }
      },
    ]
  })
  bypass_policy_lockout_safety_check = true
}

# expect fail: aws-kms-key-enabled
resource "aws_kms_key" "kms_disabled" {
  description             = "orders data key"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "UseThroughS3InThisAccount"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = "111122223333"
            "kms:ViaService"    = "s3.eu-west-1.amazonaws.com"
          }
        }
      },
    ]
  })
  is_enabled = false
}

# expect fail: aws-kms-policy-no-public-principal
resource "aws_kms_key" "kms_public_policy" {
  description             = "orders data key"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "UseThroughS3InThisAccount"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
      },
    ]
  })
}

resource "aws_kms_alias" "settings_good" {
  name          = "alias/settings-good"
  target_key_id = aws_kms_key.settings_good.key_id
}

resource "aws_kms_alias" "kms_no_description" {
  name          = "alias/kms-no-description"
  target_key_id = aws_kms_key.kms_no_description.key_id
}

resource "aws_kms_alias" "kms_lockout_bypass" {
  name          = "alias/kms-lockout-bypass"
  target_key_id = aws_kms_key.kms_lockout_bypass.key_id
}

resource "aws_kms_alias" "kms_disabled" {
  name          = "alias/kms-disabled"
  target_key_id = aws_kms_key.kms_disabled.key_id
}

resource "aws_kms_alias" "kms_public_policy" {
  name          = "alias/kms-public-policy"
  target_key_id = aws_kms_key.kms_public_policy.key_id
}
