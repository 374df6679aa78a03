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

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
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

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
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

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
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

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
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

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
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

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
  }
}

# Buckets with hierarchical namespace enabled do not support Object Versioning (and require
# uniform bucket-level access): the versioning check does not apply, and every other check does.
resource "google_storage_bucket" "hierarchical_namespace" {
  name                        = "example-lake"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  hierarchical_namespace {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
  }
}

# An explicitly flat namespace is an ordinary bucket: versioning is checked.
# expect fail: gcp-gcs-versioning
resource "google_storage_bucket" "flat_namespace" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  hierarchical_namespace {
    enabled = false
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
  }
}

variable "hierarchical_namespace" {
  type = bool
}

# Whether the namespace is hierarchical cannot be known before plan, so whether the versioning
# check applies cannot be known either: a bucket without versioning is unknown, not a failure.
# expect unknown: gcp-gcs-versioning
resource "google_storage_bucket" "namespace_unknown" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  hierarchical_namespace {
    enabled = var.hierarchical_namespace
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
  }
}

# ...and one that has versioning passes whether the check applies or not.
resource "google_storage_bucket" "namespace_unknown_versioned" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  hierarchical_namespace {
    enabled = var.hierarchical_namespace
  }

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
  }
}

# expect fail: gcp-gcs-lifecycle-rules
resource "google_storage_bucket" "gcp_gcs_lifecycle_rules" {
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

# expect fail: gcp-gcs-no-legacy-storage-class
resource "google_storage_bucket" "legacy_class" {
  name                        = "example-archive"
  location                    = "EU"
  storage_class               = "MULTI_REGIONAL"
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

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
  }
}
