# Well configured: every rule that applies to it passes.
resource "azurerm_eventhub_namespace" "good" {
  name                          = "example-events"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  sku                           = "Standard"
  minimum_tls_version           = "1.2"
  local_authentication_enabled  = false
  public_network_access_enabled = false
}

# expect fail: azure-eventhub-no-local-auth
resource "azurerm_eventhub_namespace" "sas_keys" {
  name                          = "example-events"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  sku                           = "Standard"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}

# expect fail: azure-messaging-tls12
resource "azurerm_eventhub_namespace" "tls10" {
  name                          = "example-events"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  sku                           = "Standard"
  minimum_tls_version           = "1.0"
  local_authentication_enabled  = false
  public_network_access_enabled = false
}

# Well configured: every rule that applies to it passes.
resource "azurerm_servicebus_namespace" "good" {
  name                          = "example-bus"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  sku                           = "Premium"
  capacity                      = 1
  premium_messaging_partitions  = 1
  local_auth_enabled            = false
  public_network_access_enabled = false
}

# expect fail: azure-servicebus-no-local-auth
resource "azurerm_servicebus_namespace" "sas_keys" {
  name                          = "example-bus"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  sku                           = "Premium"
  capacity                      = 1
  premium_messaging_partitions  = 1
  local_auth_enabled            = true
  public_network_access_enabled = false
}
