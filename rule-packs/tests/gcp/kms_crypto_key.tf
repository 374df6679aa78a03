# Well configured: every rule that applies to it passes.
resource "google_kms_crypto_key" "good" {
  name            = "data"
  key_ring        = google_kms_key_ring.this.id
  rotation_period = "7776000s"

  lifecycle {
    prevent_destroy = true
  }
}

# expect fail: gcp-kms-rotation
resource "google_kms_crypto_key" "gcp_kms_rotation" {
  name     = "data"
  key_ring = google_kms_key_ring.this.id

  lifecycle {
    prevent_destroy = true
  }
}

# expect fail: gcp-kms-rotation
resource "google_kms_crypto_key" "rotates_yearly" {
  name            = "data"
  key_ring        = google_kms_key_ring.this.id
  rotation_period = "31536000s"

  lifecycle {
    prevent_destroy = true
  }
}

resource "google_kms_crypto_key" "rotates_monthly" {
  name            = "data"
  key_ring        = google_kms_key_ring.this.id
  rotation_period = "2592000s"

  lifecycle {
    prevent_destroy = true
  }
}

# Asymmetric signing keys cannot rotate automatically: the rotation check does not apply.
resource "google_kms_crypto_key" "signing" {
  name     = "release-signing"
  key_ring = google_kms_key_ring.this.id
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm = "EC_SIGN_P256_SHA256"
  }

  lifecycle {
    prevent_destroy = true
  }
}

# expect fail: gcp-kms-key-prevent-destroy
resource "google_kms_crypto_key" "gcp_kms_key_prevent_destroy" {
  name            = "data"
  key_ring        = google_kms_key_ring.this.id
  rotation_period = "7776000s"
}
