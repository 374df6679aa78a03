# Well configured: every rule that applies to it passes.
resource "kubernetes_service" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    selector = {
      app = "api"
    }
    type = "ClusterIP"
    port {
      port        = 443
      target_port = 8080
    }
  }
}

# expect fail: k8s-service-no-node-port
resource "kubernetes_service" "node_port" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    selector = {
      app = "api"
    }
    type = "NodePort"
    port {
      port        = 443
      target_port = 8080
    }
  }
}
