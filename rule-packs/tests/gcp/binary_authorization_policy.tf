# Well configured: only attested images, everywhere no other rule applies.
resource "google_binary_authorization_policy" "good" {
  project = "example-project"

  default_admission_rule {
    evaluation_mode         = "REQUIRE_ATTESTATION"
    enforcement_mode        = "ENFORCED_BLOCK_AND_AUDIT_LOG"
    require_attestations_by = ["projects/example-project/attestors/built-by-ci"]
  }
}

# expect fail: gcp-binary-authorization-not-allow-all
resource "google_binary_authorization_policy" "allow_all" {
  project = "sandbox-project"

  default_admission_rule {
    evaluation_mode  = "ALWAYS_ALLOW"
    enforcement_mode = "ENFORCED_BLOCK_AND_AUDIT_LOG"
  }
}
