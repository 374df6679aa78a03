# More storage accounts: one mistake each, for the checks of checks/azure-more.yml.

# expect fail: azure-storage-infrastructure-encryption
resource "azurerm_storage_account" "azure_storage_infrastructure_encryption" {
  name                            = "examplelogs"
  resource_group_name             = azurerm_resource_group.this.name
  location                        = azurerm_resource_group.this.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

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

# expect fail: azure-storage-geo-redundant
resource "azurerm_storage_account" "azure_storage_geo_redundant" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "ZRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

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

# expect fail: azure-storage-blob-soft-delete
resource "azurerm_storage_account" "azure_storage_blob_soft_delete" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  blob_properties {
    container_delete_retention_policy {
      days = 30
    }

    versioning_enabled = true

    delete_retention_policy {
      days = 3
    }
  }
}

# expect fail: azure-storage-container-soft-delete
resource "azurerm_storage_account" "azure_storage_container_soft_delete" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  blob_properties {

    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }
  }
}

# expect fail: azure-storage-sas-expiration-policy, azure-storage-no-shared-key
resource "azurerm_storage_account" "azure_storage_sas_expiration_policy" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

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

# expect fail: azure-storage-no-cross-tenant-replication
resource "azurerm_storage_account" "azure_storage_no_cross_tenant_replication" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  blob_properties {
    container_delete_retention_policy {
      days = 30
    }

    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }
  }
  cross_tenant_replication_enabled = true
}

# expect fail: azure-storage-queue-logging
resource "azurerm_storage_account" "azure_storage_queue_logging" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  blob_properties {
    container_delete_retention_policy {
      days = 30
    }

    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }
  }
  queue_properties {
    logging {
      version               = "1.0"
      read                  = true
      write                 = true
      delete                = false
      retention_policy_days = 90
    }
  }
}

# expect fail: azure-storage-customer-managed-key
resource "azurerm_storage_account" "azure_storage_customer_managed_key" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

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

# expect fail: azure-storage-queue-logging-resource
resource "azurerm_storage_account" "azure_storage_queue_logging_resource" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

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

# expect fail: azure-storage-queue-logging-resource
resource "azurerm_storage_account" "queue_logging_incomplete" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

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

# expect fail: azure-storage-diagnostic-setting
resource "azurerm_storage_account" "azure_storage_diagnostic_setting" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

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

# Queue logging written inline, and a customer-managed key inline.
resource "azurerm_storage_account" "inline_queue_logging" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  blob_properties {
    container_delete_retention_policy {
      days = 30
    }

    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }
  }
  queue_properties {
    logging {
      version               = "1.0"
      read                  = true
      write                 = true
      delete                = true
      retention_policy_days = 90
    }
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [var.storage_identity_id]
  }

  customer_managed_key {
    key_vault_key_id          = azurerm_key_vault_key.good.versionless_id
    user_assigned_identity_id = var.storage_identity_id
  }
}

# A Premium account offers no geo-redundant replication: not checked.
resource "azurerm_storage_account" "premium_zrs" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Premium"
  account_replication_type          = "ZRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  blob_properties {
    container_delete_retention_policy {
      days = 30
    }

    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }
  }
  account_kind = "BlockBlobStorage"
}

# expect fail: azure-storage-queue-properties-logging
resource "azurerm_storage_account_queue_properties" "queue_logging_incomplete" {
  storage_account_id = azurerm_storage_account.queue_logging_incomplete.id

  logging {
    version = "1.0"
    read    = true
    write   = false
    delete  = true
  }
}

# expect fail: azure-storage-queue-properties-logging
resource "azurerm_storage_account_queue_properties" "no_logging" {
  storage_account_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/other/providers/Microsoft.Storage/storageAccounts/other"

  minute_metrics {
    version = "1.0"
  }
}
