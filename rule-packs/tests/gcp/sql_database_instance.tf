# Well configured: every rule that applies to it passes.
resource "google_sql_database_instance" "good" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.this.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}

# expect fail: gcp-sql-no-public-ip
resource "google_sql_database_instance" "gcp_sql_no_public_ip" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}

# expect fail: gcp-sql-require-ssl
resource "google_sql_database_instance" "gcp_sql_require_ssl" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.this.id
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}

# expect fail: gcp-sql-backups
resource "google_sql_database_instance" "gcp_sql_backups" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.this.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }
  }
}

# expect fail: gcp-sql-no-open-networks
resource "google_sql_database_instance" "gcp_sql_no_open_networks" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.this.id
      ssl_mode        = "ENCRYPTED_ONLY"

      authorized_networks {
        name  = "anyone"
        value = "0.0.0.0/0"
      }
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}

# expect fail: gcp-sql-deletion-protection
resource "google_sql_database_instance" "gcp_sql_deletion_protection" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = false

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.this.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}
