# Well configured: a metric of audit configuration changes, and an alert policy that reads it.
resource "google_logging_metric" "audit_config_changes" {
  name   = "audit-config-changes"
  filter = "protoPayload.methodName=\"SetIamPolicy\" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
}

resource "google_monitoring_alert_policy" "audit_config_changes" {
  display_name          = "Audit configuration changed"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.oncall.id]

  conditions {
    display_name = "audit configuration changes"

    condition_threshold {
      filter          = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.audit_config_changes.name}\" AND resource.type=\"global\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
    }
  }
}

# expect fail: gcp-logging-security-metric-alerted
resource "google_logging_metric" "firewall_changes" {
  name   = "firewall-changes"
  filter = "resource.type=\"gce_firewall_rule\" AND (protoPayload.methodName:\"compute.firewalls.patch\" OR protoPayload.methodName:\"compute.firewalls.insert\" OR protoPayload.methodName:\"compute.firewalls.delete\")"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
}

# A metric for a dashboard: the security-change check does not apply.
resource "google_logging_metric" "checkout_errors" {
  name   = "checkout-errors"
  filter = "resource.type=\"cloud_run_revision\" AND severity>=ERROR"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
}
