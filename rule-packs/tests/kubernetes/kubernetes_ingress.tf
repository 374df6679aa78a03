# Well configured: every rule that applies to it passes.
resource "kubernetes_ingress" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    rule {
      host = "api.example.com"
      http {
        path {
          path = "/"
          backend {
            service_name = "api"
            service_port = 443
          }
        }
      }
    }
    tls {
      hosts       = ["api.example.com"]
      secret_name = "api-tls"
    }
  }
}

# expect fail: k8s-ingress-tls
resource "kubernetes_ingress" "plain_http" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    rule {
      host = "api.example.com"
      http {
        path {
          path = "/"
          backend {
            service_name = "api"
            service_port = 443
          }
        }
      }
    }
  }
}
