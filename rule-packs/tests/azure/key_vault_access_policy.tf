# Well configured: every rule that applies to it passes.
resource "azurerm_key_vault_access_policy" "good" {
  key_vault_id       = azurerm_key_vault.good.id
  tenant_id          = data.azurerm_client_config.current.tenant_id
  object_id          = var.app_object_id
  key_permissions    = ["Get", "UnwrapKey", "WrapKey"]
  secret_permissions = ["Get", "List"]
}

# expect fail: azure-keyvault-access-policy-resource-no-purge
resource "azurerm_key_vault_access_policy" "purge_keys" {
  key_vault_id       = azurerm_key_vault.good.id
  tenant_id          = data.azurerm_client_config.current.tenant_id
  object_id          = var.app_object_id
  key_permissions    = ["Get", "UnwrapKey", "WrapKey", "Purge"]
  secret_permissions = ["Get", "List"]
}

# expect fail: azure-keyvault-access-policy-resource-no-purge
resource "azurerm_key_vault_access_policy" "purge_certificates" {
  key_vault_id            = azurerm_key_vault.good.id
  tenant_id               = data.azurerm_client_config.current.tenant_id
  object_id               = var.app_object_id
  key_permissions         = ["Get", "UnwrapKey", "WrapKey"]
  secret_permissions      = ["Get", "List"]
  certificate_permissions = ["Get", "Purge"]
}
