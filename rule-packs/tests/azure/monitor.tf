# Well configured: every rule that applies to it passes.
resource "azurerm_monitor_log_profile" "good" {
  name               = "default"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["westeurope", "global"]
  storage_account_id = azurerm_storage_account.good.id

  retention_policy {
    enabled = true
    days    = 365
  }
}

# expect fail: azure-monitor-log-profile-retention
resource "azurerm_monitor_log_profile" "short" {
  name               = "default"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["westeurope", "global"]
  storage_account_id = azurerm_storage_account.good.id

  retention_policy {
    enabled = true
    days    = 90
  }
}

# Retention off: kept forever.
resource "azurerm_monitor_log_profile" "forever" {
  name               = "default"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["westeurope", "global"]
  storage_account_id = azurerm_storage_account.good.id

  retention_policy {
    enabled = false
    days    = 0
  }
}

# Well configured: every rule that applies to it passes.
resource "azurerm_monitor_diagnostic_setting" "good" {
  name                       = "storage-audit"
  target_resource_id         = "${azurerm_storage_account.good.id}/blobServices/default"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id

  enabled_log {
    category_group = "audit"
  }

  metric {
    category = "Transaction"
  }
}

# expect fail: azure-monitor-diagnostic-setting-logs
resource "azurerm_monitor_diagnostic_setting" "metrics_only" {
  name                       = "storage-audit"
  target_resource_id         = "${azurerm_storage_account.good.id}/blobServices/default"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id



  metric {
    category = "Transaction"
  }
}

# Well configured: every rule that applies to it passes.
resource "azurerm_log_analytics_workspace" "this" {
  name                = "central"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = "PerGB2018"
  retention_in_days   = 365
}

# expect fail: azure-log-analytics-retention
resource "azurerm_log_analytics_workspace" "default_retention" {
  name                = "central"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = "PerGB2018"
}
