# Well configured: reachable from the VPC and the load balancer only.
resource "google_cloudfunctions_function" "good" {
  name                  = "webhook"
  runtime               = "python312"
  entry_point           = "handle"
  source_archive_bucket = "example-sources"
  source_archive_object = "webhook.zip"
  trigger_http          = true
  ingress_settings      = "ALLOW_INTERNAL_AND_GCLB"
}

# expect fail: gcp-cloud-functions-ingress
resource "google_cloudfunctions_function" "gcp_cloud_functions_ingress" {
  name                  = "webhook"
  runtime               = "python312"
  entry_point           = "handle"
  source_archive_bucket = "example-sources"
  source_archive_object = "webhook.zip"
  trigger_http          = true
}

# Triggered by Pub/Sub messages, not HTTP: the ingress check does not apply.
resource "google_cloudfunctions_function" "on_message" {
  name                  = "worker"
  runtime               = "python312"
  entry_point           = "handle"
  source_archive_bucket = "example-sources"
  source_archive_object = "worker.zip"

  event_trigger {
    event_type = "google.pubsub.topic.publish"
    resource   = "projects/example-project/topics/orders"
  }
}

resource "google_cloudfunctions2_function" "good" {
  name     = "webhook"
  location = "europe-west1"

  build_config {
    runtime     = "python312"
    entry_point = "handle"
  }

  service_config {
    ingress_settings      = "ALLOW_INTERNAL_ONLY"
    service_account_email = google_service_account.app.email
  }
}

# expect fail: gcp-cloud-functions2-ingress
resource "google_cloudfunctions2_function" "public" {
  name     = "webhook"
  location = "europe-west1"

  build_config {
    runtime     = "python312"
    entry_point = "handle"
  }

  service_config {
    service_account_email = google_service_account.app.email
  }
}
