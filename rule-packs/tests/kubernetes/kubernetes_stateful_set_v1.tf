# Well configured: every rule that applies to it passes.
resource "kubernetes_stateful_set_v1" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    service_name = "api"
    replicas     = 2
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

# expect fail: k8s-workload-no-host-network
resource "kubernetes_stateful_set_v1" "k8s_workload_no_host_network" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    service_name = "api"
    replicas     = 2
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
        host_network = true
      }
    }
  }
}

# expect fail: k8s-workload-no-host-pid
resource "kubernetes_stateful_set_v1" "k8s_workload_no_host_pid" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    service_name = "api"
    replicas     = 2
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
        host_pid = true
      }
    }
  }
}

# expect fail: k8s-workload-no-host-ipc
resource "kubernetes_stateful_set_v1" "k8s_workload_no_host_ipc" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    service_name = "api"
    replicas     = 2
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
        host_ipc = true
      }
    }
  }
}

# expect fail: k8s-workload-no-host-path
resource "kubernetes_stateful_set_v1" "k8s_workload_no_host_path" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    service_name = "api"
    replicas     = 2
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
        volume {
          name = "host"
          host_path {
            path = "/var/log"
          }
        }
      }
    }
  }
}

# expect fail: k8s-workload-no-runtime-socket, k8s-workload-no-host-path
resource "kubernetes_stateful_set_v1" "k8s_workload_no_runtime_socket" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    service_name = "api"
    replicas     = 2
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
        volume {
          name = "host"
          host_path {
            path = "/var/run/docker.sock"
          }
        }
      }
    }
  }
}

# expect fail: k8s-workload-default-sa-no-token
resource "kubernetes_stateful_set_v1" "k8s_workload_default_sa_no_token" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    service_name = "api"
    replicas     = 2
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

# expect fail: k8s-workload-no-windows-host-process
resource "kubernetes_stateful_set_v1" "k8s_workload_no_windows_host_process" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    service_name = "api"
    replicas     = 2
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
          windows_options {
            host_process = true
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

# expect fail: k8s-workload-safe-sysctls
resource "kubernetes_stateful_set_v1" "k8s_workload_safe_sysctls" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    service_name = "api"
    replicas     = 2
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
          sysctl {
            name  = "kernel.msgmax"
            value = "65536"
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

# The first container is read-only, the sidecar is not.
# expect fail: k8s-workload-read-only-root-filesystem
resource "kubernetes_stateful_set_v1" "second_container_writable" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    service_name = "api"
    replicas     = 2
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
        container {
          name              = "sidecar"
          image             = "example/api:1.4.2@sha256:a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1a3f1"
          image_pull_policy = "Always"
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
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
