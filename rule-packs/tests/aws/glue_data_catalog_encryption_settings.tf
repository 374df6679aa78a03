# Well configured: every rule that applies to it passes.
resource "aws_glue_data_catalog_encryption_settings" "good" {
  data_catalog_encryption_settings {
    connection_password_encryption {
      aws_kms_key_id                       = aws_kms_key.this.arn
      return_connection_password_encrypted = true
    }

    encryption_at_rest {
      catalog_encryption_mode = "SSE-KMS"
      sse_aws_kms_key_id      = aws_kms_key.this.arn
    }
  }
}

# expect fail: aws-glue-catalog-encryption
resource "aws_glue_data_catalog_encryption_settings" "glue_catalog_unencrypted" {
  data_catalog_encryption_settings {
    connection_password_encryption {
      aws_kms_key_id                       = aws_kms_key.this.arn
      return_connection_password_encrypted = true
    }

    encryption_at_rest {
      catalog_encryption_mode = "DISABLED"
    }
  }
}

# expect fail: aws-glue-connection-password-encryption
resource "aws_glue_data_catalog_encryption_settings" "glue_catalog_clear_passwords" {
  data_catalog_encryption_settings {
    connection_password_encryption {
      return_connection_password_encrypted = false
    }

    encryption_at_rest {
      catalog_encryption_mode = "SSE-KMS"
    }
  }
}
