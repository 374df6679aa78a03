# Well configured: every rule that applies to it passes.
resource "kubernetes_role" "good" {
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

# expect fail: k8s-role-no-escalation-verbs
resource "kubernetes_role" "k8s_role_no_escalation_verbs_2" {
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
    resources  = ["serviceaccounts"]
    verbs      = ["impersonate"]
  }
}
