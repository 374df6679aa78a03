# Well configured: every rule that applies to it passes.
resource "azurerm_kubernetes_cluster" "good" {
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

# expect fail: azure-aks-rbac
resource "azurerm_kubernetes_cluster" "azure_aks_rbac" {
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

# expect fail: azure-aks-api-restricted
resource "azurerm_kubernetes_cluster" "azure_aks_api_restricted" {
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

# Also well configured (aks api servers must be private or restricted).
resource "azurerm_kubernetes_cluster" "good_azure_aks_api_restricted_1" {
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
}

# expect fail: azure-aks-azure-policy
resource "azurerm_kubernetes_cluster" "azure_aks_azure_policy" {
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  local_account_disabled            = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
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

# expect fail: azure-aks-network-policy
resource "azurerm_kubernetes_cluster" "azure_aks_network_policy" {
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
}

# expect fail: azure-aks-local-accounts
resource "azurerm_kubernetes_cluster" "azure_aks_local_accounts" {
  name                              = "platform"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = "platform"
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  private_cluster_enabled           = true
  oidc_issuer_enabled               = true

  default_node_pool {
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
