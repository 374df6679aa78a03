# Well configured: every rule that applies to it passes.
resource "azurerm_security_center_subscription_pricing" "good" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}

# expect fail: azure-defender-standard-tier
resource "azurerm_security_center_subscription_pricing" "free" {
  tier          = "Free"
  resource_type = "VirtualMachines"
}

# Well configured: every rule that applies to it passes.
resource "azurerm_security_center_auto_provisioning" "good" {
  auto_provision = "On"
}

# expect fail: azure-defender-auto-provisioning
resource "azurerm_security_center_auto_provisioning" "off" {
  auto_provision = "Off"
}

# Well configured: every rule that applies to it passes.
resource "azurerm_security_center_contact" "good" {
  name                = "security"
  email               = "security@example.com"
  alert_notifications = true
  alerts_to_admins    = true
}

# expect fail: azure-defender-contact-alerts
resource "azurerm_security_center_contact" "no_admins" {
  name                = "security"
  email               = "security@example.com"
  alert_notifications = true
  alerts_to_admins    = false
}

# Well configured: every rule that applies to it passes.
resource "azurerm_security_center_setting" "good" {
  setting_name = "WDATP"
  enabled      = true
}

# expect fail: azure-defender-integrations
resource "azurerm_security_center_setting" "mcas_off" {
  setting_name = "MCAS"
  enabled      = false
}

# Other settings are not checked.
resource "azurerm_security_center_setting" "sentinel_off" {
  setting_name = "Sentinel"
  enabled      = false
}
