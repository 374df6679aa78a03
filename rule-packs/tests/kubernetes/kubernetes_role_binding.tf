# Well configured: every rule that applies to it passes.
resource "kubernetes_role_binding" "good" {
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

# expect fail: k8s-binding-no-anonymous
resource "kubernetes_role_binding" "anonymous" {
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
    kind      = "User"
    name      = "system:anonymous"
    api_group = "rbac.authorization.k8s.io"
  }
}
