# Well configured: every rule that applies to it passes.
resource "kubernetes_default_service_account" "good" {
  metadata {
    namespace = "apps"
  }
  automount_service_account_token = false
}
