# Well configured: every rule that applies to it passes.
resource "kubernetes_secret" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  type = "Opaque"
  data = {
    username = var.db_username
  }
}
