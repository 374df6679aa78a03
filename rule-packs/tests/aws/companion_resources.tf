# Companion resources: settings of a bucket, a key, an instance or a database that are
# resources of their own and refer to it (rule pack companion-resources).

# The buckets of s3_bucket.tf are all named "example-data": these refer to them by that name.
resource "aws_s3_bucket_public_access_block" "example_data" {
  bucket                  = "example-data"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "example_data" {
  bucket = "example-data"

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.good.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "example_data" {
  bucket = "example-data"

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "example_data" {
  bucket = "example-data"

  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}

resource "aws_s3_bucket_logging" "example_data" {
  bucket        = "example-data"
  target_bucket = "example-access-logs"
  target_prefix = "s3/"
}

resource "aws_s3_bucket_ownership_controls" "example_data" {
  bucket = "example-data"

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_policy" "example_data" {
  bucket = "example-data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::companion-data", "arn:aws:s3:::companion-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# Well configured: every companion refers to it, each in its own way (.id, .bucket, .arn is
# not a bucket name, so it is not used here).
resource "aws_s3_bucket" "companion_complete" {
  bucket = "companion-complete"
  tags = {
    Owner = "platform"
  }
}
resource "aws_s3_bucket_public_access_block" "companion_complete" {
  bucket                  = aws_s3_bucket.companion_complete.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "companion_complete" {
  bucket = aws_s3_bucket.companion_complete.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.good.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "companion_complete" {
  bucket = aws_s3_bucket.companion_complete.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "companion_complete" {
  bucket = aws_s3_bucket.companion_complete.id

  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}

resource "aws_s3_bucket_logging" "companion_complete" {
  bucket        = aws_s3_bucket.companion_complete.id
  target_bucket = "example-access-logs"
  target_prefix = "s3/"
}

resource "aws_s3_bucket_ownership_controls" "companion_complete" {
  bucket = aws_s3_bucket.companion_complete.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_policy" "companion_complete" {
  bucket = aws_s3_bucket.companion_complete.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::companion-data", "arn:aws:s3:::companion-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# A bucket created with for_each, whose companions are created with the same for_each and
# refer to each instance through each.key.
resource "aws_s3_bucket" "companion_each" {
  for_each = toset(["raw", "curated"])
  bucket   = "companion-${each.key}"
  tags = {
    Owner = "platform"
  }
}
resource "aws_s3_bucket_public_access_block" "companion_each" {
  for_each                = toset(["raw", "curated"])
  bucket                  = aws_s3_bucket.companion_each[each.key].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "companion_each" {
  for_each = toset(["raw", "curated"])
  bucket   = aws_s3_bucket.companion_each[each.key].id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.good.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "companion_each" {
  for_each = toset(["raw", "curated"])
  bucket   = aws_s3_bucket.companion_each[each.key].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "companion_each" {
  for_each = toset(["raw", "curated"])
  bucket   = aws_s3_bucket.companion_each[each.key].id

  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}

resource "aws_s3_bucket_logging" "companion_each" {
  for_each      = toset(["raw", "curated"])
  bucket        = aws_s3_bucket.companion_each[each.key].id
  target_bucket = "example-access-logs"
  target_prefix = "s3/"
}

resource "aws_s3_bucket_ownership_controls" "companion_each" {
  for_each = toset(["raw", "curated"])
  bucket   = aws_s3_bucket.companion_each[each.key].id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_policy" "companion_each" {
  for_each = toset(["raw", "curated"])
  bucket   = aws_s3_bucket.companion_each[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::companion-data", "arn:aws:s3:::companion-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# A bucket created with for_each whose companions iterate over the bucket resource itself.
resource "aws_s3_bucket" "companion_each_value" {
  for_each = toset(["logs", "exports"])
  bucket   = "companion-value-${each.key}"
  tags = {
    Owner = "platform"
  }
}
resource "aws_s3_bucket_public_access_block" "companion_each_value" {
  for_each                = aws_s3_bucket.companion_each_value
  bucket                  = each.value.bucket
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "companion_each_value" {
  for_each = aws_s3_bucket.companion_each_value
  bucket   = each.value.bucket

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.good.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "companion_each_value" {
  for_each = aws_s3_bucket.companion_each_value
  bucket   = each.value.bucket

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "companion_each_value" {
  for_each = aws_s3_bucket.companion_each_value
  bucket   = each.value.bucket

  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}

resource "aws_s3_bucket_logging" "companion_each_value" {
  for_each      = aws_s3_bucket.companion_each_value
  bucket        = each.value.bucket
  target_bucket = "example-access-logs"
  target_prefix = "s3/"
}

resource "aws_s3_bucket_ownership_controls" "companion_each_value" {
  for_each = aws_s3_bucket.companion_each_value
  bucket   = each.value.bucket

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_policy" "companion_each_value" {
  for_each = aws_s3_bucket.companion_each_value
  bucket   = each.value.bucket
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::companion-data", "arn:aws:s3:::companion-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# No companion resource at all: every check of a companion fails, on the bucket's line.
# expect fail: aws-s3-bucket-public-access-block, aws-s3-bucket-encryption-configuration, aws-s3-bucket-versioning-resource, aws-s3-bucket-logging-resource, aws-s3-bucket-ownership-controls, aws-s3-bucket-policy-requires-tls, aws-s3-bucket-kms-encryption-resource, aws-s3-bucket-lifecycle-configuration
resource "aws_s3_bucket" "companion_none" {
  bucket = "companion-none"
  tags = {
    Owner = "platform"
  }
}

# A public access block that refers to it but leaves a setting off.
# expect fail: aws-s3-bucket-public-access-block
resource "aws_s3_bucket" "companion_weak_block" {
  bucket = "companion-weak-block"
  tags = {
    Owner = "platform"
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "companion_weak_block" {
  bucket = aws_s3_bucket.companion_weak_block.bucket

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.good.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "companion_weak_block" {
  bucket = aws_s3_bucket.companion_weak_block.bucket

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "companion_weak_block" {
  bucket = aws_s3_bucket.companion_weak_block.bucket

  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}

resource "aws_s3_bucket_logging" "companion_weak_block" {
  bucket        = aws_s3_bucket.companion_weak_block.bucket
  target_bucket = "example-access-logs"
  target_prefix = "s3/"
}

resource "aws_s3_bucket_ownership_controls" "companion_weak_block" {
  bucket = aws_s3_bucket.companion_weak_block.bucket

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_policy" "companion_weak_block" {
  bucket = aws_s3_bucket.companion_weak_block.bucket
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::companion-data", "arn:aws:s3:::companion-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
# expect fail: aws-s3-public-access-block
resource "aws_s3_bucket_public_access_block" "companion_weak_block" {
  bucket                  = aws_s3_bucket.companion_weak_block.bucket
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false
}

# A canned ACL that makes the bucket public.
# expect fail: aws-s3-bucket-no-public-acl-resource
resource "aws_s3_bucket" "companion_public_acl" {
  bucket = "companion-public-acl"
  tags = {
    Owner = "platform"
  }
}
resource "aws_s3_bucket_public_access_block" "companion_public_acl" {
  bucket                  = aws_s3_bucket.companion_public_acl.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "companion_public_acl" {
  bucket = aws_s3_bucket.companion_public_acl.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.good.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "companion_public_acl" {
  bucket = aws_s3_bucket.companion_public_acl.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "companion_public_acl" {
  bucket = aws_s3_bucket.companion_public_acl.id

  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}

resource "aws_s3_bucket_logging" "companion_public_acl" {
  bucket        = aws_s3_bucket.companion_public_acl.id
  target_bucket = "example-access-logs"
  target_prefix = "s3/"
}

resource "aws_s3_bucket_ownership_controls" "companion_public_acl" {
  bucket = aws_s3_bucket.companion_public_acl.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_policy" "companion_public_acl" {
  bucket = aws_s3_bucket.companion_public_acl.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::companion-data", "arn:aws:s3:::companion-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
# expect fail: aws-s3-acl-not-public
resource "aws_s3_bucket_acl" "companion_public_acl" {
  bucket = aws_s3_bucket.companion_public_acl.id
  acl    = "public-read"
}

# A private ACL is allowed.
resource "aws_s3_bucket" "companion_private_acl" {
  bucket = "companion-private-acl"
  tags = {
    Owner = "platform"
  }
}
resource "aws_s3_bucket_public_access_block" "companion_private_acl" {
  bucket                  = aws_s3_bucket.companion_private_acl.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "companion_private_acl" {
  bucket = aws_s3_bucket.companion_private_acl.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.good.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "companion_private_acl" {
  bucket = aws_s3_bucket.companion_private_acl.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "companion_private_acl" {
  bucket = aws_s3_bucket.companion_private_acl.id

  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}

resource "aws_s3_bucket_logging" "companion_private_acl" {
  bucket        = aws_s3_bucket.companion_private_acl.id
  target_bucket = "example-access-logs"
  target_prefix = "s3/"
}

resource "aws_s3_bucket_ownership_controls" "companion_private_acl" {
  bucket = aws_s3_bucket.companion_private_acl.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_policy" "companion_private_acl" {
  bucket = aws_s3_bucket.companion_private_acl.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::companion-data", "arn:aws:s3:::companion-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
resource "aws_s3_bucket_acl" "companion_private_acl" {
  bucket = aws_s3_bucket.companion_private_acl.id
  acl    = "private"
}

# The keys of kms_key.tf, each with an alias.
resource "aws_kms_alias" "good" {
  name          = "alias/data"
  target_key_id = aws_kms_key.good.key_id
}

resource "aws_kms_alias" "kms_rotation" {
  name          = "alias/rotation"
  target_key_id = aws_kms_key.kms_rotation.arn
}

resource "aws_kms_alias" "kms_deletion_window" {
  name          = "alias/deletion-window"
  target_key_id = aws_kms_key.kms_deletion_window.id
}

# A key with no alias.
# expect fail: aws-kms-key-alias
resource "aws_kms_key" "companion_no_alias" {
  description             = "data key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

# An instance whose security groups allow no SSH from the world.
resource "aws_instance" "companion_ssh_closed" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  monitoring                  = true
  vpc_security_group_ids      = [aws_security_group.good.id]

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }
}

# An instance with a security group that opens SSH to the world.
# expect fail: aws-instance-security-groups-no-world-ssh
resource "aws_instance" "companion_ssh_open" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  iam_instance_profile        = aws_iam_instance_profile.app.name
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  monitoring                  = true
  vpc_security_group_ids      = [aws_security_group.good.id, aws_security_group.sg_no_ssh_from_internet.id]

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }
}

# PostgreSQL instances and their parameter groups, named by a literal name.
resource "aws_db_parameter_group" "companion_force_ssl" {
  name   = "companion-force-ssl"
  family = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_parameter_group" "companion_plain" {
  name   = "companion-plain"
  family = "postgres16"

  parameter {
    name  = "log_connections"
    value = "1"
  }
}

resource "aws_db_instance" "companion_tls" {
  identifier                          = "companion-tls"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.good.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  max_allocated_storage               = 100
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.good.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
  parameter_group_name                = "companion-force-ssl"
}

# expect fail: aws-rds-postgres-parameter-group-forces-tls
resource "aws_db_instance" "companion_no_tls" {
  identifier                          = "companion-no-tls"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.good.arn
  publicly_accessible                 = false
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  auto_minor_version_upgrade          = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  max_allocated_storage               = 100
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.good.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
  parameter_group_name                = aws_db_parameter_group.companion_plain.name
}

resource "aws_kms_alias" "signing" {
  name          = "alias/release-signing"
  target_key_id = aws_kms_key.signing.key_id
}

resource "aws_kms_alias" "post_quantum_signing" {
  name          = "alias/release-signing-ml-dsa"
  target_key_id = aws_kms_key.post_quantum_signing.key_id
}

resource "aws_kms_alias" "ed25519_signing" {
  name          = "alias/release-signing-ed25519"
  target_key_id = aws_kms_key.ed25519_signing.key_id
}

resource "aws_kms_alias" "cloudhsm" {
  name          = "alias/cloudhsm"
  target_key_id = aws_kms_key.cloudhsm.key_id
}

resource "aws_kms_alias" "symmetric_default" {
  name          = "alias/symmetric-default"
  target_key_id = aws_kms_key.symmetric_default.key_id
}

resource "aws_kms_alias" "spec_unknown" {
  name          = "alias/spec-unknown"
  target_key_id = aws_kms_key.spec_unknown.key_id
}
