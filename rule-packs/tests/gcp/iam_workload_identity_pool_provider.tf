# Well configured: only the organization's repositories may use the pool.
resource "google_iam_workload_identity_pool_provider" "good" {
  workload_identity_pool_id          = "ci"
  workload_identity_pool_provider_id = "github"
  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.repository" = "assertion.repository"
  }
  attribute_condition = "assertion.repository_owner == \"example-org\""

  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

# expect fail: gcp-workload-identity-provider-condition
resource "google_iam_workload_identity_pool_provider" "any_repository" {
  workload_identity_pool_id          = "ci"
  workload_identity_pool_provider_id = "github-open"
  attribute_mapping = {
    "google.subject" = "assertion.sub"
  }

  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}
