# Well configured: every rule that applies to it passes.
resource "azurerm_application_gateway" "good" {
  name                = "example-gateway"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  firewall_policy_id  = azurerm_web_application_firewall_policy.good.id

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }
}

# expect fail: azure-appgw-waf
resource "azurerm_application_gateway" "standard" {
  name                = "example-gateway"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location

  sku {
    name     = "Standard_v2"
    tier     = "Standard_v2"
    capacity = 2
  }
}

# expect fail: azure-appgw-waf-prevention
resource "azurerm_application_gateway" "detection" {
  name                = "example-gateway"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }
  waf_configuration {
    enabled          = true
    firewall_mode    = "Detection"
    rule_set_version = "3.2"
  }
}

# A WAF configured inline, blocking.
resource "azurerm_application_gateway" "inline_waf" {
  name                = "example-gateway"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }
  waf_configuration {
    enabled          = true
    firewall_mode    = "Prevention"
    rule_set_version = "3.2"
  }
}

# Well configured: every rule that applies to it passes.
resource "azurerm_web_application_firewall_policy" "good" {
  name                = "example-waf"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location

  policy_settings {
    enabled = true
    mode    = "Prevention"
  }

  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
  }
}

# expect fail: azure-waf-policy-prevention
resource "azurerm_web_application_firewall_policy" "detection" {
  name                = "example-waf"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location

  policy_settings {
    enabled = true
    mode    = "Detection"
  }

  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
  }
}

# expect fail: azure-waf-policy-prevention
resource "azurerm_web_application_firewall_policy" "disabled" {
  name                = "example-waf"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location

  policy_settings {
    enabled = false
    mode    = "Prevention"
  }

  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
  }
}

# Well configured: every rule that applies to it passes.
resource "azurerm_cdn_frontdoor_firewall_policy" "good" {
  name                = "examplefdwaf"
  resource_group_name = azurerm_resource_group.this.name
  sku_name            = "Premium_AzureFrontDoor"
  mode                = "Prevention"
}

# expect fail: azure-frontdoor-waf-prevention
resource "azurerm_cdn_frontdoor_firewall_policy" "detection" {
  name                = "examplefdwaf"
  resource_group_name = azurerm_resource_group.this.name
  sku_name            = "Premium_AzureFrontDoor"
  mode                = "Detection"
}

# expect fail: azure-frontdoor-waf-prevention
resource "azurerm_cdn_frontdoor_firewall_policy" "disabled" {
  name                = "examplefdwaf"
  resource_group_name = azurerm_resource_group.this.name
  sku_name            = "Premium_AzureFrontDoor"
  mode                = "Prevention"
  enabled             = false
}
