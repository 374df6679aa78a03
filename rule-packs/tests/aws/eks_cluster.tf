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

# expect fail: aws-eks-supported-version
resource "aws_eks_cluster" "eks_supported_version" {
  name                      = "platform"
  role_arn                  = aws_iam_role.eks.arn
  version                   = "1.27"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = false
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = aws_kms_key.this.arn
    }
  }
}

# Well configured: every rule that applies to them passes.
resource "aws_eks_node_group" "good" {
  cluster_name    = aws_eks_cluster.good.name
  node_group_name = "default"
  node_role_arn   = aws_iam_role.eks_nodes.arn
  subnet_ids      = aws_subnet.private[*].id

  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 2
  }
}

resource "aws_eks_node_group" "ssh_from_the_bastion" {
  cluster_name    = aws_eks_cluster.good.name
  node_group_name = "debug"
  node_role_arn   = aws_iam_role.eks_nodes.arn
  subnet_ids      = aws_subnet.private[*].id

  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }

  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = [aws_security_group.good.id]
  }
}

# expect fail: aws-eks-node-group-ssh-restricted
resource "aws_eks_node_group" "eks_node_group_ssh_restricted" {
  cluster_name    = aws_eks_cluster.good.name
  node_group_name = "debug"
  node_role_arn   = aws_iam_role.eks_nodes.arn
  subnet_ids      = aws_subnet.private[*].id

  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }

  remote_access {
    ec2_ssh_key = "ops"
  }
}
