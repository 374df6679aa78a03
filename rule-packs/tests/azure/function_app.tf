# Function apps: the web app checks that apply to them. FTP is disabled by default.
# Well configured: every rule that applies to it passes.
resource "azurerm_linux_function_app" "good" {
  name                       = "example-func"
  resource_group_name        = azurerm_resource_group.this.name
  location                   = azurerm_resource_group.this.location
  service_plan_id            = azurerm_service_plan.this.id
  storage_account_name       = azurerm_storage_account.good.name
  client_certificate_enabled = true
  https_only                 = true

  site_config {
    minimum_tls_version = "1.2"
    http2_enabled       = true
    health_check_path   = "/api/health"
  }

  identity {
    type = "SystemAssigned"
  }

  auth_settings_v2 {
    auth_enabled = true

    active_directory_v2 {
      client_id            = "00000000-0000-0000-0000-000000000000"
      tenant_auth_endpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
    }

    login {}
  }
}

# expect fail: azure-webapp-https-only
resource "azurerm_linux_function_app" "function_http" {
  name                       = "example-func"
  resource_group_name        = azurerm_resource_group.this.name
  location                   = azurerm_resource_group.this.location
  service_plan_id            = azurerm_service_plan.this.id
  storage_account_name       = azurerm_storage_account.good.name
  client_certificate_enabled = true
  https_only                 = false

  site_config {
    minimum_tls_version = "1.2"
    http2_enabled       = true
    health_check_path   = "/api/health"
  }

  identity {
    type = "SystemAssigned"
  }

  auth_settings_v2 {
    auth_enabled = true

    active_directory_v2 {
      client_id            = "00000000-0000-0000-0000-000000000000"
      tenant_auth_endpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
    }

    login {}
  }
}

# expect fail: azure-webapp-ftps
resource "azurerm_linux_function_app" "function_ftp" {
  name                       = "example-func"
  resource_group_name        = azurerm_resource_group.this.name
  location                   = azurerm_resource_group.this.location
  service_plan_id            = azurerm_service_plan.this.id
  storage_account_name       = azurerm_storage_account.good.name
  client_certificate_enabled = true
  https_only                 = true

  site_config {
    minimum_tls_version = "1.2"
    http2_enabled       = true
    ftps_state          = "AllAllowed"
    health_check_path   = "/api/health"
  }

  identity {
    type = "SystemAssigned"
  }

  auth_settings_v2 {
    auth_enabled = true

    active_directory_v2 {
      client_id            = "00000000-0000-0000-0000-000000000000"
      tenant_auth_endpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
    }

    login {}
  }
}

# expect fail: azure-webapp-tls12
resource "azurerm_linux_function_app" "function_tls10" {
  name                       = "example-func"
  resource_group_name        = azurerm_resource_group.this.name
  location                   = azurerm_resource_group.this.location
  service_plan_id            = azurerm_service_plan.this.id
  storage_account_name       = azurerm_storage_account.good.name
  client_certificate_enabled = true
  https_only                 = true

  site_config {
    minimum_tls_version = "1.0"
    http2_enabled       = true
    health_check_path   = "/api/health"
  }

  identity {
    type = "SystemAssigned"
  }

  auth_settings_v2 {
    auth_enabled = true

    active_directory_v2 {
      client_id            = "00000000-0000-0000-0000-000000000000"
      tenant_auth_endpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
    }

    login {}
  }
}

# A deployment slot of a web app.
resource "azurerm_linux_web_app_slot" "staging" {
  name           = "staging"
  app_service_id = azurerm_linux_web_app.good.id
  https_only     = true

  site_config {
    minimum_tls_version = "1.2"
  }
}

# expect fail: azure-webapp-https-only
resource "azurerm_linux_web_app_slot" "staging_http" {
  name           = "staging"
  app_service_id = azurerm_linux_web_app.good.id

  site_config {
    minimum_tls_version = "1.2"
  }
}
