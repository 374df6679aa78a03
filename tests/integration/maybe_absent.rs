//! Values that may be absent (docs/rules.md, "Values that may be absent"): a dynamic block whose
//! `for_each` is not known, `try(…, null)`, a conditional with a `null` branch, `lookup(…, null)`
//! and a nullable variable without a value are never read as present. Each case is checked both
//! ways, with the message that names the reason.

use crate::util::scan;
use riveter::engine;
use riveter::findings::{Outcome, Report};
use riveter::rules::load_str;
use riveter::terraform::{self, VariableInputs, discover};

/// The outcome and the message of the rule `id` on the resource `address`.
fn finding(report: &Report, id: &str, address: &str) -> (Outcome, String) {
    let rule = report
        .rules
        .iter()
        .position(|r| r.id == id)
        .unwrap_or_else(|| panic!("no rule {id}"));
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == rule && f.resource.as_ref().is_some_and(|r| r.address == address))
        .unwrap_or_else(|| panic!("no finding of {id} on {address}: {:?}", report.findings));
    (finding.outcome, finding.message().into_owned())
}

/// Rules on `resource_type`, one assertion each: `(id, key, operator, value)`.
fn rules(resource_type: &str, assertions: &[(&str, &str, &str, &str)]) -> String {
    let mut yaml = String::from("rules:\n");
    for (id, key, operator, value) in assertions {
        yaml.push_str(&format!(
            "  - id: {id}\n    resource_type: {resource_type}\n    assertions:\n      - key: '{key}'\n        operator: {operator}\n"
        ));
        if !value.is_empty() {
            yaml.push_str(&format!("        value: {value}\n"));
        }
    }
    yaml
}

const LAMBDAS: &str = r#"
variable "dlq" {
  type = object({ arn = string })
}

resource "aws_lambda_function" "unknown" {
  function_name = "unknown"
  dynamic "dead_letter_config" {
    for_each = var.dlq == null ? [] : [var.dlq]
    content {
      target_arn = dead_letter_config.value.arn
    }
  }
}

resource "aws_lambda_function" "empty" {
  function_name = "empty"
  dynamic "dead_letter_config" {
    for_each = []
    content {
      target_arn = "arn:aws:sqs:eu-west-1:111122223333:dlq"
    }
  }
}

resource "aws_lambda_function" "known" {
  function_name = "known"
  dynamic "dead_letter_config" {
    for_each = ["arn:aws:sqs:eu-west-1:111122223333:dlq"]
    content {
      target_arn = dead_letter_config.value
    }
  }
}

resource "aws_lambda_function" "wildcard" {
  function_name = "wildcard"
  dynamic "dead_letter_config" {
    for_each = var.dlq == null ? [] : [var.dlq]
    content {
      target_arn = "*"
    }
  }
}
"#;

const DLQ_REASON: &str = "dead_letter_config may be absent: dead_letter_config is a dynamic block whose for_each depends on var.dlq, which has no value";

#[test]
fn a_dynamic_block_whose_for_each_is_unknown_may_be_absent() {
    let report = scan(
        LAMBDAS,
        &rules(
            "aws_lambda_function",
            &[
                ("exists", "dead_letter_config", "exists", ""),
                (
                    "at_least_one",
                    "dead_letter_config",
                    "length_greater_than_or_equal",
                    "1",
                ),
                ("target", "dead_letter_config.target_arn", "exists", ""),
                (
                    "first_target",
                    "dead_letter_config.0.target_arn",
                    "exists",
                    "",
                ),
                ("present", "dead_letter_config", "present", ""),
                ("not_exists", "dead_letter_config", "not_exists", ""),
            ],
        ),
    );
    for id in ["exists", "at_least_one", "present", "not_exists"] {
        let (outcome, message) = finding(&report, id, "aws_lambda_function.unknown");
        assert_eq!(outcome, Outcome::Unknown, "{id}: {message}");
        assert!(message.starts_with(DLQ_REASON), "{id}: {message}");
    }
    for id in ["target", "first_target"] {
        let (outcome, message) = finding(&report, id, "aws_lambda_function.unknown");
        assert_eq!(outcome, Outcome::Unknown, "{id}: {message}");
        assert!(
            message.contains("target_arn may be absent: dead_letter_config is a dynamic block whose for_each depends on var.dlq, which has no value"),
            "{id}: {message}"
        );
    }
    // A known empty for_each is no block; a known one, one block per element.
    for id in [
        "exists",
        "at_least_one",
        "target",
        "first_target",
        "present",
    ] {
        let (outcome, message) = finding(&report, id, "aws_lambda_function.empty");
        assert_eq!(outcome, Outcome::Fail, "{id}: {message}");
        assert!(message.contains("is not set"), "{id}: {message}");
        let (outcome, _) = finding(&report, id, "aws_lambda_function.known");
        assert_eq!(outcome, Outcome::Pass, "{id}");
    }
    assert_eq!(
        finding(&report, "not_exists", "aws_lambda_function.empty").0,
        Outcome::Pass
    );
    assert_eq!(
        finding(&report, "not_exists", "aws_lambda_function.known").0,
        Outcome::Fail
    );
}

#[test]
fn a_known_for_each_makes_one_block_per_element() {
    let tf = r#"
resource "aws_security_group" "web" {
  dynamic "ingress" {
    for_each = { ssh = 22, https = 443 }
    content {
      from_port = ingress.value
    }
  }
}
"#;
    let report = scan(
        tf,
        &rules(
            "aws_security_group",
            &[
                ("two", "ingress", "length_equals", "2"),
                ("three", "ingress", "length_equals", "3"),
                ("ports", "ingress.*.from_port", "in", "[22, 443]"),
                ("second", "ingress.1.from_port", "equals", "22"),
            ],
        ),
    );
    let outcome = |id| finding(&report, id, "aws_security_group.web").0;
    assert_eq!(outcome("two"), Outcome::Pass);
    assert_eq!(outcome("three"), Outcome::Fail);
    assert_eq!(outcome("ports"), Outcome::Pass);
    // Keys in order: https, ssh.
    assert_eq!(outcome("second"), Outcome::Pass);
}

#[test]
fn what_a_block_that_may_be_absent_holds_is_judged_where_both_cases_agree() {
    let report = scan(
        LAMBDAS,
        &rules(
            "aws_lambda_function",
            &[
                (
                    "not_star",
                    "dead_letter_config.target_arn",
                    "not_equals",
                    "'*'",
                ),
                ("is_star", "dead_letter_config.target_arn", "equals", "'*'"),
                (
                    "sqs",
                    "dead_letter_config.target_arn",
                    "starts_with",
                    "'arn:aws:sqs:'",
                ),
            ],
        ),
    );
    // `*` fails where the block is there and passes where it is not: unknown, with what would
    // fail.
    let (outcome, message) = finding(&report, "not_star", "aws_lambda_function.wildcard");
    assert_eq!(outcome, Outcome::Unknown, "{message}");
    assert!(message.starts_with("dead_letter_config.target_arn may be absent: dead_letter_config is a dynamic block whose for_each depends on var.dlq"), "{message}");
    assert!(
        message.contains(r#"where it is set: expected not to equal "*", found "*""#),
        "{message}"
    );
    // A value that passes where the block is there passes a negative check either way.
    assert_eq!(
        finding(&report, "not_star", "aws_lambda_function.known").0,
        Outcome::Pass
    );
    // A positive check that the block's value fails fails either way: where the block is not
    // there, the key is not set.
    let (outcome, message) = finding(&report, "sqs", "aws_lambda_function.wildcard");
    assert_eq!(outcome, Outcome::Fail, "{message}");
    // And one it passes where the block is there is unknown: the block may not be.
    let (outcome, message) = finding(&report, "is_star", "aws_lambda_function.wildcard");
    assert_eq!(outcome, Outcome::Unknown, "{message}");
    assert!(message.contains("may be absent"), "{message}");
}

#[test]
fn the_common_optional_blocks_may_be_absent_too() {
    for (resource_type, block) in [
        ("aws_lambda_function", "vpc_config"),
        ("aws_ecs_cluster", "log_config"),
        ("aws_s3_bucket_lifecycle_configuration", "lifecycle_rule"),
        ("azurerm_linux_virtual_machine", "boot_diagnostics"),
        ("azurerm_storage_account", "network_rules"),
    ] {
        let tf = format!(
            r#"
variable "settings" {{}}

resource "{resource_type}" "maybe" {{
  dynamic "{block}" {{
    for_each = var.settings == null ? [] : [var.settings]
    content {{
      enabled = true
    }}
  }}
}}

resource "{resource_type}" "never" {{
  dynamic "{block}" {{
    for_each = var.settings == null ? [] : []
    content {{
      enabled = true
    }}
  }}
}}
"#
        );
        let report = scan(
            &tf,
            &rules(
                resource_type,
                &[
                    ("exists", block, "exists", ""),
                    ("at_least_one", block, "length_greater_than", "0"),
                ],
            ),
        );
        for id in ["exists", "at_least_one"] {
            let (outcome, message) = finding(&report, id, &format!("{resource_type}.maybe"));
            assert_eq!(outcome, Outcome::Unknown, "{block} {id}: {message}");
            let reason = format!(
                "{block} may be absent: {block} is a dynamic block whose for_each depends on var.settings, which has no value"
            );
            assert!(message.starts_with(&reason), "{block} {id}: {message}");
        }
        // Both branches are empty lists: whatever the condition, there is no block. The
        // for_each is still not known to riveter, so presence stays unknown, never a pass.
        let (outcome, _) = finding(&report, "exists", &format!("{resource_type}.never"));
        assert_ne!(outcome, Outcome::Pass, "{block}");
    }
}

#[test]
fn length_checks_compare_every_length_the_blocks_may_have() {
    let tf = r#"
variable "rules" {}
variable "two_or_none" {}

resource "aws_s3_bucket_lifecycle_configuration" "static_and_dynamic" {
  rule {
    days = 10
  }
  dynamic "rule" {
    for_each = var.rules
    content {
      days = 400
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "two_or_none" {
  dynamic "rule" {
    for_each = var.two_or_none ? ["a", "b"] : null
    content {
      days = 20
    }
  }
}
"#;
    let report = scan(
        tf,
        &rules(
            "aws_s3_bucket_lifecycle_configuration",
            &[
                ("at_least_one", "rule", "length_greater_than_or_equal", "1"),
                ("at_most_two", "rule", "length_less_than_or_equal", "2"),
                ("at_most_five", "rule", "length_less_than_or_equal", "5"),
                ("days", "rule.days", "less_than_or_equal", "365"),
                ("second_days", "rule.1.days", "less_than_or_equal", "365"),
            ],
        ),
    );
    let static_and_dynamic = |id| {
        finding(
            &report,
            id,
            "aws_s3_bucket_lifecycle_configuration.static_and_dynamic",
        )
    };
    let two_or_none = |id| {
        finding(
            &report,
            id,
            "aws_s3_bucket_lifecycle_configuration.two_or_none",
        )
    };
    // One static block, and any number of dynamic ones.
    assert_eq!(static_and_dynamic("at_least_one").0, Outcome::Pass);
    assert_eq!(static_and_dynamic("at_most_five").0, Outcome::Unknown);
    // The dynamic blocks fail where they are: unknown, and what fails is named.
    let (outcome, message) = static_and_dynamic("days");
    assert_eq!(outcome, Outcome::Unknown, "{message}");
    assert!(message.contains("found [10, 400]"), "{message}");
    // The second block is a dynamic one or none: 400 fails, and a key not set fails too.
    assert_eq!(static_and_dynamic("second_days").0, Outcome::Fail);
    // No block, or two.
    assert_eq!(two_or_none("at_most_two").0, Outcome::Pass);
    let (outcome, message) = two_or_none("at_least_one");
    assert_eq!(outcome, Outcome::Unknown, "{message}");
    assert!(
        message.contains("rule is a dynamic block whose for_each may be null: var.two_or_none ? [\"a\", \"b\"] : null may be null, since its condition depends on var.two_or_none, which has no value"),
        "{message}"
    );
    assert_eq!(two_or_none("second_days").0, Outcome::Unknown);
}

const SECRETS: &str = r#"
variable "settings" {}

variable "known_settings" {
  default = { expiration_date = "2030-01-01T00:00:00Z" }
}

variable "empty_settings" {
  default = {}
}

variable "expiry" {
  type = string
}

variable "required_expiry" {
  type     = string
  nullable = false
}

variable "tags" {}

resource "azurerm_key_vault_secret" "try_unknown" {
  expiration_date = try(var.settings.expiration_date, null)
}

resource "azurerm_key_vault_secret" "try_known" {
  expiration_date = try(var.known_settings.expiration_date, null)
}

resource "azurerm_key_vault_secret" "try_missing" {
  expiration_date = try(var.empty_settings.expiration_date, null)
}

resource "azurerm_key_vault_secret" "try_with_default" {
  expiration_date = try(var.settings.expiration_date, "2030-01-01T00:00:00Z")
}

resource "azurerm_key_vault_secret" "conditional" {
  expiration_date = var.settings == null ? null : "2030-01-01T00:00:00Z"
}

resource "azurerm_key_vault_secret" "conditional_decided" {
  expiration_date = var.known_settings == null ? null : "2030-01-01T00:00:00Z"
}

resource "azurerm_key_vault_secret" "conditional_without_null" {
  expiration_date = var.settings == null ? "2030-01-01T00:00:00Z" : "2031-01-01T00:00:00Z"
}

resource "azurerm_key_vault_secret" "nullable" {
  expiration_date = var.expiry
}

resource "azurerm_key_vault_secret" "through_a_local" {
  expiration_date = local.expiry
}

resource "azurerm_key_vault_secret" "not_nullable" {
  expiration_date = var.required_expiry
}

resource "azurerm_key_vault_secret" "lookup" {
  expiration_date = lookup(var.tags, "expiry", null)
}

resource "azurerm_key_vault_secret" "reference" {
  expiration_date = time_offset.expiry.rfc3339
}

resource "azurerm_key_vault_secret" "try_reference" {
  expiration_date = try(time_offset.expiry.rfc3339, null)
}

resource "azurerm_key_vault_secret" "template" {
  expiration_date = "${var.expiry}T00:00:00Z"
}

locals {
  expiry = var.expiry
}
"#;

fn secrets() -> Report {
    scan(
        SECRETS,
        &rules(
            "azurerm_key_vault_secret",
            &[
                ("exists", "expiration_date", "exists", ""),
                ("not_exists", "expiration_date", "not_exists", ""),
                ("present", "expiration_date", "present", ""),
                ("absent", "expiration_date", "absent", ""),
                ("dated", "expiration_date", "matches", "'^20'"),
            ],
        ),
    )
}

/// The outcomes of `exists` and `not_exists`, and the message of `exists`.
fn both_ways(report: &Report, name: &str) -> (Outcome, Outcome, String) {
    let address = format!("azurerm_key_vault_secret.{name}");
    let (exists, message) = finding(report, "exists", &address);
    let (not_exists, _) = finding(report, "not_exists", &address);
    (exists, not_exists, message)
}

#[test]
fn try_with_a_null_fallback_may_be_absent() {
    let report = secrets();
    let (exists, not_exists, message) = both_ways(&report, "try_unknown");
    assert_eq!(
        (exists, not_exists),
        (Outcome::Unknown, Outcome::Unknown),
        "{message}"
    );
    assert_eq!(
        message,
        "expiration_date may be absent: try(var.settings.expiration_date, null) may fall back to null, since var.settings.expiration_date depends on var.settings, which has no value (expected to be set)"
    );
    for name in ["present", "absent"] {
        let (outcome, _) = finding(&report, name, "azurerm_key_vault_secret.try_unknown");
        assert_eq!(outcome, Outcome::Unknown, "{name}");
    }
    // Known: the value, or null.
    let (exists, not_exists, _) = both_ways(&report, "try_known");
    assert_eq!((exists, not_exists), (Outcome::Pass, Outcome::Fail));
    let (exists, not_exists, message) = both_ways(&report, "try_missing");
    assert_eq!((exists, not_exists), (Outcome::Fail, Outcome::Pass));
    assert!(message.contains("is not set"), "{message}");
    // A fallback that is set: set either way.
    assert_eq!(both_ways(&report, "try_with_default").0, Outcome::Pass);
    assert_eq!(both_ways(&report, "try_with_default").1, Outcome::Fail);
}

#[test]
fn a_conditional_with_a_null_branch_may_be_absent() {
    let report = secrets();
    let (exists, not_exists, message) = both_ways(&report, "conditional");
    assert_eq!(
        (exists, not_exists),
        (Outcome::Unknown, Outcome::Unknown),
        "{message}"
    );
    assert_eq!(
        message,
        r#"expiration_date may be absent: var.settings == null ? null : "2030-01-01T00:00:00Z" may be null, since its condition depends on var.settings, which has no value (expected to be set)"#
    );
    // Where it is set it is the other branch, which the text operators read.
    let (outcome, message) = finding(&report, "dated", "azurerm_key_vault_secret.conditional");
    assert_eq!(outcome, Outcome::Unknown, "{message}");
    // A condition that is known decides; one without a null branch is set either way.
    let (exists, not_exists, _) = both_ways(&report, "conditional_decided");
    assert_eq!((exists, not_exists), (Outcome::Pass, Outcome::Fail));
    let (exists, not_exists, _) = both_ways(&report, "conditional_without_null");
    assert_eq!((exists, not_exists), (Outcome::Pass, Outcome::Fail));
}

#[test]
fn a_nullable_variable_without_a_value_may_be_absent_unless_declared_not_nullable() {
    let report = secrets();
    for name in ["nullable", "through_a_local"] {
        let (exists, not_exists, message) = both_ways(&report, name);
        assert_eq!(
            (exists, not_exists),
            (Outcome::Unknown, Outcome::Unknown),
            "{name}: {message}"
        );
        assert_eq!(
            message,
            "expiration_date may be absent: var.expiry has no value, and may be null, since it is not declared with nullable = false (expected to be set)"
        );
    }
    // `nullable = false`: unknown, but set.
    let (exists, not_exists, message) = both_ways(&report, "not_nullable");
    assert_eq!(
        (exists, not_exists),
        (Outcome::Pass, Outcome::Fail),
        "{message}"
    );
    let (outcome, message) = finding(
        &report,
        "not_exists",
        "azurerm_key_vault_secret.not_nullable",
    );
    assert_eq!(outcome, Outcome::Fail);
    assert!(message.contains("${var.required_expiry}"), "{message}");
}

#[test]
fn lookup_with_a_null_default_on_an_unknown_map_may_be_absent() {
    let report = secrets();
    let (exists, not_exists, message) = both_ways(&report, "lookup");
    assert_eq!(
        (exists, not_exists),
        (Outcome::Unknown, Outcome::Unknown),
        "{message}"
    );
    assert!(
        message.starts_with(r#"expiration_date may be absent: lookup(var.tags, "expiry", null) may be null, since its map depends on var.tags, which has no value"#),
        "{message}"
    );
}

#[test]
fn what_is_known_not_to_be_null_stays_set() {
    let report = secrets();
    // Another resource's attribute, also through try(): it cannot fail.
    for name in ["reference", "try_reference", "template"] {
        let (exists, not_exists, message) = both_ways(&report, name);
        assert_eq!(
            (exists, not_exists),
            (Outcome::Pass, Outcome::Fail),
            "{name}: {message}"
        );
    }
    // A template with known text is set and not empty, even around a value that may be null
    // (Terraform refuses null in a template).
    let (outcome, _) = finding(&report, "present", "azurerm_key_vault_secret.template");
    assert_eq!(outcome, Outcome::Pass);
}

#[test]
fn a_null_given_to_a_variable_declared_not_nullable_takes_its_default() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("modules/secret")).unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        r#"
module "secret" {
  source = "./modules/secret"
  strict = null
  loose  = null
}
"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("modules/secret/main.tf"),
        r#"
variable "strict" {
  default  = "2030-01-01T00:00:00Z"
  nullable = false
}

variable "loose" {
  default = "2030-01-01T00:00:00Z"
}

resource "azurerm_key_vault_secret" "strict" {
  expiration_date = var.strict
}

resource "azurerm_key_vault_secret" "loose" {
  expiration_date = var.loose
}
"#,
    )
    .unwrap();
    let found = discover(&[dir.path().display().to_string()]).unwrap();
    let inputs = VariableInputs::load(&[], std::iter::empty(), &found.tree).unwrap();
    let terraform = terraform::load(found, dir.path(), &inputs);
    let yaml = rules(
        "azurerm_key_vault_secret",
        &[("exists", "expiration_date", "exists", "")],
    );
    let report = engine::scan(load_str("rules.yml", &yaml).unwrap().rules, terraform);
    // Found by name: how a called module's resources are addressed is not what this is about.
    let outcome = |name: &str| {
        report
            .findings
            .iter()
            .find(|f| f.resource.as_ref().is_some_and(|r| r.name == name))
            .map(|f| f.outcome)
            .unwrap_or_else(|| panic!("no finding on {name}"))
    };
    assert_eq!(outcome("strict"), Outcome::Pass);
    assert_eq!(outcome("loose"), Outcome::Fail);
}

#[test]
fn instances_that_differ_in_what_they_set_are_not_read_as_set() {
    let tf = r#"
variable "buckets" {
  default = {
    a = { rules = [{ days = 30 }], tags = { Owner = "data" } }
    b = { rules = [{ days = 90 }], tags = { Team = "web" } }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "each" {
  for_each = var.buckets
  bucket   = each.key
  tags     = each.value.tags
  dynamic "rule" {
    for_each = each.value.rules
    content {
      days = rule.value.days
    }
  }
}
"#;
    let report = scan(
        tf,
        &rules(
            "aws_s3_bucket_lifecycle_configuration",
            &[
                ("owner", "tags.Owner", "exists", ""),
                ("days", "rule.days", "less_than_or_equal", "365"),
                ("long", "rule", "none_match", "{days: {gt: 365}}"),
                ("short", "rule.0.days", "less_than", "60"),
            ],
        ),
    );
    let each = |id| finding(&report, id, "aws_s3_bucket_lifecycle_configuration.each");
    // One instance's tags have Owner, the other's do not.
    let (outcome, message) = each("owner");
    assert_eq!(outcome, Outcome::Unknown, "{message}");
    assert!(
        message.contains("each.value.tags, which differs for each instance"),
        "{message}"
    );
    // Every instance's rule passes; one instance's fails.
    assert_eq!(each("days").0, Outcome::Pass);
    assert_eq!(each("long").0, Outcome::Pass);
    assert_eq!(each("short").0, Outcome::Unknown);
}

#[test]
fn a_filter_on_a_value_that_may_be_absent_is_undecided() {
    let tf = r#"
variable "dlq" {}

resource "aws_lambda_function" "f" {
  function_name = "f"
  timeout       = 30
  dynamic "dead_letter_config" {
    for_each = var.dlq == null ? [] : [var.dlq]
    content {
      target_arn = "arn:aws:sqs:eu-west-1:111122223333:dlq"
    }
  }
}
"#;
    let yaml = r#"
rules:
  - id: short_with_dlq
    resource_type: aws_lambda_function
    filters:
      - key: dead_letter_config
        operator: exists
    assertions:
      - key: timeout
        operator: greater_than
        value: 60
"#;
    let report = scan(tf, yaml);
    let (outcome, message) = finding(&report, "short_with_dlq", "aws_lambda_function.f");
    assert_eq!(outcome, Outcome::Unknown, "{message}");
    assert!(
        message.contains("whether it applies is unknown: filter: dead_letter_config may be absent"),
        "{message}"
    );
}

#[test]
fn a_policy_document_with_blocks_that_may_be_absent_is_judged_every_way() {
    let tf = r#"
variable "public" {}

data "aws_iam_policy_document" "maybe_public" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    dynamic "principals" {
      for_each = var.public ? [1] : []
      content {
        type        = "AWS"
        identifiers = ["*"]
      }
    }
  }
}

data "aws_iam_policy_document" "maybe_shared" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    dynamic "principals" {
      for_each = var.public ? [1] : []
      content {
        type        = "AWS"
        identifiers = ["arn:aws:iam::111122223333:root"]
      }
    }
  }
}

resource "aws_s3_bucket_policy" "maybe_public" {
  bucket = "a"
  policy = data.aws_iam_policy_document.maybe_public.json
}

resource "aws_s3_bucket_policy" "maybe_shared" {
  bucket = "b"
  policy = data.aws_iam_policy_document.maybe_shared.json
}
"#;
    let yaml = r#"
rules:
  - id: not_public
    resource_type: aws_s3_bucket_policy
    assertions:
      - key: policy
        operator: not_matches
        value: '"(AWS|Principal)"\s*:\s*"\*"'
  - id: cloudfront
    resource_type: aws_s3_bucket_policy
    assertions:
      - key: policy
        operator: contains
        value: cloudfront.amazonaws.com
"#;
    let report = scan(tf, yaml);
    // The public principal is in the document only when var.public is true.
    let (outcome, message) = finding(&report, "not_public", "aws_s3_bucket_policy.maybe_public");
    assert_eq!(outcome, Outcome::Unknown, "{message}");
    assert!(
        message.contains("data.aws_iam_policy_document.maybe_public.json, which holds blocks that may be absent: principals is a dynamic block whose for_each depends on var.public, which has no value"),
        "{message}"
    );
    // Every way the documents can be passes these.
    assert_eq!(
        finding(&report, "not_public", "aws_s3_bucket_policy.maybe_shared").0,
        Outcome::Pass
    );
    assert_eq!(
        finding(&report, "cloudfront", "aws_s3_bucket_policy.maybe_public").0,
        Outcome::Pass
    );
}

/// A `*` (or a name over a list of blocks) reaches what each block sets: a block that does not
/// set it has it unset, so a sidecar without the setting fails what the main container passes,
/// while a negative assertion passes on it.
#[test]
fn a_block_that_does_not_set_what_its_siblings_set_has_it_unset() {
    let tf = r#"
resource "kubernetes_pod" "sidecar" {
  spec {
    container {
      name = "app"
      security_context {
        read_only_root_filesystem = true
      }
    }
    container {
      name = "sidecar"
    }
  }
}

resource "kubernetes_pod" "both" {
  spec {
    container {
      name = "app"
      security_context {
        read_only_root_filesystem = true
      }
    }
    container {
      name = "sidecar"
      security_context {
        read_only_root_filesystem = true
      }
    }
  }
}
"#;
    let rules = r#"
rules:
  - id: read-only-root
    resource_type: kubernetes_pod
    assertions:
      - {key: spec.0.container.*.security_context.0.read_only_root_filesystem, operator: equals, value: true}
  - id: names-over-blocks
    resource_type: kubernetes_pod
    assertions:
      - {key: spec.container.security_context.read_only_root_filesystem, operator: equals, value: true}
  - id: not-privileged
    resource_type: kubernetes_pod
    assertions:
      - {key: spec.0.container.*.security_context.0.privileged, operator: not_equals, value: true}
"#;
    let report = scan(tf, rules);
    for id in ["read-only-root", "names-over-blocks"] {
        let (outcome, message) = finding(&report, id, "kubernetes_pod.sidecar");
        assert_eq!(outcome, Outcome::Fail, "{id}: {message}");
        assert!(
            message.contains(
                "is not set in every block that could set it (expected to equal true in each)"
            ),
            "{id}: {message}"
        );
        assert_eq!(
            finding(&report, id, "kubernetes_pod.both").0,
            Outcome::Pass,
            "{id}"
        );
    }
    assert_eq!(
        finding(&report, "not-privileged", "kubernetes_pod.sidecar").0,
        Outcome::Pass
    );
}
