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

# A Private NAT subnet holds no VMs: Private Google Access does not apply.
resource "google_compute_subnetwork" "private_nat" {
  name          = "nat"
  ip_cidr_range = "10.30.0.0/24"
  region        = "europe-west1"
  network       = google_compute_network.this.id
  purpose       = "PRIVATE_NAT"

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
  }
}

# Neither does a proxy-only subnet.
resource "google_compute_subnetwork" "proxy_only" {
  name          = "proxy"
  ip_cidr_range = "10.31.0.0/24"
  region        = "europe-west1"
  network       = google_compute_network.this.id
  purpose       = "REGIONAL_MANAGED_PROXY"
  role          = "ACTIVE"
}
