# Well configured: OS Login with two-step verification for every VM of the project.
resource "google_compute_project_metadata" "good" {
  project = "example-project"
  metadata = {
    enable-oslogin     = "TRUE"
    enable-oslogin-2fa = "TRUE"
    enable-osconfig    = "TRUE"
  }
}

# expect fail: gcp-compute-project-os-login, gcp-compute-project-os-login-2fa, gcp-compute-project-os-config
resource "google_compute_project_metadata" "ssh_keys_in_metadata" {
  project = "legacy-project"
  metadata = {
    ssh-keys = "admin:ssh-ed25519 AAAAC3Nza admin@example.com"
  }
}

# expect fail: gcp-compute-project-os-login-2fa
resource "google_compute_project_metadata" "gcp_compute_project_os_login_2fa" {
  project = "other-project"
  metadata = {
    enable-oslogin  = "TRUE"
    enable-osconfig = "TRUE"
  }
}

resource "google_compute_project_metadata_item" "good" {
  project = "item-project"
  key     = "enable-oslogin"
  value   = "TRUE"
}

# expect fail: gcp-compute-project-metadata-item-os-login
resource "google_compute_project_metadata_item" "oslogin_off" {
  project = "item-project-2"
  key     = "enable-oslogin"
  value   = "FALSE"
}

# Another metadata key: the OS Login check does not apply.
resource "google_compute_project_metadata_item" "startup" {
  project = "item-project"
  key     = "startup-script"
  value   = "echo hello"
}

# expect fail: gcp-compute-project-os-config
resource "google_compute_project_metadata" "no_os_config" {
  project = "third-project"
  metadata = {
    enable-oslogin     = "TRUE"
    enable-oslogin-2fa = "TRUE"
  }
}
