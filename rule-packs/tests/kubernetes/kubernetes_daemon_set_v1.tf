# Well configured: every rule that applies to it passes.
resource "kubernetes_daemon_set_v1" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-no-privileged
resource "kubernetes_daemon_set_v1" "k8s_workload_no_privileged" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-no-privilege-escalation
resource "kubernetes_daemon_set_v1" "k8s_workload_no_privilege_escalation" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-run-as-non-root
resource "kubernetes_daemon_set_v1" "k8s_workload_run_as_non_root" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-no-root-user
resource "kubernetes_daemon_set_v1" "k8s_workload_no_root_user" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
            run_as_user                = "0"
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

# expect fail: k8s-workload-read-only-root-filesystem
resource "kubernetes_daemon_set_v1" "k8s_workload_read_only_root_filesystem" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
            read_only_root_filesystem  = false
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

# expect fail: k8s-workload-drop-all-capabilities
resource "kubernetes_daemon_set_v1" "k8s_workload_drop_all_capabilities" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-no-added-capabilities
resource "kubernetes_daemon_set_v1" "k8s_workload_no_added_capabilities" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
              add  = ["NET_ADMIN"]
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

# expect fail: k8s-workload-no-sys-admin-capability, k8s-workload-no-added-capabilities
resource "kubernetes_daemon_set_v1" "k8s_workload_no_sys_admin_capability" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
              add  = ["SYS_ADMIN"]
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

# expect fail: k8s-workload-seccomp-profile
resource "kubernetes_daemon_set_v1" "k8s_workload_seccomp_profile" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-no-unconfined-seccomp
resource "kubernetes_daemon_set_v1" "k8s_workload_no_unconfined_seccomp" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
              type = "Unconfined"
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

# expect fail: k8s-workload-memory-limits
resource "kubernetes_daemon_set_v1" "k8s_workload_memory_limits" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
              cpu = "500m"
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

# expect fail: k8s-workload-cpu-limits
resource "kubernetes_daemon_set_v1" "k8s_workload_cpu_limits" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-memory-requests
resource "kubernetes_daemon_set_v1" "k8s_workload_memory_requests" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
              cpu = "250m"
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

# expect fail: k8s-workload-cpu-requests
resource "kubernetes_daemon_set_v1" "k8s_workload_cpu_requests" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-image-pinned, k8s-workload-image-digest
resource "kubernetes_daemon_set_v1" "k8s_workload_image_pinned" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-image-digest
resource "kubernetes_daemon_set_v1" "k8s_workload_image_digest" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
          image             = "example/api:1.4.2"
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

# expect fail: k8s-workload-image-pull-always, k8s-workload-image-digest
resource "kubernetes_daemon_set_v1" "k8s_workload_image_pull_always" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
          image             = "example/api:1.4.2"
          image_pull_policy = "IfNotPresent"
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

# expect fail: k8s-workload-liveness-probe
resource "kubernetes_daemon_set_v1" "k8s_workload_liveness_probe" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-readiness-probe
resource "kubernetes_daemon_set_v1" "k8s_workload_readiness_probe" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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

# expect fail: k8s-workload-no-host-port
resource "kubernetes_daemon_set_v1" "k8s_workload_no_host_port" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
            host_port      = 8080
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

# expect fail: k8s-workload-no-secrets-in-env
resource "kubernetes_daemon_set_v1" "k8s_workload_no_secrets_in_env" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
          env {
            name = "DB_PASSWORD"
            value_from {
              secret_key_ref {
                name = "db"
                key  = "password"
              }
            }
          }
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

# expect fail: k8s-workload-no-literal-secret-env
resource "kubernetes_daemon_set_v1" "k8s_workload_no_literal_secret_env" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
          env {
            name  = "DB_PASSWORD"
            value = "hunter2"
          }
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

# expect fail: k8s-workload-selinux-options
resource "kubernetes_daemon_set_v1" "k8s_workload_selinux_options" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
            se_linux_options {
              type = "spc_t"
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

# allow_privilege_escalation unset: Kubernetes allows escalation by default.
# expect fail: k8s-workload-no-privilege-escalation
resource "kubernetes_daemon_set_v1" "escalation_unset" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
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
            privileged                = false
            read_only_root_filesystem = true
            run_as_non_root           = true
            run_as_user               = "10001"
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
