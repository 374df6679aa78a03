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

# expect fail: gcp-firewall-no-ssh-from-internet
resource "google_compute_firewall" "ssh_in_a_port_range" {
  name          = "allow-range"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["443", "20-25"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-no-ssh-from-internet, gcp-firewall-no-rdp-from-internet
resource "google_compute_firewall" "every_tcp_port" {
  name          = "allow-tcp"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-no-ssh-from-internet
resource "google_compute_firewall" "ssh_from_every_ipv6_address" {
  name          = "allow-ssh-v6"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["::/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# Web ports from anywhere, in ranges that include neither 22 nor 3389.
resource "google_compute_firewall" "web_ranges" {
  name          = "allow-web"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0", "::/0"]

  allow {
    protocol = "tcp"
    ports    = ["80", "443", "8000-8080", "23-3388"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}
