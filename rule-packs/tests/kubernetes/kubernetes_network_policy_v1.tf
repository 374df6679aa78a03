# Well configured: every rule that applies to it passes.
resource "kubernetes_network_policy_v1" "good" {
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

# A default-deny policy has no rules at all.
resource "kubernetes_network_policy_v1" "default_deny" {
  metadata {
    name      = "default-deny"
    namespace = "apps"
  }
  spec {
    pod_selector {
    }
    policy_types = ["Ingress", "Egress"]
  }
}

# expect fail: k8s-network-policy-ingress-sources
resource "kubernetes_network_policy_v1" "ingress_from_anywhere" {
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
