# Well configured: every rule that applies to it passes.
resource "aws_ebs_snapshot_block_public_access" "good" {
  state = "block-all-sharing"
}

# expect fail: aws-ebs-snapshot-block-public-access
resource "aws_ebs_snapshot_block_public_access" "ebs_snapshot_sharing_unblocked" {
  state = "unblocked"
}
