# AKS clusters: the checks of checks/azure-more.yml.
# Well configured: every rule that applies to it passes.
resource "azurerm_kubernetes_cluster" "more_good" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = true
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
}

# expect fail: azure-aks-entra-integration
resource "azurerm_kubernetes_cluster" "no_entra" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = true
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }



  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
}

# expect fail: azure-aks-host-encryption
resource "azurerm_kubernetes_cluster" "no_host_encryption" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = false
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
}

# expect fail: azure-aks-disk-encryption-set
resource "azurerm_kubernetes_cluster" "platform_keys" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = true
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
}

# expect fail: azure-aks-monitoring
resource "azurerm_kubernetes_cluster" "no_monitoring" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = true
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}

# expect fail: azure-aks-automatic-upgrades
resource "azurerm_kubernetes_cluster" "no_upgrades" {
  sku_tier                          = "Standard"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = true
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
}

# expect fail: azure-aks-secret-rotation
resource "azurerm_kubernetes_cluster" "no_secret_rotation" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = true
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
  key_vault_secrets_provider {
    secret_rotation_enabled = false
  }
}

# expect fail: azure-aks-uptime-sla
resource "azurerm_kubernetes_cluster" "free_tier" {
  sku_tier                          = "Free"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = true
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
}

# The secrets store CSI driver, rotating secrets.
resource "azurerm_kubernetes_cluster" "secret_rotation" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = true
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
  key_vault_secrets_provider {
    secret_rotation_enabled  = true
    secret_rotation_interval = "2m"
  }
}

# Upgrades through azurerm 3's attribute are not checked.
resource "azurerm_kubernetes_cluster" "channel_v3" {
  sku_tier                          = "Standard"
  automatic_channel_upgrade         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = true
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
}

# Well configured: every rule that applies to it passes.
resource "azurerm_kubernetes_cluster_node_pool" "good" {
  name                    = "user"
  kubernetes_cluster_id   = azurerm_kubernetes_cluster.good.id
  vm_size                 = "Standard_D4s_v5"
  node_count              = 3
  host_encryption_enabled = true
}

# expect fail: azure-aks-node-pool-host-encryption
resource "azurerm_kubernetes_cluster_node_pool" "no_host_encryption" {
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.good.id
  vm_size               = "Standard_D4s_v5"
  node_count            = 3
}

# expect fail: azure-aks-system-pool-critical-only
resource "azurerm_kubernetes_cluster" "workloads_on_system_pool" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
    host_encryption_enabled      = true
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    only_critical_addons_enabled = false
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
}
