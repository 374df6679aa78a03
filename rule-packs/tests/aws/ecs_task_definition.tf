# Well configured: every rule that applies to it passes.
resource "aws_ecs_task_definition" "good" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = "example/app:1.2.3"
    essential              = true
    readonlyRootFilesystem = true
    privileged             = false
  }])
}

# expect fail: aws-ecs-no-privileged
resource "aws_ecs_task_definition" "ecs_no_privileged" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = "example/app:1.2.3"
    essential              = true
    privileged             = true
    readonlyRootFilesystem = true
  }])
}

# Well configured: an EFS volume mounted with encryption in transit.
resource "aws_ecs_task_definition" "with_efs" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = "example/app:1.2.3"
    essential              = true
    readonlyRootFilesystem = true
    mountPoints            = [{ sourceVolume = "data", containerPath = "/data" }]
  }])

  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.this.id
      transit_encryption = "ENABLED"
    }
  }
}

# expect fail: aws-ecs-task-efs-transit-encryption
resource "aws_ecs_task_definition" "ecs_task_efs_transit_encryption" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = "example/app:1.2.3"
    essential              = true
    readonlyRootFilesystem = true
  }])

  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id = aws_efs_file_system.this.id
    }
  }
}

# expect fail: aws-ecs-task-no-host-pid
resource "aws_ecs_task_definition" "ecs_task_no_host_pid" {
  family                   = "agent"
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  pid_mode                 = "host"
  container_definitions = jsonencode([{
    name                   = "agent"
    image                  = "example/agent:1.2.3"
    essential              = true
    memory                 = 256
    readonlyRootFilesystem = true
  }])
}

# expect fail: aws-ecs-task-no-host-network
resource "aws_ecs_task_definition" "ecs_task_no_host_network" {
  family                   = "agent"
  requires_compatibilities = ["EC2"]
  network_mode             = "host"
  container_definitions = jsonencode([{
    name                   = "agent"
    image                  = "example/agent:1.2.3"
    essential              = true
    memory                 = 256
    readonlyRootFilesystem = true
  }])
}

# expect fail: aws-ecs-task-read-only-root
resource "aws_ecs_task_definition" "ecs_task_read_only_root" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    { name = "app", image = "example/app:1.2.3", essential = true, readonlyRootFilesystem = true },
    { name = "sidecar", image = "example/proxy:1.0.0", essential = false, readonlyRootFilesystem = false }
  ])
}

# expect fail: aws-ecs-task-env-no-access-keys
resource "aws_ecs_task_definition" "ecs_task_env_no_access_keys" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = "example/app:1.2.3"
    essential              = true
    readonlyRootFilesystem = true
    environment = [
      { name = "AWS_ACCESS_KEY_ID", value = "AKIAIOSFODNN7EXAMPLE" },
      { name = "AWS_SECRET_ACCESS_KEY", value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" }
    ]
  }])
}

# Well configured: every rule that applies to it passes.
resource "aws_ecs_cluster" "good" {
  name = "apps"

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }

  configuration {
    execute_command_configuration {
      kms_key_id = aws_kms_key.this.arn
      logging    = "OVERRIDE"
      log_configuration {
        cloud_watch_log_group_name = aws_cloudwatch_log_group.ecs_exec.name
      }
    }
  }
}

# expect fail: aws-ecs-cluster-container-insights
resource "aws_ecs_cluster" "ecs_cluster_container_insights" {
  name = "apps"
}

# expect fail: aws-ecs-cluster-container-insights
resource "aws_ecs_cluster" "insights_disabled" {
  name = "apps"

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

# expect fail: aws-ecs-cluster-exec-logging
resource "aws_ecs_cluster" "ecs_cluster_exec_logging" {
  name = "apps"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  configuration {
    execute_command_configuration {
      logging = "NONE"
    }
  }
}

# Well configured: every rule that applies to it passes.
resource "aws_ecs_service" "good" {
  name            = "app"
  cluster         = aws_ecs_cluster.good.id
  task_definition = aws_ecs_task_definition.good.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.good.id]
    assign_public_ip = false
  }
}

# expect fail: aws-ecs-service-no-public-ip
resource "aws_ecs_service" "ecs_service_no_public_ip" {
  name            = "app"
  cluster         = aws_ecs_cluster.good.id
  task_definition = aws_ecs_task_definition.good.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = aws_subnet.public[*].id
    security_groups  = [aws_security_group.good.id]
    assign_public_ip = true
  }
}
