# Well configured: every rule that applies to it passes.
resource "google_compute_firewall" "good" {
  name          = "allow-https"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-no-ssh-from-internet
resource "google_compute_firewall" "gcp_firewall_no_ssh_from_internet" {
  name          = "allow-https"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-no-rdp-from-internet
resource "google_compute_firewall" "gcp_firewall_no_rdp_from_internet" {
  name          = "allow-https"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-logging
resource "google_compute_firewall" "gcp_firewall_logging" {
  name          = "allow-https"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
}
