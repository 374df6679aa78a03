# Well configured: every rule that applies to them passes.
resource "aws_ec2_instance_metadata_defaults" "good" {
  http_tokens                 = "required"
  http_put_response_hop_limit = 2
}

# expect fail: aws-ec2-instance-metadata-defaults-imdsv2
resource "aws_ec2_instance_metadata_defaults" "ec2_instance_metadata_defaults_imdsv2" {
  http_tokens = "optional"
}

resource "aws_ebs_snapshot_block_public_access" "good" {
  state = "block-all-sharing"
}

# expect fail: aws-ebs-snapshot-block-public-access
resource "aws_ebs_snapshot_block_public_access" "ebs_snapshot_block_public_access" {
  state = "unblocked"
}

resource "aws_ec2_image_block_public_access" "good" {
  state = "block-new-sharing"
}

# expect fail: aws-ami-block-public-access
resource "aws_ec2_image_block_public_access" "ami_block_public_access" {
  state = "unblocked"
}
