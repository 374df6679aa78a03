# Well configured: every rule that applies to it passes.
resource "aws_elasticache_replication_group" "good" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  subnet_group_name          = "cache-private"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.this.arn
  auth_token                 = random_password.cache.result
  automatic_failover_enabled = true
  num_cache_clusters         = 2
  snapshot_retention_limit   = 7
}

# expect fail: aws-elasticache-transit-encryption
resource "aws_elasticache_replication_group" "elasticache_transit_encryption" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  subnet_group_name          = "cache-private"
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.this.arn
  automatic_failover_enabled = true
  num_cache_clusters         = 2
  snapshot_retention_limit   = 7
}

# expect fail: aws-elasticache-at-rest-encryption
resource "aws_elasticache_replication_group" "elasticache_at_rest_encryption" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  subnet_group_name          = "cache-private"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = false
  auth_token                 = random_password.cache.result
  automatic_failover_enabled = true
  num_cache_clusters         = 2
  snapshot_retention_limit   = 7
}

# expect fail: aws-elasticache-cmk
resource "aws_elasticache_replication_group" "elasticache_cmk" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  subnet_group_name          = "cache-private"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  auth_token                 = random_password.cache.result
  automatic_failover_enabled = true
  num_cache_clusters         = 2
  snapshot_retention_limit   = 7
}

# expect fail: aws-elasticache-auth
resource "aws_elasticache_replication_group" "elasticache_no_auth" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  subnet_group_name          = "cache-private"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.this.arn
  automatic_failover_enabled = true
  num_cache_clusters         = 2
  snapshot_retention_limit   = 7
}

# expect fail: aws-elasticache-automatic-failover
resource "aws_elasticache_replication_group" "elasticache_no_failover" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  subnet_group_name          = "cache-private"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.this.arn
  auth_token                 = random_password.cache.result
  num_cache_clusters         = 2
  snapshot_retention_limit   = 7
}

# expect fail: aws-elasticache-snapshot-retention
resource "aws_elasticache_replication_group" "elasticache_no_snapshots" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  subnet_group_name          = "cache-private"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.this.arn
  auth_token                 = random_password.cache.result
  automatic_failover_enabled = true
  num_cache_clusters         = 2
}

# expect fail: aws-elasticache-subnet-group
resource "aws_elasticache_replication_group" "elasticache_no_subnet_group" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.this.arn
  auth_token                 = random_password.cache.result
  automatic_failover_enabled = true
  num_cache_clusters         = 2
  snapshot_retention_limit   = 7
}

# expect fail: aws-elasticache-minor-upgrades
resource "aws_elasticache_replication_group" "elasticache_no_minor_upgrades" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  subnet_group_name          = "cache-private"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.this.arn
  auth_token                 = random_password.cache.result
  automatic_failover_enabled = true
  num_cache_clusters         = 2
  snapshot_retention_limit   = 7
  auto_minor_version_upgrade = false
}

# RBAC user groups instead of an AUTH token.
resource "aws_elasticache_replication_group" "elasticache_rbac" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  subnet_group_name          = "cache-private"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.this.arn
  user_group_ids             = [aws_elasticache_user_group.app.id]
  automatic_failover_enabled = true
  num_cache_clusters         = 2
  snapshot_retention_limit   = 7
}
