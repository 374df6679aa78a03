//! The differential test's inputs and its oracle, Terraform.

pub mod inputs;
pub mod oracle;
