# Well configured: every rule that applies to it passes.
resource "kubernetes_network_policy" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    pod_selector {
      match_labels = {
        app = "api"
      }
    }
    policy_types = ["Ingress", "Egress"]
    ingress {
      from {
        namespace_selector {
          match_labels = {
            "kubernetes.io/metadata.name" = "ingress-nginx"
          }
        }
      }
      ports {
        port     = "8080"
        protocol = "TCP"
      }
    }
    egress {
      to {
        pod_selector {
          match_labels = {
            app = "postgres"
          }
        }
      }
      ports {
        port     = "5432"
        protocol = "TCP"
      }
    }
  }
}

# expect fail: k8s-network-policy-egress-destinations
resource "kubernetes_network_policy" "egress_to_anywhere" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    pod_selector {
      match_labels = {
        app = "api"
      }
    }
    policy_types = ["Ingress", "Egress"]
    ingress {
      from {
        namespace_selector {
          match_labels = {
            "kubernetes.io/metadata.name" = "ingress-nginx"
          }
        }
      }
      ports {
        port     = "8080"
        protocol = "TCP"
      }
    }
    egress {
      ports {
        port     = "5432"
        protocol = "TCP"
      }
    }
  }
}
