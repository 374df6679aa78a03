# Well configured: queries of the bound networks are logged.
resource "google_dns_policy" "good" {
  name           = "logging"
  enable_logging = true

  networks {
    network_url = google_compute_network.good.id
  }
}

# expect fail: gcp-dns-policy-logging
resource "google_dns_policy" "gcp_dns_policy_logging" {
  name                      = "inbound"
  enable_inbound_forwarding = true

  networks {
    network_url = google_compute_network.good.id
  }
}
