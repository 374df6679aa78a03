# Network security groups with their rules written inline, as security_rule blocks.

# Well configured: SSH and RDP from the VPN only, the web from anywhere, and a final deny.
resource "azurerm_network_security_group" "good" {
  name                = "inline-good"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  security_rule {
    name                       = "admin-from-vpn"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["22", "3389", "5985-5986"]
    source_address_prefix      = "10.20.0.0/16"
    destination_address_prefix = "VirtualNetwork"
  }

  security_rule {
    name                       = "web"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["80", "443"]
    destination_port_range     = null
    source_address_prefix      = "Internet"
    destination_address_prefix = "VirtualNetwork"
  }

  security_rule {
    name                       = "ping"
    priority                   = 120
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Icmp"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "ssh-out"
    priority                   = 130
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "deny-all"
    priority                   = 4096
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

# expect fail: azure-nsg-inline-no-ssh-from-internet, azure-nsg-inline-no-admin-ports-from-internet
resource "azurerm_network_security_group" "ssh" {
  name                = "inline-ssh"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  security_rule {
    name                       = "web"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "Internet"
    destination_address_prefix = "VirtualNetwork"
  }

  security_rule {
    name                       = "ssh"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "20-25"
    source_address_prefix      = "*"
    destination_address_prefix = "VirtualNetwork"
  }
}

# The rules as a list of objects, SSH in a destination_port_ranges list.
# expect fail: azure-nsg-inline-no-ssh-from-internet
resource "azurerm_network_security_group" "ssh_ranges_attribute" {
  name                = "inline-ssh-ranges"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  security_rule = [{
    name                                       = "ssh"
    description                                = ""
    priority                                   = 100
    direction                                  = "Inbound"
    access                                     = "Allow"
    protocol                                   = "Tcp"
    source_port_range                          = "*"
    source_port_ranges                         = []
    destination_port_range                     = ""
    destination_port_ranges                    = ["22", "443"]
    source_address_prefix                      = ""
    source_address_prefixes                    = ["0.0.0.0/0"]
    destination_address_prefix                 = "VirtualNetwork"
    destination_address_prefixes               = []
    source_application_security_group_ids      = []
    destination_application_security_group_ids = []
  }]
}

# expect fail: azure-nsg-inline-no-rdp-from-internet
resource "azurerm_network_security_group" "rdp" {
  name                = "inline-rdp"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  security_rule {
    name                       = "rdp"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "3389"
    source_address_prefix      = "Internet"
    destination_address_prefix = "VirtualNetwork"
  }
}

# expect fail: azure-nsg-inline-no-rdp-from-internet, azure-nsg-inline-no-database-ports-from-internet
resource "azurerm_network_security_group" "rdp_ranges" {
  name                = "inline-rdp-ranges"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  security_rule {
    name                       = "rdp"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["3000-4000"]
    source_address_prefixes    = ["0.0.0.0/0"]
    destination_address_prefix = "VirtualNetwork"
  }
}

# expect fail: azure-nsg-inline-no-all-ports-from-internet, azure-nsg-inline-no-ssh-from-internet, azure-nsg-inline-no-rdp-from-internet, azure-nsg-inline-no-admin-ports-from-internet, azure-nsg-inline-no-database-ports-from-internet
resource "azurerm_network_security_group" "all_ports" {
  name                = "inline-all"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  security_rule {
    name                       = "any"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

# expect fail: azure-nsg-inline-no-admin-ports-from-internet
resource "azurerm_network_security_group" "admin_ports" {
  name                = "inline-admin"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  security_rule {
    name                       = "winrm"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["5986"]
    source_address_prefix      = "Internet"
    destination_address_prefix = "VirtualNetwork"
  }
}

# expect fail: azure-nsg-inline-no-database-ports-from-internet
resource "azurerm_network_security_group" "database_ports" {
  name                = "inline-db"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  security_rule {
    name                       = "mysql"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3306"
    source_address_prefixes    = ["0.0.0.0/0"]
    destination_address_prefix = "VirtualNetwork"
  }
}
