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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}

# expect fail: gcp-vm-no-default-service-account, gcp-vm-default-service-account-no-full-access
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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}

# expect fail: gcp-vm-os-login-not-disabled
resource "google_compute_instance" "oslogin_off" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  metadata = {
    "block-project-ssh-keys" = "true"
    "enable-oslogin"         = "FALSE"
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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}

# expect fail: gcp-vm-shielded-integrity
resource "google_compute_instance" "no_integrity_monitoring" {
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
    enable_integrity_monitoring = false
  }

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}

# expect fail: gcp-vm-default-service-account-no-full-access, gcp-vm-no-default-service-account
resource "google_compute_instance" "default_sa_full_access" {
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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}

# expect fail: gcp-vm-default-service-account-no-full-access, gcp-vm-no-default-service-account
resource "google_compute_instance" "no_email_full_access" {
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
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}

# The default service account, with only the logging and monitoring scopes.
# expect fail: gcp-vm-no-default-service-account
resource "google_compute_instance" "no_email_narrow_scopes" {
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
    scopes = ["logging-write", "monitoring-write"]
  }

  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}

# expect fail: gcp-vm-owner-labels
resource "google_compute_instance" "no_owner_label" {
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

  labels = {
    environment = "prod"
    cost_center = "cc-1234"
  }
}

# expect fail: gcp-vm-cost-labels
resource "google_compute_instance" "no_cost_label" {
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

  labels = {
    environment = "prod"
    owner       = "payments"
  }
}

# expect fail: gcp-vm-confidential-computing-for-sensitive-data
resource "google_compute_instance" "sensitive_not_confidential" {
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

  labels = {
    environment         = "prod"
    owner               = "payments"
    cost_center         = "cc-1234"
    data_classification = "sensitive"
  }
}

# Sensitive data on a Confidential VM.
resource "google_compute_instance" "sensitive_confidential" {
  name         = "app"
  machine_type = "n2d-standard-2"
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

  confidential_instance_config {
    enable_confidential_compute = true
  }

  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }

  labels = {
    environment         = "prod"
    owner               = "payments"
    cost_center         = "cc-1234"
    data_classification = "sensitive"
  }
}

# expect fail: gcp-vm-no-ip-forwarding
resource "google_compute_instance" "nat_gateway" {
  name           = "app"
  machine_type   = "e2-medium"
  zone           = "europe-west1-b"
  can_ip_forward = true
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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}

# expect fail: gcp-vm-boot-disk-customer-key
resource "google_compute_instance" "google_managed_boot_disk" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  boot_disk {
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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}

# A boot disk encrypted with a key the customer supplies: the customer-managed key check does not apply.
resource "google_compute_instance" "customer_supplied_boot_disk" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  metadata = {
    "block-project-ssh-keys" = "true"
  }

  boot_disk {
    disk_encryption_key_raw = var.boot_disk_key

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

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}

variable "boot_disk_key" {
  type      = string
  sensitive = true
  nullable  = false
}

# expect fail: gcp-vm-shielded-integrity
resource "google_compute_instance" "no_vtpm" {
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
    enable_vtpm                 = false
    enable_integrity_monitoring = true
  }

  labels = {
    environment = "prod"
    owner       = "payments"
    cost_center = "cc-1234"
  }
}
