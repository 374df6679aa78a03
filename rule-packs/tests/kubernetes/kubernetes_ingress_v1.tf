# Well configured: every rule that applies to it passes.
resource "kubernetes_ingress_v1" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    ingress_class_name = "nginx"
    rule {
      host = "api.example.com"
      http {
        path {
          path = "/"
          backend {
            service {
              name = "api"
              port {
                number = 443
              }
            }
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
resource "kubernetes_ingress_v1" "plain_http" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    ingress_class_name = "nginx"
    rule {
      host = "api.example.com"
      http {
        path {
          path = "/"
          backend {
            service {
              name = "api"
              port {
                number = 443
              }
            }
          }
        }
      }
    }
  }
}
