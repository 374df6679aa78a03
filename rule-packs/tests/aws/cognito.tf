# Well configured: every rule that applies to them passes.
resource "aws_cognito_user_pool" "good" {
  name              = "customers"
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }
}

# expect fail: aws-cognito-user-pool-mfa
resource "aws_cognito_user_pool" "cognito_user_pool_mfa" {
  name              = "customers"
  mfa_configuration = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_identity_pool" "good" {
  identity_pool_name               = "customers"
  allow_unauthenticated_identities = false

  cognito_identity_providers {
    client_id     = aws_cognito_user_pool_client.web.id
    provider_name = aws_cognito_user_pool.good.endpoint
  }
}

# expect fail: aws-cognito-identity-pool-no-unauthenticated
resource "aws_cognito_identity_pool" "cognito_identity_pool_no_unauthenticated" {
  identity_pool_name               = "customers"
  allow_unauthenticated_identities = true
}
