# Well configured: TLS 1.2 or later with the MODERN profile.
resource "google_compute_ssl_policy" "good" {
  name            = "modern"
  profile         = "MODERN"
  min_tls_version = "TLS_1_2"
}

resource "google_compute_ssl_policy" "restricted" {
  name            = "restricted"
  profile         = "RESTRICTED"
  min_tls_version = "TLS_1_3"
}

# expect fail: gcp-ssl-policy-modern-tls
resource "google_compute_ssl_policy" "defaults" {
  name = "defaults"
}

# expect fail: gcp-ssl-policy-modern-tls
resource "google_compute_ssl_policy" "compatible" {
  name            = "compatible"
  profile         = "COMPATIBLE"
  min_tls_version = "TLS_1_2"
}

# expect fail: gcp-ssl-policy-modern-tls
resource "google_compute_ssl_policy" "tls_1_0" {
  name            = "modern-old-tls"
  profile         = "MODERN"
  min_tls_version = "TLS_1_0"
}
