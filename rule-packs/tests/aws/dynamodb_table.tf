# Well configured: every rule that applies to it passes.

resource "aws_dynamodb_table" "good" {
  name                        = "items"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = true

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.this.arn
  }
}

# expect fail: aws-dynamodb-pitr
resource "aws_dynamodb_table" "dynamodb_pitr" {
  name                        = "items"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = true

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.this.arn
  }
}

# expect fail: aws-dynamodb-kms, aws-dynamodb-cmk
resource "aws_dynamodb_table" "dynamodb_kms" {
  name                        = "items"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = true

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

}

# expect fail: aws-dynamodb-cmk
resource "aws_dynamodb_table" "dynamodb_aws_managed_key" {
  name                        = "items"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = true

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

# expect fail: aws-dynamodb-deletion-protection
resource "aws_dynamodb_table" "dynamodb_deletion_protection" {
  name         = "items"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.this.arn
  }
}
