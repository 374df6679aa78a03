# Well configured: every rule that applies to them passes.
resource "aws_ssm_document" "good" {
  name          = "restart-app"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    mainSteps = [{
      action = "aws:runShellScript"
      name   = "restart"
      inputs = { runCommand = ["systemctl restart app"] }
    }]
  })

  permissions = {
    type        = "Share"
    account_ids = "111122223333"
  }
}

# expect fail: aws-ssm-document-not-public
resource "aws_ssm_document" "ssm_document_not_public" {
  name          = "restart-app"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    mainSteps = [{
      action = "aws:runShellScript"
      name   = "restart"
      inputs = { runCommand = ["systemctl restart app"] }
    }]
  })

  permissions = {
    type        = "Share"
    account_ids = "All"
  }
}

resource "aws_ssm_patch_baseline" "good" {
  name                              = "linux"
  operating_system                  = "AMAZON_LINUX_2023"
  approved_patches_compliance_level = "CRITICAL"

  approval_rule {
    approve_after_days = 7
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
  }
}

# expect fail: aws-ssm-patch-baseline-compliance
resource "aws_ssm_patch_baseline" "ssm_patch_baseline_compliance" {
  name             = "linux"
  operating_system = "AMAZON_LINUX_2023"

  approval_rule {
    approve_after_days = 7
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
  }
}
