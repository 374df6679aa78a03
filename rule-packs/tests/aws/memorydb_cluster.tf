# Well configured: every rule that applies to it passes.
resource "aws_memorydb_cluster" "good" {
  name                     = "sessions"
  acl_name                 = "sessions-acl"
  node_type                = "db.t4g.small"
  num_shards               = 2
  kms_key_arn              = aws_kms_key.this.arn
  snapshot_retention_limit = 7
}

# expect fail: aws-memorydb-tls
resource "aws_memorydb_cluster" "memorydb_no_tls" {
  name                     = "sessions"
  acl_name                 = "sessions-acl"
  node_type                = "db.t4g.small"
  num_shards               = 2
  kms_key_arn              = aws_kms_key.this.arn
  snapshot_retention_limit = 7
  tls_enabled              = false
}

# expect fail: aws-memorydb-cmk
resource "aws_memorydb_cluster" "memorydb_aws_key" {
  name                     = "sessions"
  acl_name                 = "sessions-acl"
  node_type                = "db.t4g.small"
  num_shards               = 2
  snapshot_retention_limit = 7
}

# expect fail: aws-memorydb-snapshot-retention
resource "aws_memorydb_cluster" "memorydb_no_snapshots" {
  name        = "sessions"
  acl_name    = "sessions-acl"
  node_type   = "db.t4g.small"
  num_shards  = 2
  kms_key_arn = aws_kms_key.this.arn
}
