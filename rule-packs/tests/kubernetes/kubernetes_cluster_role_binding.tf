# Well configured: every rule that applies to it passes.
resource "kubernetes_cluster_role_binding" "good" {
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
