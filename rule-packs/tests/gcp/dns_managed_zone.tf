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

# expect fail: gcp-dns-ksk-no-rsasha1
resource "google_dns_managed_zone" "ksk_rsasha1" {
  name     = "public"
  dns_name = "example.com."

  dnssec_config {
    state = "on"

    default_key_specs {
      algorithm  = "rsasha1"
      key_length = 2048
      key_type   = "keySigning"
    }

    default_key_specs {
      algorithm  = "rsasha256"
      key_length = 1024
      key_type   = "zoneSigning"
    }
  }
}

# expect fail: gcp-dns-zsk-no-rsasha1
resource "google_dns_managed_zone" "zsk_rsasha1" {
  name     = "public"
  dns_name = "example.com."

  dnssec_config {
    state = "on"

    default_key_specs {
      algorithm  = "rsasha256"
      key_length = 2048
      key_type   = "keySigning"
    }

    default_key_specs {
      algorithm  = "rsasha1"
      key_length = 1024
      key_type   = "zoneSigning"
    }
  }
}

resource "google_dns_managed_zone" "strong_keys" {
  name     = "public"
  dns_name = "example.com."

  dnssec_config {
    state = "on"

    default_key_specs {
      algorithm  = "ecdsap256sha256"
      key_length = 256
      key_type   = "keySigning"
    }

    default_key_specs {
      algorithm  = "ecdsap256sha256"
      key_length = 256
      key_type   = "zoneSigning"
    }
  }
}
