# Well configured: every rule that applies to it passes.
resource "azurerm_key_vault" "good" {
  name                       = "example-kv"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
  enable_rbac_authorization  = true

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

# expect fail: azure-keyvault-purge-protection
resource "azurerm_key_vault" "azure_keyvault_purge_protection" {
  name                       = "example-kv"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  soft_delete_retention_days = 90
  enable_rbac_authorization  = true

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

# expect fail: azure-keyvault-network-deny
resource "azurerm_key_vault" "azure_keyvault_network_deny" {
  name                       = "example-kv"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
  enable_rbac_authorization  = true

  network_acls {
    default_action = "Allow"
    bypass         = "AzureServices"
  }
}

# Access policies instead of RBAC.
# expect fail: azure-keyvault-rbac
resource "azurerm_key_vault" "azure_keyvault_rbac" {
  name                       = "example-kv"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

# RBAC under the attribute's azurerm 4 name.
resource "azurerm_key_vault" "rbac_v4" {
  name                       = "example-kv"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
  rbac_authorization_enabled = true

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

# expect fail: azure-keyvault-access-policy-no-purge
resource "azurerm_key_vault" "azure_keyvault_access_policy_no_purge" {
  name                       = "example-kv"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
  enable_rbac_authorization  = true

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
  access_policy {
    tenant_id          = data.azurerm_client_config.current.tenant_id
    object_id          = var.app_object_id
    key_permissions    = ["Get", "UnwrapKey", "WrapKey"]
    secret_permissions = ["Get", "List", "Purge"]
  }
}
