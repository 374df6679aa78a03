# Well configured: every rule that applies to it passes.
resource "kubernetes_config_map" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  data = {
    LOG_LEVEL = "info"
  }
}
