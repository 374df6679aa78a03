//! The integration tests, as one test binary: CI compiles and links the suite once. Each module
//! is an area of riveter; `util` holds the helpers they share.

mod agreement;
mod architecture;
mod catalog;
mod change_precision;
mod change_scope;
mod cli;
mod confinement;
mod evaluation;
mod for_newlines;
mod functions;
mod github_action;
mod github_hostile;
mod github_stand_in;
mod hostile;
mod hostile_input;
mod image;
mod instances;
mod maybe_absent;
mod messages;
mod numbers;
mod operators;
mod outcomes;
mod packs;
mod parallel;
mod parsing;
mod plan_agreement;
mod plans;
mod relations;
mod reports;
mod rule_loading;
mod scope_soundness;
mod suppressions;
mod terraform_agreement;
mod terraform_json_syntax;
mod util;
