# Well configured: every rule that applies to it passes.
resource "google_project_iam_member" "good" {
  project = "example-project"
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:${google_service_account.app.email}"
}

# expect fail: gcp-no-primitive-roles-for-service-accounts, gcp-project-iam-no-basic-roles
resource "google_project_iam_member" "gcp_no_primitive_roles_for_service_accounts" {
  project = "example-project"
  role    = "roles/editor"
  member  = "serviceAccount:${google_service_account.app.email}"
}

# expect fail: gcp-project-iam-no-basic-roles
resource "google_project_iam_binding" "viewers" {
  project = "example-project"
  role    = "roles/viewer"
  members = ["group:auditors@example.com"]
}

resource "google_project_iam_binding" "log_viewers" {
  project = "example-project"
  role    = "roles/logging.viewer"
  members = ["group:auditors@example.com"]
}

# expect fail: gcp-project-iam-no-service-account-impersonation
resource "google_project_iam_member" "token_creator" {
  project = "example-project"
  role    = "roles/iam.serviceAccountTokenCreator"
  member  = "user:dev@example.com"
}

# expect fail: gcp-project-iam-no-service-account-impersonation
resource "google_project_iam_binding" "sa_users" {
  project = "example-project"
  role    = "roles/iam.serviceAccountUser"
  members = ["group:developers@example.com"]
}

# expect fail: gcp-project-iam-no-service-account-admin
resource "google_project_iam_member" "sa_key_admin" {
  project = "example-project"
  role    = "roles/iam.serviceAccountKeyAdmin"
  member  = "group:platform@example.com"
}

# Impersonation granted on the one service account that is needed.
resource "google_service_account_iam_member" "deployer" {
  service_account_id = google_service_account.app.name
  role               = "roles/iam.serviceAccountUser"
  member             = "group:developers@example.com"
}

resource "google_folder_iam_member" "good" {
  folder = "folders/1234567"
  role   = "roles/resourcemanager.folderViewer"
  member = "group:auditors@example.com"
}

# expect fail: gcp-folder-organization-iam-no-basic-roles
resource "google_folder_iam_member" "editor" {
  folder = "folders/1234567"
  role   = "roles/editor"
  member = "group:developers@example.com"
}

# expect fail: gcp-folder-organization-iam-no-basic-roles
resource "google_organization_iam_binding" "owners" {
  org_id  = "123456789012"
  role    = "roles/owner"
  members = ["group:admins@example.com"]
}

# expect fail: gcp-iam-no-personal-accounts
resource "google_project_iam_member" "personal_account" {
  project = "example-project"
  role    = "roles/logging.viewer"
  member  = "user:someone@gmail.com"
}

# expect fail: gcp-iam-no-personal-accounts
resource "google_folder_iam_binding" "personal_accounts" {
  folder  = "folders/1234567"
  role    = "roles/resourcemanager.folderViewer"
  members = ["group:auditors@example.com", "user:contractor@googlemail.com"]
}
