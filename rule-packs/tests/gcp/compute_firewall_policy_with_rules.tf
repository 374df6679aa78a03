# Firewall policies written with their rules: hierarchical, global network and regional network.

resource "google_compute_firewall_policy_with_rules" "good" {
  parent     = "organizations/123456789012"
  short_name = "good"

  rule {
    priority       = 1000
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0", "::/0"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["80", "443"]
      }
    }
  }

  rule {
    priority       = 1100
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["35.235.240.0/20"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["22", "3389"]
      }
    }
  }

  rule {
    priority       = 1200
    action         = "deny"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "all"
      }
    }
  }

  rule {
    priority       = 1300
    action         = "allow"
    direction      = "EGRESS"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "tcp"
      }
    }
  }

  rule {
    priority       = 1400
    action         = "allow"
    enable_logging = true
    disabled       = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "all"
      }
    }
  }

  rule {
    priority       = 1500
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "icmp"
      }
    }
  }
}

resource "google_compute_network_firewall_policy_with_rules" "good" {
  name = "good"

  rule {
    priority       = 1000
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0", "::/0"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["80", "443"]
      }
    }
  }

  rule {
    priority       = 1100
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["35.235.240.0/20"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["22", "3389"]
      }
    }
  }

  rule {
    priority       = 1200
    action         = "deny"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "all"
      }
    }
  }

  rule {
    priority       = 1300
    action         = "allow"
    direction      = "EGRESS"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "tcp"
      }
    }
  }

  rule {
    priority       = 1400
    action         = "allow"
    enable_logging = true
    disabled       = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "all"
      }
    }
  }

  rule {
    priority       = 1500
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "icmp"
      }
    }
  }
}

resource "google_compute_region_network_firewall_policy_with_rules" "good" {
  name   = "good"
  region = "europe-west1"

  rule {
    priority       = 1000
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0", "::/0"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["80", "443"]
      }
    }
  }

  rule {
    priority       = 1100
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["35.235.240.0/20"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["22", "3389"]
      }
    }
  }

  rule {
    priority       = 1200
    action         = "deny"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "all"
      }
    }
  }

  rule {
    priority       = 1300
    action         = "allow"
    direction      = "EGRESS"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "tcp"
      }
    }
  }

  rule {
    priority       = 1400
    action         = "allow"
    enable_logging = true
    disabled       = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "all"
      }
    }
  }

  rule {
    priority       = 1500
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "icmp"
      }
    }
  }
}

# expect fail: gcp-firewall-policy-inline-rule-no-ssh-from-internet
resource "google_compute_network_firewall_policy_with_rules" "ssh" {
  name = "ssh"

  rule {
    priority       = 1000
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["443"]
      }
    }
  }

  rule {
    priority       = 1100
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "udp"
        ports       = ["53"]
      }
      layer4_config {
        ip_protocol = "tcp"
        ports       = ["22"]
      }
    }
  }
}

# expect fail: gcp-firewall-policy-inline-rule-no-ssh-from-internet, gcp-firewall-policy-inline-rule-no-admin-ports-from-internet
resource "google_compute_firewall_policy_with_rules" "ssh_range" {
  parent     = "organizations/123456789012"
  short_name = "ssh-range"

  rule {
    priority       = 1000
    action         = "allow"
    direction      = "INGRESS"
    enable_logging = true

    match {
      src_ip_ranges = ["::/0"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["20-25"]
      }
    }
  }
}

# expect fail: gcp-firewall-policy-inline-rule-no-rdp-from-internet
resource "google_compute_region_network_firewall_policy_with_rules" "rdp" {
  name   = "rdp"
  region = "europe-west1"

  rule {
    priority       = 1000
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = [3389]
      }
    }
  }
}

# expect fail: gcp-firewall-policy-inline-rule-no-ssh-from-internet, gcp-firewall-policy-inline-rule-no-rdp-from-internet, gcp-firewall-policy-inline-rule-no-all-ports-from-internet, gcp-firewall-policy-inline-rule-no-database-ports-from-internet, gcp-firewall-policy-inline-rule-no-admin-ports-from-internet
resource "google_compute_network_firewall_policy_with_rules" "every_protocol" {
  name = "every-protocol"

  rule {
    priority       = 1000
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "all"
      }
    }
  }
}

# expect fail: gcp-firewall-policy-inline-rule-no-ssh-from-internet, gcp-firewall-policy-inline-rule-no-rdp-from-internet, gcp-firewall-policy-inline-rule-no-all-ports-from-internet, gcp-firewall-policy-inline-rule-no-database-ports-from-internet, gcp-firewall-policy-inline-rule-no-admin-ports-from-internet
resource "google_compute_firewall_policy_with_rules" "every_tcp_port" {
  parent     = "organizations/123456789012"
  short_name = "every-tcp-port"

  rule {
    priority       = 1000
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "tcp"
      }
    }
  }
}

# expect fail: gcp-firewall-policy-inline-rule-no-ssh-from-internet, gcp-firewall-policy-inline-rule-no-rdp-from-internet, gcp-firewall-policy-inline-rule-no-all-ports-from-internet, gcp-firewall-policy-inline-rule-no-database-ports-from-internet, gcp-firewall-policy-inline-rule-no-admin-ports-from-internet
resource "google_compute_region_network_firewall_policy_with_rules" "full_range" {
  name   = "full-range"
  region = "europe-west1"

  rule {
    priority       = 1000
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["0-65535"]
      }
    }
  }
}

# expect fail: gcp-firewall-policy-inline-rule-no-database-ports-from-internet
resource "google_compute_network_firewall_policy_with_rules" "redis" {
  name = "redis"

  rule {
    priority       = 1000
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["6379"]
      }
    }
  }
}

# expect fail: gcp-firewall-policy-inline-rule-no-admin-ports-from-internet
resource "google_compute_firewall_policy_with_rules" "vnc" {
  parent     = "organizations/123456789012"
  short_name = "vnc"

  rule {
    priority       = 1000
    action         = "allow"
    enable_logging = true

    match {
      src_ip_ranges = ["0.0.0.0/0"]

      layer4_config {
        ip_protocol = "tcp"
        ports       = ["5900-5910"]
      }
    }
  }
}
