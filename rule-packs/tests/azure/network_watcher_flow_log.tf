# Well configured: every rule that applies to it passes.
resource "azurerm_network_watcher_flow_log" "good" {
  name                 = "nsg-flows"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_network_security_group.good.id
  storage_account_id   = azurerm_storage_account.good.id
  enabled              = true
  version              = 2

  retention_policy {
    enabled = true
    days    = 90
  }

  traffic_analytics {
    enabled               = true
    workspace_id          = azurerm_log_analytics_workspace.this.workspace_id
    workspace_region      = azurerm_log_analytics_workspace.this.location
    workspace_resource_id = azurerm_log_analytics_workspace.this.id
    interval_in_minutes   = 10
  }
}

# expect fail: azure-flow-log-enabled
resource "azurerm_network_watcher_flow_log" "disabled" {
  name                 = "nsg-flows"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_network_security_group.good.id
  storage_account_id   = azurerm_storage_account.good.id
  enabled              = false
  version              = 2

  retention_policy {
    enabled = true
    days    = 90
  }

  traffic_analytics {
    enabled               = true
    workspace_id          = azurerm_log_analytics_workspace.this.workspace_id
    workspace_region      = azurerm_log_analytics_workspace.this.location
    workspace_resource_id = azurerm_log_analytics_workspace.this.id
    interval_in_minutes   = 10
  }
}

# expect fail: azure-flow-log-retention
resource "azurerm_network_watcher_flow_log" "short_retention" {
  name                 = "nsg-flows"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_network_security_group.good.id
  storage_account_id   = azurerm_storage_account.good.id
  enabled              = true
  version              = 2

  retention_policy {
    enabled = true
    days    = 7
  }

  traffic_analytics {
    enabled               = true
    workspace_id          = azurerm_log_analytics_workspace.this.workspace_id
    workspace_region      = azurerm_log_analytics_workspace.this.location
    workspace_resource_id = azurerm_log_analytics_workspace.this.id
    interval_in_minutes   = 10
  }
}

# expect fail: azure-flow-log-retention
resource "azurerm_network_watcher_flow_log" "no_retention" {
  name                 = "nsg-flows"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_network_security_group.good.id
  storage_account_id   = azurerm_storage_account.good.id
  enabled              = true
  version              = 2

  retention_policy {
    enabled = false
    days    = 90
  }

  traffic_analytics {
    enabled               = true
    workspace_id          = azurerm_log_analytics_workspace.this.workspace_id
    workspace_region      = azurerm_log_analytics_workspace.this.location
    workspace_resource_id = azurerm_log_analytics_workspace.this.id
    interval_in_minutes   = 10
  }
}

# expect fail: azure-flow-log-traffic-analytics
resource "azurerm_network_watcher_flow_log" "no_analytics" {
  name                 = "nsg-flows"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_network_security_group.good.id
  storage_account_id   = azurerm_storage_account.good.id
  enabled              = true
  version              = 2

  retention_policy {
    enabled = true
    days    = 90
  }

  traffic_analytics {
    enabled               = false
    workspace_id          = azurerm_log_analytics_workspace.this.workspace_id
    workspace_region      = azurerm_log_analytics_workspace.this.location
    workspace_resource_id = azurerm_log_analytics_workspace.this.id
    interval_in_minutes   = 10
  }
}

# Kept forever.
resource "azurerm_network_watcher_flow_log" "forever" {
  name                 = "nsg-flows"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_network_security_group.good.id
  storage_account_id   = azurerm_storage_account.good.id
  enabled              = true
  version              = 2

  retention_policy {
    enabled = true
    days    = 0
  }

  traffic_analytics {
    enabled               = true
    workspace_id          = azurerm_log_analytics_workspace.this.workspace_id
    workspace_region      = azurerm_log_analytics_workspace.this.location
    workspace_resource_id = azurerm_log_analytics_workspace.this.id
    interval_in_minutes   = 10
  }
}
