# Well configured: every rule that applies to it passes.
resource "azurerm_cosmosdb_account" "good" {
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

# expect fail: azure-cosmos-no-public-access
resource "azurerm_cosmosdb_account" "azure_cosmos_no_public_access" {
  name                          = "example-cosmos"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  offer_type                    = "Standard"
  local_authentication_disabled = true

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
  name                          = "example-cosmos"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  offer_type                    = "Standard"
  public_network_access_enabled = false

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}
