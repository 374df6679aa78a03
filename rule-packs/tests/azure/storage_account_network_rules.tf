# Network rules written as resources of their own, for an account outside this folder.
# Well configured: every rule that applies to it passes.
resource "azurerm_storage_account_network_rules" "good" {
  storage_account_id = azurerm_storage_account.azure_storage_network_deny.id
  default_action     = "Deny"
  bypass             = ["AzureServices", "Logging"]
  ip_rules           = ["203.0.113.0/24"]
}

# expect fail: azure-storage-network-rules-deny
resource "azurerm_storage_account_network_rules" "allow" {
  storage_account_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/other/providers/Microsoft.Storage/storageAccounts/other"
  default_action     = "Allow"
  bypass             = ["AzureServices", "Logging"]
  ip_rules           = ["203.0.113.0/24"]
}

# expect fail: azure-storage-network-rules-trusted-services
resource "azurerm_storage_account_network_rules" "no_bypass" {
  storage_account_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/other/providers/Microsoft.Storage/storageAccounts/other"
  default_action     = "Deny"
  bypass             = ["None"]
  ip_rules           = ["203.0.113.0/24"]
}
