# Build, integration and pipeline workers without public addresses.
resource "google_cloudbuild_worker_pool" "good" {
  name     = "private"
  location = "europe-west1"

  worker_config {
    machine_type   = "e2-standard-4"
    no_external_ip = true
  }
}

# expect fail: gcp-cloudbuild-worker-pool-private
resource "google_cloudbuild_worker_pool" "public_workers" {
  name     = "public"
  location = "europe-west1"

  worker_config {
    machine_type = "e2-standard-4"
  }
}

resource "google_data_fusion_instance" "good" {
  name                          = "integration"
  region                        = "europe-west1"
  type                          = "BASIC"
  private_instance              = true
  enable_stackdriver_logging    = true
  enable_stackdriver_monitoring = true

  network_config {
    network       = "default"
    ip_allocation = "10.89.48.0/22"
  }
}

# expect fail: gcp-data-fusion-private
resource "google_data_fusion_instance" "public" {
  name                          = "integration"
  region                        = "europe-west1"
  type                          = "BASIC"
  enable_stackdriver_logging    = true
  enable_stackdriver_monitoring = true
}

# expect fail: gcp-data-fusion-logging
resource "google_data_fusion_instance" "unlogged" {
  name             = "integration"
  region           = "europe-west1"
  type             = "BASIC"
  private_instance = true

  network_config {
    network       = "default"
    ip_allocation = "10.89.52.0/22"
  }
}

resource "google_dataflow_job" "good" {
  name              = "wordcount"
  template_gcs_path = "gs://dataflow-templates/latest/Word_Count"
  temp_gcs_location = "gs://example-temp/dataflow"
  ip_configuration  = "WORKER_IP_PRIVATE"
}

# expect fail: gcp-dataflow-private-workers
resource "google_dataflow_job" "public_workers" {
  name              = "wordcount"
  template_gcs_path = "gs://dataflow-templates/latest/Word_Count"
  temp_gcs_location = "gs://example-temp/dataflow"
}
