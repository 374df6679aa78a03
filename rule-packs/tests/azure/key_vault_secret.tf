# Well configured: every rule that applies to it passes.
resource "azurerm_key_vault_secret" "good" {
  name            = "db-password"
  value           = random_password.db.result
  key_vault_id    = azurerm_key_vault.this.id
  content_type    = "password"
  expiration_date = "2027-06-30T00:00:00Z"
}

# expect fail: azure-keyvault-secret-expiry
resource "azurerm_key_vault_secret" "azure_keyvault_secret_expiry" {
  name         = "db-password"
  value        = random_password.db.result
  key_vault_id = azurerm_key_vault.this.id
  content_type = "password"
}

# expect fail: azure-keyvault-secret-content-type
resource "azurerm_key_vault_secret" "azure_keyvault_secret_content_type" {
  name            = "db-password"
  value           = random_password.db.result
  key_vault_id    = azurerm_key_vault.this.id
  expiration_date = "2027-06-30T00:00:00Z"
}
