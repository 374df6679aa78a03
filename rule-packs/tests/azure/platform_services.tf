# Well configured: every rule that applies to it passes.
resource "azurerm_cognitive_account" "good" {
  name                  = "example-ai"
  location              = azurerm_resource_group.this.location
  resource_group_name   = azurerm_resource_group.this.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "example-ai"
  local_auth_enabled    = false
}

# expect fail: azure-cognitive-no-local-auth
resource "azurerm_cognitive_account" "keys" {
  name                  = "example-ai"
  location              = azurerm_resource_group.this.location
  resource_group_name   = azurerm_resource_group.this.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "example-ai"
}

# Well configured: every rule that applies to it passes.
resource "azurerm_app_configuration" "good" {
  name                = "example-config"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  sku                 = "standard"
  local_auth_enabled  = false
}

# expect fail: azure-app-configuration-no-local-auth
resource "azurerm_app_configuration" "keys" {
  name                = "example-config"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  sku                 = "standard"
  local_auth_enabled  = true
}

# Well configured: every rule that applies to it passes.
resource "azurerm_container_app" "good" {
  name                         = "example-app"
  container_app_environment_id = azurerm_container_app_environment.this.id
  resource_group_name          = azurerm_resource_group.this.name
  revision_mode                = "Single"

  template {
    container {
      name   = "web"
      image  = "mcr.microsoft.com/k8se/quickstart:latest"
      cpu    = 0.25
      memory = "0.5Gi"
    }
  }

  ingress {
    external_enabled = true
    target_port      = 8080

    traffic_weight {
      latest_revision = true
      percentage      = 100
    }
  }
}

# expect fail: azure-container-app-no-insecure-ingress
resource "azurerm_container_app" "insecure" {
  name                         = "example-app"
  container_app_environment_id = azurerm_container_app_environment.this.id
  resource_group_name          = azurerm_resource_group.this.name
  revision_mode                = "Single"

  template {
    container {
      name   = "web"
      image  = "mcr.microsoft.com/k8se/quickstart:latest"
      cpu    = 0.25
      memory = "0.5Gi"
    }
  }

  ingress {
    external_enabled           = true
    target_port                = 8080
    allow_insecure_connections = true

    traffic_weight {
      latest_revision = true
      percentage      = 100
    }
  }
}

# Well configured: every rule that applies to it passes.
resource "azurerm_mssql_managed_instance" "good" {
  name                         = "example-mi"
  resource_group_name          = azurerm_resource_group.this.name
  location                     = azurerm_resource_group.this.location
  license_type                 = "BasePrice"
  sku_name                     = "GP_Gen5"
  storage_size_in_gb           = 32
  subnet_id                    = azurerm_subnet.companion_data.id
  vcores                       = 4
  administrator_login          = "miadmin"
  administrator_login_password = var.mi_password
  public_data_endpoint_enabled = false
}

# expect fail: azure-sql-managed-instance-no-public-endpoint
resource "azurerm_mssql_managed_instance" "public_endpoint" {
  name                         = "example-mi"
  resource_group_name          = azurerm_resource_group.this.name
  location                     = azurerm_resource_group.this.location
  license_type                 = "BasePrice"
  sku_name                     = "GP_Gen5"
  storage_size_in_gb           = 32
  subnet_id                    = azurerm_subnet.companion_data.id
  vcores                       = 4
  administrator_login          = "miadmin"
  administrator_login_password = var.mi_password
  public_data_endpoint_enabled = true
}

# Well configured: every rule that applies to it passes.
resource "azurerm_databricks_workspace" "good" {
  name                = "example-dbw"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  sku                 = "premium"

  custom_parameters {
    no_public_ip = true
  }
}

# expect fail: azure-databricks-no-public-ip
resource "azurerm_databricks_workspace" "public_nodes" {
  name                = "example-dbw"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  sku                 = "premium"

  custom_parameters {
    no_public_ip = false
  }
}
