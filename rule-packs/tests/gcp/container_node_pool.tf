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

  autoscaling {
    total_min_node_count = 1
    total_max_node_count = 10
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

  autoscaling {
    total_min_node_count = 1
    total_max_node_count = 10
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

  autoscaling {
    total_min_node_count = 1
    total_max_node_count = 10
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

  autoscaling {
    total_min_node_count = 1
    total_max_node_count = 10
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

  autoscaling {
    total_min_node_count = 1
    total_max_node_count = 10
  }
}

# expect fail: gcp-gke-nodes-integrity-monitoring
resource "google_container_node_pool" "no_integrity_monitoring" {
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
      enable_integrity_monitoring = false
    }
  }

  autoscaling {
    total_min_node_count = 1
    total_max_node_count = 10
  }
}

# expect fail: gcp-gke-nodes-dedicated-service-account
resource "google_container_node_pool" "default_service_account" {
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
    service_account = "123456789012-compute@developer.gserviceaccount.com"
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

# Windows nodes for Windows workloads: the Container-Optimized OS check does not apply.
resource "google_container_node_pool" "windows" {
  name       = "default"
  cluster    = google_container_cluster.this.id
  node_count = 3

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type    = "e2-standard-4"
    image_type      = "WINDOWS_LTSC_CONTAINERD"
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

# expect fail: gcp-gke-node-pool-autoscaling
resource "google_container_node_pool" "fixed_size" {
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
