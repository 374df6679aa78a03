# Well configured: a custom-mode network of its own name.
resource "google_compute_network" "good" {
  name                    = "shared-vpc"
  auto_create_subnetworks = false
}

# expect fail: gcp-network-not-default
resource "google_compute_network" "gcp_network_not_default" {
  name                    = "default"
  auto_create_subnetworks = false
}

# expect fail: gcp-network-custom-subnets
resource "google_compute_network" "gcp_network_custom_subnets" {
  name = "auto-mode"
}
