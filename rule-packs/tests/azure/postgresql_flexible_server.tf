# Well configured: every rule that applies to it passes.
resource "azurerm_postgresql_flexible_server" "good" {
  name                          = "example-pg"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  public_network_access_enabled = false
  geo_redundant_backup_enabled  = true
  backup_retention_days         = 14
}

# expect fail: azure-postgres-no-public-access
resource "azurerm_postgresql_flexible_server" "azure_postgres_no_public_access" {
  name                          = "example-pg"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  public_network_access_enabled = true
  geo_redundant_backup_enabled  = true
  backup_retention_days         = 14
}

# expect fail: azure-postgres-geo-backup
resource "azurerm_postgresql_flexible_server" "azure_postgres_geo_backup" {
  name                          = "example-pg"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  public_network_access_enabled = false
  backup_retention_days         = 14
}
