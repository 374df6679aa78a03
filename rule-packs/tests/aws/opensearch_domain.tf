# Well configured: every rule that applies to it passes.
resource "aws_opensearch_domain" "good" {
  domain_name = "search"

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

# expect fail: aws-opensearch-encryption-at-rest
resource "aws_opensearch_domain" "opensearch_encryption_at_rest" {
  domain_name = "search"

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

# expect fail: aws-opensearch-node-to-node
resource "aws_opensearch_domain" "opensearch_node_to_node" {
  domain_name = "search"

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = false
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

# expect fail: aws-opensearch-https
resource "aws_opensearch_domain" "opensearch_https" {
  domain_name = "search"

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }
}
