# Well configured: every rule that applies to it passes.
resource "aws_emr_block_public_access_configuration" "good" {
  block_public_security_group_rules = true

  permitted_public_security_group_rule_range {
    min_range = 22
    max_range = 22
  }
}

# expect fail: aws-emr-block-public-access
resource "aws_emr_block_public_access_configuration" "emr_public_access_allowed" {
  block_public_security_group_rules = false

  permitted_public_security_group_rule_range {
    min_range = 22
    max_range = 22
  }
}
