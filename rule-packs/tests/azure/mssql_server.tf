# Well configured: every rule that applies to it passes.
resource "azurerm_mssql_server" "good" {
  name                          = "example-sql"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = var.sql_admin_group_id
    azuread_authentication_only = true
  }
}

# expect fail: azure-sql-tls12
resource "azurerm_mssql_server" "azure_sql_tls12" {
  name                          = "example-sql"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  version                       = "12.0"
  minimum_tls_version           = "1.0"
  public_network_access_enabled = false

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = var.sql_admin_group_id
    azuread_authentication_only = true
  }
}

# expect fail: azure-sql-no-public-access
resource "azurerm_mssql_server" "azure_sql_no_public_access" {
  name                = "example-sql"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  version             = "12.0"
  minimum_tls_version = "1.2"

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = var.sql_admin_group_id
    azuread_authentication_only = true
  }
}

# expect fail: azure-sql-entra-admin
resource "azurerm_mssql_server" "azure_sql_entra_admin" {
  name                          = "example-sql"
  resource_group_name           = azurerm_resource_group.this.name
  location                      = azurerm_resource_group.this.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}
