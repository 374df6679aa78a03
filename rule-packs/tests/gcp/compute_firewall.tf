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

# expect fail: gcp-firewall-no-ssh-from-internet, gcp-firewall-no-admin-ports-from-internet
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

# expect fail: gcp-firewall-no-ssh-from-internet, gcp-firewall-no-rdp-from-internet, gcp-firewall-no-all-ports-from-internet
# expect fail: gcp-firewall-no-database-ports-from-internet, gcp-firewall-no-admin-ports-from-internet
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

# Web ports from anywhere, in ranges that include neither 22 nor 3389 (23-3388 holds Telnet,
# SQL Server, Oracle and MySQL).
# expect fail: gcp-firewall-no-database-ports-from-internet, gcp-firewall-no-admin-ports-from-internet
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

# expect fail: gcp-firewall-no-all-ports-from-internet, gcp-firewall-no-ssh-from-internet, gcp-firewall-no-rdp-from-internet, gcp-firewall-no-database-ports-from-internet, gcp-firewall-no-admin-ports-from-internet
resource "google_compute_firewall" "every_protocol" {
  name          = "every-protocol"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "all"
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-no-all-ports-from-internet
resource "google_compute_firewall" "every_udp_port" {
  name          = "every-udp-port"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "udp"
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-no-all-ports-from-internet, gcp-firewall-no-ssh-from-internet, gcp-firewall-no-rdp-from-internet, gcp-firewall-no-database-ports-from-internet, gcp-firewall-no-admin-ports-from-internet
resource "google_compute_firewall" "full_port_range" {
  name          = "full-port-range"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["0-65535"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-no-database-ports-from-internet
resource "google_compute_firewall" "mysql" {
  name          = "mysql"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["::/0"]

  allow {
    protocol = "tcp"
    ports    = ["443", "3306"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-no-database-ports-from-internet
resource "google_compute_firewall" "mongodb_range" {
  name          = "mongodb-range"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = [27000, "27010-27020"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-no-admin-ports-from-internet
resource "google_compute_firewall" "ftp" {
  name          = "ftp"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["21"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# expect fail: gcp-firewall-no-admin-ports-from-internet
resource "google_compute_firewall" "smb" {
  name          = "smb"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["445"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# Every port, but only from the VPC's own ranges, and a disabled rule that would open every port.
resource "google_compute_firewall" "internal_everything" {
  name          = "internal-everything"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["10.0.0.0/8"]

  allow {
    protocol = "all"
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

resource "google_compute_firewall" "disabled_everything" {
  name          = "disabled-everything"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]
  disabled      = true

  allow {
    protocol = "all"
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# ICMP from anywhere opens no port.
resource "google_compute_firewall" "ping" {
  name          = "ping"
  network       = google_compute_network.this.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "icmp"
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}
