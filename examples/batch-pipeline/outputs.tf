output "raw_data_bucket" {
  description = "Bucket that receives raw data under incoming/"
  value       = aws_s3_bucket.raw_data.bucket
}

output "processed_data_bucket" {
  description = "Bucket the ETL job writes to"
  value       = aws_s3_bucket.processed_data.bucket
}

output "etl_job_name" {
  value = aws_glue_job.etl_job.name
}

output "data_processor_function" {
  value = aws_lambda_function.data_processor.function_name
}

output "data_key_arn" {
  value = aws_kms_key.data_key.arn
}

output "dead_letter_queue_url" {
  description = "Queue that keeps the events the functions failed on"
  value       = aws_sqs_queue.lambda_dlq.url
}
