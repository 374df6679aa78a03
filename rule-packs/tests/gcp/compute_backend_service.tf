# Well configured: every request is logged.
resource "google_compute_backend_service" "good" {
  name          = "web"
  protocol      = "HTTPS"
  health_checks = [google_compute_health_check.web.id]

  log_config {
    enable      = true
    sample_rate = 1
  }
}

# expect fail: gcp-backend-service-logging
resource "google_compute_backend_service" "gcp_backend_service_logging" {
  name          = "api"
  health_checks = [google_compute_health_check.web.id]
}

# A TCP proxy backend: the request logging check does not apply.
resource "google_compute_backend_service" "tcp_proxy" {
  name          = "tcp"
  protocol      = "TCP"
  health_checks = [google_compute_health_check.web.id]
}
