# Well configured: every rule that applies to it passes.
resource "kubernetes_pod" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
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

# Dropping NET_RAW alone keeps the rest of the default capabilities.
# expect fail: k8s-workload-drop-all-capabilities
resource "kubernetes_pod" "drops_only_net_raw" {
  metadata {
    name      = "api"
    namespace = "apps"
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
          drop = ["NET_RAW"]
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
