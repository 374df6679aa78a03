# Well configured: every rule that applies to it passes.
resource "azurerm_network_interface" "good" {
  name                = "app"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  ip_configuration {
    name                          = "internal"
    subnet_id                     = azurerm_subnet.companion_app.id
    private_ip_address_allocation = "Dynamic"
  }
}

# expect fail: azure-nic-no-public-ip
resource "azurerm_network_interface" "public_ip" {
  name                = "app"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  ip_configuration {
    name                          = "internal"
    subnet_id                     = azurerm_subnet.companion_app.id
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = azurerm_public_ip.app.id
  }
}

# expect fail: azure-nic-no-ip-forwarding
resource "azurerm_network_interface" "forwarding" {
  name                = "app"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  ip_configuration {
    name                          = "internal"
    subnet_id                     = azurerm_subnet.companion_app.id
    private_ip_address_allocation = "Dynamic"
  }
  ip_forwarding_enabled = true
}

# expect fail: azure-nic-no-ip-forwarding
resource "azurerm_network_interface" "forwarding_v3" {
  name                = "app"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  ip_configuration {
    name                          = "internal"
    subnet_id                     = azurerm_subnet.companion_app.id
    private_ip_address_allocation = "Dynamic"
  }
  enable_ip_forwarding = true
}
