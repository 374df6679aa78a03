# Well configured: every rule that applies to it passes.
resource "kubernetes_service_account" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  automount_service_account_token = false
}
