# Well configured: every rule that applies to it passes.
resource "google_bigquery_dataset" "good" {
  dataset_id = "analytics"
  location   = "EU"

  default_encryption_configuration {
    kms_key_name = google_kms_crypto_key.this.id
  }
}

# expect fail: gcp-bigquery-cmek
resource "google_bigquery_dataset" "gcp_bigquery_cmek" {
  dataset_id = "analytics"
  location   = "EU"
}
