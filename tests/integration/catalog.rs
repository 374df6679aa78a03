//! The catalog of checks and the packs that select them: every check written once, several
//! packs evaluating it once with all their controls, former ids still suppressing, and the
//! figures `packs list` and the docs print. Expected figures and controls are computed here from
//! the YAML files themselves, not from riveter's loader.

use crate::util::{riveter, stderr, stdout};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

fn yaml(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn yml_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yml"))
        .collect();
    files.sort();
    files
}

/// Every built-in pack file: name → its `checks:` entries.
fn packs() -> BTreeMap<String, Vec<Value>> {
    yml_files("rule-packs")
        .iter()
        .map(|path| {
            let doc = yaml(path);
            let name = doc["metadata"]["name"].as_str().unwrap().to_string();
            (name, doc["checks"].as_array().unwrap().clone())
        })
        .collect()
}

/// Every check of the catalog.
fn checks() -> Vec<Value> {
    yml_files("rule-packs/checks")
        .iter()
        .flat_map(|path| yaml(path)["rules"].as_array().unwrap().clone())
        .collect()
}

/// What a check tests: sorted resource types, filters and assertions without their messages.
fn signature(check: &Value) -> String {
    let mut types: Vec<String> = match &check["resource_type"] {
        Value::String(s) => s.split('|').map(|t| t.trim().to_string()).collect(),
        Value::Array(list) => list
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect(),
        other => panic!("resource_type {other}"),
    };
    types.sort();
    let tests = |list: &Value| -> Vec<Value> {
        list.as_array()
            .into_iter()
            .flatten()
            .map(|a| {
                let mut a = a.clone();
                a.as_object_mut().unwrap().remove("message");
                a
            })
            .collect()
    };
    // A relation is a test too: checks on one type that differ only in what must refer to
    // them are different checks.
    let relations: Vec<&Value> = ["referenced_by", "not_referenced_by", "refers_to"]
        .iter()
        .map(|key| &check[*key])
        .collect();
    format!(
        "{types:?} {:?} {:?} {relations:?}",
        tests(&check["filters"]),
        tests(&check["assertions"])
    )
}

#[test]
fn no_check_is_written_twice_and_every_pack_names_checks_that_exist() {
    let checks = checks();
    let mut by_signature: BTreeMap<String, &str> = BTreeMap::new();
    let mut ids = BTreeSet::new();
    for check in &checks {
        let id = check["id"].as_str().unwrap();
        if let Some(first) = by_signature.insert(signature(check), id) {
            panic!("`{id}` tests what `{first}` tests: one check, selected by both packs");
        }
        assert!(ids.insert(id), "two checks have the id `{id}`");
        for alias in check["aliases"].as_array().into_iter().flatten() {
            assert!(
                ids.insert(alias.as_str().unwrap()),
                "the former id {alias} names two checks"
            );
        }
    }
    let mut selected = BTreeSet::new();
    for (pack, entries) in packs() {
        for entry in entries {
            let check = entry["check"].as_str().unwrap();
            assert!(
                checks.iter().any(|c| c["id"] == check),
                "{pack} names `{check}`, which the catalog does not define"
            );
            selected.insert(check.to_string());
        }
    }
    let orphans: Vec<&str> = checks
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .filter(|id| !selected.contains(*id))
        .collect();
    assert!(
        orphans.is_empty(),
        "checks no pack selects (untested by `riveter test rule-packs`): {orphans:?}"
    );
}

/// A catalog folder with `checks`, and a pack file selecting `entries` from it.
fn catalog_dir(checks: &str, packs: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("checks")).unwrap();
    fs::write(dir.path().join("checks/area.yml"), checks).unwrap();
    for (name, entries) in packs {
        fs::write(
            dir.path().join(format!("{name}.yml")),
            format!(
                "metadata: {{name: {name}, version: 1.0.0, description: test}}\nchecks:\n{entries}"
            ),
        )
        .unwrap();
    }
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = false\n}\n",
    )
    .unwrap();
    dir
}

const ROTATION: &str = "  - id: kms-rotation\n    severity: low\n    resource_type: aws_kms_key\n    assertions: [{key: enable_key_rotation, operator: equals, value: true}]\n";

#[test]
fn the_loader_refuses_a_copied_check_and_a_pack_naming_no_check() {
    let copied = format!(
        "rules:\n{ROTATION}  - id: kms-rotation-again\n    resource_type: aws_kms_key\n    assertions: [{{key: enable_key_rotation, operator: equals, value: true, message: other words}}]\n"
    );
    let dir = catalog_dir(&copied, &[("p", "- {check: kms-rotation}\n")]);
    let out = riveter(dir.path(), &["scan", "-p", "p.yml", "-t", "main.tf"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("rule \"kms-rotation-again\": tests the same resource types, filters and assertions as the check `kms-rotation`"),
        "{err}"
    );

    let dir = catalog_dir(
        &format!("rules:\n{ROTATION}"),
        &[("p", "- {check: kms-rotation}\n- {check: no-such-check}\n")],
    );
    let out = riveter(dir.path(), &["scan", "-p", "p.yml", "-t", "main.tf"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "p.yml:4: the pack names the check `no-such-check`, which its catalog does not define"
        ),
        "{err}"
    );
}

/// `rule_id severity frameworks` of the failures of a JSON report.
fn failures(json: &Value) -> Vec<(String, String, String, Value)> {
    json["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "fail")
        .map(|r| {
            (
                r["rule_id"].as_str().unwrap().to_string(),
                r["resource"]["address"].as_str().unwrap().to_string(),
                r["severity"].as_str().unwrap().to_string(),
                r["frameworks"].clone(),
            )
        })
        .collect()
}

#[test]
fn a_check_two_packs_select_takes_both_controls_and_the_higher_severity() {
    let dir = catalog_dir(
        &format!("rules:\n{ROTATION}"),
        &[
            (
                "a",
                "- {check: kms-rotation, frameworks: {fw-a: [\"1.1\"]}, severity: high}\n",
            ),
            (
                "b",
                "- {check: kms-rotation, frameworks: {fw-b: [\"B-2\", \"B-3\"]}}\n",
            ),
        ],
    );
    let scan = |args: &[&str]| {
        let mut all = vec!["scan", "-f", "json", "-t", "main.tf"];
        all.extend(args);
        let out = riveter(dir.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        failures(&serde_json::from_slice(&out.stdout).unwrap())
    };
    let both = scan(&["-p", "b.yml", "-p", "a.yml"]);
    assert_eq!(both.len(), 1, "{both:?}");
    assert_eq!(both[0].2, "high");
    assert_eq!(
        both[0].3,
        serde_json::json!({"fw-a": ["1.1"], "fw-b": ["B-2", "B-3"]})
    );
    // Alone, the pack without its own severity keeps the check's.
    let alone = scan(&["-p", "b.yml"]);
    assert_eq!(alone[0].2, "low");
    assert_eq!(alone[0].3, serde_json::json!({"fw-b": ["B-2", "B-3"]}));
}

const MISCONFIGURED: &str = r#"
resource "aws_kms_key" "no_rotation" {
  enable_key_rotation = false
}

resource "aws_s3_bucket_public_access_block" "open" {
  bucket                  = "data"
  block_public_acls       = false
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_ebs_volume" "plain" {
  availability_zone = "eu-west-1a"
  size              = 10
}

resource "aws_security_group" "ssh" {
  name = "ssh"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#;

#[test]
fn three_packs_find_each_misconfiguration_once_with_every_frameworks_controls() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), MISCONFIGURED).unwrap();
    let selected = ["aws-security", "soc2-security", "cis-aws"];
    let mut args = vec!["scan", "-f", "json", "-t", "main.tf"];
    for pack in selected {
        args.extend(["-p", pack]);
    }
    let out = riveter(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let found = failures(&serde_json::from_slice(&out.stdout).unwrap());

    // What the pack files say each failing check maps to, pack by pack.
    let packs = packs();
    let mut expected: BTreeMap<&str, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for pack in selected {
        for entry in &packs[pack] {
            let check = entry["check"].as_str().unwrap();
            for (framework, controls) in entry["frameworks"].as_object().unwrap() {
                expected
                    .entry(check)
                    .or_default()
                    .entry(framework.clone())
                    .or_default()
                    .extend(
                        controls
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|c| c.as_str().unwrap().to_string()),
                    );
            }
        }
    }
    let mut seen = BTreeSet::new();
    for (rule, address, _, frameworks) in &found {
        assert!(
            seen.insert((rule.clone(), address.clone())),
            "{rule} on {address} reported twice: {found:?}"
        );
        let got: BTreeMap<String, BTreeSet<String>> =
            serde_json::from_value(frameworks.clone()).unwrap();
        assert_eq!(&got, &expected[rule.as_str()], "{rule}");
    }
    // Each misconfiguration is found, once, under its check's id.
    for (rule, address) in [
        ("aws-kms-rotation", "aws_kms_key.no_rotation"),
        (
            "aws-s3-public-access-block",
            "aws_s3_bucket_public_access_block.open",
        ),
        ("aws-ebs-encrypted", "aws_ebs_volume.plain"),
        ("aws-sg-no-ssh-from-internet", "aws_security_group.ssh"),
    ] {
        assert!(
            seen.contains(&(rule.to_string(), address.to_string())),
            "{rule} on {address} not in {found:?}"
        );
    }
    // The KMS finding carries all three packs' frameworks.
    let kms = &expected["aws-kms-rotation"];
    assert!(
        ["cis-aws-2.0", "soc2", "nist-800-53"]
            .iter()
            .all(|f| kms.contains_key(*f)),
        "{kms:?}"
    );

    // The table says so on the finding's line.
    args.retain(|a| !["-f", "json"].contains(a));
    let table = stdout(&riveter(dir.path(), &args));
    assert!(
        table.contains("   ✗ aws_kms_key.no_rotation  main.tf:3  CIS AWS 3.8 · NIST 800-53 SC-12 · SOC 2 CC6.1\n"),
        "{table}"
    );
    // Other checks may fail the key too; the rotation finding is there once.
    assert_eq!(
        table
            .matches("✗ aws_kms_key.no_rotation  main.tf:3  CIS AWS 3.8 ·")
            .count(),
        1,
        "{table}"
    );
}

/// The fingerprint a baseline entry holds: SHA-256 of rule id, file and address, each ended by
/// a NUL byte (docs/suppressions.md).
fn fingerprint(rule: &str, file: &str, address: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [rule, file, address] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn former_ids_still_suppress_inline_and_in_baselines() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("main.tf"),
        r#"# riveter:ignore soc2-kms-rotation reason="rotated by the HSM team"
resource "aws_kms_key" "inline" {
  enable_key_rotation = false
}

resource "aws_kms_key" "baselined" {
  enable_key_rotation = false
}

resource "aws_kms_key" "new" {
  enable_key_rotation = false
}
"#,
    )
    .unwrap();
    // A baseline written when cis-aws had a copy of the check under its own id.
    let baseline = serde_json::json!({
        "version": 1,
        "entries": [{
            "fingerprint": fingerprint("cis-aws-kms-rotation", "main.tf", "aws_kms_key.baselined"),
            "rule_id": "cis-aws-kms-rotation",
            "file": "main.tf",
            "resource": "aws_kms_key.baselined"
        }]
    });
    fs::write(dir.path().join("baseline.json"), baseline.to_string()).unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-p",
            "soc2-security",
            "-p",
            "cis-aws",
            "-t",
            "main.tf",
            "-f",
            "json",
            "--baseline",
            "baseline.json",
            "--include-rules",
            "*kms-rotation",
        ],
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let status = |address: &str| {
        json["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["resource"]["address"] == address)
            .map(|r| (r["rule_id"].clone(), r["status"].clone()))
            .unwrap()
    };
    assert_eq!(
        status("aws_kms_key.inline"),
        ("aws-kms-rotation".into(), "suppressed".into())
    );
    assert_eq!(
        status("aws_kms_key.baselined"),
        ("aws-kms-rotation".into(), "suppressed".into())
    );
    assert_eq!(
        status("aws_kms_key.new"),
        ("aws-kms-rotation".into(), "fail".into())
    );
    let err = stderr(&out);
    assert!(!err.contains("suppresses nothing"), "{err}");
    assert!(!err.contains("fixed"), "{err}");
    assert_eq!(out.status.code(), Some(1), "{err}");
}

#[test]
fn packs_list_and_docs_print_the_catalogs_figures() {
    let packs = packs();
    let checks: BTreeSet<&str> = packs
        .values()
        .flatten()
        .map(|e| e["check"].as_str().unwrap())
        .collect();
    let mappings: usize = packs
        .values()
        .map(|entries| {
            entries
                .iter()
                .flat_map(|e| {
                    // A check may sit in a pack without a control of its framework.
                    e["frameworks"]
                        .as_object()
                        .into_iter()
                        .flatten()
                        .flat_map(|(f, cs)| {
                            cs.as_array()
                                .unwrap()
                                .iter()
                                .map(move |c| format!("{f} {c}"))
                        })
                })
                .collect::<BTreeSet<_>>()
                .len()
        })
        .sum();
    let figures = format!(
        "{} distinct checks in {} packs, {mappings} (pack, control) mappings",
        checks.len(),
        packs.len()
    );
    let list = stdout(&riveter(".", &["packs", "list"]));
    assert!(
        list.ends_with(&format!("\n{figures}\n")),
        "{figures}\n{list}"
    );
    let docs = fs::read_to_string("docs/rule-packs.md").unwrap();
    assert!(docs.contains(&format!("\n{figures}.\n")), "{figures}");
    assert!(checks.len() < packs.values().map(Vec::len).sum::<usize>());
}

#[test]
fn packs_show_and_coverage_name_controls_and_the_checks_implementing_them() {
    let show = stdout(&riveter(".", &["packs", "show", "cis-aws"]));
    assert!(
        show.lines()
            .any(|l| l.starts_with("CIS AWS 2.1.4 ") && l.contains("aws-s3-public-access-block")),
        "{show}"
    );
    let coverage = riveter(".", &["packs", "coverage"]);
    assert_eq!(coverage.status.code(), Some(0));
    let coverage = stdout(&coverage);
    assert!(
        coverage.contains("CIS Amazon Web Services Foundations Benchmark v2.0.0 (cis-aws-2.0):"),
        "{coverage}"
    );
    assert!(
        coverage
            .lines()
            .any(|l| l.starts_with("  covered      3.8 ") && l.ends_with(": aws-kms-rotation")),
        "{coverage}"
    );
    // Every framework has its full list: the controls no check implements are listed as such,
    // with their titles, in the framework's own order.
    for framework in [
        "aws-well-architected",
        "azure-well-architected",
        "gcp-well-architected",
        "cis-aws-2.0",
        "cis-azure-2.0",
        "cis-gcp-2.0",
        "cis-kubernetes",
        "hipaa",
        "nist-800-190",
        "nist-800-53",
        "pci-dss-4.0",
        "soc2",
    ] {
        let header = coverage
            .lines()
            .find(|l| l.contains(&format!("({framework}): ")))
            .unwrap_or_else(|| panic!("no {framework} in {coverage}"));
        assert!(
            header.contains(" controls covered by checks; the list holds "),
            "{header}"
        );
    }
    let all_packs = packs();
    let soc2: BTreeSet<&str> = all_packs
        .values()
        .flatten()
        .filter_map(|e| e["frameworks"]["soc2"].as_array())
        .flatten()
        .map(|c| c.as_str().unwrap())
        .collect();
    let soc2 = format!(
        "SOC 2 Trust Services Criteria (2017, revised 2022) (soc2): {} of 38 controls covered by checks;",
        soc2.len()
    );
    assert!(coverage.contains(&soc2), "{soc2}\n{coverage}");
    assert!(
        coverage.contains(
            "\n  not covered  CC1.1                  Commitment to integrity and ethical values\n"
        ),
        "{coverage}"
    );
    assert!(coverage.contains("\n  covered      CC6.1 "), "{coverage}");
    assert!(!coverage.contains("\n  not covered  CC6.1 "), "{coverage}");
    let order: Vec<&str> = coverage
        .lines()
        .skip_while(|l| !l.contains("(cis-aws-2.0): "))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| {
            l.split_whitespace()
                .nth(if l.starts_with("  covered") { 1 } else { 2 })
        })
        .collect();
    assert_eq!(order.len(), 64, "{order:?}");
    assert_eq!(&order[..3], ["1.1", "1.2", "1.3"]);
    assert!(order.iter().position(|c| *c == "1.9") < order.iter().position(|c| *c == "1.10"));
}

#[test]
fn a_users_rule_declares_frameworks_and_an_old_style_pack_file_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_sqs_queue\" \"q\" {\n  name = \"jobs\"\n}\n",
    )
    .unwrap();
    // The Python riveter's shape, with a framework mapping of the team's own.
    fs::write(
        dir.path().join("team.yml"),
        "rules:\n  - id: team-queue-owner\n    resource_type: aws_sqs_queue\n    assert: {tags.Owner: present}\n    frameworks: {team-policy: [T-4], soc2: [CC6.1]}\n",
    )
    .unwrap();
    // A self-contained pack file, as packs were written before the catalog.
    fs::write(
        dir.path().join("old-pack.yml"),
        "metadata: {name: old-pack, version: 1.0.0, description: rules of its own}\nrules:\n  - id: old-sqs-kms\n    resource_type: aws_sqs_queue\n    assertions: [{key: kms_master_key_id, operator: exists}]\n    frameworks: {hipaa: [164.312(a)(2)(iv)]}\n",
    )
    .unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-r",
            "team.yml",
            "-p",
            "old-pack.yml",
            "-t",
            "main.tf",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(
        table.contains("   ✗ aws_sqs_queue.q  main.tf:1  HIPAA 164.312(a)(2)(iv)\n"),
        "{table}"
    );
    assert!(
        table.contains("   ✗ aws_sqs_queue.q  main.tf:1  SOC 2 CC6.1 · team-policy T-4\n"),
        "{table}"
    );
}

/// A check records the ids other scanners give it: a skip list written for checkov or trivy, or
/// a filter written for the Python riveter, selects and suppresses the same check, and one peer
/// id may name a check per form of the setting.
#[test]
fn peer_scanners_ids_select_and_suppress_the_checks_that_record_them() {
    let checks = "rules:\n  - id: kms-rotation\n    resource_type: aws_kms_key\n    assertions: [{key: enable_key_rotation, operator: equals, value: true}]\n    peers: {checkov: [CKV_AWS_7], trivy: [AWS-0065], python-riveter: [kms_key_rotation]}\n  - id: kms-rotation-window\n    resource_type: aws_kms_key\n    assertions: [{key: deletion_window_in_days, operator: greater_than_or_equal, value: 30}]\n    peers: {checkov: [CKV_AWS_7]}\n  - id: kms-described\n    resource_type: aws_kms_key\n    assertions: [{key: description, operator: exists}]\n";
    let dir = catalog_dir(
        checks,
        &[(
            "p",
            "- {check: kms-rotation}\n- {check: kms-rotation-window}\n- {check: kms-described}\n",
        )],
    );
    let failing = |args: &[&str]| -> BTreeSet<String> {
        let mut all = vec!["scan", "-p", "p.yml", "-t", "main.tf", "-f", "json"];
        all.extend(args);
        let out = riveter(dir.path(), &all);
        let json: Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
        json["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] == "fail")
            .map(|r| r["rule_id"].as_str().unwrap().to_string())
            .collect()
    };
    let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        failing(&[]),
        set(&["kms-described", "kms-rotation", "kms-rotation-window"])
    );
    assert_eq!(
        failing(&["--skip-check", "CKV_AWS_7"]),
        set(&["kms-described"])
    );
    assert_eq!(
        failing(&["--check", "AVD-AWS-0065"]),
        set(&["kms-rotation"])
    );
    assert_eq!(
        failing(&["--include-rules", "kms_*"]),
        set(&["kms-rotation"])
    );

    fs::write(
        dir.path().join("main.tf"),
        "# riveter:ignore CKV_AWS_7 reason=\"rotated by hand\"\nresource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = false\n}\n",
    )
    .unwrap();
    assert_eq!(failing(&[]), set(&["kms-described"]));

    // A glob over the old prefix alone is not every check.
    assert_eq!(failing(&["--skip-check", "AVD-*"]), failing(&[]));
    // A team's own rule whose id is a peer's id: the id names that rule only.
    fs::write(
        dir.path().join("mine.yml"),
        "rules:\n  - id: kms_key_rotation\n    resource_type: aws_kms_key\n    assertions: [{key: description, operator: exists}]\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("main.tf"),
        "# riveter:ignore kms_key_rotation reason=\"described elsewhere\"\nresource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = false\n}\n",
    )
    .unwrap();
    assert_eq!(
        failing(&["-r", "mine.yml"]),
        set(&["kms-described", "kms-rotation", "kms-rotation-window"])
    );
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = false\n}\n",
    )
    .unwrap();
    assert_eq!(
        failing(&["-r", "mine.yml", "--skip-check", "kms_key_rotation"]),
        set(&["kms-described", "kms-rotation", "kms-rotation-window"])
    );

    let unknown = "rules:\n  - id: kms-rotation\n    resource_type: aws_kms_key\n    assertions: [{key: enable_key_rotation, operator: equals, value: true}]\n    peers: {tfsec: [aws-kms-auto-rotate-keys]}\n";
    let dir = catalog_dir(unknown, &[("p", "- {check: kms-rotation}\n")]);
    let out = riveter(dir.path(), &["scan", "-p", "p.yml", "-t", "main.tf"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "unknown scanner `tfsec` in `peers` (expected trivy, checkov, python-riveter)"
        ),
        "{err}"
    );
}
