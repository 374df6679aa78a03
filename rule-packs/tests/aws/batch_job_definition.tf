# Well configured: every rule that applies to it passes.
resource "aws_batch_job_definition" "good" {
  name = "etl"
  type = "container"
  container_properties = jsonencode({
    image      = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/etl:1.4.2"
    command    = ["run"]
    privileged = false
    resourceRequirements = [
      { type = "VCPU", value = "1" },
      { type = "MEMORY", value = "2048" },
    ]
  })
}

# expect fail: aws-batch-no-privileged
resource "aws_batch_job_definition" "batch_privileged" {
  name = "etl"
  type = "container"
  container_properties = jsonencode({
    image      = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/etl:1.4.2"
    command    = ["run"]
    privileged = true
    resourceRequirements = [
      { type = "VCPU", value = "1" },
      { type = "MEMORY", value = "2048" },
    ]
  })
}
