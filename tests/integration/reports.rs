//! Every output format on a fixture with failures, an unknown, a skipped rule and a parse error
//! (snapshots), fingerprints that survive unrelated edits, and GitHub's limits.

use riveter::gate::Gate;
use riveter::report::{
    Emitter, GithubCommands, Gitlab, Json, Junit, Markdown, Report, Sarif, Table,
};
use riveter::rules::{RuleSet, RuleSources};
use riveter::suppression;
use riveter::terraform::{self, VariableInputs, discover};
use std::fs;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/reports";

fn scan_dir(dir: &Path, rules: &Path) -> Report {
    let rules = RuleSet::load(&RuleSources {
        files: vec![rules.display().to_string()],
        packs: Vec::new(),
    })
    .unwrap()
    .rules;
    let root = std::path::absolute(dir).unwrap();
    let found = discover(&[root.display().to_string()]).unwrap();
    let mut tf = terraform::load(found, &root, &VariableInputs::default());
    let directives = std::mem::take(&mut tf.directives);
    let mut report = riveter::engine::scan(rules, tf);
    report.gate = Gate::default();
    let options = suppression::Options {
        today: suppression::Date::parse("2026-11-28").unwrap(),
        require_reason: false,
    };
    let notes = suppression::apply(&mut report, &directives, None, options);
    assert!(notes.warnings.is_empty(), "{:?}", notes.warnings);
    report
}

fn fixture() -> Report {
    scan_dir(Path::new(FIXTURE), &Path::new(FIXTURE).join("rules.yml"))
}

fn output(emitter: &dyn Emitter, report: &Report) -> String {
    let mut out = Vec::new();
    emitter.emit(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The output, with the tool's version replaced so a release does not change every snapshot.
fn render(emitter: &dyn Emitter, report: &Report) -> String {
    output(emitter, report).replace(env!("CARGO_PKG_VERSION"), "[version]")
}

#[test]
fn table() {
    insta::assert_snapshot!(render(&Table { color: false }, &fixture()));
}

#[test]
fn json() {
    insta::assert_snapshot!(render(&Json { pretty: true }, &fixture()));
}

#[test]
fn compact_json_holds_the_same_document() {
    let report = fixture();
    let pretty = output(&Json { pretty: true }, &report);
    let compact = output(&Json { pretty: false }, &report);
    assert_eq!(compact.lines().count(), 1, "{compact}");
    assert!(compact.len() < pretty.len() * 3 / 4);
    let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(parse(&compact), parse(&pretty));
}

#[test]
fn sarif() {
    insta::assert_snapshot!(render(
        &Sarif {
            category: "riveter/".into()
        },
        &fixture()
    ));
}

#[test]
fn junit() {
    insta::assert_snapshot!(render(&Junit, &fixture()));
}

#[test]
fn gitlab() {
    insta::assert_snapshot!(render(&Gitlab, &fixture()));
}

#[test]
fn markdown() {
    let link_base = Some("https://github.com/octo/infra/blob/0123abc".to_string());
    insta::assert_snapshot!(render(&Markdown { link_base }, &fixture()));
}

#[test]
fn github_workflow_commands() {
    insta::assert_snapshot!(render(&GithubCommands, &fixture()));
}

#[test]
fn json_report_matches_its_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let example = scan_dir(
        Path::new("examples/batch-pipeline-mistakes"),
        Path::new("examples/batch-pipeline-mistakes"),
    );
    for report in [fixture(), example] {
        let doc: serde_json::Value =
            serde_json::from_str(&output(&Json { pretty: false }, &report)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The schema is not a formality: a report without its version does not validate.
    let mut broken: serde_json::Value =
        serde_json::from_str(&output(&Json { pretty: false }, &fixture())).unwrap();
    broken.as_object_mut().unwrap().remove("version");
    assert!(!validator.is_valid(&broken));
}

/// SARIF partial fingerprints and GitLab fingerprints, by rule and resource.
fn fingerprints(dir: &Path) -> (Vec<String>, Vec<String>) {
    let report = scan_dir(dir, &dir.join("rules.yml"));
    let sarif: serde_json::Value = serde_json::from_str(&render(
        &Sarif {
            category: "c/".into(),
        },
        &report,
    ))
    .unwrap();
    let sarif_prints = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r["ruleId"], r["partialFingerprints"]["riveter/v1"]))
        .collect();
    let gitlab: serde_json::Value = serde_json::from_str(&render(&Gitlab, &report)).unwrap();
    let gitlab_prints = gitlab
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].to_string())
        .collect();
    (sarif_prints, gitlab_prints)
}

#[test]
fn fingerprints_survive_inserted_lines_and_change_with_a_rename() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        Path::new(FIXTURE).join("rules.yml"),
        dir.path().join("rules.yml"),
    )
    .unwrap();
    let original = fs::read_to_string(Path::new(FIXTURE).join("main.tf")).unwrap();
    fs::write(dir.path().join("main.tf"), &original).unwrap();
    let before = fingerprints(dir.path());
    assert_eq!(before.1.len(), 3);

    fs::write(
        dir.path().join("main.tf"),
        format!("# a comment\n\nlocals {{\n  x = 1\n}}\n\n{original}"),
    )
    .unwrap();
    let moved = fingerprints(dir.path());
    assert_eq!(
        before, moved,
        "lines inserted above must not change fingerprints"
    );

    fs::write(
        dir.path().join("main.tf"),
        original.replace("\"logs\"", "\"access_logs\""),
    )
    .unwrap();
    let renamed = fingerprints(dir.path());
    assert_ne!(before.1, renamed.1);
    let changed = before.1.iter().filter(|p| !renamed.1.contains(p)).count();
    assert_eq!(
        changed, 1,
        "only the renamed resource's fingerprint changes"
    );
}

/// Many low-severity failures and a few critical ones: the critical ones are kept.
#[test]
fn sarif_keeps_the_most_severe_results_within_githubs_limits() {
    let dir = tempfile::tempdir().unwrap();
    let mut tf = String::new();
    for i in 0..25_010 {
        tf.push_str(&format!("resource \"aws_sqs_queue\" \"q{i}\" {{}}\n"));
    }
    for i in 0..5 {
        tf.push_str(&format!("resource \"aws_security_group\" \"sg{i}\" {{}}\n"));
    }
    fs::write(dir.path().join("main.tf"), tf).unwrap();
    fs::write(
        dir.path().join("rules.yml"),
        "rules:\n  - {id: queue, severity: low, resource_type: aws_sqs_queue, assertions: [{key: kms_master_key_id, operator: exists}]}\n  - {id: sg, severity: critical, resource_type: aws_security_group, assertions: [{key: description, operator: exists}]}\n",
    )
    .unwrap();
    let report = scan_dir(dir.path(), &dir.path().join("rules.yml"));
    let sarif: serde_json::Value = serde_json::from_str(&render(
        &Sarif {
            category: "c/".into(),
        },
        &report,
    ))
    .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), riveter::report::MAX_RESULTS);
    assert_eq!(results.iter().filter(|r| r["ruleId"] == "sg").count(), 5);
    let note =
        &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"];
    assert!(
        note.as_str()
            .unwrap()
            .starts_with("15 result(s) were left out"),
        "{note}"
    );
}

#[test]
fn markdown_stays_under_githubs_comment_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut tf = String::new();
    for i in 0..2_000 {
        tf.push_str(&format!(
            "resource \"aws_sqs_queue\" \"a_queue_with_a_rather_long_name_{i}\" {{}}\n"
        ));
    }
    fs::write(dir.path().join("main.tf"), tf).unwrap();
    fs::write(dir.path().join("rules.yml"), "rules:\n  - {id: queue, name: Queues must be encrypted with a customer-managed key, resource_type: aws_sqs_queue, assertions: [{key: kms_master_key_id, operator: exists}]}\n").unwrap();
    let report = scan_dir(dir.path(), &dir.path().join("rules.yml"));
    let text = render(&Markdown { link_base: None }, &report);
    assert!(
        text.chars().count() <= riveter::report::MARKDOWN_MAX_CHARS,
        "{} characters",
        text.len()
    );
    let cut = text
        .lines()
        .find(|l| l.starts_with("…and "))
        .expect("says how many were left out");
    let shown = text.lines().filter(|l| l.starts_with("| medium |")).count();
    assert_eq!(cut, format!("…and {} more failures", 2_000 - shown));
}
