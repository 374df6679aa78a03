# Well configured: every rule that applies to it passes.
resource "kubernetes_role_v1" "good" {
  metadata {
    name      = "reader"
    namespace = "apps"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps", "pods"]
    verbs      = ["get", "list", "watch"]
  }
  rule {
    api_groups = ["apps"]
    resources  = ["deployments"]
    verbs      = ["get", "list"]
  }
}

# expect fail: k8s-role-no-wildcard-verbs
resource "kubernetes_role_v1" "k8s_role_no_wildcard_verbs" {
  metadata {
    name      = "reader"
    namespace = "apps"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps", "pods"]
    verbs      = ["get", "list", "watch"]
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps"]
    verbs      = ["*"]
  }
}

# expect fail: k8s-role-no-wildcard-resources
resource "kubernetes_role_v1" "k8s_role_no_wildcard_resources_2" {
  metadata {
    name      = "reader"
    namespace = "apps"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps", "pods"]
    verbs      = ["get", "list", "watch"]
  }
  rule {
    api_groups = ["*"]
    resources  = ["configmaps"]
    verbs      = ["get"]
  }
}

# expect fail: k8s-role-no-secret-read
resource "kubernetes_role_v1" "k8s_role_no_secret_read" {
  metadata {
    name      = "reader"
    namespace = "apps"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps", "pods"]
    verbs      = ["get", "list", "watch"]
  }
  rule {
    api_groups = [""]
    resources  = ["secrets"]
    verbs      = ["get", "list"]
  }
}

# expect fail: k8s-role-no-pod-create
resource "kubernetes_role_v1" "k8s_role_no_pod_create" {
  metadata {
    name      = "reader"
    namespace = "apps"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps", "pods"]
    verbs      = ["get", "list", "watch"]
  }
  rule {
    api_groups = [""]
    resources  = ["pods"]
    verbs      = ["create"]
  }
}

# create on config maps is neither pod creation nor secret access.
resource "kubernetes_role_v1" "writes_configmaps" {
  metadata {
    name      = "reader"
    namespace = "apps"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps"]
    verbs      = ["create", "update"]
  }
}
