# Well configured: images under a customer-managed key.
resource "google_artifact_registry_repository" "good" {
  location      = "europe-west1"
  repository_id = "images"
  format        = "DOCKER"
  kms_key_name  = google_kms_crypto_key.this.id
}

# expect fail: gcp-artifact-registry-cmek
resource "google_artifact_registry_repository" "gcp_artifact_registry_cmek" {
  location      = "europe-west1"
  repository_id = "images"
  format        = "DOCKER"
}
