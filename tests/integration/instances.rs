//! Local modules judged as Terraform instantiates them (docs/evaluation.md, "Module
//! instances"): one instance per call and per key of a known `count` or `for_each`, each
//! evaluated with its call's arguments, addressed as Terraform addresses it, and every finding
//! saying where its value was set.

use crate::util::{riveter, stdout};
use serde_json::Value as J;
use std::fs;
use std::path::Path;

fn write(root: &Path, path: &str, text: &str) {
    let full = root.join(path);
    fs::create_dir_all(full.parent().unwrap()).unwrap();
    fs::write(full, text).unwrap();
}

const ROTATION: &str = "rules:\n  - id: kms-rotation\n    resource_type: aws_kms_key\n    assertions:\n      - key: enable_key_rotation\n        operator: equals\n        value: true\n";

const KMS_MODULE: &str = "variable \"rotate\" {\n  default = true\n}\n\nresource \"aws_kms_key\" \"k\" {\n  description         = \"k\"\n  enable_key_rotation = var.rotate\n}\n";

/// A tree with the rotation rule and the module in `modules/kms`, plus `files`.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yml", ROTATION);
    write(dir.path(), "modules/kms/main.tf", KMS_MODULE);
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    dir
}

/// The JSON report's results on resources, as (address, status, message).
fn results(dir: &Path, args: &[&str]) -> Vec<(String, String, String)> {
    let mut full = vec!["scan", "-r", "rules.yml", "-f", "json"];
    full.extend_from_slice(args);
    let out = riveter(dir, &full);
    let json: J = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    json["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["resource"].is_object())
        .map(|r| {
            (
                r["resource"]["address"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
                r["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn find<'a>(
    results: &'a [(String, String, String)],
    address: &str,
) -> &'a (String, String, String) {
    results
        .iter()
        .find(|(a, _, _)| a == address)
        .unwrap_or_else(|| panic!("no {address} in {results:#?}"))
}

#[test]
fn two_calls_with_different_arguments_are_two_instances_with_two_answers() {
    let dir = tree(&[(
        "app/main.tf",
        "module \"weak\" {\n  source = \"../modules/kms\"\n  rotate = false\n}\n\nmodule \"strong\" {\n  source = \"../modules/kms\"\n  rotate = true\n}\n",
    )]);
    let results = results(dir.path(), &[]);
    assert_eq!(results.len(), 2, "{results:#?}");
    let (_, status, message) = find(&results, "module.weak.aws_kms_key.k");
    assert_eq!(status, "fail");
    assert_eq!(
        message,
        "enable_key_rotation: expected to equal true, found false, from var.rotate, set by module.weak at app/main.tf:3"
    );
    let (_, status, _) = find(&results, "module.strong.aws_kms_key.k");
    assert_eq!(status, "pass");
}

#[test]
fn calls_that_all_fail_with_different_values_all_fail() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules.yml",
        "rules:\n  - id: retention\n    resource_type: aws_cloudwatch_log_group\n    assertions:\n      - key: retention_in_days\n        operator: gte\n        value: 365\n",
    );
    write(
        dir.path(),
        "modules/logs/main.tf",
        "variable \"days\" {\n  default = 400\n}\n\nresource \"aws_cloudwatch_log_group\" \"g\" {\n  retention_in_days = var.days\n}\n",
    );
    write(
        dir.path(),
        "app/main.tf",
        "module \"week\" {\n  source = \"../modules/logs\"\n  days   = 7\n}\n\nmodule \"month\" {\n  source = \"../modules/logs\"\n  days   = 30\n}\n",
    );
    let results = results(dir.path(), &[]);
    let week = find(&results, "module.week.aws_cloudwatch_log_group.g");
    let month = find(&results, "module.month.aws_cloudwatch_log_group.g");
    assert_eq!((week.1.as_str(), month.1.as_str()), ("fail", "fail"));
    assert!(
        week.2
            .contains("found 7, from var.days, set by module.week at app/main.tf:3"),
        "{}",
        week.2
    );
    assert!(
        month
            .2
            .contains("found 30, from var.days, set by module.month at app/main.tf:8"),
        "{}",
        month.2
    );
    // The module's own default (400) is judged nowhere: every instance has its caller's value.
    assert_eq!(results.len(), 2, "{results:#?}");
}

#[test]
fn nested_calls_are_instances_of_instances_and_name_every_hop() {
    let dir = tree(&[
        (
            "modules/outer/main.tf",
            "variable \"rotate\" {}\n\nmodule \"key\" {\n  source = \"../kms\"\n  rotate = var.rotate\n}\n",
        ),
        (
            "app/main.tf",
            "module \"a\" {\n  source = \"../modules/outer\"\n  rotate = false\n}\n\nmodule \"b\" {\n  source = \"../modules/outer\"\n  rotate = true\n}\n",
        ),
    ]);
    let results = results(dir.path(), &[]);
    assert_eq!(results.len(), 2, "{results:#?}");
    let (_, status, message) = find(&results, "module.a.module.key.aws_kms_key.k");
    assert_eq!(status, "fail");
    assert_eq!(
        message,
        "enable_key_rotation: expected to equal true, found false, from var.rotate, set by module.key at modules/outer/main.tf:5, from var.rotate set by module.a at app/main.tf:3"
    );
    assert_eq!(
        find(&results, "module.b.module.key.aws_kms_key.k").1,
        "pass"
    );
}

#[test]
fn a_call_with_for_each_over_a_known_map_makes_an_instance_per_key() {
    let dir = tree(&[(
        "app/main.tf",
        "module \"region\" {\n  source   = \"../modules/kms\"\n  for_each = { eu = true, us = false }\n  rotate   = each.value\n}\n\nmodule \"counted\" {\n  source = \"../modules/kms\"\n  count  = 2\n  rotate = count.index == 0\n}\n",
    )]);
    let results = results(dir.path(), &[]);
    let addresses: Vec<(&str, &str)> = results
        .iter()
        .map(|(a, s, _)| (a.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        addresses,
        [
            ("module.region[\"eu\"].aws_kms_key.k", "pass"),
            ("module.region[\"us\"].aws_kms_key.k", "fail"),
            ("module.counted[0].aws_kms_key.k", "pass"),
            ("module.counted[1].aws_kms_key.k", "fail"),
        ]
    );
}

#[test]
fn a_call_whose_count_cannot_be_known_makes_an_instance_whose_verdicts_are_unknown() {
    let dir = tree(&[(
        "app/main.tf",
        "variable \"enabled\" {}\n\nmodule \"maybe\" {\n  source = \"../modules/kms\"\n  count  = var.enabled ? 1 : 0\n  rotate = false\n}\n",
    )]);
    let results = results(dir.path(), &[]);
    let (address, status, message) = &results[0];
    assert_eq!(results.len(), 1, "{results:#?}");
    assert_eq!(address, "module.maybe.aws_kms_key.k");
    assert_eq!(status, "unknown");
    assert!(
        message.starts_with("module.maybe may make no instance or several: its count depends on var.enabled, which has no value; would fail if it exists: enable_key_rotation: expected to equal true, found false"),
        "{message}"
    );
    // Unknown is not a failure unless asked.
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = riveter(
        dir.path(),
        &["scan", "-r", "rules.yml", "--unknown", "fail"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
}

#[test]
fn a_call_that_makes_no_instance_leaves_the_module_unjudged_and_says_why() {
    let dir = tree(&[(
        "app/main.tf",
        "module \"off\" {\n  source = \"../modules/kms\"\n  count  = 0\n  rotate = false\n}\n",
    )]);
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml", "-f", "json"]);
    let json: J = serde_json::from_slice(&out.stdout).unwrap();
    let only = &json["results"][0];
    assert_eq!(only["status"], "skipped");
    assert_eq!(
        only["message"],
        "no aws_kms_key resource in the scanned files; aws_kms_key.k (modules/kms/main.tf:5) has no instance: its module is called by module.off at app/main.tf:1, which makes no instance of it"
    );
}

#[test]
fn a_folder_nothing_scanned_calls_is_a_root_module_with_its_defaults() {
    let dir = tree(&[(
        "app/main.tf",
        "module \"weak\" {\n  source = \"../modules/kms\"\n  rotate = false\n}\n",
    )]);
    // Scanned alone, the module has no caller: its default decides, and says so.
    let results = results(dir.path(), &["-t", "modules/kms"]);
    assert_eq!(results.len(), 1, "{results:#?}");
    assert_eq!(results[0].0, "aws_kms_key.k");
    assert_eq!(results[0].1, "pass");
}

#[test]
fn a_block_whose_count_is_zero_is_named_in_the_skipped_reason() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules.yml",
        "rules:\n  - id: no-open-firewall\n    resource_type: google_compute_firewall\n    assertions:\n      - key: source_ranges\n        operator: not_contains\n        value: 0.0.0.0/0\n",
    );
    write(
        dir.path(),
        "main.tf",
        "variable \"enabled\" {\n  default = false\n}\n\nresource \"google_compute_firewall\" \"open\" {\n  count         = var.enabled ? 1 : 0\n  source_ranges = [\"0.0.0.0/0\"]\n}\n",
    );
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml", "-f", "json"]);
    let json: J = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["results"][0]["message"],
        "no google_compute_firewall resource in the scanned files; google_compute_firewall.open (main.tf:5) has no instance: its count (var.enabled ? 1 : 0) is 0 with the default inputs"
    );
    // Given a value that creates it, it is judged.
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-r",
            "rules.yml",
            "-f",
            "json",
            "--var",
            "enabled=true",
        ],
    );
    let json: J = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["results"][0]["status"], "fail");
}

#[test]
fn instances_that_fail_the_same_way_are_one_entry_listing_the_calls() {
    let dir = tree(&[(
        "app/main.tf",
        "module \"a\" {\n  source = \"../modules/kms\"\n  rotate = false\n}\n\nmodule \"b\" {\n  source = \"../modules/kms\"\n  rotate = false\n}\n\nmodule \"c\" {\n  source = \"../modules/kms\"\n  rotate = false\n}\n",
    )]);
    // Every instance is a result of the JSON report, which machines read.
    assert_eq!(results(dir.path(), &[]).len(), 3);
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml", "--color", "never"]);
    let table = stdout(&out);
    assert_eq!(table.matches("✗").count(), 1, "{table}");
    assert!(
        table.contains("✗ aws_kms_key.k in 3 module instances  modules/kms/main.tf:7"),
        "{table}"
    );
    assert!(
        table.contains("enable_key_rotation: expected to equal true, found false\n"),
        "{table}"
    );
    for (call, line) in [("a", 3), ("b", 8), ("c", 13)] {
        assert!(
            table.contains(&format!(
                "· module.{call} (var.rotate, set by module.{call} at app/main.tf:{line})"
            )),
            "{table}"
        );
    }
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml", "-f", "github"]);
    let annotations = stdout(&out);
    assert_eq!(annotations.lines().count(), 1, "{annotations}");
    assert!(
        annotations.contains("aws_kms_key.k in 3 module instances"),
        "{annotations}"
    );
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml", "-f", "sarif"]);
    let sarif: J = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{results:#?}");
    let related: Vec<String> = results[0]["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let physical = &l["physicalLocation"];
            format!(
                "{}:{} {}",
                physical["artifactLocation"]["uri"].as_str().unwrap(),
                physical["region"]["startLine"],
                l["message"]["text"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        related,
        [
            "app/main.tf:3 var.rotate: set by module.a",
            "app/main.tf:1 module.a is called here",
            "app/main.tf:8 var.rotate: set by module.b",
            "app/main.tf:6 module.b is called here",
            "app/main.tf:13 var.rotate: set by module.c",
            "app/main.tf:11 module.c is called here",
        ]
    );
}

#[test]
fn a_variable_default_and_a_tfvars_entry_are_named_where_a_value_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yml", ROTATION);
    write(
        dir.path(),
        "app/main.tf",
        "resource \"aws_kms_key\" \"by_default\" {\n  enable_key_rotation = var.by_default\n}\n\nresource \"aws_kms_key\" \"by_tfvars\" {\n  enable_key_rotation = local.rotate\n}\n\nlocals {\n  rotate = var.by_tfvars\n}\n",
    );
    write(
        dir.path(),
        "app/variables.tf",
        "variable \"by_default\" {\n  default = false\n}\n\nvariable \"by_tfvars\" {}\n",
    );
    write(dir.path(), "app/terraform.tfvars", "\nby_tfvars = false\n");
    let results = results(dir.path(), &[]);
    assert_eq!(
        find(&results, "aws_kms_key.by_default").2,
        "enable_key_rotation: expected to equal true, found false, from var.by_default, the default at app/variables.tf:2"
    );
    assert_eq!(
        find(&results, "aws_kms_key.by_tfvars").2,
        "enable_key_rotation: expected to equal true, found false, from var.by_tfvars (through local.rotate), set at app/terraform.tfvars:2"
    );
    // The table says the same, and SARIF points there.
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml", "--color", "never"]);
    assert!(
        stdout(&out)
            .contains("found false, from var.by_default, the default at app/variables.tf:2"),
        "{}",
        stdout(&out)
    );
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml", "-f", "sarif"]);
    let sarif: J = serde_json::from_slice(&out.stdout).unwrap();
    let places: Vec<String> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["relatedLocations"].as_array().unwrap().clone())
        .map(|l| {
            let physical = &l["physicalLocation"];
            format!(
                "{}:{}",
                physical["artifactLocation"]["uri"].as_str().unwrap(),
                physical["region"]["startLine"]
            )
        })
        .collect();
    assert_eq!(places, ["app/variables.tf:2", "app/terraform.tfvars:2"]);
    // A --var-file names its file and line.
    write(dir.path(), "prod.tfvars", "by_tfvars = false\n");
    let results = self::results(dir.path(), &["--var-file", "prod.tfvars"]);
    assert!(
        find(&results, "aws_kms_key.by_tfvars")
            .2
            .ends_with("set at prod.tfvars:1"),
        "{results:#?}"
    );
}

#[test]
fn a_suppression_comment_in_a_module_covers_every_instance() {
    let dir = tree(&[(
        "app/main.tf",
        "module \"a\" {\n  source = \"../modules/kms\"\n  rotate = false\n}\n\nmodule \"b\" {\n  source = \"../modules/kms\"\n  rotate = false\n}\n",
    )]);
    write(
        dir.path(),
        "modules/kms/main.tf",
        &KMS_MODULE.replace(
            "resource",
            "# riveter:ignore kms-rotation reason=\"rotated by hand\"\nresource",
        ),
    );
    let results = results(dir.path(), &[]);
    let statuses: Vec<&str> = results.iter().map(|(_, s, _)| s.as_str()).collect();
    assert_eq!(statuses, ["suppressed", "suppressed"], "{results:#?}");
}

#[test]
fn the_json_report_gives_the_instance_and_where_its_value_was_set() {
    let dir = tree(&[(
        "app/main.tf",
        "module \"weak\" {\n  source = \"../modules/kms\"\n  rotate = false\n}\n",
    )]);
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml", "-f", "json"]);
    let json: J = serde_json::from_slice(&out.stdout).unwrap();
    let result = &json["results"][0];
    assert_eq!(
        result["resource"]["module_instance"],
        serde_json::json!({
            "address": "module.weak",
            "calls": [{ "address": "module.weak", "file": "app/main.tf", "line": 1 }],
            "may_not_exist": null
        })
    );
    assert_eq!(
        result["assertions"][0]["value_from"],
        serde_json::json!({
            "reference": "var.rotate",
            "origins": [{ "set": "set by module.weak", "file": "app/main.tf", "line": 3 }]
        })
    );
}

#[test]
fn a_call_whose_source_is_a_link_makes_an_instance_of_the_folder_it_leads_to() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("mods/v1")).unwrap();
    std::fs::write(
        d.join("mods/v1/main.tf"),
        "variable \"rotate\" {\n  default = true\n}\n\nresource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = var.rotate\n}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("mods/v1", d.join("live")).unwrap();
    std::fs::write(
        d.join("main.tf"),
        "module \"m\" {\n  source = \"./live\"\n  rotate = false\n}\n",
    )
    .unwrap();
    std::fs::write(
        d.join("rules.yml"),
        "rules:\n  - id: rot\n    resource_type: aws_kms_key\n    assertions: [{key: enable_key_rotation, operator: equals, value: true}]\n",
    )
    .unwrap();
    let out = crate::util::riveter(d, &["scan", "-r", "rules.yml", "--color", "never"]);
    let table = crate::util::stdout(&out);
    // Judged as Terraform applies it: the call's argument, not the folder's default.
    assert_eq!(out.status.code(), Some(1), "{table}");
    assert!(
        table.contains("✗ module.m.aws_kms_key.k  mods/v1/main.tf:6"),
        "{table}"
    );
}
