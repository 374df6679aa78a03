//! riveter: a Terraform policy gate for CI.
//!
//! Data flows one way (docs/architecture.md): flags or the Action's inputs are resolved into
//! `scan::Options` and `output::Options`; `scan::run` loads the `rules`, reads the `terraform`,
//! lets the `engine` judge one against the other into a `findings::Report` and marks what
//! `suppression` accepts; `gate` gives the verdict and `output` writes each `report` format.

pub mod changes;
pub mod ci;
pub mod cli;
pub mod config;
pub mod date;
pub mod engine;
pub mod escape;
pub mod findings;
pub mod gate;
pub mod output;
pub mod report;
pub mod rule_test;
pub mod rules;
pub mod scan;
pub mod suppression;
pub mod terraform;
pub mod value;
