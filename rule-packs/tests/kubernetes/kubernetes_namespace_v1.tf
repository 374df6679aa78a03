# Well configured: every rule that applies to it passes.
resource "kubernetes_namespace_v1" "good" {
  metadata {
    name = "apps"
    labels = {
      "pod-security.kubernetes.io/enforce" = "restricted"
    }
  }
}

# expect fail: k8s-namespace-pod-security-admission
resource "kubernetes_namespace_v1" "no_pod_security" {
  metadata {
    name = "web"
  }
}

# expect fail: k8s-namespace-pod-security-admission
resource "kubernetes_namespace_v1" "privileged_pod_security" {
  metadata {
    name = "tools"
    labels = {
      "pod-security.kubernetes.io/enforce" = "privileged"
    }
  }
}
