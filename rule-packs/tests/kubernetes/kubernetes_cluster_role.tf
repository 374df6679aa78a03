# Well configured: every rule that applies to it passes.
resource "kubernetes_cluster_role" "good" {
  metadata {
    name = "reader"
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

# expect fail: k8s-role-no-secret-read
resource "kubernetes_cluster_role" "k8s_role_no_secret_read_2" {
  metadata {
    name = "reader"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps", "pods"]
    verbs      = ["get", "list", "watch"]
  }
  rule {
    api_groups = [""]
    resources  = ["secrets", "configmaps"]
    verbs      = ["watch"]
  }
}

# expect fail: k8s-role-no-csr-approval
resource "kubernetes_cluster_role" "k8s_role_no_csr_approval" {
  metadata {
    name = "reader"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps", "pods"]
    verbs      = ["get", "list", "watch"]
  }
  rule {
    api_groups = ["certificates.k8s.io"]
    resources  = ["signers"]
    verbs      = ["approve"]
  }
}
