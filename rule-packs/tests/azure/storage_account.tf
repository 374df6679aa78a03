# Well configured: every rule that applies to it passes.
resource "azurerm_storage_account" "good" {
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

# expect fail: azure-storage-https
resource "azurerm_storage_account" "azure_storage_https" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = false
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

# expect fail: azure-storage-tls12
resource "azurerm_storage_account" "azure_storage_tls12" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_0"
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

# expect fail: azure-storage-no-public-blobs
resource "azurerm_storage_account" "azure_storage_no_public_blobs" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
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

# expect fail: azure-storage-network-deny
resource "azurerm_storage_account" "azure_storage_network_deny" {
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

# expect fail: azure-storage-no-shared-key
resource "azurerm_storage_account" "azure_storage_no_shared_key" {
  name                              = "examplelogs"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  infrastructure_encryption_enabled = true

  sas_policy {
    expiration_period = "00.01:00:00"
    expiration_action = "Block"
  }

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

# expect fail: azure-storage-blob-versioning
resource "azurerm_storage_account" "azure_storage_blob_versioning" {
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
    delete_retention_policy {
      days = 30
    }

    container_delete_retention_policy {
      days = 30
    }
  }
}

# The azurerm provider refuses versioning_enabled on an account with a hierarchical namespace
# (Data Lake Storage): the versioning check does not apply, and every other check does.
resource "azurerm_storage_account" "data_lake" {
  name                              = "examplelake"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  is_hns_enabled                    = true
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

    delete_retention_policy {
      days = 30
    }
  }
}

# ...and on a general-purpose v1 account.
resource "azurerm_storage_account" "general_purpose_v1" {
  name                            = "examplelegacy"
  resource_group_name             = azurerm_resource_group.this.name
  location                        = azurerm_resource_group.this.location
  account_kind                    = "Storage"
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
    delete_retention_policy {
      days = 30
    }

    container_delete_retention_policy {
      days = 30
    }
  }
}

# A FileStorage account has no blob service at all.
resource "azurerm_storage_account" "file_shares" {
  name                              = "exampleshares"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_kind                      = "FileStorage"
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
}

# A StorageV2 account without a hierarchical namespace, said so explicitly, is checked.
# expect fail: azure-storage-blob-versioning
resource "azurerm_storage_account" "flat_v2" {
  name                              = "exampledata"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_kind                      = "StorageV2"
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  is_hns_enabled                    = false
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
    delete_retention_policy {
      days = 30
    }

    container_delete_retention_policy {
      days = 30
    }
  }
}

variable "is_hns_enabled" {
  type = bool
}

variable "account_kind" {
  type = string
}

# Whether the account has a hierarchical namespace, or which kind it is, cannot be known before
# plan: whether the versioning check applies is unknown, so a missing versioning is unknown too.
# expect unknown: azure-storage-blob-versioning
resource "azurerm_storage_account" "namespace_unknown" {
  name                              = "exampledata"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  is_hns_enabled                    = var.is_hns_enabled
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
    delete_retention_policy {
      days = 30
    }

    container_delete_retention_policy {
      days = 30
    }
  }
}

# expect unknown: azure-storage-blob-versioning
resource "azurerm_storage_account" "kind_unknown" {
  name                              = "exampledata"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_kind                      = var.account_kind
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
    delete_retention_policy {
      days = 30
    }

    container_delete_retention_policy {
      days = 30
    }
  }
}

# expect fail: azure-storage-trusted-services
resource "azurerm_storage_account" "azure_storage_trusted_services" {
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
    bypass         = ["None"]
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
