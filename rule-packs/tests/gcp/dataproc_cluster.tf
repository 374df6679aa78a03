# Well configured: internal addresses only, disks under a customer-managed key.
resource "google_dataproc_cluster" "good" {
  name   = "etl"
  region = "europe-west1"

  cluster_config {
    encryption_config {
      kms_key_name = google_kms_crypto_key.this.id
    }

    gce_cluster_config {
      subnetwork       = google_compute_subnetwork.this.id
      internal_ip_only = true
    }
  }
}

# expect fail: gcp-dataproc-cmek
resource "google_dataproc_cluster" "gcp_dataproc_cmek" {
  name   = "etl"
  region = "europe-west1"

  cluster_config {
    gce_cluster_config {
      subnetwork       = google_compute_subnetwork.this.id
      internal_ip_only = true
    }
  }
}

# expect fail: gcp-dataproc-internal-ip-only
resource "google_dataproc_cluster" "gcp_dataproc_internal_ip_only" {
  name   = "etl"
  region = "europe-west1"

  cluster_config {
    encryption_config {
      kms_key_name = google_kms_crypto_key.this.id
    }

    gce_cluster_config {
      subnetwork = google_compute_subnetwork.this.id
    }
  }
}
