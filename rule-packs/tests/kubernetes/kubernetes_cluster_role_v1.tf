# Well configured: every rule that applies to it passes.
resource "kubernetes_cluster_role_v1" "good" {
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

# expect fail: k8s-role-no-wildcard-verbs
resource "kubernetes_cluster_role_v1" "k8s_role_no_wildcard_verbs_2" {
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
    verbs      = ["get", "*"]
  }
}

# expect fail: k8s-role-no-wildcard-resources
resource "kubernetes_cluster_role_v1" "k8s_role_no_wildcard_resources" {
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
    resources  = ["*"]
    verbs      = ["get"]
  }
}

# expect fail: k8s-role-no-escalation-verbs
resource "kubernetes_cluster_role_v1" "k8s_role_no_escalation_verbs" {
  metadata {
    name = "reader"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps", "pods"]
    verbs      = ["get", "list", "watch"]
  }
  rule {
    api_groups = ["rbac.authorization.k8s.io"]
    resources  = ["clusterroles"]
    verbs      = ["bind", "escalate"]
  }
}

# expect fail: k8s-role-no-pod-create
resource "kubernetes_cluster_role_v1" "k8s_role_no_pod_create_2" {
  metadata {
    name = "reader"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps", "pods"]
    verbs      = ["get", "list", "watch"]
  }
  rule {
    api_groups = ["batch"]
    resources  = ["jobs", "cronjobs"]
    verbs      = ["create", "delete"]
  }
}

# expect fail: k8s-role-no-token-create
resource "kubernetes_cluster_role_v1" "k8s_role_no_token_create" {
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
    resources  = ["serviceaccounts/token"]
    verbs      = ["create"]
  }
}

# expect fail: k8s-role-no-node-proxy
resource "kubernetes_cluster_role_v1" "k8s_role_no_node_proxy" {
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
    resources  = ["nodes/proxy"]
    verbs      = ["get"]
  }
}

# expect fail: k8s-role-no-webhook-config-write
resource "kubernetes_cluster_role_v1" "k8s_role_no_webhook_config_write" {
  metadata {
    name = "reader"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps", "pods"]
    verbs      = ["get", "list", "watch"]
  }
  rule {
    api_groups = ["admissionregistration.k8s.io"]
    resources  = ["validatingwebhookconfigurations"]
    verbs      = ["get", "patch"]
  }
}

# expect fail: k8s-role-no-persistent-volume-create
resource "kubernetes_cluster_role_v1" "k8s_role_no_persistent_volume_create" {
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
    resources  = ["persistentvolumes"]
    verbs      = ["get", "create"]
  }
}

# expect fail: k8s-role-no-csr-approval
resource "kubernetes_cluster_role_v1" "k8s_role_no_csr_approval" {
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
    resources  = ["certificatesigningrequests/approval"]
    verbs      = ["update"]
  }
}

# Reading certificate signing requests approves none.
resource "kubernetes_cluster_role_v1" "reads_csrs" {
  metadata {
    name = "reader"
  }
  rule {
    api_groups = ["certificates.k8s.io"]
    resources  = ["certificatesigningrequests"]
    verbs      = ["get", "list", "watch"]
  }
}
