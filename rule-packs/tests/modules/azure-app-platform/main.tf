# An application platform module in the style of the public Azure modules. Well configured.

variable "prefix" {
  type    = string
  default = "shop"
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "allowed_ips" {
  type    = list(string)
  default = ["203.0.113.10"]
}

locals {
  tags = { app = var.prefix, managed_by = "terraform" }
}

resource "azurerm_resource_group" "this" {
  name     = "${var.prefix}-rg"
  location = var.location
  tags     = local.tags
}

resource "azurerm_storage_account" "this" {
  name                              = "${var.prefix}data"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "GZRS"
  min_tls_version                   = "TLS1_2"
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
    ip_rules       = var.allowed_ips
  }

  blob_properties {
    container_delete_retention_policy {
      days = 30
    }

    versioning_enabled = true
    delete_retention_policy {
      days = 14
    }
  }

  tags = local.tags
}

resource "azurerm_key_vault" "this" {
  name                       = "${var.prefix}-kv"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
  enable_rbac_authorization  = true

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
    ip_rules       = var.allowed_ips
  }
}

data "azurerm_client_config" "current" {}

resource "azurerm_linux_web_app" "this" {
  name                       = "${var.prefix}-web"
  resource_group_name        = azurerm_resource_group.this.name
  location                   = azurerm_resource_group.this.location
  service_plan_id            = azurerm_service_plan.this.id
  client_certificate_enabled = true
  client_certificate_mode    = "Required"
  https_only                 = true

  site_config {
    http2_enabled                     = true
    health_check_path                 = "/healthz"
    health_check_eviction_time_in_min = 5
    minimum_tls_version               = "1.2"
    ftps_state                        = "Disabled"
  }

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    KEY_VAULT_URI = azurerm_key_vault.this.vault_uri
  }

  logs {
    detailed_error_messages = true
    failed_request_tracing  = true

    application_logs {
      file_system_level = "Information"
    }

    http_logs {
      file_system {
        retention_in_days = 30
        retention_in_mb   = 100
      }
    }
  }

  auth_settings_v2 {
    auth_enabled           = true
    require_authentication = true
    default_provider       = "azureactivedirectory"

    active_directory_v2 {
      client_id            = "00000000-0000-0000-0000-000000000000"
      tenant_auth_endpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
    }

    login {}
  }
}

resource "azurerm_service_plan" "this" {
  name                = "${var.prefix}-plan"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_network_security_group" "app" {
  name                = "${var.prefix}-app"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
}

resource "azurerm_network_security_rule" "https" {
  for_each                    = toset(["443"])
  name                        = "https-${each.value}"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.app.name
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = each.value
  source_address_prefix       = "Internet"
  destination_address_prefix  = "VirtualNetwork"
}
