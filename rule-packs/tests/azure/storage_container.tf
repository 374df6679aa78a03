# Well configured: every rule that applies to it passes.
resource "azurerm_storage_container" "good" {
  name                  = "data"
  storage_account_id    = azurerm_storage_account.good.id
  container_access_type = "private"
}

# expect fail: azure-storage-container-private
resource "azurerm_storage_container" "public_blobs" {
  name                  = "data"
  storage_account_id    = azurerm_storage_account.good.id
  container_access_type = "blob"
}

# expect fail: azure-storage-container-private
resource "azurerm_storage_container" "public_container" {
  name                  = "data"
  storage_account_id    = azurerm_storage_account.good.id
  container_access_type = "container"
}

# The default access type is private.
resource "azurerm_storage_container" "default_access" {
  name               = "data"
  storage_account_id = azurerm_storage_account.good.id
}
