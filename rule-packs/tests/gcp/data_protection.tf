# Deletion and drop protection of Spanner, BigQuery and Bigtable.
resource "google_spanner_database" "good" {
  instance               = "main"
  name                   = "orders"
  enable_drop_protection = true
}

# expect fail: gcp-spanner-drop-protection
resource "google_spanner_database" "no_drop_protection" {
  instance = "main"
  name     = "orders"
}

# expect fail: gcp-spanner-drop-protection
resource "google_spanner_database" "deletable" {
  instance               = "main"
  name                   = "orders"
  enable_drop_protection = true
  deletion_protection    = false
}

# The dataset "analytics" (bigquery_dataset.tf) has a default customer-managed key.
resource "google_bigquery_table" "good" {
  dataset_id = "analytics"
  table_id   = "events"
}

resource "google_bigquery_table" "own_key" {
  dataset_id = google_bigquery_dataset.unencrypted.dataset_id
  table_id   = "payments"

  encryption_configuration {
    kms_key_name = google_kms_crypto_key.this.id
  }
}

# expect fail: gcp-bigquery-table-cmek
resource "google_bigquery_table" "google_managed_key" {
  dataset_id = google_bigquery_dataset.unencrypted.dataset_id
  table_id   = "events"
}

# expect fail: gcp-bigquery-cmek
resource "google_bigquery_dataset" "unencrypted" {
  dataset_id = "staging"
  location   = "EU"
}

# expect fail: gcp-bigquery-table-deletion-protection
resource "google_bigquery_table" "deletable" {
  dataset_id          = "analytics"
  table_id            = "scratch"
  deletion_protection = false
}

resource "google_bigtable_instance" "good" {
  name = "timeseries"

  cluster {
    cluster_id = "timeseries-c1"
    zone       = "europe-west1-b"
  }
}

# expect fail: gcp-bigtable-deletion-protection
resource "google_bigtable_instance" "deletable" {
  name                = "scratch"
  deletion_protection = false

  cluster {
    cluster_id = "scratch-c1"
    zone       = "europe-west1-b"
  }
}
