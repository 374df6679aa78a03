# Well configured: every rule that applies to it passes.
resource "kubernetes_default_service_account_v1" "good" {
  metadata {
    namespace = "apps"
  }
  automount_service_account_token = false
}

# expect fail: k8s-service-account-no-automount
resource "kubernetes_default_service_account_v1" "token_mounted" {
  metadata {
    namespace = "web"
  }
}
