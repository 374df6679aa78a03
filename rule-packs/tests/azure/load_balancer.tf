# Well configured: every rule that applies to it passes.
resource "azurerm_lb" "good" {
  name                = "example-lb"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = "Standard"
}

# expect fail: azure-lb-no-basic-sku
resource "azurerm_lb" "basic" {
  name                = "example-lb"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = "Basic"
}

# The provider's default SKU is Standard.
resource "azurerm_lb" "default_sku" {
  name                = "example-lb"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
}

# Well configured: every rule that applies to it passes.
resource "azurerm_public_ip" "good" {
  name                = "example-ip"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["1", "2", "3"]
}

# expect fail: azure-public-ip-no-basic-sku
resource "azurerm_public_ip" "basic" {
  name                = "example-ip"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  allocation_method   = "Static"
  sku                 = "Basic"
}
