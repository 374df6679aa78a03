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

# expect fail: azure-nsg-no-ssh-from-internet, azure-nsg-no-admin-ports-from-internet
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

# expect fail: azure-nsg-no-ssh-from-internet, azure-nsg-no-rdp-from-internet, azure-nsg-no-all-ports-from-internet, azure-nsg-no-admin-ports-from-internet, azure-nsg-no-database-ports-from-internet
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

# A range that starts after 3389 includes neither SSH nor RDP, nor an administration or database
# port.
resource "azurerm_network_security_rule" "web_range" {
  name                        = "web"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 130
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "8080-8443"
  source_address_prefix       = "*"
  destination_address_prefix  = "VirtualNetwork"
}

# SSH in a destination_port_ranges list, beside another port.
# expect fail: azure-nsg-no-ssh-from-internet, azure-nsg-no-admin-ports-from-internet
resource "azurerm_network_security_rule" "ssh_in_port_ranges" {
  name                        = "ssh-in-port-ranges"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["443", "20-30"]
  source_address_prefix       = "Internet"
  destination_address_prefix  = "VirtualNetwork"
}

# SSH from a source_address_prefixes list that holds every address.
# expect fail: azure-nsg-no-ssh-from-internet-prefixes
resource "azurerm_network_security_rule" "ssh_from_prefixes" {
  name                        = "ssh-from-prefixes"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefixes     = ["10.0.0.0/8", "0.0.0.0/0"]
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-ssh-from-internet-prefixes, azure-nsg-no-rdp-from-internet-prefixes
resource "azurerm_network_security_rule" "ssh_ranges_from_prefixes" {
  name                        = "ssh-ranges-from-prefixes"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["22", "3389"]
  source_address_prefixes     = ["0.0.0.0/0"]
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-rdp-from-internet-prefixes
resource "azurerm_network_security_rule" "rdp_range_from_prefixes" {
  name                        = "rdp-range-from-prefixes"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3380-3390"
  source_address_prefixes     = ["0.0.0.0/0"]
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-rdp-from-internet
resource "azurerm_network_security_rule" "rdp_in_port_ranges" {
  name                        = "rdp-in-port-ranges"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["80", "3389"]
  source_address_prefix       = "Any"
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-all-ports-from-internet, azure-nsg-no-ssh-from-internet, azure-nsg-no-rdp-from-internet, azure-nsg-no-admin-ports-from-internet, azure-nsg-no-database-ports-from-internet
resource "azurerm_network_security_rule" "all_ports_star" {
  name                        = "all-ports-star"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "*"
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-all-ports-from-internet-prefixes, azure-nsg-no-ssh-from-internet-prefixes, azure-nsg-no-rdp-from-internet-prefixes, azure-nsg-no-admin-ports-from-internet-prefixes, azure-nsg-no-database-ports-from-internet-prefixes
resource "azurerm_network_security_rule" "all_ports_from_prefixes" {
  name                        = "all-ports-from-prefixes"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_ranges     = ["*"]
  source_address_prefixes     = ["0.0.0.0/0"]
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-admin-ports-from-internet
resource "azurerm_network_security_rule" "smb" {
  name                        = "smb"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "445"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-admin-ports-from-internet-prefixes
resource "azurerm_network_security_rule" "winrm_from_prefixes" {
  name                        = "winrm-from-prefixes"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["5985-5986"]
  source_address_prefixes     = ["0.0.0.0/0"]
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-database-ports-from-internet
resource "azurerm_network_security_rule" "postgres" {
  name                        = "postgres"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "5432"
  source_address_prefix       = "0.0.0.0/0"
  destination_address_prefix  = "VirtualNetwork"
}

# expect fail: azure-nsg-no-database-ports-from-internet-prefixes
resource "azurerm_network_security_rule" "sql_from_prefixes" {
  name                        = "sql-from-prefixes"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "1433"
  source_address_prefixes     = ["0.0.0.0/0"]
  destination_address_prefix  = "VirtualNetwork"
}

# ICMP has no ports: a rule that allows it from anywhere opens no service.
resource "azurerm_network_security_rule" "ping" {
  name                        = "ping"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Icmp"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "*"
  destination_address_prefix  = "VirtualNetwork"
}

# Outbound rules and Deny rules open nothing.
resource "azurerm_network_security_rule" "ssh_outbound" {
  name                        = "ssh-outbound"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
}


resource "azurerm_network_security_rule" "deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
}

# Web ports from a list holding every address: none of the checked ports.
resource "azurerm_network_security_rule" "web_from_prefixes" {
  name                        = "web-from-prefixes"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["80", "443", "8080-8443"]
  source_address_prefixes     = ["0.0.0.0/0"]
  destination_address_prefix  = "VirtualNetwork"
}

# Every checked port, from known ranges only.
resource "azurerm_network_security_rule" "admin_from_vpn_prefixes" {
  name                        = "admin-from-vpn-prefixes"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this.name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefixes     = ["10.0.0.0/8", "192.168.0.0/16"]
  destination_address_prefix  = "VirtualNetwork"
}
