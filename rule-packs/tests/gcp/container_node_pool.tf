# Well configured: every rule that applies to it passes.
resource "google_container_node_pool" "good" {
  name       = "default"
  cluster    = google_container_cluster.this.id
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
}

# expect fail: gcp-gke-node-auto-repair
resource "google_container_node_pool" "gcp_gke_node_auto_repair" {
  name       = "default"
  cluster    = google_container_cluster.this.id
  node_count = 3

  management {
    auto_repair  = true
    auto_upgrade = false
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
}

# expect fail: gcp-gke-node-metadata
resource "google_container_node_pool" "gcp_gke_node_metadata" {
  name       = "default"
  cluster    = google_container_cluster.this.id
  node_count = 3

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    workload_metadata_config {
      mode = "GCE_METADATA"
    }

    machine_type    = "e2-standard-4"
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    metadata = {
      "disable-legacy-endpoints" = "true"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }
}

# No mode set: in a cluster with Workload Identity the pool gets the GKE metadata server.
resource "google_container_node_pool" "metadata_mode_from_the_cluster" {
  name       = "default"
  cluster    = google_container_cluster.this.id
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

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }
}

# expect fail: gcp-gke-node-secure-boot
resource "google_container_node_pool" "gcp_gke_node_secure_boot" {
  name       = "default"
  cluster    = google_container_cluster.this.id
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
  }
}
