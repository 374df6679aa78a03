# IAM grants in their member and binding forms: named principals pass, allUsers and
# allAuthenticatedUsers fail. (google_storage_bucket_iam_member: storage_bucket_iam_member.tf.)

resource "google_storage_bucket_iam_binding" "good" {
  bucket  = google_storage_bucket.this.name
  role    = "roles/storage.objectViewer"
  members = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-gcs-iam-binding-not-public
resource "google_storage_bucket_iam_binding" "public" {
  bucket  = google_storage_bucket.this.name
  role    = "roles/storage.objectViewer"
  members = ["group:readers@example.com", "allUsers"]
}

resource "google_project_iam_member" "good" {
  project = "example-project"
  role    = "roles/logging.viewer"
  member  = "group:readers@example.com"
}

# expect fail: gcp-resource-hierarchy-iam-not-public
resource "google_project_iam_member" "public" {
  project = "example-project"
  role    = "roles/logging.viewer"
  member  = "allAuthenticatedUsers"
}

resource "google_project_iam_binding" "good" {
  project = "example-project"
  role    = "roles/logging.viewer"
  members = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-resource-hierarchy-iam-not-public
resource "google_project_iam_binding" "public" {
  project = "example-project"
  role    = "roles/logging.viewer"
  members = ["allAuthenticatedUsers"]
}

resource "google_folder_iam_member" "good" {
  folder = "folders/1234567"
  role   = "roles/logging.viewer"
  member = "group:readers@example.com"
}

# expect fail: gcp-resource-hierarchy-iam-not-public
resource "google_folder_iam_member" "public" {
  folder = "folders/1234567"
  role   = "roles/logging.viewer"
  member = "allUsers"
}

resource "google_folder_iam_binding" "good" {
  folder  = "folders/1234567"
  role    = "roles/logging.viewer"
  members = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-resource-hierarchy-iam-not-public
resource "google_folder_iam_binding" "public" {
  folder  = "folders/1234567"
  role    = "roles/logging.viewer"
  members = ["allAuthenticatedUsers"]
}

resource "google_organization_iam_member" "good" {
  org_id = "123456789012"
  role   = "roles/logging.viewer"
  member = "group:readers@example.com"
}

# expect fail: gcp-resource-hierarchy-iam-not-public
resource "google_organization_iam_member" "public" {
  org_id = "123456789012"
  role   = "roles/logging.viewer"
  member = "allUsers"
}

resource "google_organization_iam_binding" "good" {
  org_id  = "123456789012"
  role    = "roles/logging.viewer"
  members = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-resource-hierarchy-iam-not-public
resource "google_organization_iam_binding" "public" {
  org_id  = "123456789012"
  role    = "roles/logging.viewer"
  members = ["allAuthenticatedUsers"]
}

resource "google_bigquery_dataset_iam_member" "good" {
  dataset_id = google_bigquery_dataset.this.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = "group:readers@example.com"
}

# expect fail: gcp-bigquery-dataset-iam-not-public
resource "google_bigquery_dataset_iam_member" "public" {
  dataset_id = google_bigquery_dataset.this.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = "allAuthenticatedUsers"
}

resource "google_bigquery_dataset_iam_binding" "good" {
  dataset_id = google_bigquery_dataset.this.dataset_id
  role       = "roles/bigquery.dataViewer"
  members    = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-bigquery-dataset-iam-not-public
resource "google_bigquery_dataset_iam_binding" "public" {
  dataset_id = google_bigquery_dataset.this.dataset_id
  role       = "roles/bigquery.dataViewer"
  members    = ["allAuthenticatedUsers"]
}

resource "google_bigquery_table_iam_member" "good" {
  dataset_id = "analytics"
  table_id   = "events"
  role       = "roles/bigquery.dataViewer"
  member     = "group:readers@example.com"
}

# expect fail: gcp-bigquery-table-iam-not-public
resource "google_bigquery_table_iam_member" "public" {
  dataset_id = "analytics"
  table_id   = "events"
  role       = "roles/bigquery.dataViewer"
  member     = "allAuthenticatedUsers"
}

resource "google_bigquery_table_iam_binding" "good" {
  dataset_id = "analytics"
  table_id   = "events"
  role       = "roles/bigquery.dataViewer"
  members    = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-bigquery-table-iam-not-public
resource "google_bigquery_table_iam_binding" "public" {
  dataset_id = "analytics"
  table_id   = "events"
  role       = "roles/bigquery.dataViewer"
  members    = ["allAuthenticatedUsers"]
}

resource "google_cloud_run_service_iam_member" "good" {
  location = "europe-west1"
  service  = "api"
  role     = "roles/run.invoker"
  member   = "group:readers@example.com"
}

# expect fail: gcp-cloud-run-iam-not-public
resource "google_cloud_run_service_iam_member" "public" {
  location = "europe-west1"
  service  = "api"
  role     = "roles/run.invoker"
  member   = "allAuthenticatedUsers"
}

resource "google_cloud_run_service_iam_binding" "good" {
  location = "europe-west1"
  service  = "api"
  role     = "roles/run.invoker"
  members  = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-cloud-run-iam-not-public
resource "google_cloud_run_service_iam_binding" "public" {
  location = "europe-west1"
  service  = "api"
  role     = "roles/run.invoker"
  members  = ["allAuthenticatedUsers"]
}

resource "google_cloud_run_v2_service_iam_member" "good" {
  location = "europe-west1"
  name     = "api"
  role     = "roles/run.invoker"
  member   = "group:readers@example.com"
}

# expect fail: gcp-cloud-run-iam-not-public
resource "google_cloud_run_v2_service_iam_member" "public" {
  location = "europe-west1"
  name     = "api"
  role     = "roles/run.invoker"
  member   = "allUsers"
}

resource "google_cloud_run_v2_service_iam_binding" "good" {
  location = "europe-west1"
  name     = "api"
  role     = "roles/run.invoker"
  members  = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-cloud-run-iam-not-public
resource "google_cloud_run_v2_service_iam_binding" "public" {
  location = "europe-west1"
  name     = "api"
  role     = "roles/run.invoker"
  members  = ["group:readers@example.com", "allUsers"]
}

resource "google_cloud_run_v2_job_iam_member" "good" {
  location = "europe-west1"
  name     = "nightly"
  role     = "roles/run.invoker"
  member   = "group:readers@example.com"
}

# expect fail: gcp-cloud-run-iam-not-public
resource "google_cloud_run_v2_job_iam_member" "public" {
  location = "europe-west1"
  name     = "nightly"
  role     = "roles/run.invoker"
  member   = "allUsers"
}

resource "google_cloud_run_v2_job_iam_binding" "good" {
  location = "europe-west1"
  name     = "nightly"
  role     = "roles/run.invoker"
  members  = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-cloud-run-iam-not-public
resource "google_cloud_run_v2_job_iam_binding" "public" {
  location = "europe-west1"
  name     = "nightly"
  role     = "roles/run.invoker"
  members  = ["group:readers@example.com", "allUsers"]
}

resource "google_cloudfunctions_function_iam_member" "good" {
  region         = "europe-west1"
  cloud_function = "hook"
  role           = "roles/cloudfunctions.invoker"
  member         = "group:readers@example.com"
}

# expect fail: gcp-cloud-functions-iam-not-public
resource "google_cloudfunctions_function_iam_member" "public" {
  region         = "europe-west1"
  cloud_function = "hook"
  role           = "roles/cloudfunctions.invoker"
  member         = "allUsers"
}

resource "google_cloudfunctions_function_iam_binding" "good" {
  region         = "europe-west1"
  cloud_function = "hook"
  role           = "roles/cloudfunctions.invoker"
  members        = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-cloud-functions-iam-not-public
resource "google_cloudfunctions_function_iam_binding" "public" {
  region         = "europe-west1"
  cloud_function = "hook"
  role           = "roles/cloudfunctions.invoker"
  members        = ["allAuthenticatedUsers"]
}

resource "google_cloudfunctions2_function_iam_member" "good" {
  location       = "europe-west1"
  cloud_function = "hook"
  role           = "roles/cloudfunctions.invoker"
  member         = "group:readers@example.com"
}

# expect fail: gcp-cloud-functions-iam-not-public
resource "google_cloudfunctions2_function_iam_member" "public" {
  location       = "europe-west1"
  cloud_function = "hook"
  role           = "roles/cloudfunctions.invoker"
  member         = "allAuthenticatedUsers"
}

resource "google_cloudfunctions2_function_iam_binding" "good" {
  location       = "europe-west1"
  cloud_function = "hook"
  role           = "roles/cloudfunctions.invoker"
  members        = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-cloud-functions-iam-not-public
resource "google_cloudfunctions2_function_iam_binding" "public" {
  location       = "europe-west1"
  cloud_function = "hook"
  role           = "roles/cloudfunctions.invoker"
  members        = ["group:readers@example.com", "allUsers"]
}

resource "google_pubsub_topic_iam_member" "good" {
  topic  = "events"
  role   = "roles/pubsub.publisher"
  member = "group:readers@example.com"
}

# expect fail: gcp-pubsub-iam-not-public
resource "google_pubsub_topic_iam_member" "public" {
  topic  = "events"
  role   = "roles/pubsub.publisher"
  member = "allUsers"
}

resource "google_pubsub_topic_iam_binding" "good" {
  topic   = "events"
  role    = "roles/pubsub.publisher"
  members = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-pubsub-iam-not-public
resource "google_pubsub_topic_iam_binding" "public" {
  topic   = "events"
  role    = "roles/pubsub.publisher"
  members = ["allAuthenticatedUsers"]
}

resource "google_pubsub_subscription_iam_member" "good" {
  subscription = "events-worker"
  role         = "roles/pubsub.subscriber"
  member       = "group:readers@example.com"
}

# expect fail: gcp-pubsub-iam-not-public
resource "google_pubsub_subscription_iam_member" "public" {
  subscription = "events-worker"
  role         = "roles/pubsub.subscriber"
  member       = "allAuthenticatedUsers"
}

resource "google_pubsub_subscription_iam_binding" "good" {
  subscription = "events-worker"
  role         = "roles/pubsub.subscriber"
  members      = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-pubsub-iam-not-public
resource "google_pubsub_subscription_iam_binding" "public" {
  subscription = "events-worker"
  role         = "roles/pubsub.subscriber"
  members      = ["allAuthenticatedUsers"]
}

resource "google_kms_crypto_key_iam_member" "good" {
  crypto_key_id = google_kms_crypto_key.good.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = "group:readers@example.com"
}

# expect fail: gcp-kms-iam-not-public
resource "google_kms_crypto_key_iam_member" "public" {
  crypto_key_id = google_kms_crypto_key.good.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = "allAuthenticatedUsers"
}

resource "google_kms_crypto_key_iam_binding" "good" {
  crypto_key_id = google_kms_crypto_key.good.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  members       = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-kms-iam-not-public
resource "google_kms_crypto_key_iam_binding" "public" {
  crypto_key_id = google_kms_crypto_key.good.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  members       = ["allAuthenticatedUsers"]
}

resource "google_kms_key_ring_iam_member" "good" {
  key_ring_id = "example-project/europe-west1/ring"
  role        = "roles/cloudkms.viewer"
  member      = "group:readers@example.com"
}

# expect fail: gcp-kms-iam-not-public
resource "google_kms_key_ring_iam_member" "public" {
  key_ring_id = "example-project/europe-west1/ring"
  role        = "roles/cloudkms.viewer"
  member      = "allAuthenticatedUsers"
}

resource "google_kms_key_ring_iam_binding" "good" {
  key_ring_id = "example-project/europe-west1/ring"
  role        = "roles/cloudkms.viewer"
  members     = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-kms-iam-not-public
resource "google_kms_key_ring_iam_binding" "public" {
  key_ring_id = "example-project/europe-west1/ring"
  role        = "roles/cloudkms.viewer"
  members     = ["group:readers@example.com", "allUsers"]
}

resource "google_artifact_registry_repository_iam_member" "good" {
  location   = "europe-west1"
  repository = "images"
  role       = "roles/artifactregistry.reader"
  member     = "group:readers@example.com"
}

# expect fail: gcp-artifact-registry-iam-not-public
resource "google_artifact_registry_repository_iam_member" "public" {
  location   = "europe-west1"
  repository = "images"
  role       = "roles/artifactregistry.reader"
  member     = "allUsers"
}

resource "google_artifact_registry_repository_iam_binding" "good" {
  location   = "europe-west1"
  repository = "images"
  role       = "roles/artifactregistry.reader"
  members    = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-artifact-registry-iam-not-public
resource "google_artifact_registry_repository_iam_binding" "public" {
  location   = "europe-west1"
  repository = "images"
  role       = "roles/artifactregistry.reader"
  members    = ["group:readers@example.com", "allUsers"]
}

resource "google_secret_manager_secret_iam_member" "good" {
  secret_id = "db-password"
  role      = "roles/secretmanager.secretAccessor"
  member    = "group:readers@example.com"
}

# expect fail: gcp-secret-manager-iam-not-public
resource "google_secret_manager_secret_iam_member" "public" {
  secret_id = "db-password"
  role      = "roles/secretmanager.secretAccessor"
  member    = "allUsers"
}

resource "google_secret_manager_secret_iam_binding" "good" {
  secret_id = "db-password"
  role      = "roles/secretmanager.secretAccessor"
  members   = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-secret-manager-iam-not-public
resource "google_secret_manager_secret_iam_binding" "public" {
  secret_id = "db-password"
  role      = "roles/secretmanager.secretAccessor"
  members   = ["group:readers@example.com", "allUsers"]
}

resource "google_dataproc_cluster_iam_member" "good" {
  region  = "europe-west1"
  cluster = "etl"
  role    = "roles/dataproc.viewer"
  member  = "group:readers@example.com"
}

# expect fail: gcp-dataproc-iam-not-public
resource "google_dataproc_cluster_iam_member" "public" {
  region  = "europe-west1"
  cluster = "etl"
  role    = "roles/dataproc.viewer"
  member  = "allUsers"
}

resource "google_dataproc_cluster_iam_binding" "good" {
  region  = "europe-west1"
  cluster = "etl"
  role    = "roles/dataproc.viewer"
  members = ["group:readers@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

# expect fail: gcp-dataproc-iam-not-public
resource "google_dataproc_cluster_iam_binding" "public" {
  region  = "europe-west1"
  cluster = "etl"
  role    = "roles/dataproc.viewer"
  members = ["group:readers@example.com", "allUsers"]
}

data "google_iam_policy" "good" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["group:readers@example.com"]
  }

  binding {
    role    = "roles/storage.admin"
    members = ["group:storage-admins@example.com"]
  }
}

# expect fail: gcp-iam-policy-no-public-members
data "google_iam_policy" "public" {
  binding {
    role    = "roles/storage.admin"
    members = ["group:storage-admins@example.com"]
  }

  binding {
    role    = "roles/storage.objectViewer"
    members = ["allUsers"]
  }
}

resource "google_storage_bucket_iam_policy" "from_data_source" {
  bucket      = google_storage_bucket.this.name
  policy_data = data.google_iam_policy.good.policy_data
}

resource "google_bigquery_dataset_access" "good" {
  dataset_id    = google_bigquery_dataset.this.dataset_id
  role          = "READER"
  user_by_email = "analyst@example.com"
}

# expect fail: gcp-bigquery-dataset-access-resource-not-public
resource "google_bigquery_dataset_access" "all_authenticated" {
  dataset_id    = google_bigquery_dataset.this.dataset_id
  role          = "READER"
  special_group = "allAuthenticatedUsers"
}

# expect fail: gcp-bigquery-dataset-access-resource-not-public
resource "google_bigquery_dataset_access" "all_users" {
  dataset_id = google_bigquery_dataset.this.dataset_id
  role       = "READER"
  iam_member = "allUsers"
}
