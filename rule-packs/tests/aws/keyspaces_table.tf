# Well configured: every rule that applies to it passes.
resource "aws_keyspaces_table" "good" {
  keyspace_name = "orders"
  table_name    = "events"

  schema_definition {
    column {
      name = "id"
      type = "uuid"
    }

    partition_key {
      name = "id"
    }
  }

  encryption_specification {
    type               = "CUSTOMER_MANAGED_KMS_KEY"
    kms_key_identifier = aws_kms_key.this.arn
  }

  point_in_time_recovery {
    status = "ENABLED"
  }
}

# expect fail: aws-keyspaces-cmk
resource "aws_keyspaces_table" "keyspaces_aws_owned_key" {
  keyspace_name = "orders"
  table_name    = "events"

  schema_definition {
    column {
      name = "id"
      type = "uuid"
    }

    partition_key {
      name = "id"
    }
  }

  point_in_time_recovery {
    status = "ENABLED"
  }
}

# expect fail: aws-keyspaces-pitr
resource "aws_keyspaces_table" "keyspaces_no_pitr" {
  keyspace_name = "orders"
  table_name    = "events"

  schema_definition {
    column {
      name = "id"
      type = "uuid"
    }

    partition_key {
      name = "id"
    }
  }

  encryption_specification {
    type               = "CUSTOMER_MANAGED_KMS_KEY"
    kms_key_identifier = aws_kms_key.this.arn
  }

  point_in_time_recovery {
    status = "DISABLED"
  }
}
