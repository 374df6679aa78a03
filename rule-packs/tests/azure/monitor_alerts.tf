# Well configured: every rule that applies to it passes.
resource "azurerm_monitor_action_group" "good" {
  name                = "security"
  resource_group_name = azurerm_resource_group.this.name
  short_name          = "security"

  email_receiver {
    name          = "security"
    email_address = "security@example.com"
  }
}

# expect fail: azure-monitor-action-group-enabled
resource "azurerm_monitor_action_group" "disabled" {
  name                = "security"
  resource_group_name = azurerm_resource_group.this.name
  short_name          = "security"

  email_receiver {
    name          = "security"
    email_address = "security@example.com"
  }
  enabled = false
}

# Well configured: every rule that applies to it passes.
resource "azurerm_monitor_metric_alert" "good" {
  name                = "storage-availability"
  resource_group_name = azurerm_resource_group.this.name
  scopes              = [azurerm_storage_account.good.id]

  criteria {
    metric_namespace = "Microsoft.Storage/storageAccounts"
    metric_name      = "Availability"
    aggregation      = "Average"
    operator         = "LessThan"
    threshold        = 99
  }

  action {
    action_group_id = azurerm_monitor_action_group.good.id
  }
}

# expect fail: azure-monitor-metric-alert-enabled
resource "azurerm_monitor_metric_alert" "disabled" {
  name                = "storage-availability"
  resource_group_name = azurerm_resource_group.this.name
  scopes              = [azurerm_storage_account.good.id]

  criteria {
    metric_namespace = "Microsoft.Storage/storageAccounts"
    metric_name      = "Availability"
    aggregation      = "Average"
    operator         = "LessThan"
    threshold        = 99
  }

  action {
    action_group_id = azurerm_monitor_action_group.good.id
  }
  enabled = false
}
