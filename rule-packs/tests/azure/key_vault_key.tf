# Well configured: every rule that applies to it passes.
resource "azurerm_key_vault_key" "good" {
  name            = "data"
  key_vault_id    = azurerm_key_vault.this.id
  key_type        = "RSA-HSM"
  key_size        = 3072
  key_opts        = ["unwrapKey", "wrapKey"]
  expiration_date = "2027-12-31T00:00:00Z"

  rotation_policy {
    expire_after = "P2Y"

    automatic {
      time_before_expiry = "P30D"
    }
  }
}

# expect fail: azure-keyvault-key-expiry
resource "azurerm_key_vault_key" "azure_keyvault_key_expiry" {
  name         = "data"
  key_vault_id = azurerm_key_vault.this.id
  key_type     = "RSA-HSM"
  key_size     = 3072
  key_opts     = ["unwrapKey", "wrapKey"]

  rotation_policy {
    expire_after = "P2Y"

    automatic {
      time_before_expiry = "P30D"
    }
  }
}

# expect fail: azure-keyvault-key-rotation
resource "azurerm_key_vault_key" "azure_keyvault_key_rotation" {
  name            = "data"
  key_vault_id    = azurerm_key_vault.this.id
  key_type        = "RSA-HSM"
  key_size        = 3072
  key_opts        = ["unwrapKey", "wrapKey"]
  expiration_date = "2027-12-31T00:00:00Z"

  rotation_policy {
    expire_after = "P2Y"

  }
}

# expect fail: azure-keyvault-key-hsm
resource "azurerm_key_vault_key" "azure_keyvault_key_hsm" {
  name            = "data"
  key_vault_id    = azurerm_key_vault.this.id
  key_type        = "RSA"
  key_size        = 3072
  key_opts        = ["unwrapKey", "wrapKey"]
  expiration_date = "2027-12-31T00:00:00Z"

  rotation_policy {
    expire_after = "P2Y"

    automatic {
      time_before_expiry = "P30D"
    }
  }
}
