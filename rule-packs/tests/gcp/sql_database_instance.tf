# Well configured: every rule that applies to it passes.
resource "google_sql_database_instance" "good" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
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

# expect fail: gcp-sql-cmek
resource "google_sql_database_instance" "gcp_sql_cmek" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
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

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
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

# expect fail: gcp-sql-point-in-time-recovery
resource "google_sql_database_instance" "no_pitr" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

    database_flags {
      name  = "skip_show_database"
      value = "on"
    }

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

    database_flags {
      name  = "skip_show_database"
      value = "on"
    }

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

    database_flags {
      name  = "skip_show_database"
      value = "on"
    }

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

# expect fail: gcp-sql-postgres-log-connections
resource "google_sql_database_instance" "pg_no_connection_logs" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"


    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

# expect fail: gcp-sql-postgres-log-disconnections
resource "google_sql_database_instance" "pg_no_disconnection_logs" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "log_connections"
      value = "on"
    }


    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

# expect fail: gcp-sql-postgres-pgaudit
resource "google_sql_database_instance" "pg_no_pgaudit" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }


    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

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

# expect fail: gcp-sql-postgres-log-statement
resource "google_sql_database_instance" "pg_log_statement_none" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "none"
    }

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

# expect fail: gcp-sql-postgres-log-error-verbosity
resource "google_sql_database_instance" "pg_verbose" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "mod"
    }

    database_flags {
      name  = "log_error_verbosity"
      value = "verbose"
    }

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

# expect fail: gcp-sql-postgres-log-min-messages, gcp-sql-postgres-log-min-error-statement
resource "google_sql_database_instance" "pg_debug_messages" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "all"
    }

    database_flags {
      name  = "log_min_messages"
      value = "debug1"
    }

    database_flags {
      name  = "log_min_error_statement"
      value = "notice"
    }

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

# expect fail: gcp-sql-postgres-log-min-duration-statement
resource "google_sql_database_instance" "pg_slow_statements" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

    database_flags {
      name  = "log_min_duration_statement"
      value = "500"
    }

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

# Stricter than the defaults, and duration logging explicitly off.
resource "google_sql_database_instance" "pg_strict_logging" {
  name                = "app"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "log_statement"
      value = "ddl"
    }

    database_flags {
      name  = "log_error_verbosity"
      value = "terse"
    }

    database_flags {
      name  = "log_min_messages"
      value = "error"
    }

    database_flags {
      name  = "log_min_error_statement"
      value = "error"
    }

    database_flags {
      name  = "log_min_duration_statement"
      value = "-1"
    }

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

# expect fail: gcp-sql-mysql-skip-show-database
resource "google_sql_database_instance" "mysql_shows_databases" {
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

# expect fail: gcp-sql-mysql-local-infile-off
resource "google_sql_database_instance" "mysql_local_infile" {
  name                = "app"
  database_version    = "MYSQL_8_0"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "skip_show_database"
      value = "on"
    }

    database_flags {
      name  = "local_infile"
      value = "on"
    }

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

# SQL Server: remote access off, error masking on, ownership chaining explicitly off.
resource "google_sql_database_instance" "sqlserver" {
  name                = "app"
  root_password       = var.sqlserver_root_password
  database_version    = "SQLSERVER_2022_STANDARD"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "remote access"
      value = "off"
    }

    database_flags {
      name  = "3625"
      value = "on"
    }

    database_flags {
      name  = "cross db ownership chaining"
      value = "off"
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

# expect fail: gcp-sql-sqlserver-external-scripts-off
resource "google_sql_database_instance" "mssql_external_scripts" {
  name                = "app"
  root_password       = var.sqlserver_root_password
  database_version    = "SQLSERVER_2022_STANDARD"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "remote access"
      value = "off"
    }

    database_flags {
      name  = "3625"
      value = "on"
    }

    database_flags {
      name  = "external scripts enabled"
      value = "on"
    }

    database_flags {
      name  = "cross db ownership chaining"
      value = "off"
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

# expect fail: gcp-sql-sqlserver-cross-db-ownership-chaining-off
resource "google_sql_database_instance" "mssql_ownership_chaining" {
  name                = "app"
  root_password       = var.sqlserver_root_password
  database_version    = "SQLSERVER_2022_STANDARD"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "remote access"
      value = "off"
    }

    database_flags {
      name  = "3625"
      value = "on"
    }

    database_flags {
      name  = "cross db ownership chaining"
      value = "on"
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

# expect fail: gcp-sql-sqlserver-no-user-options
resource "google_sql_database_instance" "mssql_user_options" {
  name                = "app"
  root_password       = var.sqlserver_root_password
  database_version    = "SQLSERVER_2022_STANDARD"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "remote access"
      value = "off"
    }

    database_flags {
      name  = "3625"
      value = "on"
    }

    database_flags {
      name  = "user options"
      value = "32"
    }

    database_flags {
      name  = "cross db ownership chaining"
      value = "off"
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

# expect fail: gcp-sql-sqlserver-remote-access-off
resource "google_sql_database_instance" "mssql_remote_access" {
  name                = "app"
  root_password       = var.sqlserver_root_password
  database_version    = "SQLSERVER_2022_STANDARD"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "3625"
      value = "on"
    }

    database_flags {
      name  = "cross db ownership chaining"
      value = "off"
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

# expect fail: gcp-sql-sqlserver-trace-flag-3625
resource "google_sql_database_instance" "mssql_no_3625" {
  name                = "app"
  root_password       = var.sqlserver_root_password
  database_version    = "SQLSERVER_2022_STANDARD"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "remote access"
      value = "off"
    }

    database_flags {
      name  = "cross db ownership chaining"
      value = "off"
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

# expect fail: gcp-sql-sqlserver-contained-database-authentication-off
resource "google_sql_database_instance" "mssql_contained_auth" {
  name                = "app"
  root_password       = var.sqlserver_root_password
  database_version    = "SQLSERVER_2022_STANDARD"
  region              = "europe-west1"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    database_flags {
      name  = "remote access"
      value = "off"
    }

    database_flags {
      name  = "3625"
      value = "on"
    }

    database_flags {
      name  = "contained database authentication"
      value = "on"
    }

    database_flags {
      name  = "cross db ownership chaining"
      value = "off"
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

variable "sqlserver_root_password" {
  type      = string
  sensitive = true
}
