# Well configured: every rule that applies to it passes.
resource "kubernetes_config_map_v1" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  data = {
    LOG_LEVEL = "info"
  }
}

# expect fail: k8s-no-default-namespace
resource "kubernetes_config_map_v1" "in_default_namespace" {
  metadata {
    name      = "api"
    namespace = "default"
  }
  data = {
    LOG_LEVEL = "info"
  }
}
