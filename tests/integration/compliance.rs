//! `--compliance FRAMEWORK`: every control of the framework with its status after the scan, in
//! the table, the JSON (against its schema), the Markdown and the HTML reports.

use crate::util::{riveter, stderr, stdout};
use serde_json::Value;
use std::fs;

/// A key that does not rotate (CIS AWS 3.8 fails), an encrypted volume (2.2.1 passes) and a
/// trail whose key is a variable with no value (3.7 cannot be decided).
const ACCOUNT: &str = r#"resource "aws_kms_key" "static" {
  enable_key_rotation = false
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234"
}

variable "trail_key" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "trail-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = var.trail_key
}
"#;

fn controls(json: &Value) -> Vec<Value> {
    json["compliance"]["controls"].as_array().unwrap().clone()
}

fn control<'a>(controls: &'a [Value], id: &str) -> &'a Value {
    controls.iter().find(|c| c["id"] == id).unwrap()
}

#[test]
fn every_control_of_the_framework_gets_its_status_in_every_report() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), ACCOUNT).unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-p",
            "cis-aws",
            "-t",
            "main.tf",
            "--compliance",
            "cis-aws-2.0",
            "--json",
            "r.json",
            "--markdown",
            "r.md",
            "--html",
            "r.html",
        ],
    );
    let table = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{table}{}", stderr(&out));

    let json: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    let schema: Value =
        serde_json::from_str(&fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    // Every control of the framework's list, in its order.
    let list: serde_json::Value = serde_saphyr::from_str(
        &fs::read_to_string("rule-packs/frameworks/cis-aws-2.0.yml").unwrap(),
    )
    .unwrap();
    let listed: Vec<&str> = list["controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let controls = controls(&json);
    let ids: Vec<&str> = controls.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, listed);

    let rotation = control(&controls, "3.8");
    assert_eq!(rotation["status"], "fail", "{rotation}");
    assert_eq!(rotation["findings"][0]["address"], "aws_kms_key.static");
    assert_eq!(rotation["findings"][0]["rule_id"], "aws-kms-rotation");
    let volumes = control(&controls, "2.2.1");
    assert_eq!(volumes["status"], "pass", "{volumes}");
    assert!(
        volumes["resources_judged"].as_u64().unwrap() >= 1,
        "{volumes}"
    );
    let trail_key = control(&controls, "3.7");
    assert_eq!(trail_key["status"], "unknown", "{trail_key}");
    assert_eq!(trail_key["findings"][0]["status"], "unknown");
    // A control the pack maps to no check is not covered; one whose checks found nothing to
    // judge passes, and says so.
    assert_eq!(control(&controls, "1.1")["status"], "not covered");
    let root_keys = control(&controls, "1.4");
    assert_eq!(root_keys["status"], "pass", "{root_keys}");
    assert_eq!(root_keys["resources_judged"], 0, "{root_keys}");
    let summary = &json["compliance"]["summary"];
    let total: u64 = ["pass", "fail", "unknown", "not_covered"]
        .iter()
        .map(|k| summary[k].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, listed.len(), "{summary}");

    let headline = format!(
        "Compliance with CIS Amazon Web Services Foundations Benchmark v2.0.0: {} pass, {} fail, {} unknown, {} not covered",
        summary["pass"], summary["fail"], summary["unknown"], summary["not_covered"]
    );
    assert!(table.contains(&headline), "{table}");
    assert!(
        table.contains("  fail         3.8  ")
            && table.contains("✗ aws_kms_key.static  main.tf:2  aws-kms-rotation"),
        "{table}"
    );
    assert!(
        table.contains("(its checks found no resource to judge)"),
        "{table}"
    );

    let markdown = fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert!(
        markdown.contains("| `3.8` | ")
            && markdown.contains("| fail | `aws_kms_key.static main.tf:2 aws-kms-rotation` |"),
        "{markdown}"
    );
    let html = fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert_eq!(
        html.matches("<tr class=\"control-").count(),
        listed.len(),
        "{html}"
    );
    assert!(
        html.contains("<tr class=\"control-fail\"><td><code>3.8</code>"),
        "{html}"
    );
}

#[test]
fn a_framework_riveter_has_no_list_of_is_refused_with_the_ones_it_has() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), ACCOUNT).unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-p",
            "cis-aws",
            "-t",
            "main.tf",
            "--compliance",
            "iso-27001",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(
            "--compliance iso-27001: riveter has no list of this framework's controls (it has "
        ) && err.contains("cis-aws-2.0"),
        "{err}"
    );
}

/// A pull request's gate shows what its change can alter; a framework's status is the whole
/// tree's, so it is in the report files, never computed from the change's part alone.
#[test]
fn a_pull_requests_scope_leaves_the_status_to_the_report_files() {
    use crate::github_stand_in::{commit_all, git_repository, write_file};
    let repo = git_repository();
    let dir = repo.path();
    write_file(
        dir,
        "keys.tf",
        "resource \"aws_kms_key\" \"old\" {\n  enable_key_rotation = false\n}\n",
    );
    commit_all(dir, "an old key");
    write_file(
        dir,
        "new.tf",
        "resource \"aws_kms_key\" \"new\" {\n  enable_key_rotation = true\n}\n",
    );
    commit_all(dir, "a new key");
    let out = riveter(
        dir,
        &[
            "scan",
            "-p",
            "cis-aws",
            "-t",
            ".",
            "--compliance",
            "cis-aws-2.0",
            "--changed-since",
            "HEAD~1",
            "--json",
            "r.json",
        ],
    );
    let table = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{table}{}", stderr(&out));
    assert!(!table.contains("Compliance with"), "{table}");
    let json: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("r.json")).unwrap()).unwrap();
    let controls = controls(&json);
    assert_eq!(control(&controls, "3.8")["status"], "fail");
}
