# Well configured: encrypted with a Cloud KMS key.
resource "google_compute_disk" "good" {
  name = "data"
  zone = "europe-west1-b"
  size = 100

  disk_encryption_key {
    kms_key_self_link = google_kms_crypto_key.this.id
  }
}

# expect fail: gcp-compute-disk-customer-key
resource "google_compute_disk" "gcp_compute_disk_customer_key" {
  name = "data"
  zone = "europe-west1-b"
  size = 100
}
