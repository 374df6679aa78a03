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
    name       = "app"
    image      = "example/app:1.2.3"
    essential  = true
    privileged = true
  }])
}
