//! riveter: a Terraform policy gate for CI.
//!
//! Files flow one way: `terraform` reads resources, `rules` loads rule sets, `engine` evaluates
//! one against the other into a `report::Report`, and `report` writes it in each format.

pub mod ci;
pub mod cli;
pub mod config;
pub mod engine;
pub mod gate;
pub mod report;
pub mod rule_test;
pub mod rules;
pub mod suppression;
pub mod terraform;
pub mod value;
