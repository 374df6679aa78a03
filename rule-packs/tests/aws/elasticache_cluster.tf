# Well configured: every rule that applies to it passes.
resource "aws_elasticache_cluster" "good" {
  cluster_id               = "sessions"
  engine                   = "redis"
  node_type                = "cache.t3.micro"
  num_cache_nodes          = 1
  subnet_group_name        = "cache-private"
  snapshot_retention_limit = 5
}

# expect fail: aws-elasticache-cluster-snapshot-retention
resource "aws_elasticache_cluster" "elasticache_cluster_no_snapshots" {
  cluster_id        = "sessions"
  engine            = "redis"
  node_type         = "cache.t3.micro"
  num_cache_nodes   = 1
  subnet_group_name = "cache-private"
}

# expect fail: aws-elasticache-cluster-defined
resource "aws_elasticache_cluster" "elasticache_cluster_no_nodes" {
  cluster_id               = "sessions"
  engine                   = "redis"
  node_type                = "cache.t3.micro"
  num_cache_nodes          = 0
  subnet_group_name        = "cache-private"
  snapshot_retention_limit = 5
}

# expect fail: aws-elasticache-minor-upgrades
resource "aws_elasticache_cluster" "elasticache_cluster_no_minor_upgrades" {
  cluster_id                 = "sessions"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_nodes            = 1
  subnet_group_name          = "cache-private"
  snapshot_retention_limit   = 5
  auto_minor_version_upgrade = false
}

# Memcached keeps no backups: the snapshot check does not apply.
resource "aws_elasticache_cluster" "elasticache_memcached" {
  cluster_id        = "sessions"
  engine            = "memcached"
  node_type         = "cache.t3.micro"
  num_cache_nodes   = 1
  subnet_group_name = "cache-private"
}

# A member of a replication group takes its engine and size from the group.
resource "aws_elasticache_cluster" "elasticache_member" {
  cluster_id               = "sessions"
  snapshot_retention_limit = 5
  replication_group_id     = aws_elasticache_replication_group.good.id
}
