# Well configured: every rule that applies to it passes.
resource "kubernetes_service_account_v1" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  automount_service_account_token = false
}

# expect fail: k8s-service-account-no-automount
resource "kubernetes_service_account_v1" "token_mounted" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
}

# expect fail: k8s-no-default-namespace
resource "kubernetes_service_account_v1" "in_default_namespace" {
  metadata {
    name = "api"
  }
  automount_service_account_token = false
}
