# Well configured: every rule that applies to it passes.
resource "google_container_cluster" "good" {
  name                     = "platform"
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

# expect fail: gcp-gke-private-nodes
resource "google_container_cluster" "gcp_gke_private_nodes" {
  name                     = "platform"
  location                 = "europe-west1"
  enable_legacy_abac       = false
  enable_shielded_nodes    = true
  remove_default_node_pool = true
  initial_node_count       = 1

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

# expect fail: gcp-gke-no-legacy-abac
resource "google_container_cluster" "gcp_gke_no_legacy_abac" {
  name                     = "platform"
  location                 = "europe-west1"
  enable_legacy_abac       = true
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

# expect fail: gcp-gke-network-policy
resource "google_container_cluster" "gcp_gke_network_policy" {
  name                     = "platform"
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

# expect fail: gcp-gke-workload-identity
resource "google_container_cluster" "gcp_gke_workload_identity" {
  name                     = "platform"
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

# expect fail: gcp-gke-shielded-nodes
resource "google_container_cluster" "gcp_gke_shielded_nodes" {
  name                     = "platform"
  location                 = "europe-west1"
  enable_legacy_abac       = false
  enable_shielded_nodes    = false
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

# expect fail: gcp-gke-authorized-networks
resource "google_container_cluster" "gcp_gke_authorized_networks" {
  name                     = "platform"
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

# expect fail: gcp-gke-no-client-certificate
resource "google_container_cluster" "gcp_gke_no_client_certificate" {
  name                     = "platform"
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
      issue_client_certificate = true
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

# expect fail: gcp-gke-secrets-encryption
resource "google_container_cluster" "gcp_gke_secrets_encryption" {
  name                     = "platform"
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

# expect fail: gcp-gke-release-channel
resource "google_container_cluster" "gcp_gke_release_channel" {
  name                     = "platform"
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

  logging_config {
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
  }
  release_channel {
    channel = "UNSPECIFIED"
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

# No release_channel block: GKE enrolls the cluster in the REGULAR channel.
resource "google_container_cluster" "enrolled_by_default" {
  name                     = "platform"
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

# expect fail: gcp-gke-intranode-visibility
resource "google_container_cluster" "no_intranode_visibility" {
  name                     = "platform"
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

# expect fail: gcp-gke-no-alpha-features
resource "google_container_cluster" "alpha" {
  name                     = "platform"
  location                 = "europe-west1"
  enable_legacy_abac       = false
  enable_shielded_nodes    = true
  remove_default_node_pool = true
  initial_node_count       = 1
  enable_kubernetes_alpha  = true

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

# expect fail: gcp-gke-vpc-native
resource "google_container_cluster" "routes_based" {
  name                     = "platform"
  location                 = "europe-west1"
  enable_legacy_abac       = false
  enable_shielded_nodes    = true
  remove_default_node_pool = true
  initial_node_count       = 1
  networking_mode          = "ROUTES"

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

# expect fail: gcp-gke-cloud-logging
resource "google_container_cluster" "no_logging" {
  name                     = "platform"
  location                 = "europe-west1"
  enable_legacy_abac       = false
  enable_shielded_nodes    = true
  remove_default_node_pool = true
  initial_node_count       = 1
  logging_service          = "none"

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

# expect fail: gcp-gke-binary-authorization
resource "google_container_cluster" "no_binary_authorization" {
  name                     = "platform"
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
    evaluation_mode = "DISABLED"
  }

  authenticator_groups_config {
    security_group = "gke-security-groups@example.com"
  }

  resource_labels = {
    environment = "prod"
    owner       = "platform"
  }
}

# expect fail: gcp-gke-resource-labels
resource "google_container_cluster" "unlabelled" {
  name                     = "platform"
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

}

# expect fail: gcp-gke-google-groups-rbac
resource "google_container_cluster" "no_google_groups" {
  name                     = "platform"
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


  resource_labels = {
    environment = "prod"
    owner       = "platform"
  }
}

# A Standard cluster that keeps its default node pool, configured by its own node_config.
resource "google_container_cluster" "default_pool" {
  name                  = "platform"
  location              = "europe-west1"
  enable_legacy_abac    = false
  enable_shielded_nodes = true
  initial_node_count    = 3

  node_config {
    machine_type    = "e2-standard-4"
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }

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

# expect fail: gcp-gke-cluster-node-secure-boot
resource "google_container_cluster" "default_pool_insecure_boot" {
  name                  = "platform"
  location              = "europe-west1"
  enable_legacy_abac    = false
  enable_shielded_nodes = true
  initial_node_count    = 3

  node_config {
    machine_type    = "e2-standard-4"
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = false
      enable_integrity_monitoring = true
    }
  }

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

# expect fail: gcp-gke-cluster-node-metadata
resource "google_container_cluster" "default_pool_node_metadata" {
  name                  = "platform"
  location              = "europe-west1"
  enable_legacy_abac    = false
  enable_shielded_nodes = true
  initial_node_count    = 3

  node_config {
    machine_type    = "e2-standard-4"
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GCE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }

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

# expect fail: gcp-gke-nodes-dedicated-service-account
resource "google_container_cluster" "default_pool_default_sa" {
  name                  = "platform"
  location              = "europe-west1"
  enable_legacy_abac    = false
  enable_shielded_nodes = true
  initial_node_count    = 3

  node_config {
    machine_type = "e2-standard-4"
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }

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
resource "google_container_cluster" "default_pool_ubuntu" {
  name                  = "platform"
  location              = "europe-west1"
  enable_legacy_abac    = false
  enable_shielded_nodes = true
  initial_node_count    = 3

  node_config {
    machine_type    = "e2-standard-4"
    image_type      = "UBUNTU_CONTAINERD"
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }

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

# expect fail: gcp-gke-cloud-logging
resource "google_container_cluster" "no_monitoring" {
  name                     = "platform"
  location                 = "europe-west1"
  enable_legacy_abac       = false
  enable_shielded_nodes    = true
  remove_default_node_pool = true
  initial_node_count       = 1
  monitoring_service       = "none"

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
