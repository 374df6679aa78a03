# Well configured: every rule that applies to it passes.
resource "kubernetes_cluster_role_binding_v1" "good" {
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

# expect fail: k8s-binding-no-cluster-admin
resource "kubernetes_cluster_role_binding_v1" "cluster_admin" {
  metadata {
    name = "api-view"
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

# expect fail: k8s-binding-no-system-masters
resource "kubernetes_cluster_role_binding_v1" "system_masters" {
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
  subject {
    kind      = "Group"
    name      = "system:masters"
    api_group = "rbac.authorization.k8s.io"
  }
}

# expect fail: k8s-binding-no-anonymous
resource "kubernetes_cluster_role_binding_v1" "authenticated" {
  metadata {
    name = "api-view"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "view"
  }
  subject {
    kind      = "Group"
    name      = "system:authenticated"
    api_group = "rbac.authorization.k8s.io"
  }
}
