# Well configured: usable only from the named referrers, against the Maps API.
resource "google_apikeys_key" "good" {
  name         = "maps-web"
  display_name = "Maps on the public site"

  restrictions {
    api_targets {
      service = "maps-backend.googleapis.com"
    }

    browser_key_restrictions {
      allowed_referrers = ["https://www.example.com/*"]
    }
  }
}

# expect fail: gcp-apikeys-restricted-clients, gcp-apikeys-restricted-apis
resource "google_apikeys_key" "unrestricted" {
  name         = "anything"
  display_name = "Unrestricted"
}

# expect fail: gcp-apikeys-restricted-clients
resource "google_apikeys_key" "gcp_apikeys_restricted_clients" {
  name         = "maps-anywhere"
  display_name = "Maps from anywhere"

  restrictions {
    api_targets {
      service = "maps-backend.googleapis.com"
    }
  }
}

# expect fail: gcp-apikeys-restricted-apis
resource "google_apikeys_key" "gcp_apikeys_restricted_apis" {
  name         = "server"
  display_name = "Backend"

  restrictions {
    server_key_restrictions {
      allowed_ips = ["203.0.113.10"]
    }
  }
}
