# Well configured: every rule that applies to it passes.
resource "azurerm_kubernetes_cluster" "good" {
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

# expect fail: azure-aks-rbac
resource "azurerm_kubernetes_cluster" "azure_aks_rbac" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = false
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

# expect fail: azure-aks-api-restricted
resource "azurerm_kubernetes_cluster" "azure_aks_api_restricted" {
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
  private_cluster_enabled           = false
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

# Also well configured (aks api servers must be private or restricted).
resource "azurerm_kubernetes_cluster" "good_azure_aks_api_restricted_1" {
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
  private_cluster_enabled           = false
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

  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
}

# expect fail: azure-aks-azure-policy
resource "azurerm_kubernetes_cluster" "azure_aks_azure_policy" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
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

# expect fail: azure-aks-network-policy
resource "azurerm_kubernetes_cluster" "azure_aks_network_policy" {
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
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.this.id
    msi_auth_for_monitoring_enabled = true
  }
}

# expect fail: azure-aks-local-accounts
resource "azurerm_kubernetes_cluster" "azure_aks_local_accounts" {
  sku_tier                          = "Standard"
  automatic_upgrade_channel         = "patch"
  disk_encryption_set_id            = azurerm_disk_encryption_set.this.id
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
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
