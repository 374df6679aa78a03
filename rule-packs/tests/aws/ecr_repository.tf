# Well configured: every rule that applies to it passes.
resource "aws_ecr_repository" "good" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.this.arn
  }
}

# expect fail: aws-ecr-scan-on-push
resource "aws_ecr_repository" "ecr_scan_on_push" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.this.arn
  }
}

# expect fail: aws-ecr-immutable-tags
resource "aws_ecr_repository" "ecr_immutable_tags" {
  name                 = "app"
  image_tag_mutability = "MUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.this.arn
  }
}

# expect fail: aws-ecr-kms
resource "aws_ecr_repository" "ecr_kms" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
