# Well configured: every rule that applies to it passes.
resource "azurerm_network_security_rule" "good" {
  name                        = "ssh-from-vpn"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "10.20.0.0/16"
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-ssh-from-internet
resource "azurerm_network_security_rule" "azure_nsg_no_ssh_from_internet" {
  name                        = "ssh-from-vpn"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "*"
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-rdp-from-internet
resource "azurerm_network_security_rule" "azure_nsg_no_rdp_from_internet" {
  name                        = "ssh-from-vpn"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "VirtualNetwork"
}

# Also well configured (network security rules must not allow rdp from the internet).
resource "azurerm_network_security_rule" "good_azure_nsg_no_rdp_from_internet_1" {
  name                        = "rdp-from-vpn"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "10.20.0.0/16"
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-ssh-from-internet
resource "azurerm_network_security_rule" "ssh_in_a_port_range" {
  name                        = "range"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "20-25"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-ssh-from-internet, azure-nsg-no-rdp-from-internet
resource "azurerm_network_security_rule" "every_port" {
  name                        = "wide"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "0-65535"
  source_address_prefix       = "0.0.0.0/0"
  destination_address_prefix  = "VirtualNetwork"
}

# A range that starts after 3389 includes neither SSH nor RDP.
resource "azurerm_network_security_rule" "web_range" {
  name                        = "web"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 130
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3390-8080"
  source_address_prefix       = "*"
  destination_address_prefix  = "VirtualNetwork"
}
