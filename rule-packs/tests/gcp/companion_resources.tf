# Companion resources: the node pools of a cluster and the IAM grants of a bucket are resources
# of their own that refer to it (rule pack companion-resources).

# The clusters of container_cluster.tf are all named "platform": this node pool names them.
resource "google_container_node_pool" "platform" {
  name       = "hardened"
  cluster    = "platform"
  location   = "europe-west1"
  node_count = 3

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type    = "e2-standard-4"
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    metadata = {
      "disable-legacy-endpoints" = "true"
    }

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }

  autoscaling {
    total_min_node_count = 1
    total_max_node_count = 10
  }
}

# A cluster whose only node pool runs Ubuntu.
# expect fail: gcp-gke-node-pool-hardened-image
resource "google_container_cluster" "companion_ubuntu" {
  name                     = "companion-ubuntu"
  location                 = "europe-west1"
  enable_legacy_abac       = false
  enable_shielded_nodes    = true
  remove_default_node_pool = true
  initial_node_count       = 1

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "203.0.113.0/24"
      display_name = "office"
    }
  }

  workload_identity_config {
    workload_pool = "example-project.svc.id.goog"
  }

  network_policy {
    enabled = true
  }

  master_auth {
    client_certificate_config {
      issue_client_certificate = false
    }
  }

  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.gke.id
  }

  release_channel {
    channel = "REGULAR"
  }

  logging_config {
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
  }

  enable_intranode_visibility = true

  binary_authorization {
    evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE"
  }

  authenticator_groups_config {
    security_group = "gke-security-groups@example.com"
  }

  resource_labels = {
    environment = "prod"
    owner       = "platform"
  }
}

# expect fail: gcp-gke-nodes-cos-image
resource "google_container_node_pool" "companion_ubuntu" {
  name       = "ubuntu"
  cluster    = google_container_cluster.companion_ubuntu.id
  node_count = 3

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type    = "e2-standard-4"
    image_type      = "UBUNTU_CONTAINERD"
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    metadata = {
      "disable-legacy-endpoints" = "true"
    }

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }

  autoscaling {
    total_min_node_count = 1
    total_max_node_count = 10
  }
}

# Buckets made public by an IAM member or an IAM binding.
# expect fail: gcp-gcs-bucket-no-public-iam-resource
resource "google_storage_bucket" "companion_public_member" {
  name                        = "companion-public-member"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
  }
}

# expect fail: gcp-gcs-not-public
resource "google_storage_bucket_iam_member" "companion_public_member" {
  bucket = google_storage_bucket.companion_public_member.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

# expect fail: gcp-gcs-bucket-no-public-iam-resource
resource "google_storage_bucket" "companion_public_binding" {
  name                        = "companion-public-binding"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  logging {
    log_bucket = google_storage_bucket.logs.name
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
    }
    action {
      type = "Delete"
    }
  }
}

# expect fail: gcp-gcs-iam-binding-not-public
resource "google_storage_bucket_iam_binding" "companion_public_binding" {
  bucket  = google_storage_bucket.companion_public_binding.name
  role    = "roles/storage.objectViewer"
  members = ["group:data-readers@example.com", "allAuthenticatedUsers"]
}

# Granted to a named group only.
resource "google_storage_bucket_iam_member" "companion_private" {
  bucket = "example-data"
  role   = "roles/storage.objectViewer"
  member = "group:data-readers@example.com"
}
