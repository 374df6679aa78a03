# PostgreSQL and MySQL flexible server parameters.

# Well configured.
resource "azurerm_postgresql_flexible_server_configuration" "log_connections" {
  name      = "log_connections"
  server_id = azurerm_postgresql_flexible_server.good.id
  value     = "on"
}

# expect fail: azure-postgres-logging-parameters
resource "azurerm_postgresql_flexible_server_configuration" "log_checkpoints_off" {
  name      = "log_checkpoints"
  server_id = azurerm_postgresql_flexible_server.good.id
  value     = "off"
}

# expect fail: azure-postgres-logging-parameters
resource "azurerm_postgresql_flexible_server_configuration" "throttle_off" {
  name      = "connection_throttle.enable"
  server_id = azurerm_postgresql_flexible_server.good.id
  value     = "OFF"
}

# Well configured.
resource "azurerm_postgresql_flexible_server_configuration" "secure_transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.good.id
  value     = "on"
}

# expect fail: azure-postgres-secure-transport
resource "azurerm_postgresql_flexible_server_configuration" "plain_transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.good.id
  value     = "off"
}

# Well configured.
resource "azurerm_postgresql_flexible_server_configuration" "log_retention" {
  name      = "logfiles.retention_days"
  server_id = azurerm_postgresql_flexible_server.good.id
  value     = "7"
}

# expect fail: azure-postgres-log-retention
resource "azurerm_postgresql_flexible_server_configuration" "short_log_retention" {
  name      = "logfiles.retention_days"
  server_id = azurerm_postgresql_flexible_server.good.id
  value     = "3"
}

# Other parameters are not checked.
resource "azurerm_postgresql_flexible_server_configuration" "work_mem" {
  name      = "work_mem"
  server_id = azurerm_postgresql_flexible_server.good.id
  value     = "8192"
}

# Well configured: its audit log is on.
resource "azurerm_mysql_flexible_server" "good" {
  name                         = "example-mysql"
  resource_group_name          = azurerm_resource_group.this.name
  location                     = azurerm_resource_group.this.location
  sku_name                     = "GP_Standard_D2ds_v4"
  administrator_login          = "mysqladmin"
  administrator_password       = var.mysql_password
  geo_redundant_backup_enabled = true
}

# expect fail: azure-mysql-audit-log
resource "azurerm_mysql_flexible_server" "no_audit_log" {
  name                         = "example-mysql-2"
  resource_group_name          = azurerm_resource_group.this.name
  location                     = azurerm_resource_group.this.location
  sku_name                     = "GP_Standard_D2ds_v4"
  administrator_login          = "mysqladmin"
  administrator_password       = var.mysql_password
  geo_redundant_backup_enabled = true
}

# Well configured.
resource "azurerm_mysql_flexible_server_configuration" "audit_log" {
  name                = "audit_log_enabled"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mysql_flexible_server.good.name
  value               = "ON"
}

resource "azurerm_mysql_flexible_server_configuration" "audit_log_off" {
  name                = "audit_log_enabled"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mysql_flexible_server.no_audit_log.name
  value               = "OFF"
}

# Well configured.
resource "azurerm_mysql_flexible_server_configuration" "audit_events" {
  name                = "audit_log_events"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mysql_flexible_server.good.name
  value               = "CONNECTION,DDL,DCL"
}

# expect fail: azure-mysql-audit-log-connections
resource "azurerm_mysql_flexible_server_configuration" "audit_events_no_connection" {
  name                = "audit_log_events"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mysql_flexible_server.good.name
  value               = "DDL,DCL"
}

# Well configured.
resource "azurerm_mysql_flexible_server_configuration" "secure_transport" {
  name                = "require_secure_transport"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mysql_flexible_server.good.name
  value               = "ON"
}

# expect fail: azure-mysql-secure-transport
resource "azurerm_mysql_flexible_server_configuration" "plain_transport" {
  name                = "require_secure_transport"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mysql_flexible_server.good.name
  value               = "OFF"
}

# Well configured.
resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name                = "tls_version"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mysql_flexible_server.good.name
  value               = "TLSv1.2,TLSv1.3"
}

# expect fail: azure-mysql-tls12
resource "azurerm_mysql_flexible_server_configuration" "old_tls" {
  name                = "tls_version"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mysql_flexible_server.good.name
  value               = "TLSv1,TLSv1.1,TLSv1.2"
}

# expect fail: azure-mysql-tls12
resource "azurerm_mysql_flexible_server_configuration" "tls11" {
  name                = "tls_version"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mysql_flexible_server.good.name
  value               = "TLSv1.1,TLSv1.2"
}

# expect fail: azure-mysql-geo-backup
resource "azurerm_mysql_flexible_server" "no_geo_backup" {
  name                   = "example-mysql-3"
  resource_group_name    = azurerm_resource_group.this.name
  location               = azurerm_resource_group.this.location
  sku_name               = "GP_Standard_D2ds_v4"
  administrator_login    = "mysqladmin"
  administrator_password = var.mysql_password
}

resource "azurerm_mysql_flexible_server_configuration" "no_geo_backup_audit" {
  name                = "audit_log_enabled"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = azurerm_mysql_flexible_server.no_geo_backup.name
  value               = "ON"
}

# Parameters of a single server (azurerm_postgresql_configuration), named as that service names them.
resource "azurerm_postgresql_configuration" "single_log_retention" {
  name                = "log_retention_days"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = "example-pg-single"
  value               = "7"
}

# expect fail: azure-postgres-logging-parameters
resource "azurerm_postgresql_configuration" "single_throttling_off" {
  name                = "connection_throttling"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = "example-pg-single"
  value               = "off"
}

# expect fail: azure-postgres-log-retention
resource "azurerm_postgresql_configuration" "single_short_log_retention" {
  name                = "log_retention_days"
  resource_group_name = azurerm_resource_group.this.name
  server_name         = "example-pg-single"
  value               = "2"
}
