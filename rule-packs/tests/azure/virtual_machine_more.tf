# Virtual machines: the checks of checks/azure-more.yml.
# Well configured: every rule that applies to it passes.
resource "azurerm_linux_virtual_machine" "more_good" {
  name                            = "app"
  resource_group_name             = azurerm_resource_group.this.name
  location                        = azurerm_resource_group.this.location
  size                            = "Standard_D2s_v5"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  encryption_at_host_enabled      = true
  network_interface_ids           = [azurerm_network_interface.this.id]

  admin_ssh_key {
    username   = "azureuser"
    public_key = file("~/.ssh/id_ed25519.pub")
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }

  identity {
    type = "SystemAssigned"
  }

  boot_diagnostics {}
}

# expect fail: azure-vm-managed-identity
resource "azurerm_linux_virtual_machine" "no_identity" {
  name                            = "app"
  resource_group_name             = azurerm_resource_group.this.name
  location                        = azurerm_resource_group.this.location
  size                            = "Standard_D2s_v5"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  encryption_at_host_enabled      = true
  network_interface_ids           = [azurerm_network_interface.this.id]

  admin_ssh_key {
    username   = "azureuser"
    public_key = file("~/.ssh/id_ed25519.pub")
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }



  boot_diagnostics {}
}

# expect fail: azure-vm-boot-diagnostics
resource "azurerm_linux_virtual_machine" "no_boot_diagnostics" {
  name                            = "app"
  resource_group_name             = azurerm_resource_group.this.name
  location                        = azurerm_resource_group.this.location
  size                            = "Standard_D2s_v5"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  encryption_at_host_enabled      = true
  network_interface_ids           = [azurerm_network_interface.this.id]

  admin_ssh_key {
    username   = "azureuser"
    public_key = file("~/.ssh/id_ed25519.pub")
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }

  identity {
    type = "SystemAssigned"
  }


}

# A legacy virtual machine on managed disks.
resource "azurerm_virtual_machine" "managed" {
  name                  = "legacy"
  location              = azurerm_resource_group.this.location
  resource_group_name   = azurerm_resource_group.this.name
  network_interface_ids = [azurerm_network_interface.good.id]
  vm_size               = "Standard_D2s_v5"

  storage_os_disk {
    name              = "legacy-os"
    caching           = "ReadWrite"
    create_option     = "FromImage"
    managed_disk_type = "Premium_LRS"
  }
}

# expect fail: azure-vm-managed-disks
resource "azurerm_virtual_machine" "vhd" {
  name                  = "legacy-vhd"
  location              = azurerm_resource_group.this.location
  resource_group_name   = azurerm_resource_group.this.name
  network_interface_ids = [azurerm_network_interface.good.id]
  vm_size               = "Standard_D2s_v5"

  storage_os_disk {
    name          = "legacy-os"
    caching       = "ReadWrite"
    create_option = "FromImage"
    vhd_uri       = "${azurerm_storage_account.good.primary_blob_endpoint}vhds/legacy-os.vhd"
  }
}

# Well configured: every rule that applies to it passes.
resource "azurerm_virtual_machine_extension" "antimalware" {
  name                       = "antimalware"
  virtual_machine_id         = azurerm_windows_virtual_machine.this.id
  publisher                  = "Microsoft.Azure.Security"
  type                       = "IaaSAntimalware"
  type_handler_version       = "1.3"
  auto_upgrade_minor_version = true
}

# expect fail: azure-vm-antimalware-auto-upgrade
resource "azurerm_virtual_machine_extension" "antimalware_pinned" {
  name                       = "antimalware"
  virtual_machine_id         = azurerm_windows_virtual_machine.this.id
  publisher                  = "Microsoft.Azure.Security"
  type                       = "IaaSAntimalware"
  type_handler_version       = "1.3"
  auto_upgrade_minor_version = false
}

# Other extensions are not checked.
resource "azurerm_virtual_machine_extension" "monitoring_agent" {
  name                       = "antimalware"
  virtual_machine_id         = azurerm_windows_virtual_machine.this.id
  publisher                  = "Microsoft.Azure.Monitor"
  type                       = "AzureMonitorLinuxAgent"
  type_handler_version       = "1.3"
  auto_upgrade_minor_version = false
}

# Well configured: every rule that applies to it passes.
resource "azurerm_managed_disk" "good" {
  name                          = "data"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  storage_account_type          = "Premium_LRS"
  create_option                 = "Empty"
  disk_size_gb                  = 128
  disk_encryption_set_id        = azurerm_disk_encryption_set.this.id
  network_access_policy         = "DenyAll"
  public_network_access_enabled = false
}

# expect fail: azure-managed-disk-encryption
resource "azurerm_managed_disk" "ade_off" {
  name                          = "data"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  storage_account_type          = "Premium_LRS"
  create_option                 = "Empty"
  disk_size_gb                  = 128
  disk_encryption_set_id        = azurerm_disk_encryption_set.this.id
  network_access_policy         = "DenyAll"
  public_network_access_enabled = false
  encryption_settings {
    enabled = false
  }
}

# expect fail: azure-managed-disk-customer-managed-key
resource "azurerm_managed_disk" "platform_key" {
  name                          = "data"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  storage_account_type          = "Premium_LRS"
  create_option                 = "Empty"
  disk_size_gb                  = 128
  network_access_policy         = "DenyAll"
  public_network_access_enabled = false
}

# expect fail: azure-managed-disk-no-public-access
resource "azurerm_managed_disk" "exportable" {
  name                   = "data"
  location               = azurerm_resource_group.this.location
  resource_group_name    = azurerm_resource_group.this.name
  storage_account_type   = "Premium_LRS"
  create_option          = "Empty"
  disk_size_gb           = 128
  disk_encryption_set_id = azurerm_disk_encryption_set.this.id
}
