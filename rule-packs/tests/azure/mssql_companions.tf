# SQL servers' auditing, threat detection and TDE settings, and databases.
# Well configured: every rule that applies to it passes.
resource "azurerm_mssql_server_extended_auditing_policy" "good" {
  server_id              = azurerm_mssql_server.good.id
  enabled                = true
  log_monitoring_enabled = true
  retention_in_days      = 0
}

# expect fail: azure-sql-auditing-retention
resource "azurerm_mssql_server_extended_auditing_policy" "short_retention" {
  server_id              = azurerm_mssql_server.good.id
  enabled                = true
  log_monitoring_enabled = true
  retention_in_days      = 30
}

# A year of audit logs in storage.
resource "azurerm_mssql_server_extended_auditing_policy" "year" {
  server_id              = azurerm_mssql_server.good.id
  enabled                = true
  log_monitoring_enabled = true
  retention_in_days      = 365
}

# Well configured: every rule that applies to it passes.
resource "azurerm_mssql_server_security_alert_policy" "good" {
  resource_group_name          = azurerm_resource_group.this.name
  server_name                  = azurerm_mssql_server.good.name
  state                        = "Enabled"
  email_account_admins_enabled = true
  email_addresses              = ["security@example.com"]
}

# expect fail: azure-sql-threat-detection
resource "azurerm_mssql_server_security_alert_policy" "disabled" {
  resource_group_name          = azurerm_resource_group.this.name
  server_name                  = azurerm_mssql_server.good.name
  state                        = "Disabled"
  email_account_admins_enabled = true
  email_addresses              = ["security@example.com"]
}

# expect fail: azure-sql-threat-detection-all-alerts
resource "azurerm_mssql_server_security_alert_policy" "some_alerts_disabled" {
  resource_group_name          = azurerm_resource_group.this.name
  server_name                  = azurerm_mssql_server.good.name
  state                        = "Enabled"
  email_account_admins_enabled = true
  email_addresses              = ["security@example.com"]
  disabled_alerts              = ["Sql_Injection"]
}

# expect fail: azure-sql-threat-detection-email-admins
resource "azurerm_mssql_server_security_alert_policy" "no_admin_email" {
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mssql_server.good.name
  state               = "Enabled"
  email_addresses     = ["security@example.com"]
}

# Well configured: every rule that applies to it passes.
resource "azurerm_mssql_server_transparent_data_encryption" "good" {
  server_id        = azurerm_mssql_server.good.id
  key_vault_key_id = azurerm_key_vault_key.good.id
}

# expect fail: azure-sql-tde-customer-managed-key
resource "azurerm_mssql_server_transparent_data_encryption" "service_managed" {
  server_id = azurerm_mssql_server.good.id
}

# A key in a managed HSM.
resource "azurerm_mssql_server_transparent_data_encryption" "managed_hsm" {
  server_id          = azurerm_mssql_server.good.id
  managed_hsm_key_id = var.managed_hsm_key_id
}

# Well configured: every rule that applies to it passes.
resource "azurerm_mssql_database" "good" {
  name      = "orders"
  server_id = azurerm_mssql_server.good.id
  sku_name  = "GP_Gen5_2"

  transparent_data_encryption_enabled = true

  short_term_retention_policy {
    retention_days = 14
  }
}

# expect fail: azure-sql-database-tde
resource "azurerm_mssql_database" "no_tde" {
  name      = "orders"
  server_id = azurerm_mssql_server.good.id
  sku_name  = "GP_Gen5_2"

  transparent_data_encryption_enabled = false

  short_term_retention_policy {
    retention_days = 14
  }
}

# expect fail: azure-sql-database-backup-retention
resource "azurerm_mssql_database" "short_backups" {
  name      = "orders"
  server_id = azurerm_mssql_server.good.id
  sku_name  = "GP_Gen5_2"

  transparent_data_encryption_enabled = true

  short_term_retention_policy {
    retention_days = 3
  }
}

# The provider's defaults: TDE on, 7 days of backups.
resource "azurerm_mssql_database" "defaults" {
  name      = "orders"
  server_id = azurerm_mssql_server.good.id
  sku_name  = "GP_Gen5_2"
}

# Well configured: every rule that applies to it passes.
resource "azurerm_mssql_server_vulnerability_assessment" "good" {
  server_security_alert_policy_id = azurerm_mssql_server_security_alert_policy.good.id
  storage_container_path          = "${azurerm_storage_account.good.primary_blob_endpoint}vulnerability-assessment/"

  recurring_scans {
    enabled                   = true
    email_subscription_admins = true
    emails                    = ["security@example.com"]
  }
}

# expect fail: azure-sql-vulnerability-assessment-scans
resource "azurerm_mssql_server_vulnerability_assessment" "no_scans" {
  server_security_alert_policy_id = azurerm_mssql_server_security_alert_policy.good.id
  storage_container_path          = "${azurerm_storage_account.good.primary_blob_endpoint}vulnerability-assessment/"

  recurring_scans {
    enabled                   = false
    email_subscription_admins = true
    emails                    = ["security@example.com"]
  }
}

# expect fail: azure-sql-vulnerability-assessment-scans
resource "azurerm_mssql_server_vulnerability_assessment" "no_recipients" {
  server_security_alert_policy_id = azurerm_mssql_server_security_alert_policy.good.id
  storage_container_path          = "${azurerm_storage_account.good.primary_blob_endpoint}vulnerability-assessment/"

  recurring_scans {
    enabled                   = true
    email_subscription_admins = true
  }
}
