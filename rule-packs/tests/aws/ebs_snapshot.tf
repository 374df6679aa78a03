# Well configured: every rule that applies to it passes.
resource "aws_ebs_snapshot" "good" {
  volume_id = aws_ebs_volume.good.id
}

# expect fail: aws-ebs-snapshot-encrypted-volume
resource "aws_ebs_snapshot" "ebs_snapshot_of_unencrypted" {
  volume_id = aws_ebs_volume.ebs_encrypted.id
}
