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
        service_account_name            = "api"
        automount_service_account_token = false
        security_context {
          run_as_non_root = true
          run_as_user     = "10001"
          seccomp_profile {
            type = "RuntimeDefault"
          }
        }
        init_container {
          name              = "migrate"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        container {
          name              = "api"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          port {
            container_port = 8080
          }
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          liveness_probe {
            http_get {
              path = "/healthz"
              port = 8080
            }
          }
          readiness_probe {
            http_get {
              path = "/ready"
              port = 8080
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        volume {
          name = "tmp"
          empty_dir {
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
        service_account_name            = "api"
        automount_service_account_token = false
        security_context {
          run_as_non_root = true
          run_as_user     = "10001"
          seccomp_profile {
            type = "RuntimeDefault"
          }
        }
        init_container {
          name              = "migrate"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        container {
          name              = "api"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          port {
            container_port = 8080
          }
          security_context {
            privileged                 = true
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          liveness_probe {
            http_get {
              path = "/healthz"
              port = 8080
            }
          }
          readiness_probe {
            http_get {
              path = "/ready"
              port = 8080
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        volume {
          name = "tmp"
          empty_dir {
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
        service_account_name            = "api"
        automount_service_account_token = false
        security_context {
          run_as_non_root = true
          run_as_user     = "10001"
          seccomp_profile {
            type = "RuntimeDefault"
          }
        }
        init_container {
          name              = "migrate"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        container {
          name              = "api"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          port {
            container_port = 8080
          }
          security_context {
            privileged                 = false
            allow_privilege_escalation = true
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          liveness_probe {
            http_get {
              path = "/healthz"
              port = 8080
            }
          }
          readiness_probe {
            http_get {
              path = "/ready"
              port = 8080
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        volume {
          name = "tmp"
          empty_dir {
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
        service_account_name            = "api"
        automount_service_account_token = false
        security_context {
          run_as_user = "10001"
          seccomp_profile {
            type = "RuntimeDefault"
          }
        }
        init_container {
          name              = "migrate"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        container {
          name              = "api"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          port {
            container_port = 8080
          }
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          liveness_probe {
            http_get {
              path = "/healthz"
              port = 8080
            }
          }
          readiness_probe {
            http_get {
              path = "/ready"
              port = 8080
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        volume {
          name = "tmp"
          empty_dir {
          }
        }
      }
    }
  }
}

# expect fail: k8s-resource-limits, k8s-workload-memory-limits, k8s-workload-cpu-limits
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
        service_account_name            = "api"
        automount_service_account_token = false
        security_context {
          run_as_non_root = true
          run_as_user     = "10001"
          seccomp_profile {
            type = "RuntimeDefault"
          }
        }
        init_container {
          name              = "migrate"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        container {
          name              = "api"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          port {
            container_port = 8080
          }
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          liveness_probe {
            http_get {
              path = "/healthz"
              port = 8080
            }
          }
          readiness_probe {
            http_get {
              path = "/ready"
              port = 8080
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        volume {
          name = "tmp"
          empty_dir {
          }
        }
      }
    }
  }
}

# expect fail: k8s-no-latest-tag, k8s-workload-image-digest
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
        service_account_name            = "api"
        automount_service_account_token = false
        security_context {
          run_as_non_root = true
          run_as_user     = "10001"
          seccomp_profile {
            type = "RuntimeDefault"
          }
        }
        init_container {
          name              = "migrate"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        container {
          name              = "api"
          image             = "example/api:latest"
          image_pull_policy = "Always"
          port {
            container_port = 8080
          }
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            run_as_non_root            = true
            run_as_user                = "10001"
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "250m"
              memory = "128Mi"
            }
          }
          liveness_probe {
            http_get {
              path = "/healthz"
              port = 8080
            }
          }
          readiness_probe {
            http_get {
              path = "/ready"
              port = 8080
            }
          }
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }
        volume {
          name = "tmp"
          empty_dir {
          }
        }
      }
    }
  }
}
