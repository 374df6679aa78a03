//! Every output format on a fixture with failures, an unknown, a skipped rule and a parse error
//! (snapshots), fingerprints that survive unrelated edits, and GitHub's limits.

use riveter::findings::{Outcome, Report};
use riveter::gate::Gate;
use riveter::report::{Emitter, GithubCommands, Gitlab, Html, Json, Junit, Markdown, Sarif, Table};
use riveter::rules::{RuleSet, RuleSources};
use riveter::suppression;
use riveter::terraform::{self, VariableInputs, discover};
use std::fs;
use std::path::Path;
use std::sync::Arc;

use crate::util;

const FIXTURE: &str = "tests/fixtures/reports";

/// The HTML page of the default gate.
const HTML: Html = Html {
    gate: Gate {
        fail_on: riveter::rules::Severity::Info,
        unknown_fails: false,
    },
};

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
    let options = suppression::Options {
        today: riveter::date::Date::parse("2026-11-28").unwrap(),
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
    insta::assert_snapshot!(render(
        &Table {
            color: false,
            gate: Gate::default(),
        },
        &fixture()
    ));
}

#[test]
fn json() {
    insta::assert_snapshot!(render(
        &Json {
            pretty: true,
            gate: Gate::default(),
        },
        &fixture()
    ));
}

#[test]
fn compact_json_holds_the_same_document() {
    let report = fixture();
    let pretty = output(
        &Json {
            pretty: true,
            gate: Gate::default(),
        },
        &report,
    );
    let compact = output(
        &Json {
            pretty: false,
            gate: Gate::default(),
        },
        &report,
    );
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
    insta::assert_snapshot!(render(
        &Markdown {
            link_base,
            gate: Gate::default(),
        },
        &fixture()
    ));
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
    // Module instances add `module_instance` and `value_from`.
    let instances = scan_dir(
        Path::new("tests/fixtures/instances"),
        Path::new("tests/fixtures/instances/rules.yml"),
    );
    assert!(
        instances
            .findings
            .iter()
            .any(|f| f.resource.as_ref().is_some_and(|r| r.instance.is_some()))
    );
    for report in [fixture(), example, instances] {
        let doc: serde_json::Value = serde_json::from_str(&output(
            &Json {
                pretty: false,
                gate: Gate::default(),
            },
            &report,
        ))
        .unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The schema is not a formality: a report without its version does not validate.
    let mut broken: serde_json::Value = serde_json::from_str(&output(
        &Json {
            pretty: false,
            gate: Gate::default(),
        },
        &fixture(),
    ))
    .unwrap();
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
    let text = render(
        &Markdown {
            link_base: None,
            gate: Gate::default(),
        },
        &report,
    );
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

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in the page"))
        + start.len();
    let to = text[from..].find(end).expect("the element is closed") + from;
    &text[from..to]
}

/// The start tags of the findings table's rows.
fn html_rows(page: &str) -> Vec<&str> {
    between(page, "<table class=\"findings\"", "</table>")
        .split("<tr ")
        .skip(1)
        .filter(|row| row.contains("data-outcome="))
        .map(|row| &row[..row.find('>').unwrap()])
        .collect()
}

#[test]
fn html_states_the_gates_verdict_and_counts() {
    let report = fixture();
    let page = output(&HTML, &report);
    assert!(page.starts_with("<!DOCTYPE html>"));
    // The fixture has a file that does not parse: incomplete, as the exit code 2 says.
    assert!(page.contains("data-verdict=\"incomplete\""), "{page}");
    assert!(page.contains("(exit code 2)"));
    assert!(between(&page, "<section id=\"errors\">", "</section>").contains("broken.tf"));
    // Each severity's row counts what the report holds.
    for severity in riveter::rules::Severity::ALL {
        let row = between(
            &page,
            &format!("<tr data-severity=\"{severity}\">"),
            "</tr>",
        );
        for outcome in [
            Outcome::Fail,
            Outcome::Unknown,
            Outcome::Suppressed,
            Outcome::Pass,
        ] {
            let expected = report
                .findings
                .iter()
                .filter(|f| f.outcome == outcome && report.severity(f) == severity)
                .count();
            let cell = between(
                row,
                &format!("data-outcome=\"{}\"", outcome.as_str()),
                "</td>",
            );
            assert_eq!(cell, format!(">{expected}"), "{severity} {outcome:?}");
        }
    }
    let counts = report.rule_counts();
    assert!(page.contains(&format!(
        "Rules: {} passed, {} failed, {} unknown, {} skipped.",
        counts.passed, counts.failed, counts.unknown, counts.skipped
    )));
}

#[test]
fn html_lists_every_failure_unknown_and_suppression_with_its_place_and_fix() {
    let report = fixture();
    let page = output(&HTML, &report);
    let listed: Vec<_> = report
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.outcome,
                Outcome::Fail | Outcome::Unknown | Outcome::Suppressed
            )
        })
        .collect();
    let rows = html_rows(&page);
    assert_eq!(rows.len(), listed.len(), "{rows:#?}");
    assert!(page.contains(&format!("{n} of {n} findings shown", n = rows.len())));
    // Failures first, then unknowns, then suppressions.
    let outcomes: Vec<&str> = rows
        .iter()
        .map(|r| between(r, "data-outcome=\"", "\""))
        .collect();
    let mut sorted = outcomes.clone();
    sorted.sort_by_key(|o| {
        ["fail", "unknown", "suppressed"]
            .iter()
            .position(|x| x == o)
    });
    assert_eq!(outcomes, sorted);
    assert!(outcomes.contains(&"unknown") && outcomes.contains(&"suppressed"));
    let table = between(&page, "<table class=\"findings\"", "</table>");
    for finding in listed {
        let (resource, span) = finding.location().unwrap();
        assert!(table.contains(&format!("{}:{}</code>", resource.file, span.line)));
        assert!(table.contains(&resource.address));
        let rule = report.rule(finding);
        if let Some(fix) = &rule.remediation {
            assert!(table.contains(&riveter::escape::html::escape(fix)), "{fix}");
        }
        for a in &finding.assertions {
            if a.verdict != riveter::rules::Verdict::Pass {
                assert!(table.contains(&riveter::escape::html::escape(a.detail())));
            }
        }
    }
    assert!(table.contains("rotated by the HSM team"));
    // Every rule is counted in the folded summary, passes included.
    let summary = between(&page, "<details id=\"rules\">", "</details>");
    for rule in &report.rules {
        assert!(summary.contains(&riveter::escape::html::escape(&rule.id)));
    }
}

#[test]
fn html_makes_user_text_inert() {
    let rules = r#"rules:
  - id: "x\"><script>alert('id')</script>"
    name: "<script>alert('name')</script>"
    resource_type: aws_thing
    assertions:
      - key: enabled
        operator: equals
        value: true
        message: "<script>alert('message')</script>"
    remediation: "Set <b>enabled</b> & \"stop\""
"#;
    let mut report = util::scan(
        "resource \"aws_thing\" \"x\" {\n  enabled = \"</td><script>alert('value')</script>\"\n}\n",
        rules,
    );
    // A file path comes from the repository's tree, which anyone may name.
    let resource = report.findings[0].resource.as_mut().unwrap();
    Arc::make_mut(resource).file = "<img src=x onerror=alert('file')>.tf".into();
    assert_eq!(report.findings[0].outcome, Outcome::Fail);
    let page = output(&HTML, &report);
    // The page's own script is the only one, and no user text opens a tag.
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    assert!(!page.contains("<img"));
    assert!(!page.contains("<b>"));
    assert!(!page.contains("</td><script"));
    assert!(page.contains("&lt;script&gt;alert(&#39;message&#39;)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=alert(&#39;file&#39;)&gt;.tf:2"));
    assert!(page.contains("Set &lt;b&gt;enabled&lt;/b&gt; &amp; &quot;stop&quot;"));
    // Attribute values cannot be closed early either.
    assert!(page.contains("data-rule=\"x&quot;&gt;&lt;script&gt;"));
}

#[test]
fn html_is_self_contained() {
    let page = output(&HTML, &fixture());
    // Nothing is fetched: no source or link attribute, and a policy that forbids loading.
    for fetches in ["src=", "href=", "@import", "url(", "http://", "https://"] {
        assert!(!page.contains(fetches), "the page has {fetches}");
    }
    assert!(page.contains(
        "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\""
    ));
}

#[test]
fn html_of_a_passing_scan_says_so() {
    let report = util::scan(
        "resource \"aws_thing\" \"x\" {\n  enabled = true\n}\n",
        &util::rule("enabled", "equals", "true"),
    );
    let page = output(&HTML, &report);
    assert!(page.contains("data-verdict=\"passed\""));
    assert!(page.contains("(exit code 0)"));
    assert!(page.contains("No failures."));
    assert!(page.contains("id=\"no-findings\""));
    assert!(!page.contains("id=\"filters\""));
}

#[test]
fn html_charts_failures_by_rule_or_by_pack() {
    let dir = tempfile::tempdir().unwrap();
    let mut tf = String::new();
    let mut rules = String::from("rules:\n");
    // Rule i fails on i + 1 queues; more rules than the chart has bars.
    let count = riveter::report::HTML_MAX_BARS + 3;
    for i in 0..count {
        for j in 0..=i {
            tf.push_str(&format!(
                "resource \"aws_sqs_queue\" \"q{i}_{j}\" {{ tags = {{ rule = \"{i}\" }} }}\n"
            ));
        }
        rules.push_str(&format!(
            "  - {{id: r{i}, name: Rule {i}, resource_type: aws_sqs_queue, filters: [{{ key: tags.rule, operator: equals, value: \"{i}\" }}], assertions: [{{key: kms_master_key_id, operator: exists}}]}}\n"
        ));
    }
    fs::write(dir.path().join("main.tf"), tf).unwrap();
    fs::write(dir.path().join("rules.yml"), rules).unwrap();
    let mut report = scan_dir(dir.path(), &dir.path().join("rules.yml"));
    let page = output(&HTML, &report);
    let chart = between(&page, "<div class=\"chart\"", "</div></section>");
    assert!(page.contains("<h2>Failures by rule</h2>"));
    let bars: Vec<&str> = chart.split("<div class=\"bar\">").skip(1).collect();
    assert_eq!(bars.len(), riveter::report::HTML_MAX_BARS);
    // The most failures first, each bar's count its rule's failures.
    let top = count - 1;
    assert!(
        bars[0].contains(&format!(">Rule {top}</span>")),
        "{}",
        bars[0]
    );
    assert!(bars[0].contains(&format!("<span class=\"n\">{}</span>", top + 1)));
    assert!(bars[0].contains("width:100%"));
    // The three smallest are summed up: rules 0, 1 and 2 fail 1 + 2 + 3 times.
    assert!(chart.contains("…and 3 more with 6 failures"), "{chart}");

    // Rules that packs selected are charted by (their first) pack, the others by their file.
    for rule in report.rules.iter_mut().take(2) {
        rule.packs = vec!["aws-security".into(), "soc2-security".into()];
    }
    let page = output(&HTML, &report);
    let chart = between(&page, "<div class=\"chart\"", "</div></section>");
    assert!(page.contains("<h2>Failures by pack or rule file</h2>"));
    let bars: Vec<&str> = chart.split("<div class=\"bar\">").skip(1).collect();
    assert_eq!(bars.len(), 2, "{chart}");
    let total: usize = (1..=count).sum();
    assert!(bars[0].contains(&format!("<span class=\"n\">{}</span>", total - 3)));
    assert!(
        bars[1].contains(">aws-security</span>") && bars[1].contains("<span class=\"n\">3</span>")
    );
}
