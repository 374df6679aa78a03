# Well configured: root may connect only from the administrators' network.
resource "google_sql_user" "root" {
  instance = google_sql_database_instance.mysql.name
  name     = "root"
  host     = "10.20.0.0/255.255.0.0"
  password = var.sql_root_password
}

# expect fail: gcp-sql-mysql-root-host
resource "google_sql_user" "root_anywhere" {
  instance = google_sql_database_instance.mysql_no_binary_log.name
  name     = "root"
  password = var.sql_root_password
}

# expect fail: gcp-sql-mysql-root-host
resource "google_sql_user" "root_wildcard" {
  instance = google_sql_database_instance.mysql_replica.name
  name     = "root"
  host     = "%"
  password = var.sql_root_password
}

# An application user: the root check does not apply.
resource "google_sql_user" "app" {
  instance = google_sql_database_instance.mysql.name
  name     = "app"
  password = var.sql_root_password
}

variable "sql_root_password" {
  type      = string
  sensitive = true
}
