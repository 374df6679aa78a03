# Well configured: every handler redirects HTTP to HTTPS.
resource "google_app_engine_standard_app_version" "good" {
  service    = "default"
  version_id = "v1"
  runtime    = "python312"

  entrypoint {
    shell = "gunicorn -b :$PORT main:app"
  }

  deployment {
    zip {
      source_url = "https://storage.googleapis.com/example-sources/app.zip"
    }
  }

  handlers {
    url_regex      = "/.*"
    security_level = "SECURE_ALWAYS"

    script {
      script_path = "auto"
    }
  }
}

# expect fail: gcp-app-engine-https
resource "google_app_engine_standard_app_version" "optional_https" {
  service    = "default"
  version_id = "v2"
  runtime    = "python312"

  entrypoint {
    shell = "gunicorn -b :$PORT main:app"
  }

  deployment {
    zip {
      source_url = "https://storage.googleapis.com/example-sources/app.zip"
    }
  }

  handlers {
    url_regex      = "/static/.*"
    security_level = "SECURE_ALWAYS"

    static_files {
      path              = "static/\\1"
      upload_path_regex = "static/.*"
    }
  }

  handlers {
    url_regex = "/.*"

    script {
      script_path = "auto"
    }
  }
}
