# Database and cache firewall rules.
# Well configured: every rule that applies to it passes.
resource "azurerm_mssql_firewall_rule" "good" {
  name             = "office"
  server_id        = azurerm_mssql_server.good.id
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}

# expect fail: azure-database-firewall-no-all-ips
resource "azurerm_mssql_firewall_rule" "all_ips" {
  name             = "office"
  server_id        = azurerm_mssql_server.good.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

# expect fail: azure-database-firewall-no-azure-services
resource "azurerm_mssql_firewall_rule" "azure_services" {
  name             = "office"
  server_id        = azurerm_mssql_server.good.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}

# Well configured.
resource "azurerm_postgresql_flexible_server_firewall_rule" "office" {
  name             = "office"
  server_id        = azurerm_postgresql_flexible_server.good.id
  start_ip_address = "203.0.113.10"
  end_ip_address   = "203.0.113.10"
}

# expect fail: azure-database-firewall-no-all-ips
resource "azurerm_postgresql_flexible_server_firewall_rule" "all_ips" {
  name             = "anyone"
  server_id        = azurerm_postgresql_flexible_server.good.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

# Well configured.
resource "azurerm_redis_firewall_rule" "office" {
  name                = "office"
  redis_cache_name    = azurerm_redis_cache.good.name
  resource_group_name = azurerm_resource_group.this.name
  start_ip            = "203.0.113.0"
  end_ip              = "203.0.113.255"
}

# expect fail: azure-redis-firewall-no-all-ips
resource "azurerm_redis_firewall_rule" "all_ips" {
  name                = "anyone"
  redis_cache_name    = azurerm_redis_cache.good.name
  resource_group_name = azurerm_resource_group.this.name
  start_ip            = "0.0.0.0"
  end_ip              = "255.255.255.255"
}

# A range that starts at 0.0.0.0 but does not hold every address.
resource "azurerm_redis_firewall_rule" "low_range" {
  name                = "low"
  redis_cache_name    = azurerm_redis_cache.good.name
  resource_group_name = azurerm_resource_group.this.name
  start_ip            = "0.0.0.0"
  end_ip              = "9.255.255.255"
}
