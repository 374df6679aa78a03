# Well configured: Cloud Storage and BigQuery stay inside the perimeter.
resource "google_access_context_manager_service_perimeter" "good" {
  parent = "accessPolicies/123456"
  name   = "accessPolicies/123456/servicePerimeters/data"
  title  = "data"

  status {
    resources           = ["projects/111111111111"]
    restricted_services = ["storage.googleapis.com", "bigquery.googleapis.com"]
  }
}

# expect fail: gcp-vpc-sc-perimeter-restricts-services
resource "google_access_context_manager_service_perimeter" "restricts_nothing" {
  parent = "accessPolicies/123456"
  name   = "accessPolicies/123456/servicePerimeters/empty"
  title  = "empty"

  status {
    resources = ["projects/111111111111"]
  }
}

# A perimeter tried out in dry-run mode first.
resource "google_access_context_manager_service_perimeter" "dry_run" {
  parent                    = "accessPolicies/123456"
  name                      = "accessPolicies/123456/servicePerimeters/trial"
  title                     = "trial"
  use_explicit_dry_run_spec = true

  spec {
    resources           = ["projects/222222222222"]
    restricted_services = ["storage.googleapis.com"]
  }
}
