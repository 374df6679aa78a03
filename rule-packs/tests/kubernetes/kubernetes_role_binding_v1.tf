# Well configured: every rule that applies to it passes.
resource "kubernetes_role_binding_v1" "good" {
  metadata {
    name      = "api-view"
    namespace = "apps"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "view"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "api"
    namespace = "apps"
  }
}

# expect fail: k8s-binding-no-cluster-admin
resource "kubernetes_role_binding_v1" "cluster_admin" {
  metadata {
    name      = "api-view"
    namespace = "apps"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "cluster-admin"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "api"
    namespace = "apps"
  }
}

# expect fail: k8s-binding-no-default-service-account
resource "kubernetes_role_binding_v1" "default_service_account" {
  metadata {
    name      = "api-view"
    namespace = "apps"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "view"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "default"
    namespace = "apps"
  }
}

# expect fail: k8s-no-default-namespace
resource "kubernetes_role_binding_v1" "in_default_namespace" {
  metadata {
    name = "api-view"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "view"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "api"
    namespace = "apps"
  }
}
