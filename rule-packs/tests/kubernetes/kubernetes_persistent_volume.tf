# Well configured: every rule that applies to it passes.
resource "kubernetes_persistent_volume" "good" {
  metadata {
    name = "data"
  }
  spec {
    capacity = {
      storage = "10Gi"
    }
    access_modes       = ["ReadWriteOnce"]
    storage_class_name = "standard"
    persistent_volume_source {
      csi {
        driver        = "ebs.csi.aws.com"
        volume_handle = "vol-0123456789abcdef0"
      }
    }
  }
}
