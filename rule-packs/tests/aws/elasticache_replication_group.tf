# Well configured: every rule that applies to it passes.
resource "aws_elasticache_replication_group" "good" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  automatic_failover_enabled = true
  num_cache_clusters         = 2
}

# expect fail: aws-elasticache-transit-encryption
resource "aws_elasticache_replication_group" "elasticache_transit_encryption" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  at_rest_encryption_enabled = true
  automatic_failover_enabled = true
  num_cache_clusters         = 2
}

# expect fail: aws-elasticache-at-rest-encryption
resource "aws_elasticache_replication_group" "elasticache_at_rest_encryption" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t3.micro"
  transit_encryption_enabled = true
  at_rest_encryption_enabled = false
  automatic_failover_enabled = true
  num_cache_clusters         = 2
}
