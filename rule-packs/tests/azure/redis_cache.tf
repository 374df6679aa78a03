# Well configured: every rule that applies to it passes.
resource "azurerm_redis_cache" "good" {
  name                          = "example-cache"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  capacity                      = 1
  family                        = "C"
  sku_name                      = "Standard"
  non_ssl_port_enabled          = false
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}

# expect fail: azure-redis-no-plain-port
resource "azurerm_redis_cache" "azure_redis_no_plain_port" {
  name                          = "example-cache"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  capacity                      = 1
  family                        = "C"
  sku_name                      = "Standard"
  non_ssl_port_enabled          = true
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}

# expect fail: azure-redis-tls12
resource "azurerm_redis_cache" "azure_redis_tls12" {
  name                          = "example-cache"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  capacity                      = 1
  family                        = "C"
  sku_name                      = "Standard"
  non_ssl_port_enabled          = false
  minimum_tls_version           = "1.0"
  public_network_access_enabled = false
}

# expect fail: azure-redis-no-public-access
resource "azurerm_redis_cache" "azure_redis_no_public_access" {
  name                          = "example-cache"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  capacity                      = 1
  family                        = "C"
  sku_name                      = "Standard"
  non_ssl_port_enabled          = false
  minimum_tls_version           = "1.2"
  public_network_access_enabled = true
}
