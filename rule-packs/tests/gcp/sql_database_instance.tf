# Well configured: every rule that applies to it passes.
resource "google_sql_database_instance" "good" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    user_labels = {
      environment = "production"
    }

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
  encryption_key_name = google_kms_crypto_key.this.id
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
  encryption_key_name = google_kms_crypto_key.this.id
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
  encryption_key_name = google_kms_crypto_key.this.id
}

# expect fail: gcp-sql-backups, gcp-sql-point-in-time-recovery
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
  encryption_key_name = google_kms_crypto_key.this.id
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
  encryption_key_name = google_kms_crypto_key.this.id
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
  encryption_key_name = google_kms_crypto_key.this.id
}

# expect fail: gcp-sql-cmek
resource "google_sql_database_instance" "gcp_sql_cmek" {
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

# expect fail: gcp-sql-no-shared-core-tier
resource "google_sql_database_instance" "shared_core" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-f1-micro"
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
  encryption_key_name = google_kms_crypto_key.this.id
}

# expect fail: gcp-sql-point-in-time-recovery
resource "google_sql_database_instance" "no_pitr" {
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
      enabled = true
    }
  }
  encryption_key_name = google_kms_crypto_key.this.id
}

# expect fail: gcp-sql-production-high-availability
resource "google_sql_database_instance" "prod_zonal" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "ZONAL"

    user_labels = {
      environment = "production"
    }

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
  encryption_key_name = google_kms_crypto_key.this.id
}

# A development instance may be zonal.
resource "google_sql_database_instance" "dev_zonal" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "ZONAL"

    user_labels = {
      environment = "dev"
    }

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
  encryption_key_name = google_kms_crypto_key.this.id
}

# MySQL recovers to a point in time with binary logging.
resource "google_sql_database_instance" "mysql" {
  name                = "app"
  database_version    = "MYSQL_8_0"
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
      enabled            = true
      binary_log_enabled = true
    }
  }
  encryption_key_name = google_kms_crypto_key.this.id
}

# expect fail: gcp-sql-mysql-binary-log
resource "google_sql_database_instance" "mysql_no_binary_log" {
  name                = "app"
  database_version    = "MYSQL_8_0"
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
      enabled = true
    }
  }
  encryption_key_name = google_kms_crypto_key.this.id
}

# A read replica has no backups of its own.
resource "google_sql_database_instance" "mysql_replica" {
  name                 = "app"
  database_version     = "MYSQL_8_0"
  region               = "europe-west1"
  deletion_protection  = true
  master_instance_name = google_sql_database_instance.mysql.name

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.this.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled = true
    }
  }
  encryption_key_name = google_kms_crypto_key.this.id
}
