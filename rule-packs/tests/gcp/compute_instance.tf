# Well configured: every rule that applies to it passes.
resource "google_compute_instance" "good" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  boot_disk {
    kms_key_self_link = google_kms_crypto_key.this.id

    initialize_params {
      image = "debian-cloud/debian-12"
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

# expect fail: gcp-vm-no-serial-port
resource "google_compute_instance" "gcp_vm_no_serial_port" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  metadata = {
    "block-project-ssh-keys" = "true"
    "serial-port-enable"     = "true"
  }

  boot_disk {
    kms_key_self_link = google_kms_crypto_key.this.id

    initialize_params {
      image = "debian-cloud/debian-12"
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

# expect fail: gcp-vm-block-project-ssh-keys
resource "google_compute_instance" "gcp_vm_block_project_ssh_keys" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  metadata     = {}

  boot_disk {
    kms_key_self_link = google_kms_crypto_key.this.id

    initialize_params {
      image = "debian-cloud/debian-12"
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

# expect fail: gcp-vm-shielded
resource "google_compute_instance" "gcp_vm_shielded" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  boot_disk {
    kms_key_self_link = google_kms_crypto_key.this.id

    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.this.id
  }

  service_account {
    email  = google_service_account.app.email
    scopes = ["cloud-platform"]
  }
}

# expect fail: gcp-vm-no-default-service-account
resource "google_compute_instance" "gcp_vm_no_default_service_account" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  boot_disk {
    kms_key_self_link = google_kms_crypto_key.this.id

    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.this.id
  }

  service_account {
    email  = "123456789012-compute@developer.gserviceaccount.com"
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }
}

# expect fail: gcp-vm-no-public-ip
resource "google_compute_instance" "gcp_vm_no_public_ip" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  boot_disk {
    kms_key_self_link = google_kms_crypto_key.this.id

    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.this.id

    access_config {
    }
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
