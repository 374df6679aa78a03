# Well configured: a year of logs, locked.
resource "google_logging_project_bucket_config" "good" {
  project        = "example-project"
  location       = "global"
  bucket_id      = "audit"
  retention_days = 365
  locked         = true
}

# expect fail: gcp-logging-bucket-locked-retention
resource "google_logging_project_bucket_config" "unlocked" {
  project        = "example-project"
  location       = "global"
  bucket_id      = "app"
  retention_days = 365
}

# expect fail: gcp-logging-bucket-locked-retention
resource "google_logging_folder_bucket_config" "short" {
  folder         = "folders/1234567"
  location       = "global"
  bucket_id      = "_Default"
  retention_days = 30
  locked         = true
}
