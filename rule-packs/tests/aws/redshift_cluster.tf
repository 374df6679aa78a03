# Well configured: every rule that applies to it passes.
resource "aws_redshift_cluster" "good" {
  cluster_identifier  = "dw"
  node_type           = "ra3.xlplus"
  encrypted           = true
  kms_key_id          = aws_kms_key.this.arn
  publicly_accessible = false
}

# expect fail: aws-redshift-encrypted
resource "aws_redshift_cluster" "redshift_encrypted" {
  cluster_identifier  = "dw"
  node_type           = "ra3.xlplus"
  publicly_accessible = false
}

# expect fail: aws-redshift-not-public
resource "aws_redshift_cluster" "redshift_not_public" {
  cluster_identifier  = "dw"
  node_type           = "ra3.xlplus"
  encrypted           = true
  kms_key_id          = aws_kms_key.this.arn
  publicly_accessible = true
}
