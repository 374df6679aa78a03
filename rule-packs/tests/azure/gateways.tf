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

# A predefined policy of TLS 1.2 and later.
resource "azurerm_application_gateway" "modern_tls" {
  name                = "example-gateway"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  firewall_policy_id  = azurerm_web_application_firewall_policy.good.id

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }
  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S"
  }
}

# expect fail: azure-appgw-tls12
resource "azurerm_application_gateway" "old_tls_policy" {
  name                = "example-gateway"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  firewall_policy_id  = azurerm_web_application_firewall_policy.good.id

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }
  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20150501"
  }
}

# expect fail: azure-appgw-tls12
resource "azurerm_application_gateway" "custom_tls10" {
  name                = "example-gateway"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  firewall_policy_id  = azurerm_web_application_firewall_policy.good.id

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }
  ssl_policy {
    policy_type          = "Custom"
    min_protocol_version = "TLSv1_0"
    cipher_suites        = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]
  }
}

# Well configured: every rule that applies to it passes.
resource "azurerm_cdn_frontdoor_route" "web" {
  name                          = "web"
  cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.this.id
  cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.this.id
  cdn_frontdoor_origin_ids      = [azurerm_cdn_frontdoor_origin.this.id]
  supported_protocols           = ["Http", "Https"]
  patterns_to_match             = ["/*"]
  forwarding_protocol           = "HttpsOnly"
  https_redirect_enabled        = true
}

# expect fail: azure-frontdoor-route-https-redirect
resource "azurerm_cdn_frontdoor_route" "http_served" {
  name                          = "web"
  cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.this.id
  cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.this.id
  cdn_frontdoor_origin_ids      = [azurerm_cdn_frontdoor_origin.this.id]
  supported_protocols           = ["Http", "Https"]
  patterns_to_match             = ["/*"]
  forwarding_protocol           = "HttpsOnly"
  https_redirect_enabled        = false
}

# A route that accepts only HTTPS needs no redirect.
resource "azurerm_cdn_frontdoor_route" "https_only" {
  name                          = "web"
  cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.this.id
  cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.this.id
  cdn_frontdoor_origin_ids      = [azurerm_cdn_frontdoor_origin.this.id]
  supported_protocols           = ["Https"]
  patterns_to_match             = ["/*"]
  forwarding_protocol           = "HttpsOnly"
  https_redirect_enabled        = false
}
