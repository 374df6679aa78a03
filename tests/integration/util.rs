//! Helpers shared by the integration tests: the `riveter` binary as a user runs it, scans of
//! Terraform source and rules held in memory, through the same library calls the command line
//! makes, and `terraform` itself, run offline, for the tests that ask it.

use riveter::engine;
use riveter::findings::{Finding, Outcome, Report};
use riveter::rules::load_str;
use riveter::terraform::{Terraform, parse_source};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

/// Runs the release binary in `dir`.
pub fn riveter(dir: impl AsRef<Path>, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_riveter"))
        .args(args)
        .current_dir(dir.as_ref())
        .env_remove("NO_COLOR")
        // Report paths are relative to the repository root; here, the folder the command runs
        // in, whatever git or the CI around the test suite says.
        .env_remove("GITHUB_WORKSPACE")
        .env("CI_PROJECT_DIR", std::path::absolute(dir.as_ref()).unwrap())
        .output()
        .expect("the binary runs")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

pub fn scan(tf: &str, rules_yaml: &str) -> Report {
    let file: Arc<str> = "main.tf".into();
    let resources =
        parse_source(&file, tf).unwrap_or_else(|e| panic!("test Terraform does not parse: {e}"));
    let rules = load_str("rules.yml", rules_yaml)
        .unwrap_or_else(|e| panic!("test rules do not load: {e:?}"))
        .rules;
    engine::scan(
        rules,
        Terraform {
            resources,
            files: 1,
            ..Terraform::default()
        },
    )
}

/// The outcome of the only rule on each resource, as `address=outcome`.
pub fn outcomes(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f: &Finding| {
            let address = f.resource.as_ref().map_or("-", |r| r.address.as_str());
            format!("{address}={}", f.outcome.as_str())
        })
        .collect()
}

/// One rule with one assertion on `aws_thing` resources.
pub fn rule(key: &str, operator: &str, value: &str) -> String {
    format!(
        "rules:\n  - id: r\n    resource_type: aws_thing\n    assertions:\n      - key: '{key}'\n        operator: {operator}\n        value: {value}\n"
    )
}

/// The outcome of one assertion on one resource whose body is `body`.
pub fn outcome_of(body: &str, key: &str, operator: &str, value: &str) -> Outcome {
    let tf = format!("resource \"aws_thing\" \"x\" {{\n{body}\n}}\n");
    let report = scan(&tf, &rule(key, operator, value));
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    report.findings[0].outcome
}

/// Runs terraform in `dir`, with no CLI configuration and so no network.
pub fn terraform(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new("terraform")
        .args(args)
        .current_dir(dir)
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .env("TF_IN_AUTOMATION", "1")
        .env("CHECKPOINT_DISABLE", "1")
        .output()
        .expect("terraform runs");
    assert!(
        out.status.success(),
        "terraform {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Copies the folder `from`, with everything in it, to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
