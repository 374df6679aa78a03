# Well configured: every rule that applies to it passes.
resource "kubernetes_secret_v1" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  type = "Opaque"
  data = {
    username = var.db_username
  }
}

# expect fail: k8s-no-default-namespace
resource "kubernetes_secret_v1" "in_default_namespace" {
  metadata {
    name = "api"
  }
  type = "Opaque"
  data = {
    username = var.db_username
  }
}

# expect fail: k8s-secret-no-service-account-token
resource "kubernetes_secret_v1" "service_account_token" {
  metadata {
    name      = "api-token"
    namespace = "apps"
    annotations = {
      "kubernetes.io/service-account.name" = "api"
    }
  }
  type = "kubernetes.io/service-account-token"
}
