# Well configured: every rule that applies to it passes.
resource "google_project_iam_member" "good" {
  project = "example-project"
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:${google_service_account.app.email}"
}

# expect fail: gcp-no-primitive-roles-for-service-accounts
resource "google_project_iam_member" "gcp_no_primitive_roles_for_service_accounts" {
  project = "example-project"
  role    = "roles/editor"
  member  = "serviceAccount:${google_service_account.app.email}"
}
