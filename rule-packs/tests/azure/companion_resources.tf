# Companion resources: settings of a storage account, a subnet or a key vault that are resources
# of their own and refer to it (rule pack companion-resources).

# The account of storage_account.tf without a network_rules block, given network rules by a
# resource of their own.
resource "azurerm_storage_account_network_rules" "azure_storage_network_deny" {
  storage_account_id = azurerm_storage_account.azure_storage_network_deny.id
  default_action     = "Deny"
  bypass             = ["AzureServices"]
}

# Network rules that let every network in.
# expect fail: azure-storage-network-deny, azure-storage-account-network-rules-resource
resource "azurerm_storage_account" "companion_open_network" {
  name                              = "companionopen"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  blob_properties {
    container_delete_retention_policy {
      days = 30
    }

    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }
  }
}

# expect fail: azure-storage-network-rules-deny
resource "azurerm_storage_account_network_rules" "companion_open_network" {
  storage_account_id = azurerm_storage_account.companion_open_network.id
  default_action     = "Allow"
}

# No network rules at all.
# expect fail: azure-storage-network-deny, azure-storage-account-network-rules-resource
resource "azurerm_storage_account" "companion_no_network_rules" {
  name                              = "companionnone"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  blob_properties {
    container_delete_retention_policy {
      days = 30
    }

    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }
  }
}

# The key vaults of key_vault.tf, each sending its audit logs to a diagnostic setting.
resource "azurerm_monitor_diagnostic_setting" "key_vaults" {
  for_each = {
    good             = azurerm_key_vault.good.id
    purge_protection = azurerm_key_vault.azure_keyvault_purge_protection.id
    network_deny     = azurerm_key_vault.azure_keyvault_network_deny.id
    rbac             = azurerm_key_vault.azure_keyvault_rbac.id
    rbac_v4          = azurerm_key_vault.rbac_v4.id
    purge_policy     = azurerm_key_vault.azure_keyvault_access_policy_no_purge.id
  }
  name                       = "audit-${each.key}"
  target_resource_id         = each.value
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id

  enabled_log {
    category = "AuditEvent"
  }
}

# A key vault whose audit logs go nowhere.
# expect fail: azure-key-vault-diagnostic-setting
resource "azurerm_key_vault" "companion_no_diagnostics" {
  name                       = "companion-kv"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
  enable_rbac_authorization  = true

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

resource "azurerm_network_security_group" "companion" {
  name                = "companion"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
}

# Well configured: a network security group is associated with it.
resource "azurerm_subnet" "companion_app" {
  name                 = "app"
  resource_group_name  = azurerm_resource_group.this.name
  virtual_network_name = "companion"
  address_prefixes     = ["10.0.1.0/24"]
}

resource "azurerm_subnet_network_security_group_association" "companion_app" {
  subnet_id                 = azurerm_subnet.companion_app.id
  network_security_group_id = azurerm_network_security_group.companion.id
}

# No network security group.
# expect fail: azure-subnet-network-security-group
resource "azurerm_subnet" "companion_data" {
  name                 = "data"
  resource_group_name  = azurerm_resource_group.this.name
  virtual_network_name = "companion"
  address_prefixes     = ["10.0.2.0/24"]
}

# A gateway subnet may not have a network security group: the rule does not apply to it.
resource "azurerm_subnet" "companion_gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = azurerm_resource_group.this.name
  virtual_network_name = "companion"
  address_prefixes     = ["10.0.255.0/27"]
}

# The SQL servers of mssql_server.tf, each with auditing on.
resource "azurerm_mssql_server_extended_auditing_policy" "servers" {
  for_each = {
    tls12         = azurerm_mssql_server.azure_sql_tls12.id
    public_access = azurerm_mssql_server.azure_sql_no_public_access.id
    entra_admin   = azurerm_mssql_server.azure_sql_entra_admin.id
  }
  server_id              = each.value
  log_monitoring_enabled = true
}

# A SQL server whose auditing is turned off.
# expect fail: azure-sql-auditing
resource "azurerm_mssql_server" "companion_auditing_off" {
  name                          = "companion-sql-off"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = var.sql_admin_group_id
    azuread_authentication_only = true
  }
}

resource "azurerm_mssql_server_extended_auditing_policy" "companion_auditing_off" {
  server_id = azurerm_mssql_server.companion_auditing_off.id
  enabled   = false
}

# A SQL server without auditing.
# expect fail: azure-sql-auditing
resource "azurerm_mssql_server" "companion_no_auditing" {
  name                          = "companion-sql-none"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = var.sql_admin_group_id
    azuread_authentication_only = true
  }
}

# The storage accounts of this folder: each encrypted with a customer-managed key, logging its
# queue requests, and sending its logs to a diagnostic setting.
resource "azurerm_storage_account_customer_managed_key" "accounts" {
  for_each = {
    good                                      = azurerm_storage_account.good.id
    azure_storage_https                       = azurerm_storage_account.azure_storage_https.id
    azure_storage_tls12                       = azurerm_storage_account.azure_storage_tls12.id
    azure_storage_no_public_blobs             = azurerm_storage_account.azure_storage_no_public_blobs.id
    azure_storage_network_deny                = azurerm_storage_account.azure_storage_network_deny.id
    azure_storage_no_shared_key               = azurerm_storage_account.azure_storage_no_shared_key.id
    azure_storage_blob_versioning             = azurerm_storage_account.azure_storage_blob_versioning.id
    data_lake                                 = azurerm_storage_account.data_lake.id
    general_purpose_v1                        = azurerm_storage_account.general_purpose_v1.id
    file_shares                               = azurerm_storage_account.file_shares.id
    flat_v2                                   = azurerm_storage_account.flat_v2.id
    namespace_unknown                         = azurerm_storage_account.namespace_unknown.id
    kind_unknown                              = azurerm_storage_account.kind_unknown.id
    azure_storage_trusted_services            = azurerm_storage_account.azure_storage_trusted_services.id
    companion_open_network                    = azurerm_storage_account.companion_open_network.id
    companion_no_network_rules                = azurerm_storage_account.companion_no_network_rules.id
    azure_storage_infrastructure_encryption   = azurerm_storage_account.azure_storage_infrastructure_encryption.id
    azure_storage_geo_redundant               = azurerm_storage_account.azure_storage_geo_redundant.id
    azure_storage_blob_soft_delete            = azurerm_storage_account.azure_storage_blob_soft_delete.id
    azure_storage_container_soft_delete       = azurerm_storage_account.azure_storage_container_soft_delete.id
    azure_storage_sas_expiration_policy       = azurerm_storage_account.azure_storage_sas_expiration_policy.id
    azure_storage_no_cross_tenant_replication = azurerm_storage_account.azure_storage_no_cross_tenant_replication.id
    azure_storage_queue_logging               = azurerm_storage_account.azure_storage_queue_logging.id
    azure_storage_queue_logging_resource      = azurerm_storage_account.azure_storage_queue_logging_resource.id
    queue_logging_incomplete                  = azurerm_storage_account.queue_logging_incomplete.id
    azure_storage_diagnostic_setting          = azurerm_storage_account.azure_storage_diagnostic_setting.id
    premium_zrs                               = azurerm_storage_account.premium_zrs.id
  }
  storage_account_id        = each.value
  key_vault_id              = azurerm_key_vault.good.id
  key_name                  = azurerm_key_vault_key.good.name
  user_assigned_identity_id = var.storage_identity_id
}

resource "azurerm_storage_account_queue_properties" "accounts" {
  for_each = {
    good                                      = azurerm_storage_account.good.id
    azure_storage_https                       = azurerm_storage_account.azure_storage_https.id
    azure_storage_tls12                       = azurerm_storage_account.azure_storage_tls12.id
    azure_storage_no_public_blobs             = azurerm_storage_account.azure_storage_no_public_blobs.id
    azure_storage_network_deny                = azurerm_storage_account.azure_storage_network_deny.id
    azure_storage_no_shared_key               = azurerm_storage_account.azure_storage_no_shared_key.id
    azure_storage_blob_versioning             = azurerm_storage_account.azure_storage_blob_versioning.id
    data_lake                                 = azurerm_storage_account.data_lake.id
    general_purpose_v1                        = azurerm_storage_account.general_purpose_v1.id
    flat_v2                                   = azurerm_storage_account.flat_v2.id
    namespace_unknown                         = azurerm_storage_account.namespace_unknown.id
    kind_unknown                              = azurerm_storage_account.kind_unknown.id
    azure_storage_trusted_services            = azurerm_storage_account.azure_storage_trusted_services.id
    companion_open_network                    = azurerm_storage_account.companion_open_network.id
    companion_no_network_rules                = azurerm_storage_account.companion_no_network_rules.id
    azure_storage_infrastructure_encryption   = azurerm_storage_account.azure_storage_infrastructure_encryption.id
    azure_storage_geo_redundant               = azurerm_storage_account.azure_storage_geo_redundant.id
    azure_storage_blob_soft_delete            = azurerm_storage_account.azure_storage_blob_soft_delete.id
    azure_storage_container_soft_delete       = azurerm_storage_account.azure_storage_container_soft_delete.id
    azure_storage_sas_expiration_policy       = azurerm_storage_account.azure_storage_sas_expiration_policy.id
    azure_storage_no_cross_tenant_replication = azurerm_storage_account.azure_storage_no_cross_tenant_replication.id
    azure_storage_customer_managed_key        = azurerm_storage_account.azure_storage_customer_managed_key.id
    azure_storage_diagnostic_setting          = azurerm_storage_account.azure_storage_diagnostic_setting.id
  }
  storage_account_id = each.value

  logging {
    version               = "1.0"
    read                  = true
    write                 = true
    delete                = true
    retention_policy_days = 90
  }
}

resource "azurerm_monitor_diagnostic_setting" "storage_accounts" {
  for_each = {
    good                                      = azurerm_storage_account.good.id
    azure_storage_https                       = azurerm_storage_account.azure_storage_https.id
    azure_storage_tls12                       = azurerm_storage_account.azure_storage_tls12.id
    azure_storage_no_public_blobs             = azurerm_storage_account.azure_storage_no_public_blobs.id
    azure_storage_network_deny                = azurerm_storage_account.azure_storage_network_deny.id
    azure_storage_no_shared_key               = azurerm_storage_account.azure_storage_no_shared_key.id
    azure_storage_blob_versioning             = azurerm_storage_account.azure_storage_blob_versioning.id
    data_lake                                 = azurerm_storage_account.data_lake.id
    general_purpose_v1                        = azurerm_storage_account.general_purpose_v1.id
    file_shares                               = azurerm_storage_account.file_shares.id
    flat_v2                                   = azurerm_storage_account.flat_v2.id
    namespace_unknown                         = azurerm_storage_account.namespace_unknown.id
    kind_unknown                              = azurerm_storage_account.kind_unknown.id
    azure_storage_trusted_services            = azurerm_storage_account.azure_storage_trusted_services.id
    companion_open_network                    = azurerm_storage_account.companion_open_network.id
    companion_no_network_rules                = azurerm_storage_account.companion_no_network_rules.id
    azure_storage_infrastructure_encryption   = azurerm_storage_account.azure_storage_infrastructure_encryption.id
    azure_storage_geo_redundant               = azurerm_storage_account.azure_storage_geo_redundant.id
    azure_storage_blob_soft_delete            = azurerm_storage_account.azure_storage_blob_soft_delete.id
    azure_storage_container_soft_delete       = azurerm_storage_account.azure_storage_container_soft_delete.id
    azure_storage_sas_expiration_policy       = azurerm_storage_account.azure_storage_sas_expiration_policy.id
    azure_storage_no_cross_tenant_replication = azurerm_storage_account.azure_storage_no_cross_tenant_replication.id
    azure_storage_queue_logging               = azurerm_storage_account.azure_storage_queue_logging.id
    azure_storage_customer_managed_key        = azurerm_storage_account.azure_storage_customer_managed_key.id
    azure_storage_queue_logging_resource      = azurerm_storage_account.azure_storage_queue_logging_resource.id
    queue_logging_incomplete                  = azurerm_storage_account.queue_logging_incomplete.id
    inline_queue_logging                      = azurerm_storage_account.inline_queue_logging.id
    premium_zrs                               = azurerm_storage_account.premium_zrs.id
  }
  name                       = "storage-${each.key}"
  target_resource_id         = "${each.value}/blobServices/default"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id

  enabled_log {
    category_group = "allLogs"
  }
}

# The virtual machines of this folder, each backed up.
resource "azurerm_backup_protected_vm" "vms" {
  for_each = {
    good                        = azurerm_linux_virtual_machine.good.id
    azure_vm_no_password_auth   = azurerm_linux_virtual_machine.azure_vm_no_password_auth.id
    azure_vm_encryption_at_host = azurerm_linux_virtual_machine.azure_vm_encryption_at_host.id
    more_good                   = azurerm_linux_virtual_machine.more_good.id
    no_identity                 = azurerm_linux_virtual_machine.no_identity.id
    no_boot_diagnostics         = azurerm_linux_virtual_machine.no_boot_diagnostics.id
  }
  resource_group_name = azurerm_resource_group.this.name
  recovery_vault_name = "example-vault"
  source_vm_id        = each.value
  backup_policy_id    = var.backup_policy_id
}

# A virtual machine without a backup.
# expect fail: azure-vm-backup
resource "azurerm_windows_virtual_machine" "companion_no_backup" {
  name                       = "win"
  resource_group_name        = azurerm_resource_group.this.name
  location                   = azurerm_resource_group.this.location
  size                       = "Standard_D2s_v5"
  admin_username             = "azureuser"
  admin_password             = var.admin_password
  encryption_at_host_enabled = true
  network_interface_ids      = [azurerm_network_interface.good.id]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2022-datacenter-azure-edition"
    version   = "latest"
  }

  identity {
    type = "SystemAssigned"
  }

  boot_diagnostics {}
}
