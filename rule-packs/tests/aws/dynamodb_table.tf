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

# A global table whose replica keeps backups and its own customer-managed key.
resource "aws_dynamodb_table" "dynamodb_global" {
  name                        = "items-global"
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
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  replica {
    region_name            = "eu-central-1"
    kms_key_arn            = "arn:aws:kms:eu-central-1:111122223333:key/replica"
    point_in_time_recovery = true
  }
}

# expect fail: aws-dynamodb-replica-pitr
resource "aws_dynamodb_table" "dynamodb_replica_no_pitr" {
  name                        = "items-global"
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
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  replica {
    region_name = "eu-central-1"
    kms_key_arn = "arn:aws:kms:eu-central-1:111122223333:key/replica"
  }
}

# expect fail: aws-dynamodb-replica-cmk
resource "aws_dynamodb_table" "dynamodb_replica_aws_key" {
  name                        = "items-global"
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
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  replica {
    region_name            = "eu-central-1"
    point_in_time_recovery = true
  }
}

# A provisioned table whose capacity Application Auto Scaling manages.
resource "aws_dynamodb_table" "dynamodb_provisioned" {
  name                        = "orders"
  billing_mode                = "PROVISIONED"
  read_capacity               = 5
  write_capacity              = 5
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

# No billing mode: the table is provisioned, and nothing scales it.
# expect fail: aws-dynamodb-provisioned-autoscaling
resource "aws_dynamodb_table" "dynamodb_fixed_capacity" {
  name                        = "sessions"
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
  read_capacity  = 5
  write_capacity = 5
}

resource "aws_appautoscaling_target" "orders_read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.dynamodb_provisioned.name}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_target" "orders_write" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.dynamodb_provisioned.name}"
  scalable_dimension = "dynamodb:table:WriteCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}
