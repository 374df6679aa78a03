variable "aws_region" {
  description = "AWS region to deploy the pipeline in"
  type        = string
  default     = "us-east-1"
}

variable "aws_account_id" {
  description = "Account the pipeline is deployed to (the dev account by default); the provider refuses to work in any other"
  type        = string
  default     = "111122223333"
  nullable    = false

  validation {
    condition     = can(regex("^[0-9]{12}$", var.aws_account_id))
    error_message = "aws_account_id must be a 12-digit AWS account ID."
  }
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

variable "vpc_id" {
  description = "VPC whose private subnets the pipeline's Lambda functions run in"
  type        = string
  nullable    = false
}

variable "private_subnet_ids" {
  description = "Private subnets for the Lambda functions; they reach AWS APIs through the VPC's endpoints or a NAT gateway"
  type        = list(string)
  nullable    = false
}

variable "access_log_bucket" {
  description = "The account's bucket for S3 server access logs (SSE-S3 encrypted, as access log delivery requires)"
  type        = string
  nullable    = false
}
