# Well configured: every data access log for every service and every user.
resource "google_project_iam_audit_config" "good" {
  project = "example-project"
  service = "allServices"

  audit_log_config {
    log_type = "ADMIN_READ"
  }

  audit_log_config {
    log_type = "DATA_READ"
  }

  audit_log_config {
    log_type = "DATA_WRITE"
  }
}

# expect fail: gcp-audit-config-all-services
resource "google_project_iam_audit_config" "writes_only" {
  project = "example-project"
  service = "allServices"

  audit_log_config {
    log_type = "ADMIN_READ"
  }

  audit_log_config {
    log_type = "DATA_WRITE"
  }
}

# expect fail: gcp-audit-config-all-services
resource "google_organization_iam_audit_config" "exempted" {
  org_id  = "123456789012"
  service = "allServices"

  audit_log_config {
    log_type = "ADMIN_READ"
  }

  audit_log_config {
    log_type         = "DATA_READ"
    exempted_members = ["serviceAccount:scanner@example-project.iam.gserviceaccount.com"]
  }

  audit_log_config {
    log_type = "DATA_WRITE"
  }
}

# One service's settings: the all-services check does not apply.
resource "google_project_iam_audit_config" "storage_only" {
  project = "example-project"
  service = "storage.googleapis.com"

  audit_log_config {
    log_type = "DATA_READ"
  }
}
