# Well configured: every rule that applies to it passes.
resource "aws_docdb_cluster_parameter_group" "good" {
  name   = "catalog"
  family = "docdb5.0"

  parameter {
    name  = "tls"
    value = "enabled"
  }

  parameter {
    name  = "audit_logs"
    value = "enabled"
  }
}

# expect fail: aws-docdb-parameter-group-tls
resource "aws_docdb_cluster_parameter_group" "docdb_parameters_tls_off" {
  name   = "catalog"
  family = "docdb5.0"

  parameter {
    name  = "tls"
    value = "disabled"
  }

  parameter {
    name  = "audit_logs"
    value = "enabled"
  }
}

# expect fail: aws-docdb-parameter-group-audit-logs
resource "aws_docdb_cluster_parameter_group" "docdb_parameters_no_audit" {
  name   = "catalog"
  family = "docdb5.0"

  parameter {
    name  = "tls"
    value = "enabled"
  }


}
