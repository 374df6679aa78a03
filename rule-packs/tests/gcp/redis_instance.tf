# Well configured: AUTH and TLS.
resource "google_redis_instance" "good" {
  name                    = "cache"
  tier                    = "STANDARD_HA"
  memory_size_gb          = 4
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"
}

# expect fail: gcp-redis-auth
resource "google_redis_instance" "gcp_redis_auth" {
  name                    = "cache"
  tier                    = "STANDARD_HA"
  memory_size_gb          = 4
  transit_encryption_mode = "SERVER_AUTHENTICATION"
}

# expect fail: gcp-redis-transit-encryption
resource "google_redis_instance" "gcp_redis_transit_encryption" {
  name           = "cache"
  tier           = "STANDARD_HA"
  memory_size_gb = 4
  auth_enabled   = true
}
