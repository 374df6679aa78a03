# Well configured: enabled, and pages the on-call channel.
resource "google_monitoring_alert_policy" "good" {
  display_name          = "Firewall changes"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.oncall.id]

  conditions {
    display_name = "firewall rule changed"
    condition_matched_log {
      filter = "resource.type=\"gce_firewall_rule\" AND protoPayload.methodName:\"compute.firewalls.\""
    }
  }

  alert_strategy {
    notification_rate_limit {
      period = "300s"
    }
  }
}

# expect fail: gcp-monitoring-alert-policy-notifies
resource "google_monitoring_alert_policy" "silent" {
  display_name = "Route changes"
  combiner     = "OR"

  conditions {
    display_name = "route changed"
    condition_matched_log {
      filter = "resource.type=\"gce_route\""
    }
  }
}

# expect fail: gcp-monitoring-alert-policy-notifies
resource "google_monitoring_alert_policy" "disabled" {
  display_name          = "Network changes"
  combiner              = "OR"
  enabled               = false
  notification_channels = [google_monitoring_notification_channel.oncall.id]

  conditions {
    display_name = "network changed"
    condition_matched_log {
      filter = "resource.type=\"gce_network\""
    }
  }
}
