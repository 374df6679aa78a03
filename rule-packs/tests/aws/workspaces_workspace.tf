# Well configured: every rule that applies to it passes.
resource "aws_workspaces_workspace" "good" {
  directory_id                   = "d-1234567890"
  bundle_id                      = "wsb-0123456789"
  user_name                      = "analyst"
  root_volume_encryption_enabled = true
  user_volume_encryption_enabled = true
  volume_encryption_key          = aws_kms_key.this.arn
}

# expect fail: aws-workspaces-volumes-encrypted
resource "aws_workspaces_workspace" "workspaces_clear_root" {
  directory_id                   = "d-1234567890"
  bundle_id                      = "wsb-0123456789"
  user_name                      = "analyst"
  user_volume_encryption_enabled = true
  volume_encryption_key          = aws_kms_key.this.arn
}

# expect fail: aws-workspaces-volumes-encrypted
resource "aws_workspaces_workspace" "workspaces_clear_user" {
  directory_id                   = "d-1234567890"
  bundle_id                      = "wsb-0123456789"
  user_name                      = "analyst"
  root_volume_encryption_enabled = true
  volume_encryption_key          = aws_kms_key.this.arn
}
