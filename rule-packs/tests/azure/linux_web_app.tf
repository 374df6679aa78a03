# Well configured: every rule that applies to it passes.
resource "azurerm_linux_web_app" "good" {
  name                = "example-app"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  service_plan_id     = azurerm_service_plan.this.id
  https_only          = true

  site_config {
    minimum_tls_version = "1.2"
    ftps_state          = "Disabled"
    http2_enabled       = true
  }

  identity {
    type = "SystemAssigned"
  }
}

# expect fail: azure-webapp-https-only
resource "azurerm_linux_web_app" "azure_webapp_https_only" {
  name                = "example-app"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  service_plan_id     = azurerm_service_plan.this.id

  site_config {
    minimum_tls_version = "1.2"
    ftps_state          = "Disabled"
    http2_enabled       = true
  }

  identity {
    type = "SystemAssigned"
  }
}

# expect fail: azure-webapp-tls12
resource "azurerm_linux_web_app" "azure_webapp_tls12" {
  name                = "example-app"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  service_plan_id     = azurerm_service_plan.this.id
  https_only          = true

  site_config {
    minimum_tls_version = "1.0"
    ftps_state          = "Disabled"
    http2_enabled       = true
  }

  identity {
    type = "SystemAssigned"
  }
}

# expect fail: azure-webapp-ftps
resource "azurerm_linux_web_app" "azure_webapp_ftps" {
  name                = "example-app"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  service_plan_id     = azurerm_service_plan.this.id
  https_only          = true

  site_config {
    minimum_tls_version = "1.2"
    ftps_state          = "AllAllowed"
    http2_enabled       = true
  }

  identity {
    type = "SystemAssigned"
  }
}

# expect fail: azure-webapp-managed-identity
resource "azurerm_linux_web_app" "azure_webapp_managed_identity" {
  name                = "example-app"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  service_plan_id     = azurerm_service_plan.this.id
  https_only          = true

  site_config {
    minimum_tls_version = "1.2"
    ftps_state          = "Disabled"
    http2_enabled       = true
  }
}
