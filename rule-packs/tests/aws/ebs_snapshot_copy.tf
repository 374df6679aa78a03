# Well configured: every rule that applies to it passes.
resource "aws_ebs_snapshot_copy" "good" {
  source_snapshot_id = aws_ebs_snapshot.good.id
  source_region      = "eu-west-1"
  encrypted          = true
  kms_key_id         = aws_kms_key.this.arn
}

# expect fail: aws-ebs-snapshot-copy-encrypted
resource "aws_ebs_snapshot_copy" "ebs_snapshot_copy_unencrypted" {
  source_snapshot_id = aws_ebs_snapshot.good.id
  source_region      = "eu-west-1"
}
