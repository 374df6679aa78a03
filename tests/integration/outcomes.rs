//! Keys, filters, outcomes and skipped rules, resource selection, and the Python riveter's rule
//! shape, each as docs/rules.md says, evaluated on real Terraform.

use crate::util::{outcomes, scan};
use riveter::findings::Outcome;

const PIPELINE: &str = r#"
resource "aws_s3_bucket_lifecycle_configuration" "financial" {
  bucket = aws_s3_bucket.financial_records.id
  rule {
    id     = "retention"
    status = "Enabled"
    expiration {
      days = 2555
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "financial_short" {
  bucket = aws_s3_bucket.financial_archive.id
  rule {
    status = "Enabled"
    expiration {
      days = 30
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "sensitive" {
  bucket = "sensitive"
  tags = {
    DataClassification    = "Sensitive"
    "kubernetes.io/role"  = "data"
  }
  server_side_encryption_configuration {
    rule {
      bucket_key_enabled = true
    }
  }
}

resource "aws_s3_bucket" "public" {
  bucket = "public"
  tags   = { DataClassification = "Public" }
}

resource "aws_s3_bucket" "tagged_by_variable" {
  bucket = "v"
  tags   = var.tags
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
  }
}

module "network" {
  source     = "./modules/network"
  cidr_block = "10.0.0.0/16"
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}
"#;

#[test]
fn filters_select_the_resources_a_rule_applies_to() {
    let rules = r#"
rules:
  - name: "Financial data must have 7-year retention"
    resource_type: "aws_s3_bucket_lifecycle_configuration"
    filters:
      - key: "bucket"
        operator: "matches"
        value: ".*financial.*"
    assertions:
      - key: "rule.0.expiration.0.days"
        operator: "greater_than_or_equal"
        value: 2555  # 7 years
"#;
    let report = scan(PIPELINE, rules);
    assert_eq!(
        outcomes(&report),
        [
            "aws_s3_bucket_lifecycle_configuration.financial=pass",
            "aws_s3_bucket_lifecycle_configuration.financial_short=fail"
        ]
    );
}

#[test]
fn the_seeds_data_classification_rule() {
    let rules = r#"
rules:
- name: "Sensitive data buckets must have additional encryption"
  resource_type: "aws_s3_bucket"
  filters:
    - key: "tags.DataClassification"
      operator: "equals"
      value: "Sensitive"
  assertions:
    - key: "server_side_encryption_configuration.0.rule.0.bucket_key_enabled"
      operator: "equals"
      value: true
"#;
    let report = scan(PIPELINE, rules);
    // `tags = var.tags` might be sensitive: the filter cannot be decided, so a failing
    // assertion says what would fail and that whether the rule applies is unknown
    // (docs/rules.md, "Outcomes").
    assert_eq!(
        outcomes(&report),
        [
            "aws_s3_bucket.sensitive=pass",
            "aws_s3_bucket.tagged_by_variable=unknown"
        ]
    );
    let finding = &report.findings[1];
    let undecided = &finding.assertions[0];
    assert!(undecided.is_filter);
    assert_eq!(undecided.verdict, riveter::rules::Verdict::Unknown);
    assert_eq!(finding.assertions[1].verdict, riveter::rules::Verdict::Fail);
    let message = finding.message();
    assert!(
        message.starts_with("would fail if the rule applies: server_side_encryption_configuration")
            && message.contains(
                "whether it applies is unknown: filter: tags.DataClassification depends on var.tags"
            ),
        "{message}"
    );
}

#[test]
fn a_rule_that_selects_nothing_is_skipped_with_the_reason() {
    let rules = r#"
rules:
  - id: no-such-type
    name: Queues are encrypted
    resource_type: aws_sqs_queue
    assertions: [{ key: kms_master_key_id, operator: exists }]
  - id: filtered-out
    name: Restricted buckets
    resource_type: aws_s3_bucket
    filters: [{ key: bucket, operator: equals, value: restricted }]
    assertions: [{ key: bucket, operator: exists }]
"#;
    let report = scan(PIPELINE, rules);
    assert_eq!(outcomes(&report), ["-=skipped", "-=skipped"]);
    assert_eq!(
        report.findings[0].message(),
        "no aws_sqs_queue resource in the scanned files"
    );
    assert_eq!(
        report.findings[1].message(),
        "no aws_s3_bucket resource matched the rule's filters"
    );
    assert_eq!(report.rule_counts().skipped, 2);
}

#[test]
fn an_undecided_filter_with_passing_assertions_passes() {
    // The rule cannot fail whether or not it applies, so it passes, and the undecided filter
    // is not part of the finding.
    let rules = "rules:\n  - id: r\n    resource_type: aws_s3_bucket\n    filters: [{key: tags.DataClassification, operator: equals, value: Sensitive}]\n    assertions: [{key: bucket, operator: exists}]\n";
    let report = scan(PIPELINE, rules);
    assert_eq!(
        outcomes(&report),
        [
            "aws_s3_bucket.sensitive=pass",
            "aws_s3_bucket.tagged_by_variable=pass"
        ]
    );
    assert!(report.findings[1].assertions.iter().all(|a| !a.is_filter));
}

#[test]
fn quoted_keys_reach_tags_with_dots() {
    for key in [
        r#"tags."kubernetes.io/role""#,
        r#"tags["kubernetes.io/role"]"#,
    ] {
        let rules = format!(
            "rules:\n  - id: r\n    resource_type: aws_s3_bucket\n    filters: [{{key: bucket, operator: equals, value: sensitive}}]\n    assertions:\n      - key: '{key}'\n        operator: equals\n        value: data\n"
        );
        assert_eq!(
            outcomes(&scan(PIPELINE, &rules)),
            ["aws_s3_bucket.sensitive=pass"],
            "{key}"
        );
    }
}

#[test]
fn resource_types_select_data_sources_modules_providers_and_alternatives() {
    let selected = |resource_type: &str| {
        let rules = format!(
            "rules:\n  - id: r\n    resource_type: {resource_type}\n    assertions: [{{key: nothing_here, operator: not_exists}}]\n"
        );
        outcomes(&scan(PIPELINE, &rules))
            .into_iter()
            .map(|o| o.trim_end_matches("=pass").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        selected("data.aws_iam_policy_document"),
        ["data.aws_iam_policy_document.assume"]
    );
    assert_eq!(selected("module"), ["module.network"]);
    assert_eq!(
        selected("provider.aws"),
        ["provider.aws", "provider.aws.us"]
    );
    assert_eq!(selected("'aws_s3_bucket | module'").len(), 4);
    assert_eq!(
        selected("[aws_s3_bucket, data.aws_iam_policy_document]").len(),
        4
    );
    // `*` is every managed resource, not data sources, modules or providers.
    assert_eq!(selected("'*'").len(), 6);
}

#[test]
fn module_arguments_are_attributes() {
    let rules = "rules:\n  - id: r\n    resource_type: module\n    assertions: [{key: cidr_block, operator: starts_with, value: '10.'}]\n";
    assert_eq!(outcomes(&scan(PIPELINE, rules)), ["module.network=pass"]);
}

#[test]
fn python_riveter_shape_with_operators_in_filters() {
    let rules = r#"
rules:
  - id: financial-retention
    resource_type: aws_s3_bucket_lifecycle_configuration
    description: Financial data is kept for seven years
    severity: error
    filter:
      bucket: { regex: ".*financial" }
    assert:
      rule.0.expiration.0.days: { gte: 2555 }
      rule.0.status: Enabled
      rule.0.id: present
    metadata:
      tags: [retention]
      references: ["https://example.com/retention"]
"#;
    let report = scan(PIPELINE, rules);
    // `regex` is anchored at the start, as Python's re.match: `.*financial` matches `${aws_s3_bucket.financial...}`.
    assert_eq!(
        outcomes(&report),
        [
            "aws_s3_bucket_lifecycle_configuration.financial=pass",
            "aws_s3_bucket_lifecycle_configuration.financial_short=fail"
        ]
    );
    let rule = &report.rules[0];
    assert_eq!(rule.severity, riveter::rules::Severity::High);
    assert_eq!(rule.tags, ["retention"]);
    assert_eq!(rule.references, ["https://example.com/retention"]);
    let failed = &report.findings[1];
    let keys: Vec<&str> = failed
        .assertions
        .iter()
        .filter(|a| a.verdict == riveter::rules::Verdict::Fail)
        .map(|a| a.key())
        .collect();
    assert_eq!(keys, ["rule.0.expiration.0.days", "rule.0.id"]);
}

#[test]
fn python_riveter_regex_is_anchored_at_the_start() {
    let rules = |pattern: &str| {
        format!(
            "rules:\n  - id: r\n    resource_type: aws_s3_bucket\n    filter: {{bucket: sensitive}}\n    assert:\n      bucket: {{regex: '{pattern}'}}\n"
        )
    };
    assert_eq!(
        outcomes(&scan(PIPELINE, &rules("sens"))),
        ["aws_s3_bucket.sensitive=pass"]
    );
    assert_eq!(
        outcomes(&scan(PIPELINE, &rules("itive"))),
        ["aws_s3_bucket.sensitive=fail"]
    );
}

#[test]
fn python_riveter_look_around_patterns_work_as_in_python() {
    // The Python riveter's packs use Python's `re`: look-ahead, anchored at the start.
    let rules = |pattern: &str| {
        format!(
            "rules:\n  - id: r\n    resource_type: aws_s3_bucket\n    filter: {{bucket: sensitive}}\n    assert:\n      bucket: {{regex: '{pattern}'}}\n"
        )
    };
    assert_eq!(
        outcomes(&scan(PIPELINE, &rules("^(?!default).*$"))),
        ["aws_s3_bucket.sensitive=pass"]
    );
    assert_eq!(
        outcomes(&scan(PIPELINE, &rules("(?!sens)"))),
        ["aws_s3_bucket.sensitive=fail"]
    );
}

#[test]
fn python_riveter_length_maps_and_operators_in_none_match_patterns() {
    let tf = r#"
resource "aws_security_group" "bastion" {
  ingress {
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_security_group" "internal" {
  ingress {
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/8"]
  }
}
resource "aws_iam_user" "no_inline_policy" {
  name = "ci"
}
"#;
    let rules = r#"
rules:
  - id: no-ssh-from-the-world
    resource_type: aws_security_group
    assert:
      ingress:
        none_match:
          - from_port: 22
            cidr_blocks:
              contains: "0.0.0.0/0"
  - id: two-ingress-rules
    resource_type: aws_security_group
    assert:
      ingress: {length: {gte: 2}}
  - id: no-inline-policy
    resource_type: aws_iam_user
    assert:
      inline_policy: {length: {eq: 0}}
"#;
    assert_eq!(
        outcomes(&scan(tf, rules)),
        [
            "aws_security_group.bastion=fail",
            "aws_security_group.internal=pass",
            "aws_security_group.bastion=fail",
            "aws_security_group.internal=pass",
            "aws_iam_user.no_inline_policy=pass",
        ]
    );
}

#[test]
fn python_riveter_nested_maps_continue_the_path() {
    let rules = "rules:\n  - id: r\n    resource_type: aws_s3_bucket\n    filter: {bucket: sensitive}\n    assert:\n      tags:\n        DataClassification: Sensitive\n        kubernetes.io/role: data\n";
    assert_eq!(
        outcomes(&scan(PIPELINE, rules)),
        ["aws_s3_bucket.sensitive=pass"]
    );
}

#[test]
fn a_missing_attribute_points_at_the_nearest_block() {
    let rules = "rules:\n  - id: r\n    resource_type: aws_s3_bucket_lifecycle_configuration\n    assertions: [{key: rule.0.expiration.0.days, operator: exists}]\n";
    let report = scan(PIPELINE, rules);
    let logs = &report.findings[2];
    assert_eq!(logs.outcome, Outcome::Fail);
    // Line 25 is the `rule {` block of the logs configuration; the resource starts on line 23.
    assert_eq!(logs.assertions[0].span.line, 25);
    assert_eq!(logs.resource.as_ref().unwrap().span.line, 23);
    assert_eq!(
        logs.assertions[0].detail(),
        "rule.0.expiration.0.days is not set (expected to be set)"
    );
}

#[test]
fn a_failing_attribute_carries_its_own_line() {
    let rules = "rules:\n  - id: r\n    resource_type: aws_s3_bucket_lifecycle_configuration\n    assertions: [{key: rule.0.expiration.0.days, operator: gte, value: 2555}]\n";
    let report = scan(PIPELINE, rules);
    let short = &report.findings[1];
    assert_eq!(short.outcome, Outcome::Fail);
    // Line 18 is `days = 30`.
    assert_eq!(short.location().map(|(_, span)| span.line), Some(18));
    assert_eq!(
        short.assertions[0].detail(),
        "rule.0.expiration.0.days: expected to be at least 2555, found 30"
    );
}

#[test]
fn unknown_outcomes_name_the_expression() {
    let tf = "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"b\" {\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = var.sse_algorithm\n    }\n  }\n}\n";
    let rules = "rules:\n  - id: r\n    resource_type: aws_s3_bucket_server_side_encryption_configuration\n    assertions: [{key: rule.0.apply_server_side_encryption_by_default.0.sse_algorithm, operator: equals, value: 'aws:kms'}]\n";
    let report = scan(tf, rules);
    assert_eq!(report.findings[0].outcome, Outcome::Unknown);
    assert_eq!(
        report.findings[0].message(),
        "rule.0.apply_server_side_encryption_by_default.0.sse_algorithm depends on var.sse_algorithm, which is not declared in this module (expected to equal \"aws:kms\")"
    );
}

#[test]
fn dynamic_blocks_stand_for_the_blocks_they_generate() {
    let tf = r#"
resource "aws_security_group" "web" {
  name = "web"
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}
"#;
    let rule = |key: &str, op: &str, value: &str| {
        format!(
            "rules:\n  - id: r\n    resource_type: aws_security_group\n    assertions: [{{key: '{key}', operator: {op}, value: {value}}}]\n"
        )
    };
    assert_eq!(
        outcomes(&scan(
            tf,
            &rule("ingress.*.cidr_blocks", "not_contains", "'0.0.0.0/0'")
        )),
        ["aws_security_group.web=pass"]
    );
    assert_eq!(
        outcomes(&scan(tf, &rule("ingress.from_port", "gt", "0"))),
        ["aws_security_group.web=unknown"]
    );
}

#[test]
fn findings_come_by_rule_then_resource_across_hundreds_of_resources() {
    // Two types interleaved in source order, enough of them that the engine evaluates them in
    // several slices, a filter that drops every third bucket, and a rule that selects nothing.
    let mut tf = String::new();
    for i in 0..300 {
        let kind = if i % 2 == 0 {
            "aws_s3_bucket"
        } else {
            "aws_sqs_queue"
        };
        let tier = if i % 3 == 0 { "cold" } else { "hot" };
        tf.push_str(&format!(
            "resource \"{kind}\" \"r{i}\" {{\n  tier = \"{tier}\"\n}}\n"
        ));
    }
    let rules = r#"
rules:
  - id: queues
    resource_type: aws_sqs_queue
    assertions:
      - key: tier
        operator: equals
        value: hot
  - id: hot-buckets
    resource_type: aws_s3_bucket
    filters:
      - key: tier
        operator: equals
        value: hot
    assertions:
      - key: tier
        operator: exists
  - id: tables
    resource_type: aws_dynamodb_table
    assertions:
      - key: tier
        operator: exists
"#;
    let report = scan(&tf, rules);
    let expected: Vec<String> = (0..300)
        .filter(|i| i % 2 == 1)
        .map(|i| {
            let outcome = if i % 3 == 0 { "fail" } else { "pass" };
            format!("queues aws_sqs_queue.r{i}={outcome}")
        })
        .chain(
            (0..300)
                .filter(|i| i % 2 == 0 && i % 3 != 0)
                .map(|i| format!("hot-buckets aws_s3_bucket.r{i}=pass")),
        )
        .chain(["tables -=skipped".to_string()])
        .collect();
    let got: Vec<String> = report
        .findings
        .iter()
        .zip(outcomes(&report))
        .map(|(f, outcome)| format!("{} {outcome}", report.rules[f.rule].id))
        .collect();
    assert_eq!(got, expected);
}
