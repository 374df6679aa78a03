# Well configured: every rule that applies to it passes.
resource "aws_eks_cluster" "good" {
  name                      = "platform"
  role_arn                  = aws_iam_role.eks.arn
  version                   = "1.31"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["203.0.113.0/24"]
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = aws_kms_key.this.arn
    }
  }
}

# expect fail: aws-eks-public-endpoint-restricted
resource "aws_eks_cluster" "eks_public_endpoint_restricted" {
  name                      = "platform"
  role_arn                  = aws_iam_role.eks.arn
  version                   = "1.31"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = true
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = aws_kms_key.this.arn
    }
  }
}

# expect fail: aws-eks-secrets-encryption
resource "aws_eks_cluster" "eks_secrets_encryption" {
  name                      = "platform"
  role_arn                  = aws_iam_role.eks.arn
  version                   = "1.31"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["203.0.113.0/24"]
  }
}

# expect fail: aws-eks-control-plane-logging
resource "aws_eks_cluster" "eks_control_plane_logging" {
  name                      = "platform"
  role_arn                  = aws_iam_role.eks.arn
  version                   = "1.31"
  enabled_cluster_log_types = ["api"]

  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["203.0.113.0/24"]
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = aws_kms_key.this.arn
    }
  }
}
