# Well configured: every rule that applies to it passes.

resource "aws_accessanalyzer_analyzer" "good" {
  analyzer_name = "organization"
  type          = "ORGANIZATION"
}

# expect fail: aws-accessanalyzer-organization
resource "aws_accessanalyzer_analyzer" "accessanalyzer_account" {
  analyzer_name = "organization"
  type          = "ACCOUNT"
}

# An unused-access analyzer is another kind: the check does not apply.
resource "aws_accessanalyzer_analyzer" "accessanalyzer_unused" {
  analyzer_name = "unused"
  type          = "ACCOUNT_UNUSED_ACCESS"
}
