# Well configured: every rule that applies to it passes.
resource "google_bigquery_dataset" "good" {
  dataset_id = "analytics"
  location   = "EU"

  default_encryption_configuration {
    kms_key_name = google_kms_crypto_key.this.id
  }

  access {
    role          = "OWNER"
    special_group = "projectOwners"
  }

  access {
    role           = "READER"
    group_by_email = "analysts@example.com"
  }
}

# expect fail: gcp-bigquery-cmek
resource "google_bigquery_dataset" "gcp_bigquery_cmek" {
  dataset_id = "analytics_unencrypted"
  location   = "EU"
}

# expect fail: gcp-bigquery-dataset-access-not-public
resource "google_bigquery_dataset" "all_authenticated_users" {
  dataset_id = "shared"
  location   = "EU"

  default_encryption_configuration {
    kms_key_name = google_kms_crypto_key.this.id
  }

  access {
    role          = "OWNER"
    special_group = "projectOwners"
  }

  access {
    role          = "READER"
    special_group = "allAuthenticatedUsers"
  }
}

# expect fail: gcp-bigquery-dataset-access-not-public
resource "google_bigquery_dataset" "all_users" {
  dataset_id = "published"
  location   = "EU"

  default_encryption_configuration {
    kms_key_name = google_kms_crypto_key.this.id
  }

  access {
    role       = "READER"
    iam_member = "allUsers"
  }
}
