# Well configured: every rule that applies to it passes.
resource "google_storage_bucket_iam_member" "good" {
  bucket = google_storage_bucket.this.name
  role   = "roles/storage.objectViewer"
  member = "group:data-readers@example.com"
}

# expect fail: gcp-gcs-not-public
resource "google_storage_bucket_iam_member" "gcp_gcs_not_public" {
  bucket = google_storage_bucket.this.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}
