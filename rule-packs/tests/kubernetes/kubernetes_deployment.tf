# Well configured: every rule that applies to it passes.
resource "kubernetes_deployment" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }

  spec {
    replicas = 2

    selector {
      match_labels = {
        app = "api"
      }
    }

    template {
      metadata {
        labels = {
          app = "api"
        }
      }

      spec {
        automount_service_account_token = false

        security_context {
          run_as_non_root = true
        }

        container {
          name  = "api"
          image = "example/api:1.4.2"

          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
          }

          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
          }
        }
      }
    }
  }
}

# expect fail: k8s-no-privileged-containers
resource "kubernetes_deployment" "k8s_no_privileged_containers" {
  metadata {
    name      = "api"
    namespace = "apps"
  }

  spec {
    replicas = 2

    selector {
      match_labels = {
        app = "api"
      }
    }

    template {
      metadata {
        labels = {
          app = "api"
        }
      }

      spec {
        automount_service_account_token = false

        security_context {
          run_as_non_root = true
        }

        container {
          name  = "api"
          image = "example/api:1.4.2"

          security_context {
            privileged                 = true
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
          }

          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
          }
        }
      }
    }
  }
}

# expect fail: k8s-no-privilege-escalation
resource "kubernetes_deployment" "k8s_no_privilege_escalation" {
  metadata {
    name      = "api"
    namespace = "apps"
  }

  spec {
    replicas = 2

    selector {
      match_labels = {
        app = "api"
      }
    }

    template {
      metadata {
        labels = {
          app = "api"
        }
      }

      spec {
        automount_service_account_token = false

        security_context {
          run_as_non_root = true
        }

        container {
          name  = "api"
          image = "example/api:1.4.2"

          security_context {
            privileged                = false
            read_only_root_filesystem = true
          }

          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
          }
        }
      }
    }
  }
}

# expect fail: k8s-run-as-non-root
resource "kubernetes_deployment" "k8s_run_as_non_root" {
  metadata {
    name      = "api"
    namespace = "apps"
  }

  spec {
    replicas = 2

    selector {
      match_labels = {
        app = "api"
      }
    }

    template {
      metadata {
        labels = {
          app = "api"
        }
      }

      spec {
        automount_service_account_token = false

        container {
          name  = "api"
          image = "example/api:1.4.2"

          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
          }

          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
          }
        }
      }
    }
  }
}

# expect fail: k8s-resource-limits
resource "kubernetes_deployment" "k8s_resource_limits" {
  metadata {
    name      = "api"
    namespace = "apps"
  }

  spec {
    replicas = 2

    selector {
      match_labels = {
        app = "api"
      }
    }

    template {
      metadata {
        labels = {
          app = "api"
        }
      }

      spec {
        automount_service_account_token = false

        security_context {
          run_as_non_root = true
        }

        container {
          name  = "api"
          image = "example/api:1.4.2"

          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
          }
        }
      }
    }
  }
}

# expect fail: k8s-no-latest-tag
resource "kubernetes_deployment" "k8s_no_latest_tag" {
  metadata {
    name      = "api"
    namespace = "apps"
  }

  spec {
    replicas = 2

    selector {
      match_labels = {
        app = "api"
      }
    }

    template {
      metadata {
        labels = {
          app = "api"
        }
      }

      spec {
        automount_service_account_token = false

        security_context {
          run_as_non_root = true
        }

        container {
          name  = "api"
          image = "example/api:latest"

          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
          }

          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
          }
        }
      }
    }
  }
}
