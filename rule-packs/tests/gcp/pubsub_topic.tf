# Well configured: messages at rest under a customer-managed key.
resource "google_pubsub_topic" "good" {
  name         = "orders"
  kms_key_name = google_kms_crypto_key.this.id
}

# expect fail: gcp-pubsub-topic-cmek
resource "google_pubsub_topic" "gcp_pubsub_topic_cmek" {
  name = "orders"
}
