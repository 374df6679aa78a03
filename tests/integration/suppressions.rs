//! Inline suppressions with reasons and expiry, and baselines (tests run with a fixed clock:
//! `--today 2026-11-28`).

use crate::util::riveter;
use std::fs;
use std::path::Path;

const RULES: &str = "rules:\n  - id: kms-rotation\n    name: KMS keys must have rotation enabled\n    resource_type: aws_kms_key\n    assertions: [{key: enable_key_rotation, operator: equals, value: true}]\n  - id: kms-window\n    resource_type: aws_kms_key\n    assertions: [{key: deletion_window_in_days, operator: gte, value: 14}]\n";

/// Scans `main.tf` with the two KMS rules; returns (exit code, JSON report, stderr).
fn scan(dir: &Path, tf: &str, extra: &[&str]) -> (i32, serde_json::Value, String) {
    fs::write(dir.join("main.tf"), tf).unwrap();
    fs::write(dir.join("rules.yml"), RULES).unwrap();
    let mut args = vec![
        "scan",
        "-r",
        "rules.yml",
        "-f",
        "json",
        "--today",
        "2026-11-28",
    ];
    args.extend(extra);
    let out = riveter(dir, &args);
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (
        out.status.code().unwrap(),
        json,
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `address rule status` of every result.
fn statuses(json: &serde_json::Value) -> Vec<String> {
    json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r["resource"]["address"].as_str().unwrap_or("-"),
                r["rule_id"].as_str().unwrap(),
                r["status"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn every_comment_form_and_placement() {
    let dir = tempfile::tempdir().unwrap();
    let tf = r#"
# riveter:ignore kms-rotation reason="rotated by the HSM team"
resource "aws_kms_key" "above_block" {
  enable_key_rotation     = false
  deletion_window_in_days = 30
}

// riveter:ignore kms-rotation,kms-window
// a second comment line between the directive and the block
resource "aws_kms_key" "slashes_and_two_ids" {
  enable_key_rotation     = false
  deletion_window_in_days = 7
}

resource "aws_kms_key" "on_the_attribute_line" {
  enable_key_rotation     = false # riveter:ignore kms-rotation reason="legacy"
  deletion_window_in_days = 30
}

resource "aws_kms_key" "above_the_attribute" {
  /* riveter:ignore kms-rotation reason="legacy" */
  enable_key_rotation     = false
  deletion_window_in_days = 30
}

resource "aws_kms_key" "not_suppressed" {
  enable_key_rotation     = false
  deletion_window_in_days = 30
}
"#;
    let (code, json, stderr) = scan(dir.path(), tf, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        statuses(&json),
        [
            "aws_kms_key.above_block kms-rotation suppressed",
            "aws_kms_key.slashes_and_two_ids kms-rotation suppressed",
            "aws_kms_key.on_the_attribute_line kms-rotation suppressed",
            "aws_kms_key.above_the_attribute kms-rotation suppressed",
            "aws_kms_key.not_suppressed kms-rotation fail",
            "aws_kms_key.above_block kms-window pass",
            "aws_kms_key.slashes_and_two_ids kms-window suppressed",
            "aws_kms_key.on_the_attribute_line kms-window pass",
            "aws_kms_key.above_the_attribute kms-window pass",
            "aws_kms_key.not_suppressed kms-window pass",
        ]
    );
    let first = &json["results"][0]["suppression"];
    assert_eq!(first["kind"], "inline");
    assert_eq!(first["reason"], "rotated by the HSM team");
    assert_eq!(first["location"], "main.tf:2");
    assert_eq!(first["original_status"], "fail");
    assert_eq!(json["summary"]["suppressed"], 5);
    assert_eq!(stderr, "");
}

#[test]
fn expiry_is_checked_against_today() {
    let dir = tempfile::tempdir().unwrap();
    let tf = |date: &str| {
        format!(
            "# riveter:ignore kms-rotation reason=\"migrating\" expires={date}\nresource \"aws_kms_key\" \"k\" {{\n  enable_key_rotation     = false\n  deletion_window_in_days = 30\n}}\n"
        )
    };
    let (code, json, stderr) = scan(dir.path(), &tf("2026-11-28"), &[]);
    assert_eq!(
        (code, statuses(&json)[0].as_str()),
        (0, "aws_kms_key.k kms-rotation suppressed"),
        "{stderr}"
    );
    assert_eq!(json["results"][0]["suppression"]["expires"], "2026-11-28");
    let (code, json, stderr) = scan(dir.path(), &tf("2026-11-27"), &[]);
    assert_eq!(
        (code, statuses(&json)[0].as_str()),
        (1, "aws_kms_key.k kms-rotation fail")
    );
    assert_eq!(
        stderr,
        "warning: main.tf:1: the suppression of kms-rotation on aws_kms_key.k expired on 2026-11-27; its findings count again\n"
    );
}

#[test]
fn unused_and_malformed_suppressions_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let tf = "# riveter:ignore kms-rotation\nresource \"aws_kms_key\" \"passes\" {\n  enable_key_rotation     = true\n  deletion_window_in_days = 30\n}\n\n# riveter:ignore kms-rotaton\nresource \"aws_kms_key\" \"typo\" {\n  enable_key_rotation     = true\n  deletion_window_in_days = 30\n}\n\n# riveter:ignore kms-rotation expires=soon\nresource \"aws_kms_key\" \"bad_date\" {\n  enable_key_rotation     = false\n  deletion_window_in_days = 30\n}\n";
    let (code, _, stderr) = scan(dir.path(), tf, &[]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "warning: main.tf:13: riveter:ignore expires=\"soon\" is not a date (YYYY-MM-DD); it suppresses nothing",
            "warning: main.tf:1: riveter:ignore kms-rotation suppresses nothing (the rule does not fail there); remove it",
            "warning: main.tf:7: riveter:ignore kms-rotaton suppresses nothing (no rule with this id was evaluated); remove it",
        ]
    );
}

#[test]
fn require_reason_and_no_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    let tf = "# riveter:ignore kms-rotation\nresource \"aws_kms_key\" \"k\" {\n  enable_key_rotation     = false\n  deletion_window_in_days = 30\n}\n";
    assert_eq!(scan(dir.path(), tf, &[]).0, 0);
    let (code, _, stderr) = scan(dir.path(), tf, &["--require-reason"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "warning: main.tf:1: riveter:ignore needs reason=\"...\" (--require-reason); it suppresses nothing\n"
    );
    let (code, json, _) = scan(dir.path(), tf, &["--no-suppressions"]);
    assert_eq!((code, json["summary"]["suppressed"].as_u64()), (1, Some(0)));
}

#[test]
fn a_baseline_accepts_todays_failures_only() {
    let dir = tempfile::tempdir().unwrap();
    let tf = "resource \"aws_kms_key\" \"old\" {\n  enable_key_rotation     = false\n  deletion_window_in_days = 30\n}\n\nresource \"aws_kms_key\" \"fixed_later\" {\n  enable_key_rotation     = false\n  deletion_window_in_days = 30\n}\n";
    fs::write(dir.path().join("main.tf"), tf).unwrap();
    fs::write(dir.path().join("rules.yml"), RULES).unwrap();
    let out = riveter(
        dir.path(),
        &[
            "baseline",
            "create",
            "-r",
            "rules.yml",
            "-o",
            ".riveter-baseline.json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let baseline: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(dir.path().join(".riveter-baseline.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(baseline["entries"].as_array().unwrap().len(), 2);

    // Lines inserted above, one failure fixed, one new resource with the same mistake.
    let later = format!(
        "# a new header comment\n\nlocals {{\n  x = 1\n}}\n\n{}\n\nresource \"aws_kms_key\" \"new\" {{\n  enable_key_rotation     = false\n  deletion_window_in_days = 30\n}}\n",
        tf.replace(
            "resource \"aws_kms_key\" \"fixed_later\" {\n  enable_key_rotation     = false",
            "resource \"aws_kms_key\" \"fixed_later\" {\n  enable_key_rotation     = true"
        )
    );
    let (code, json, stderr) = scan(
        dir.path(),
        &later,
        &["--baseline", ".riveter-baseline.json"],
    );
    assert_eq!(code, 1, "only the new failure fails the gate");
    let rotation: Vec<String> = statuses(&json)
        .into_iter()
        .filter(|s| s.contains("kms-rotation"))
        .collect();
    assert_eq!(
        rotation,
        [
            "aws_kms_key.old kms-rotation suppressed",
            "aws_kms_key.fixed_later kms-rotation pass",
            "aws_kms_key.new kms-rotation fail"
        ]
    );
    assert_eq!(json["results"][0]["suppression"]["kind"], "baseline");
    assert!(
        stderr.contains("1 baseline entries match no failure any more (fixed)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("fixed: kms-rotation on aws_kms_key.fixed_later (main.tf)"),
        "{stderr}"
    );

    // A renamed resource is a different finding.
    let renamed = tf.replace("\"old\"", "\"renamed\"");
    let (code, json, _) = scan(
        dir.path(),
        &renamed,
        &["--baseline", ".riveter-baseline.json"],
    );
    assert_eq!(code, 1);
    assert!(statuses(&json).contains(&"aws_kms_key.renamed kms-rotation fail".to_string()));
}

#[test]
fn a_broken_baseline_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("b.json"), "{ not json").unwrap();
    let (code, _, stderr) = scan(dir.path(), "", &["--baseline", "b.json"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: b.json:1: not a riveter baseline"),
        "{stderr}"
    );
}
