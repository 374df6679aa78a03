# Well configured: every rule that applies to it passes.
resource "google_compute_subnetwork" "good" {
  name                     = "app"
  ip_cidr_range            = "10.10.0.0/20"
  region                   = "europe-west1"
  network                  = google_compute_network.this.id
  private_ip_google_access = true

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
  }
}

# expect fail: gcp-subnet-flow-logs
resource "google_compute_subnetwork" "gcp_subnet_flow_logs" {
  name                     = "app"
  ip_cidr_range            = "10.10.0.0/20"
  region                   = "europe-west1"
  network                  = google_compute_network.this.id
  private_ip_google_access = true
}

# expect fail: gcp-subnet-private-google-access
resource "google_compute_subnetwork" "gcp_subnet_private_google_access" {
  name          = "app"
  ip_cidr_range = "10.10.0.0/20"
  region        = "europe-west1"
  network       = google_compute_network.this.id

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
  }
}
