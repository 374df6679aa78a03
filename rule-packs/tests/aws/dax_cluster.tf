# Well configured: every rule that applies to it passes.
resource "aws_dax_cluster" "good" {
  cluster_name                     = "items-cache"
  iam_role_arn                     = aws_iam_role.rds_monitoring.arn
  node_type                        = "dax.r5.large"
  replication_factor               = 3
  cluster_endpoint_encryption_type = "TLS"

  server_side_encryption {
    enabled = true
  }
}

# expect fail: aws-dax-encryption
resource "aws_dax_cluster" "dax_unencrypted" {
  cluster_name                     = "items-cache"
  iam_role_arn                     = aws_iam_role.rds_monitoring.arn
  node_type                        = "dax.r5.large"
  replication_factor               = 3
  cluster_endpoint_encryption_type = "TLS"

}

# expect fail: aws-dax-tls
resource "aws_dax_cluster" "dax_no_tls" {
  cluster_name       = "items-cache"
  iam_role_arn       = aws_iam_role.rds_monitoring.arn
  node_type          = "dax.r5.large"
  replication_factor = 3

  server_side_encryption {
    enabled = true
  }
}
