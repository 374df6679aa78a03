# Well configured: every rule that applies to it passes.
resource "azurerm_container_registry" "good" {
  name                          = "exampleregistry"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  sku                           = "Premium"
  admin_enabled                 = false
  public_network_access_enabled = false
  zone_redundancy_enabled       = true
}

# expect fail: azure-acr-no-admin-user
resource "azurerm_container_registry" "admin" {
  name                          = "exampleregistry"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  sku                           = "Premium"
  admin_enabled                 = true
  public_network_access_enabled = false
  zone_redundancy_enabled       = true
}

# expect fail: azure-acr-no-anonymous-pull
resource "azurerm_container_registry" "anonymous" {
  name                          = "exampleregistry"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  sku                           = "Premium"
  admin_enabled                 = false
  public_network_access_enabled = false
  zone_redundancy_enabled       = true
  anonymous_pull_enabled        = true
}

# expect fail: azure-acr-no-public-network
resource "azurerm_container_registry" "public" {
  name                    = "exampleregistry"
  resource_group_name     = azurerm_resource_group.this.name
  location                = azurerm_resource_group.this.location
  sku                     = "Premium"
  admin_enabled           = false
  zone_redundancy_enabled = true
}

# expect fail: azure-acr-zone-redundancy
resource "azurerm_container_registry" "single_zone" {
  name                          = "exampleregistry"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  sku                           = "Premium"
  admin_enabled                 = false
  public_network_access_enabled = false
}

# A Basic registry supports neither private access nor zone redundancy: not checked.
resource "azurerm_container_registry" "basic" {
  name                = "exampleregistry"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  sku                 = "Basic"
  admin_enabled       = false
}
