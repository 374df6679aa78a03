# Well configured: every rule that applies to it passes.
resource "azurerm_cosmosdb_account" "good" {
  key_vault_key_id                   = azurerm_key_vault_key.good.versionless_id
  access_key_metadata_writes_enabled = false
  name                               = "example-cosmos"
  location                           = azurerm_resource_group.this.location
  resource_group_name                = azurerm_resource_group.this.name
  offer_type                         = "Standard"
  public_network_access_enabled      = false
  local_authentication_disabled      = true

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

# expect fail: azure-cosmos-no-public-access
resource "azurerm_cosmosdb_account" "azure_cosmos_no_public_access" {
  key_vault_key_id                   = azurerm_key_vault_key.good.versionless_id
  access_key_metadata_writes_enabled = false
  name                               = "example-cosmos"
  location                           = azurerm_resource_group.this.location
  resource_group_name                = azurerm_resource_group.this.name
  offer_type                         = "Standard"
  local_authentication_disabled      = true

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

# expect fail: azure-cosmos-no-local-auth
resource "azurerm_cosmosdb_account" "azure_cosmos_no_local_auth" {
  key_vault_key_id                   = azurerm_key_vault_key.good.versionless_id
  access_key_metadata_writes_enabled = false
  name                               = "example-cosmos"
  location                           = azurerm_resource_group.this.location
  resource_group_name                = azurerm_resource_group.this.name
  offer_type                         = "Standard"
  public_network_access_enabled      = false

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

# expect fail: azure-cosmos-customer-managed-key
resource "azurerm_cosmosdb_account" "azure_cosmos_customer_managed_key" {
  access_key_metadata_writes_enabled = false
  name                               = "example-cosmos"
  location                           = azurerm_resource_group.this.location
  resource_group_name                = azurerm_resource_group.this.name
  offer_type                         = "Standard"
  public_network_access_enabled      = false
  local_authentication_disabled      = true

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

# expect fail: azure-cosmos-no-key-metadata-writes
resource "azurerm_cosmosdb_account" "azure_cosmos_no_key_metadata_writes" {
  key_vault_key_id              = azurerm_key_vault_key.good.versionless_id
  name                          = "example-cosmos"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  offer_type                    = "Standard"
  public_network_access_enabled = false
  local_authentication_disabled = true

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}
