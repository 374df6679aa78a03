resource "time_rotating" "key" {
  rotation_days = 90
}

# Well configured: an uploaded public key, rotated every 90 days.
resource "google_service_account_key" "good" {
  service_account_id = google_service_account.app.name
  public_key_data    = filebase64("${path.module}/keys/ci.pub")
  keepers = {
    rotation_time = time_rotating.key.rotation_rfc3339
  }
}

# expect fail: gcp-iam-service-account-key-not-in-state
resource "google_service_account_key" "gcp_iam_service_account_key_not_in_state" {
  service_account_id = google_service_account.app.name
  keepers = {
    rotation_time = time_rotating.key.rotation_rfc3339
  }
}

# expect fail: gcp-iam-service-account-key-rotation
resource "google_service_account_key" "gcp_iam_service_account_key_rotation" {
  service_account_id = google_service_account.app.name
  public_key_data    = filebase64("${path.module}/keys/ci.pub")
}

# expect fail: gcp-iam-service-account-key-not-in-state, gcp-iam-service-account-key-strong-algorithm
resource "google_service_account_key" "gcp_iam_service_account_key_strong_algorithm" {
  service_account_id = google_service_account.app.name
  key_algorithm      = "KEY_ALG_RSA_1024"
  keepers = {
    rotation_time = time_rotating.key.rotation_rfc3339
  }
}
