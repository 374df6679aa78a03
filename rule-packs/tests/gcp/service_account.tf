# Well configured: says what it is for.
resource "google_service_account" "app" {
  account_id   = "app"
  display_name = "Payments API runtime"
}

# expect fail: gcp-service-account-display-name
resource "google_service_account" "unnamed" {
  account_id = "svc-1"
}

# expect fail: gcp-service-account-display-name
resource "google_service_account" "terse" {
  account_id   = "svc-2"
  display_name = "svc"
}
