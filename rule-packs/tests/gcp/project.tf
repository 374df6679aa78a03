# Well configured: no default network.
resource "google_project" "good" {
  name                = "Payments"
  project_id          = "payments-prod"
  folder_id           = "1234567"
  auto_create_network = false
}

# expect fail: gcp-project-no-default-network
resource "google_project" "gcp_project_no_default_network" {
  name       = "Sandbox"
  project_id = "sandbox-1"
  folder_id  = "1234567"
}
