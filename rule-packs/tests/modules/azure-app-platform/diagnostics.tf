# The module's key vault sends its audit logs to a diagnostic setting (rule pack
# companion-resources).
resource "azurerm_monitor_diagnostic_setting" "key_vault" {
  name                       = "${var.prefix}-kv-audit"
  target_resource_id         = azurerm_key_vault.this.id
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/central"

  enabled_log {
    category = "AuditEvent"
  }
}

# The module's storage account: its blob service's logs, its queue requests, and a
# customer-managed key.
resource "azurerm_monitor_diagnostic_setting" "storage" {
  name                       = "${var.prefix}-storage-logs"
  target_resource_id         = "${azurerm_storage_account.this.id}/blobServices/default"
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/central"

  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_storage_account_queue_properties" "this" {
  storage_account_id = azurerm_storage_account.this.id

  logging {
    version               = "1.0"
    read                  = true
    write                 = true
    delete                = true
    retention_policy_days = 90
  }
}

resource "azurerm_storage_account_customer_managed_key" "this" {
  storage_account_id = azurerm_storage_account.this.id
  key_vault_id       = azurerm_key_vault.this.id
  key_name           = "${var.prefix}-storage"
}
