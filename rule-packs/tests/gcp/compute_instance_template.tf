# Well configured: every rule that applies to it passes.
resource "google_compute_instance_template" "good" {
  name_prefix  = "app-"
  machine_type = "e2-medium"
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  disk {
    source_image = "debian-cloud/debian-12"
    boot         = true

    disk_encryption_key {
      kms_key_self_link = google_kms_crypto_key.this.id
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.this.id
  }

  service_account {
    email  = google_service_account.app.email
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }
}

# expect fail: gcp-vm-template-block-project-ssh-keys
resource "google_compute_instance_template" "project_ssh_keys" {
  name_prefix  = "app-"
  machine_type = "e2-medium"

  disk {
    source_image = "debian-cloud/debian-12"
    boot         = true
  }

  network_interface {
    subnetwork = google_compute_subnetwork.this.id
  }

  service_account {
    email  = google_service_account.app.email
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot = true
  }
}

# expect fail: gcp-vm-template-no-serial-port
resource "google_compute_region_instance_template" "serial_port" {
  name_prefix  = "app-"
  region       = "europe-west1"
  machine_type = "e2-medium"
  metadata = {
    "block-project-ssh-keys" = "true"
    "serial-port-enable"     = "TRUE"
  }

  disk {
    source_image = "debian-cloud/debian-12"
    boot         = true
  }

  network_interface {
    subnetwork = google_compute_subnetwork.this.id
  }

  service_account {
    email  = google_service_account.app.email
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot = true
  }
}

# expect fail: gcp-vm-template-shielded
resource "google_compute_instance_template" "no_secure_boot" {
  name_prefix  = "app-"
  machine_type = "e2-medium"
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  disk {
    source_image = "debian-cloud/debian-12"
    boot         = true
  }

  network_interface {
    subnetwork = google_compute_subnetwork.this.id
  }

  service_account {
    email  = google_service_account.app.email
    scopes = ["cloud-platform"]
  }
}

# expect fail: gcp-vm-template-no-public-ip
resource "google_compute_instance_template" "public_ip" {
  name_prefix  = "app-"
  machine_type = "e2-medium"
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  disk {
    source_image = "debian-cloud/debian-12"
    boot         = true
  }

  network_interface {
    subnetwork = google_compute_subnetwork.this.id

    access_config {}
  }

  service_account {
    email  = google_service_account.app.email
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot = true
  }
}

# expect fail: gcp-vm-template-no-default-service-account, gcp-vm-default-service-account-no-full-access
resource "google_compute_region_instance_template" "default_service_account" {
  name_prefix  = "app-"
  region       = "europe-west1"
  machine_type = "e2-medium"
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  disk {
    source_image = "debian-cloud/debian-12"
    boot         = true
  }

  network_interface {
    subnetwork = google_compute_subnetwork.this.id
  }

  service_account {
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot = true
  }
}

# expect fail: gcp-vm-no-ip-forwarding
resource "google_compute_instance_template" "router" {
  name_prefix    = "nva-"
  machine_type   = "e2-medium"
  can_ip_forward = true
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  disk {
    source_image = "debian-cloud/debian-12"
    boot         = true
  }

  network_interface {
    subnetwork = google_compute_subnetwork.this.id
  }

  service_account {
    email  = google_service_account.app.email
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot = true
  }
}
