# A GKE platform module in the style of the public Google modules. Well configured.

variable "project_id" {
  type    = string
  default = "example-project"
}

variable "region" {
  type    = string
  default = "europe-west1"
}

variable "node_pools" {
  type = list(object({
    name         = string
    machine_type = optional(string, "e2-standard-4")
    min_count    = optional(number, 1)
    max_count    = optional(number, 5)
  }))
  default = [{ name = "general" }, { name = "batch", machine_type = "c3-standard-8" }]
}

locals {
  node_pools = { for np in var.node_pools : np.name => np }
  labels     = { platform = "gke", managed-by = "terraform" }
}

resource "google_kms_key_ring" "gke" {
  name     = "gke"
  location = var.region
}

resource "google_kms_crypto_key" "gke" {
  name            = "gke-secrets"
  key_ring        = google_kms_key_ring.gke.id
  rotation_period = "7776000s"

  lifecycle {
    prevent_destroy = true
  }
}

resource "google_service_account" "nodes" {
  account_id   = "gke-nodes"
  display_name = "GKE nodes"
}

resource "google_project_iam_member" "nodes" {
  for_each = toset(["roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/monitoring.viewer"])
  project  = var.project_id
  role     = each.value
  member   = "serviceAccount:${google_service_account.nodes.email}"
}

resource "google_container_cluster" "this" {
  name                     = "platform"
  location                 = var.region
  remove_default_node_pool = true
  initial_node_count       = 1
  datapath_provider        = "ADVANCED_DATAPATH"
  resource_labels          = local.labels

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }

  master_authorized_networks_config {
    dynamic "cidr_blocks" {
      for_each = { office = "203.0.113.0/24", vpn = "198.51.100.0/24" }
      content {
        display_name = cidr_blocks.key
        cidr_block   = cidr_blocks.value
      }
    }
  }

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.gke.id
  }

  release_channel {
    channel = "REGULAR"
  }

  enable_intranode_visibility = true

  binary_authorization {
    evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE"
  }

  authenticator_groups_config {
    security_group = "gke-security-groups@example.com"
  }
}

resource "google_container_node_pool" "this" {
  for_each = local.node_pools
  name     = each.key
  cluster  = google_container_cluster.this.id

  autoscaling {
    min_node_count = each.value.min_count
    max_node_count = each.value.max_count
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type    = each.value.machine_type
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    labels          = local.labels

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }
}

resource "google_storage_bucket" "state" {
  name                        = "${var.project_id}-platform-state"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.gke.id
  }

  logging {
    log_bucket = "${var.project_id}-access-logs"
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
