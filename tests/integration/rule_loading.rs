//! Loading is strict (docs/rules.md, "When a rule file is wrong"): every error names the file,
//! the line and the rule.

use riveter::rules::{RuleSet, RuleSources, load_str};
use std::fs;

/// The errors of one rule file, as the user sees them.
fn errors(src: &str) -> Vec<String> {
    match load_str("rules.yml", src) {
        Ok(file) => panic!("expected errors, loaded {} rule(s)", file.rules.len()),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn an_unknown_operator_is_named_with_a_suggestion() {
    let src = "rules:\n  - name: Buckets are encrypted\n    resource_type: aws_s3_bucket\n    assertions:\n      - key: acl\n        operator: equal\n        value: private\n";
    assert_eq!(
        errors(src),
        [
            "rules.yml:6: rule \"Buckets are encrypted\": unknown operator `equal` (did you mean `equals`?)"
        ]
    );
}

#[test]
fn a_missing_key_or_operator() {
    let src = "rules:\n  - name: A\n    resource_type: t\n    assertions:\n      - operator: exists\n      - key: x\n";
    assert_eq!(
        errors(src),
        [
            "rules.yml:5: rule \"A\": an assertion needs a `key`",
            "rules.yml:6: rule \"A\": the assertion on `x` needs an `operator`"
        ]
    );
}

#[test]
fn empty_or_missing_assertions() {
    let src = "rules:\n  - name: A\n    resource_type: t\n    assertions: []\n  - name: B\n    resource_type: t\n";
    assert_eq!(
        errors(src),
        [
            "rules.yml:4: rule \"A\": a rule needs at least one assertion",
            "rules.yml:5: rule \"B\": a rule needs `assertions` (or `assert`, `referenced_by`, `not_referenced_by`, `refers_to`)"
        ]
    );
}

#[test]
fn a_regex_that_does_not_compile() {
    let src = "rules:\n  - id: r1\n    resource_type: t\n    assertions:\n      - key: name\n        operator: matches\n        value: '([a-z'\n";
    let errs = errors(src);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with(
            "rules.yml:6: rule \"r1\": the regular expression \"([a-z\" does not compile:"
        ),
        "{}",
        errs[0]
    );
}

#[test]
fn bad_length_comparisons_and_none_match_operators_name_their_line() {
    let src = "rules:\n  - id: r1\n    resource_type: t\n    assert:\n      a: {length: {about: 2}}\n      b:\n        none_match:\n          - port: {regex: '(x'}\n";
    let errs = errors(src);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert_eq!(
        errs[0],
        "rules.yml:5: rule \"r1\": `length` takes a number or a map of comparisons (eq, ne, gt, gte, lt, lte), found `about`"
    );
    assert!(
        errs[1].starts_with(
            "rules.yml:8: rule \"r1\": the regular expression \"(x\" does not compile"
        ),
        "{}",
        errs[1]
    );
}

#[test]
fn an_unknown_severity() {
    let src = "rules:\n  - id: r1\n    severity: severe\n    resource_type: t\n    assertions: [{key: a, operator: exists}]\n";
    assert_eq!(
        errors(src),
        [
            "rules.yml:3: rule \"r1\": unknown severity \"severe\" (expected critical, high, medium, low or info)"
        ]
    );
}

#[test]
fn values_that_do_not_suit_the_operator() {
    let src = "rules:\n  - id: r1\n    resource_type: t\n    assertions:\n      - key: a\n        operator: gt\n        value: many\n      - key: b\n        operator: in\n        value: {x: 1}\n      - key: c\n        operator: equals\n";
    assert_eq!(
        errors(src),
        [
            "rules.yml:7: rule \"r1\": `greater_than` needs a number as its value, found a string",
            "rules.yml:10: rule \"r1\": `in` needs a list as its value, found a map",
            "rules.yml:12: rule \"r1\": the assertion on `c` uses `equals`, which needs a `value`"
        ]
    );
}

#[test]
fn a_malformed_key() {
    let src = "rules:\n  - id: r1\n    resource_type: t\n    assertions:\n      - key: 'tags..Name'\n        operator: exists\n";
    assert_eq!(
        errors(src),
        ["rules.yml:6: rule \"r1\": key \"tags..Name\" has an empty segment"]
    );
}

#[test]
fn yaml_syntax_errors_have_a_line() {
    let errs = errors("rules:\n  - name: A\n    resource_type: [t\n    assertions: []\n");
    assert_eq!(errs.len(), 1);
    assert!(errs[0].starts_with("rules.yml:"), "{}", errs[0]);
    assert!(errs[0].contains("invalid YAML"), "{}", errs[0]);
    assert!(!errs[0].starts_with("rules.yml:0:"), "{}", errs[0]);
}

#[test]
fn a_file_without_rules() {
    assert_eq!(
        errors("metadata:\n  name: x\n"),
        ["rules.yml:1: no `rules:` list (nor a pack's `checks:` list) in this file"]
    );
    assert_eq!(
        errors("- a\n- b\n"),
        ["rules.yml:1: expected a map with a `rules:` list, found a list"]
    );
}

#[test]
fn a_rule_without_name_id_or_resource_type() {
    let src = "rules:\n  - resource_type: t\n    assertions: [{key: a, operator: exists}]\n  - name: B\n    assertions: [{key: a, operator: exists}]\n";
    assert_eq!(
        errors(src),
        [
            "rules.yml:2: a rule needs a `name` or an `id`",
            "rules.yml:4: rule \"B\": a rule needs a `resource_type`"
        ]
    );
}

#[test]
fn unknown_keys_are_warnings() {
    let src = "rules:\n  - name: A\n    resource_type: t\n    owner: platform-team\n    assertions:\n      - key: a\n        operator: exists\n        hint: x\n";
    let file = load_str("rules.yml", src).expect("unknown keys do not stop loading");
    let warnings: Vec<String> = file.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "rules.yml:4: rule \"A\": unknown key `owner` is ignored",
            "rules.yml:8: rule \"A\": unknown assertion key `hint` is ignored"
        ]
    );
}

#[test]
fn ids_are_derived_from_names() {
    let src = "rules:\n  - name: \"S3 buckets must use KMS encryption\"\n    resource_type: t\n    assertions: [{key: a, operator: exists}]\n  - id: custom-id\n    resource_type: t\n    assertions: [{key: a, operator: exists}]\n";
    let rules = load_str("rules.yml", src).unwrap().rules;
    assert_eq!(rules[0].id, "s3-buckets-must-use-kms-encryption");
    assert_eq!(rules[1].name, "custom-id");
    assert_eq!(rules[0].origin.line, 2);
}

#[test]
fn a_pack_header_is_read() {
    let src = "metadata:\n  name: team-pack\n  version: 1.2.0\n  description: Our rules\n  frameworks: [soc2]\nrules:\n  - id: a\n    resource_type: t\n    frameworks: {soc2: [CC6.1], hipaa: '164.312(a)(2)(iv)'}\n    assertions: [{key: a, operator: exists}]\n";
    let file = load_str("pack.yml", src).unwrap();
    let metadata = file.metadata.unwrap();
    assert_eq!(
        (metadata.name.as_str(), metadata.version.as_str()),
        ("team-pack", "1.2.0")
    );
    assert_eq!(metadata.frameworks, ["soc2"]);
    let frameworks = &file.rules[0].frameworks;
    assert_eq!(frameworks["soc2"], ["CC6.1"]);
    assert_eq!(frameworks["hipaa"], ["164.312(a)(2)(iv)"]);
}

#[test]
fn duplicate_ids_across_files_are_errors_naming_both_places() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.yml");
    let b = dir.path().join("b.yml");
    fs::write(&a, "rules:\n  - id: same\n    resource_type: t\n    assertions: [{key: a, operator: exists}]\n").unwrap();
    fs::write(&b, "rules:\n  - id: other\n    resource_type: t\n    assertions: [{key: a, operator: exists}]\n  - name: Same\n    resource_type: t\n    assertions: [{key: a, operator: exists}]\n").unwrap();
    let sources = RuleSources {
        files: vec![a.display().to_string(), b.display().to_string()],
        packs: Vec::new(),
    };
    let errs = RuleSet::load(&sources).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].to_string(),
        format!(
            "{}:5: rule \"Same\": duplicate rule id `same` (first defined at {}:2)",
            b.display(),
            a.display()
        )
    );
}

#[test]
fn rule_files_and_folders_merge_and_globs_select() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("one.yml"), "rules:\n  - id: s3-one\n    resource_type: t\n    assertions: [{key: a, operator: exists}]\n").unwrap();
    fs::write(dir.path().join("two.yaml"), "rules:\n  - id: s3-two\n    resource_type: t\n    assertions: [{key: a, operator: exists}]\n  - id: iam-one\n    resource_type: t\n    assertions: [{key: a, operator: exists}]\n").unwrap();
    fs::write(dir.path().join("notes.txt"), "not rules").unwrap();
    let sources = RuleSources {
        files: vec![dir.path().display().to_string()],
        packs: Vec::new(),
    };
    let mut set = RuleSet::load(&sources).unwrap();
    assert_eq!(set.rules.len(), 3);
    set.select(&["s3-*".into()], &["*-two".into()]).unwrap();
    let ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["s3-one"]);
}

#[test]
fn a_missing_rule_file_or_pack_is_an_error() {
    let sources = RuleSources {
        files: vec!["no-such-rules.yml".into()],
        packs: vec!["no-such-pack".into()],
    };
    let errs: Vec<String> = RuleSet::load(&sources)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errs.len(), 2);
    assert!(
        errs[0].starts_with("no-such-pack: no built-in rule pack has this name"),
        "{}",
        errs[0]
    );
    assert!(
        errs[1].starts_with("no-such-rules.yml: could not read the rule file"),
        "{}",
        errs[1]
    );
}
