# Well configured: every rule that applies to it passes.
resource "google_kms_crypto_key" "good" {
  name            = "data"
  key_ring        = google_kms_key_ring.this.id
  rotation_period = "7776000s"
}

# expect fail: gcp-kms-rotation
resource "google_kms_crypto_key" "gcp_kms_rotation" {
  name     = "data"
  key_ring = google_kms_key_ring.this.id
}
