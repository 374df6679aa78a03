# Well configured: every rule that applies to it passes.
resource "google_storage_bucket" "good" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }
}

# expect fail: gcp-gcs-uniform-access
resource "google_storage_bucket" "gcp_gcs_uniform_access" {
  name                     = "example-data"
  location                 = "EU"
  public_access_prevention = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }
}

# expect fail: gcp-gcs-public-access-prevention
resource "google_storage_bucket" "gcp_gcs_public_access_prevention" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "inherited"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }
}

# expect fail: gcp-gcs-versioning
resource "google_storage_bucket" "gcp_gcs_versioning" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }
}

# expect fail: gcp-gcs-cmek
resource "google_storage_bucket" "gcp_gcs_cmek" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }
}

# expect fail: gcp-gcs-access-logs
resource "google_storage_bucket" "gcp_gcs_access_logs" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }
}
