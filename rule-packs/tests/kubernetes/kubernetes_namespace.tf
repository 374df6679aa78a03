# Well configured: every rule that applies to it passes.
resource "kubernetes_namespace" "good" {
  metadata {
    name = "apps"
    labels = {
      "pod-security.kubernetes.io/enforce" = "restricted"
    }
  }
}
