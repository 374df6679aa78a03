# Well configured: every rule that applies to it passes.
resource "azurerm_role_assignment" "good" {
  scope                = azurerm_storage_account.good.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = var.reader_principal_id
}

# expect fail: azure-role-assignment-no-broad-builtin
resource "azurerm_role_assignment" "owner" {
  scope                = azurerm_storage_account.good.id
  role_definition_name = "Owner"
  principal_id         = var.reader_principal_id
}

# expect fail: azure-role-assignment-no-broad-builtin
resource "azurerm_role_assignment" "contributor" {
  scope                = azurerm_storage_account.good.id
  role_definition_name = "Contributor"
  principal_id         = var.reader_principal_id
}

# A data-plane contributor role is narrow.
resource "azurerm_role_assignment" "data_contributor" {
  scope                = azurerm_storage_account.good.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = var.reader_principal_id
}

# Well configured: every rule that applies to it passes.
resource "azurerm_role_definition" "good" {
  name  = "vm-operator"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"

  permissions {
    actions = [
      "Microsoft.Compute/virtualMachines/start/action",
      "Microsoft.Compute/virtualMachines/restart/action",
    ]
    not_actions = ["*"]
  }
}

# expect fail: azure-custom-role-no-wildcard-actions
resource "azurerm_role_definition" "everything" {
  name  = "vm-operator"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"

  permissions {
    actions     = ["*"]
    not_actions = ["*"]
  }
}
