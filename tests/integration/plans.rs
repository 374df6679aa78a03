//! Plans and states (`scan --plan`, `scan-state`): Terraform's own JSON, judged with exact
//! values and placed on the source's lines. The terraform_data fixtures were recorded by
//! Terraform 1.11 (`scripts/record-plan-fixtures`); the live test records them again where
//! terraform is installed and checks that riveter judges the fresh plan and state the same.

use crate::util::{copy_tree, riveter, stderr, stdout, terraform};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plans")
        .join(name)
}

/// Each result of the JSON report as `rule address status file:line`, in report order.
fn results(out: &Output) -> Vec<String> {
    let report: Value = serde_json::from_str(&stdout(out))
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(out), stderr(out)));
    report["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] != "skipped")
        .map(|r| {
            let resource = &r["resource"];
            format!(
                "{} {} {} {}:{}",
                r["rule_id"].as_str().unwrap(),
                resource["address"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
                resource["file"].as_str().unwrap(),
                resource["line"]
            )
        })
        .collect()
}

fn scan_terraform_data(dir: &Path, input: &[&str]) -> Output {
    let mut args = vec!["-r", "../rules.yml", "-f", "json"];
    args.extend(input);
    riveter(dir, &[&["scan"][..], &args].concat())
}

fn scan_state(dir: &Path, state: &str) -> Output {
    riveter(
        dir,
        &[
            "scan-state",
            "-r",
            "../rules.yml",
            "-f",
            "json",
            "-s",
            state,
        ],
    )
}

/// What the recorded plan of tests/fixtures/plans/terraform-data must give: every instance of
/// `count`, `for_each` and the local module with its own address and the line of its block,
/// values known after apply unknown, the data source Terraform read while planning judged, and
/// the suppression comment above `terraform_data.site` applied to its instances.
const PLANNED: &[&str] = &[
    r#"versioned module.data.terraform_data.raw["eu"] pass modules/data/main.tf:5"#,
    r#"versioned module.data.terraform_data.raw["us"] fail modules/data/main.tf:5"#,
    "private terraform_data.site[0] pass main.tf:15",
    "private terraform_data.site[1] suppressed main.tf:15",
    "owned terraform_data.later unknown main.tf:23",
    "kms terraform_data.bucket pass main.tf:6",
    r#"archived module.data.terraform_data.raw["eu"] pass modules/data/main.tf:5"#,
    r#"archived module.data.terraform_data.raw["us"] pass modules/data/main.tf:5"#,
    "network module.data.data.terraform_remote_state.network pass modules/data/main.tf:14",
];

/// The state after apply: the owner id is known (and fails the pattern); data sources are not
/// in what a state scan judges.
const APPLIED: &[&str] = &[
    r#"versioned module.data.terraform_data.raw["eu"] pass modules/data/main.tf:5"#,
    r#"versioned module.data.terraform_data.raw["us"] fail modules/data/main.tf:5"#,
    "private terraform_data.site[0] pass main.tf:15",
    "private terraform_data.site[1] suppressed main.tf:15",
    "owned terraform_data.later fail main.tf:23",
    "kms terraform_data.bucket pass main.tf:6",
    r#"archived module.data.terraform_data.raw["eu"] pass modules/data/main.tf:5"#,
    r#"archived module.data.terraform_data.raw["us"] pass modules/data/main.tf:5"#,
];

#[test]
fn a_recorded_plan_is_judged_instance_by_instance_on_its_source_lines() {
    let dir = fixture("terraform-data").join("config");
    let out = scan_terraform_data(&dir, &["--plan", "../plan.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(results(&out), PLANNED);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let unknown = report["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["status"] == "unknown")
        .unwrap();
    assert_eq!(
        unknown["message"],
        "input.owner_id depends on terraform_data.later.input.owner_id, which is known after \
         apply (expected to match /^owner-/)"
    );
    // The assertion points at the attribute inside the block, as a source scan does.
    assert_eq!(unknown["assertions"][0]["line"], 25);
    assert!(
        !stderr(&out).contains("suppresses nothing"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_state_file_and_its_json_give_the_applied_values() {
    let dir = fixture("terraform-data").join("config");
    for state in ["../terraform.tfstate", "../state.json"] {
        let out = scan_state(&dir, state);
        assert_eq!(out.status.code(), Some(1), "{state}: {}", stderr(&out));
        assert_eq!(results(&out), APPLIED, "{state}");
    }
}

#[test]
fn plans_and_states_are_read_from_standard_input() {
    let dir = fixture("terraform-data").join("config");
    let run = |args: &[&str], input: &Path| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_riveter"))
            .args(args)
            .current_dir(&dir)
            .env_remove("GITHUB_WORKSPACE")
            .env("CI_PROJECT_DIR", &dir)
            .stdin(Stdio::from(std::fs::File::open(input).unwrap()))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take();
        child.wait_with_output().unwrap()
    };
    let planned = run(
        &["scan", "-r", "../rules.yml", "-f", "json", "--plan", "-"],
        &fixture("terraform-data").join("plan.json"),
    );
    assert_eq!(results(&planned), PLANNED, "{}", stderr(&planned));
    let applied = run(
        &["scan-state", "-r", "../rules.yml", "-f", "json", "-s", "-"],
        &fixture("terraform-data").join("terraform.tfstate"),
    );
    assert_eq!(results(&applied), APPLIED, "{}", stderr(&applied));
}

#[test]
fn pack_rules_unknown_on_the_source_are_decided_on_the_plan() {
    let dir = fixture("aws").join("config");
    let source = riveter(&dir, &["scan", "-p", "aws-security", "-f", "json"]);
    let planned = riveter(
        &dir,
        &[
            "scan",
            "-p",
            "aws-security",
            "-f",
            "json",
            "--plan",
            "../plan.json",
            "--sarif",
            "plan.sarif",
        ],
    );
    let sarif = std::fs::read_to_string(dir.join("plan.sarif"));
    let _ = std::fs::remove_file(dir.join("plan.sarif"));
    let of = |out: &Output, rule: &str| -> Vec<String> {
        results(out)
            .into_iter()
            .filter(|r| r.starts_with(&format!("{rule} ")))
            .collect()
    };
    assert_eq!(
        of(&source, "aws-s3-versioning"),
        ["aws-s3-versioning aws_s3_bucket_versioning.logs unknown main.tf:18"]
    );
    assert_eq!(
        of(&planned, "aws-s3-versioning"),
        ["aws-s3-versioning aws_s3_bucket_versioning.logs pass main.tf:18"]
    );
    assert_eq!(
        of(&source, "aws-s3-acl-not-public"),
        ["aws-s3-acl-not-public aws_s3_bucket_acl.logs unknown main.tf:25"]
    );
    assert_eq!(
        of(&planned, "aws-s3-acl-not-public"),
        ["aws-s3-acl-not-public aws_s3_bucket_acl.logs fail main.tf:25"]
    );
    assert_eq!(
        of(&source, "aws-kms-rotation"),
        ["aws-kms-rotation aws_kms_key.data unknown main.tf:30"]
    );
    // The key the plan deletes is not judged: only the planned one is.
    assert_eq!(
        of(&planned, "aws-kms-rotation"),
        ["aws-kms-rotation aws_kms_key.data pass main.tf:30"]
    );
    // The registry module is not on disk: its security group is judged on the plan and
    // points at the module call.
    assert_eq!(
        of(&planned, "aws-sg-no-ssh-from-internet"),
        ["aws-sg-no-ssh-from-internet module.vpc.aws_security_group.this[0] fail main.tf:36"]
    );
    assert!(of(&source, "aws-sg-no-ssh-from-internet").is_empty());
    assert!(
        stderr(&planned).contains(
            "../plan.json: 1 resource(s) have no block in the source read (modules not on disk: \
             terraform-aws-modules/vpc/aws)"
        ),
        "{}",
        stderr(&planned)
    );
    assert!(stderr(&planned).contains("module.vpc.aws_security_group.this[0]"));
    let sarif: Value = serde_json::from_str(&sarif.unwrap()).unwrap();
    let lines: Vec<(String, u64)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap().to_string(),
                location["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        lines.contains(&("aws-sg-no-ssh-from-internet".into(), 36)),
        "{lines:?}"
    );
    // The finding itself names the address and the plan it comes from, in every report.
    let message = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "aws-sg-no-ssh-from-internet")
        .map(|r| r["message"]["text"].as_str().unwrap().to_string())
        .unwrap();
    assert!(
        message.contains(
            "(module.vpc.aws_security_group.this[0] in ../plan.json; no block of the scanned \
             source declares it)"
        ),
        "{message}"
    );
    assert!(
        lines.contains(&("aws-s3-acl-not-public".into(), 27)),
        "{lines:?}"
    );
}

#[test]
fn bad_documents_stop_the_scan_with_their_name_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let config = fixture("aws").join("config");
    let plan = std::fs::read_to_string(fixture("aws").join("plan.json")).unwrap();
    let cases: &[(&str, String, &str)] = &[
        (
            "truncated.json",
            plan[..plan.len() / 2].to_string(),
            "the JSON ends before it is complete (a truncated file?)",
        ),
        (
            "future.json",
            r#"{"format_version": "2.0", "planned_values": {}}"#.into(),
            "format_version 2.0 is not supported",
        ),
        (
            "list.json",
            "[1, 2]".into(),
            "not the JSON of a Terraform plan or state",
        ),
        ("empty.json", String::new(), "the file is empty"),
        (
            "other.json",
            r#"{"name": "not terraform"}"#.into(),
            "not the JSON of a Terraform plan (no format_version)",
        ),
        (
            "typed.json",
            r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": 3}}}"#
                .into(),
            "not the JSON of a Terraform plan or state: invalid type",
        ),
        (
            "state.json",
            r#"{"version": 4, "resources": []}"#.into(),
            "this is a state file; scan it with riveter scan-state",
        ),
        (
            "binary.tfplan",
            "PK\u{3}\u{4}zip".into(),
            "this is a binary plan file; riveter reads its JSON: terraform show -json",
        ),
    ];
    for (name, text, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = riveter(
            &config,
            &[
                "scan",
                "-p",
                "aws-security",
                "--plan",
                path.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(name) && err.contains(expected) && !err.contains("panicked"),
            "{name}: {err}"
        );
    }
    // A plan of another configuration.
    let other = fixture("terraform-data").join("config");
    let out = riveter(
        &other,
        &[
            "scan",
            "-p",
            "aws-security",
            "--plan",
            "../../aws/plan.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the plan was made for another configuration"),
        "{}",
        stderr(&out)
    );
    // State versions before 4, and a plan given as a state.
    std::fs::write(dir.path().join("old.tfstate"), r#"{"version": 3}"#).unwrap();
    for (state, expected) in [
        ("old.tfstate", "state format version 3 is not supported"),
        ("plan.json", "this is the JSON of a plan, not a state"),
    ] {
        let path = if state == "plan.json" {
            fixture("aws").join(state)
        } else {
            dir.path().join(state)
        };
        let out = riveter(
            &config,
            &[
                "scan-state",
                "-p",
                "aws-security",
                "-s",
                path.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{state}");
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }
}

#[test]
fn terraform_plans_and_applies_what_the_fixtures_hold() {
    let found = Command::new("terraform")
        .arg("version")
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        println!(
            "terraform is not on the PATH: the live plan and apply were skipped; the recorded \
             plan and state in tests/fixtures/plans/terraform-data are still checked"
        );
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let config = work.path().join("config");
    copy_tree(&fixture("terraform-data").join("config"), &config);
    std::fs::copy(
        fixture("terraform-data").join("rules.yml"),
        work.path().join("rules.yml"),
    )
    .unwrap();
    terraform(&config, &["init", "-input=false", "-no-color"]);
    terraform(
        &config,
        &["plan", "-input=false", "-no-color", "-out=plan.tfplan"],
    );
    let shown = terraform(&config, &["show", "-json", "plan.tfplan"]);
    std::fs::write(work.path().join("plan.json"), &shown.stdout).unwrap();
    let out = scan_terraform_data(&config, &["--plan", "../plan.json"]);
    assert_eq!(results(&out), PLANNED, "{}", stderr(&out));

    terraform(
        &config,
        &[
            "apply",
            "-input=false",
            "-no-color",
            "-auto-approve",
            "plan.tfplan",
        ],
    );
    let out = scan_state(&config, "terraform.tfstate");
    assert_eq!(results(&out), APPLIED, "{}", stderr(&out));
    let shown = terraform(&config, &["show", "-json"]);
    std::fs::write(work.path().join("state.json"), &shown.stdout).unwrap();
    let out = scan_state(&config, "../state.json");
    assert_eq!(results(&out), APPLIED, "{}", stderr(&out));
}

#[test]
fn a_state_without_its_source_is_judged_on_the_state_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("terraform-data").join("terraform.tfstate"),
        dir.path().join("terraform.tfstate"),
    )
    .unwrap();
    std::fs::copy(
        fixture("terraform-data").join("rules.yml"),
        dir.path().join("rules.yml"),
    )
    .unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan-state",
            "-r",
            "rules.yml",
            "-f",
            "json",
            "-s",
            "terraform.tfstate",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // No comment can suppress without the source: the second site fails.
    let expected: Vec<String> = APPLIED
        .iter()
        .map(|r| {
            let (result, _) = r.rsplit_once(' ').unwrap();
            format!(
                "{} terraform.tfstate:1",
                result.replace("suppressed", "fail")
            )
        })
        .collect();
    assert_eq!(results(&out), expected);
    assert!(
        stderr(&out).contains(
            "terraform.tfstate: none of the 3 blocks of its root module (terraform_data.bucket, \
             terraform_data.later, terraform_data.site) is declared in the Terraform read"
        ),
        "{}",
        stderr(&out)
    );
}
