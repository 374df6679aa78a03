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
