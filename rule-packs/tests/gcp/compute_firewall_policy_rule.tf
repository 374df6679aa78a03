# Firewall policy rules: hierarchical (organization or folder), global network and regional network.

resource "google_compute_firewall_policy_rule" "good" {
  firewall_policy = google_compute_firewall_policy.org.id
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0", "::/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["80", "443"]
    }
  }
}

resource "google_compute_network_firewall_policy_rule" "good" {
  firewall_policy = google_compute_network_firewall_policy.vpc.name
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["443"]
    }
  }
}

resource "google_compute_region_network_firewall_policy_rule" "good" {
  firewall_policy = google_compute_region_network_firewall_policy.regional.name
  region          = "europe-west1"
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["::/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["443", "8443-8444"]
    }
  }
}

resource "google_compute_network_firewall_policy_rule" "iap_ssh" {
  firewall_policy = google_compute_network_firewall_policy.vpc.name
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["35.235.240.0/20"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["22", "3389"]
    }
  }
}

resource "google_compute_firewall_policy_rule" "deny_everything" {
  firewall_policy = google_compute_firewall_policy.org.id
  priority        = 1000
  action          = "deny"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "all"
    }
  }
}

resource "google_compute_region_network_firewall_policy_rule" "egress_everything" {
  firewall_policy = google_compute_region_network_firewall_policy.regional.name
  region          = "europe-west1"
  priority        = 1000
  action          = "allow"
  direction       = "EGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "all"
    }
  }
}

resource "google_compute_network_firewall_policy_rule" "disabled_everything" {
  firewall_policy = google_compute_network_firewall_policy.vpc.name
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true
  disabled        = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "all"
    }
  }
}

# expect fail: gcp-firewall-policy-rule-no-ssh-from-internet
resource "google_compute_firewall_policy_rule" "ssh" {
  firewall_policy = google_compute_firewall_policy.org.id
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["22"]
    }
  }
}

# expect fail: gcp-firewall-policy-rule-no-ssh-from-internet, gcp-firewall-policy-rule-no-admin-ports-from-internet
resource "google_compute_network_firewall_policy_rule" "ssh_range" {
  firewall_policy = google_compute_network_firewall_policy.vpc.name
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["::/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["20-25"]
    }
  }
}

# expect fail: gcp-firewall-policy-rule-no-rdp-from-internet
resource "google_compute_region_network_firewall_policy_rule" "rdp" {
  firewall_policy = google_compute_region_network_firewall_policy.regional.name
  region          = "europe-west1"
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = [3389]
    }
  }
}

# expect fail: gcp-firewall-policy-rule-no-ssh-from-internet, gcp-firewall-policy-rule-no-rdp-from-internet, gcp-firewall-policy-rule-no-all-ports-from-internet, gcp-firewall-policy-rule-no-database-ports-from-internet, gcp-firewall-policy-rule-no-admin-ports-from-internet
resource "google_compute_network_firewall_policy_rule" "every_protocol" {
  firewall_policy = google_compute_network_firewall_policy.vpc.name
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "all"
    }
  }
}

# expect fail: gcp-firewall-policy-rule-no-ssh-from-internet, gcp-firewall-policy-rule-no-rdp-from-internet, gcp-firewall-policy-rule-no-all-ports-from-internet, gcp-firewall-policy-rule-no-database-ports-from-internet, gcp-firewall-policy-rule-no-admin-ports-from-internet
resource "google_compute_firewall_policy_rule" "every_tcp_port" {
  firewall_policy = google_compute_firewall_policy.org.id
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
    }
  }
}

# expect fail: gcp-firewall-policy-rule-no-all-ports-from-internet
resource "google_compute_region_network_firewall_policy_rule" "every_udp_port" {
  firewall_policy = google_compute_region_network_firewall_policy.regional.name
  region          = "europe-west1"
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "udp"
    }
  }
}

# expect fail: gcp-firewall-policy-rule-no-database-ports-from-internet
resource "google_compute_firewall_policy_rule" "postgres" {
  firewall_policy = google_compute_firewall_policy.org.id
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["5432"]
    }
  }
}

# expect fail: gcp-firewall-policy-rule-no-admin-ports-from-internet
resource "google_compute_network_firewall_policy_rule" "telnet" {
  firewall_policy = google_compute_network_firewall_policy.vpc.name
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["23"]
    }
  }
}

resource "google_compute_firewall_policy" "org" {
  parent     = "organizations/123456789012"
  short_name = "org-baseline"
}

resource "google_compute_network_firewall_policy" "vpc" {
  name = "vpc-baseline"
}

resource "google_compute_region_network_firewall_policy" "regional" {
  name   = "regional-baseline"
  region = "europe-west1"
}
