variable "db_username" {
  type      = string
  sensitive = true
}
