# Well configured: every rule that applies to it passes.
resource "google_dns_managed_zone" "good" {
  name       = "example"
  dns_name   = "example.com."
  visibility = "public"

  dnssec_config {
    state = "on"
  }
}

# expect fail: gcp-dns-dnssec
resource "google_dns_managed_zone" "gcp_dns_dnssec" {
  name       = "example"
  dns_name   = "example.com."
  visibility = "public"
}
