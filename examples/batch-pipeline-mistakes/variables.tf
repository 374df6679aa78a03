variable "aws_region" {
  description = "AWS region to deploy the pipeline in"
  type        = string
  default     = "us-east-1"
}

variable "project_name" {
  description = "Prefix for every resource name"
  type        = string
  default     = "batch-pipeline"

  validation {
    condition     = can(regex("^[a-z0-9-]{3,32}$", var.project_name))
    error_message = "project_name must be 3-32 lower-case letters, digits or hyphens."
  }
}

variable "environment" {
  description = "Deployment environment"
  type        = string
  default     = "dev"
}

variable "log_level" {
  description = "Log level of the pipeline's Lambda functions"
  type        = string
  default     = "INFO"
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the pipeline's logs"
  type        = number
  default     = 365
}
