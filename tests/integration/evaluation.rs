//! Evaluation as Terraform does it before `plan` (docs/evaluation.md): variables and their
//! precedence, type conversions, locals, expressions, templates, policy documents, local module
//! calls and files, on module trees written to a temporary folder.

use riveter::terraform::{self, CommandLineVariable, Terraform, VariableInputs, discover};
use riveter::value::Value;
use serde_json::{Value as J, json};
use std::fs;
use std::path::Path;

fn write(root: &Path, path: &str, text: &str) {
    let full = root.join(path);
    fs::create_dir_all(full.parent().unwrap()).unwrap();
    fs::write(full, text).unwrap();
}

fn scan(root: &Path, args: &[CommandLineVariable], env: &[(&str, &str)]) -> Terraform {
    let tf = scan_with_errors(root, args, env);
    assert!(tf.errors.is_empty(), "{:?}", tf.errors);
    tf
}

/// A scan whose files may not all be read or evaluated in full.
fn scan_with_errors(root: &Path, args: &[CommandLineVariable], env: &[(&str, &str)]) -> Terraform {
    let env = env.iter().map(|(k, v)| (k.to_string(), v.to_string()));
    let found = discover(&[root.display().to_string()]).unwrap();
    let inputs = VariableInputs::load(args, env, &found.tree).unwrap();
    terraform::load(found, root, &inputs)
}

/// An attribute of a resource, as JSON.
fn attribute(tf: &Terraform, address: &str, key: &str) -> J {
    let resource = tf
        .resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| panic!("no {address}"));
    resource
        .body
        .value
        .get(key)
        .unwrap_or_else(|| panic!("no {key}"))
        .value
        .to_json()
}

fn reason(tf: &Terraform, address: &str, key: &str) -> String {
    let resource = tf.resources.iter().find(|r| r.address == address).unwrap();
    match &resource.body.value.get(key).unwrap().value {
        Value::Unknown(u) => u.reason.clone(),
        other => panic!("{address}.{key} is known: {other}"),
    }
}

const VARIABLE_X: &str =
    "variable \"x\" {\n  default = \"default\"\n}\n\nresource \"t\" \"r\" {\n  v = var.x\n}\n";

#[test]
fn variable_values_follow_terraforms_precedence() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "main.tf", VARIABLE_X);
    let x = |args: &[CommandLineVariable], env: &[(&str, &str)]| {
        attribute(&scan(root, args, env), "t.r", "v")
    };
    assert_eq!(x(&[], &[]), json!("default"));
    assert_eq!(x(&[], &[("TF_VAR_x", "environment")]), json!("environment"));
    write(root, "terraform.tfvars", "x = \"tfvars\"\n");
    assert_eq!(x(&[], &[("TF_VAR_x", "environment")]), json!("tfvars"));
    write(root, "terraform.tfvars.json", "{\"x\": \"tfvars.json\"}");
    assert_eq!(x(&[], &[]), json!("tfvars.json"));
    write(root, "b.auto.tfvars", "x = \"b.auto\"\n");
    write(root, "a.auto.tfvars", "x = \"a.auto\"\n");
    // auto.tfvars files in lexical order: b wins over a.
    assert_eq!(x(&[], &[]), json!("b.auto"));
    write(root, "extra/one.tfvars", "x = \"var-file\"\n");
    let file = CommandLineVariable::File(root.join("extra/one.tfvars"));
    let assignment = CommandLineVariable::Assignment("x=command line".into());
    assert_eq!(x(std::slice::from_ref(&file), &[]), json!("var-file"));
    // --var-file and --var in the order given: the later one wins.
    assert_eq!(
        x(&[file.clone(), assignment.clone()], &[]),
        json!("command line")
    );
    assert_eq!(x(&[assignment, file], &[]), json!("var-file"));
}

#[test]
fn type_constraints_convert_values_as_terraform_does() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "main.tf",
        r#"
variable "count_text" {
  type    = number
  default = "10"
}
variable "flag" {
  type = bool
}
variable "ports" {
  type = list(number)
}
variable "settings" {
  type = object({
    name    = string
    size    = optional(number, 3)
    tags    = optional(map(string), {})
    comment = optional(string)
  })
  default = { name = "n", extra = "dropped" }
}
variable "wrong" {
  type    = number
  default = "many"
}
resource "t" "r" {
  count_text = var.count_text
  flag       = var.flag
  ports      = var.ports
  settings   = var.settings
  wrong      = var.wrong
}
"#,
    );
    let args = [CommandLineVariable::Assignment(
        "ports=[22, \"443\"]".into(),
    )];
    let tf = scan(root, &args, &[("TF_VAR_flag", "true")]);
    assert_eq!(attribute(&tf, "t.r", "count_text"), json!(10));
    assert_eq!(attribute(&tf, "t.r", "flag"), json!(true));
    assert_eq!(attribute(&tf, "t.r", "ports"), json!([22, 443]));
    assert_eq!(
        attribute(&tf, "t.r", "settings"),
        json!({"name": "n", "size": 3, "tags": {}, "comment": null})
    );
    assert_eq!(
        reason(&tf, "t.r", "wrong"),
        "var.wrong, whose value \"many\" is not a number"
    );
}

#[test]
fn a_variable_without_a_value_is_unknown_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        "variable \"environment\" {}\nresource \"t\" \"r\" {\n  v = \"app-${var.environment}\"\n  w = var.environment\n  u = var.undeclared\n}\n",
    );
    let tf = scan(dir.path(), &[], &[]);
    // A string around an unknown part is known, with the part written as its source.
    assert_eq!(attribute(&tf, "t.r", "v"), json!("app-${var.environment}"));
    assert_eq!(
        reason(&tf, "t.r", "w"),
        "var.environment, which has no value"
    );
    assert_eq!(
        reason(&tf, "t.r", "u"),
        "var.undeclared, which is not declared in this module"
    );
}

#[test]
fn locals_use_each_other_variables_and_functions_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "locals.tf",
        "locals {\n  common_tags = { Owner = \"platform\", Env = var.env }\n  name        = \"${local.prefix}-bucket\"\n}\n",
    );
    write(
        root,
        "variables.tf",
        "variable \"env\" {\n  default = \"prod\"\n}\nlocals {\n  prefix = lower(\"DATA-${var.env}\")\n}\n",
    );
    write(
        root,
        "main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = local.name\n  tags   = merge(local.common_tags, { Name = local.name })\n}\n",
    );
    let tf = scan(root, &[], &[]);
    assert_eq!(
        attribute(&tf, "aws_s3_bucket.b", "bucket"),
        json!("data-prod-bucket")
    );
    assert_eq!(
        attribute(&tf, "aws_s3_bucket.b", "tags"),
        json!({"Owner": "platform", "Env": "prod", "Name": "data-prod-bucket"})
    );
}

#[test]
fn a_cycle_of_locals_is_reported_once_and_stays_unknown() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        "locals {\n  a = \"${local.b}-x\"\n  b = upper(local.a)\n}\nresource \"t\" \"r\" {\n  a = local.a\n  b = local.b\n}\n",
    );
    let tf = scan(dir.path(), &[], &[]);
    assert_eq!(tf.warnings.len(), 1, "{:?}", tf.warnings);
    assert!(
        tf.warnings[0].ends_with(
            "the locals local.a -> local.b -> local.a depend on each other; they stay unknown"
        ),
        "{}",
        tf.warnings[0]
    );
    assert!(reason(&tf, "t.r", "b").contains("part of a cycle"));
    // `a` is a string around an unknown part: known text with the part as `${source}`.
    assert_eq!(attribute(&tf, "t.r", "a"), json!("${upper(local.a)}-x"));
}

#[test]
fn expressions() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"
variable "subnets" {
  default = [{ name = "a", public = true, cidr = "10.0.1.0/24" }, { name = "b", public = false, cidr = "10.0.2.0/24" }]
}
variable "env" {
  default = "prod"
}
locals {
  by_name = { for s in var.subnets : s.name => s.cidr }
  public  = [for s in var.subnets : upper(s.name) if s.public]
  grouped = { for s in var.subnets : s.public ? "public" : "private" => s.name... }
}
resource "t" "r" {
  by_name    = local.by_name
  public     = local.public
  grouped    = local.grouped
  cidrs      = var.subnets[*].cidr
  second     = var.subnets[1].name
  legacy     = var.subnets.0.name
  size       = var.env == "prod" ? 3 : 1
  arithmetic = 2 * 3 + 10 % 4 - -1
  logic      = !false && (1 < 2 || false)
  directive  = "%{ if var.env == "prod" }production%{ else }other%{ endif }"
  loop       = "%{ for s in var.subnets ~}[${s.name}]%{ endfor ~}"
  stripped   = "x %{~ for s in var.subnets ~} [${s.name}] %{~ endfor ~} y"
  heredoc    = <<-EOT
    env: ${var.env}
    %{ for s in var.subnets }- ${s.name}
    %{ endfor }done
  EOT
  unknown_if = var.env == "prod" ? aws_kms_key.k.arn : "none"
}
"#,
    );
    let tf = scan(dir.path(), &[], &[]);
    let a = |k: &str| attribute(&tf, "t.r", k);
    assert_eq!(
        a("by_name"),
        json!({"a": "10.0.1.0/24", "b": "10.0.2.0/24"})
    );
    assert_eq!(a("public"), json!(["A"]));
    assert_eq!(a("grouped"), json!({"public": ["a"], "private": ["b"]}));
    assert_eq!(a("cidrs"), json!(["10.0.1.0/24", "10.0.2.0/24"]));
    assert_eq!(a("second"), json!("b"));
    assert_eq!(a("legacy"), json!("a"));
    assert_eq!(a("size"), json!(3));
    assert_eq!(a("arithmetic"), json!(9));
    assert_eq!(a("logic"), json!(true));
    assert_eq!(a("directive"), json!("production"));
    // The templates' results are Terraform's own (terraform console, 1.11).
    assert_eq!(a("loop"), json!("[a][b]"));
    assert_eq!(a("stripped"), json!("x[a][b]y"));
    assert_eq!(a("heredoc"), json!("env: prod\n- a\n- b\ndone\n"));
    assert_eq!(
        reason(&tf, "t.r", "unknown_if"),
        "aws_kms_key.k.arn, which is known only after apply"
    );
}

#[test]
fn dynamic_blocks_expand_when_their_for_each_is_known() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"
variable "ports" {
  default = { ssh = 22, https = 443 }
}
resource "aws_security_group" "web" {
  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      description = port.key
      from_port   = port.value
    }
  }
}
"#,
    );
    let tf = scan(dir.path(), &[], &[]);
    assert_eq!(
        attribute(&tf, "aws_security_group.web", "ingress"),
        json!([{"description": "https", "from_port": 443}, {"description": "ssh", "from_port": 22}])
    );
}

#[test]
fn policy_documents_become_compact_json_with_the_providers_statements() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Keep"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::b"]
  }
}

data "aws_iam_policy_document" "assume" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]

  statement {
    sid       = "Read"
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }

  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.assume.json
  minified           = data.aws_iam_policy_document.assume.minified_json
}
"#,
    );
    let tf = scan(dir.path(), &[], &[]);
    // What `jsonencode(jsondecode(data.aws_iam_policy_document.assume.json))` gives in
    // `terraform console`: one line, keys sorted, the provider's statements and value order.
    let expected = concat!(
        r#"{"Statement":[{"Action":["s3:PutObject","s3:GetObject"],"#,
        r#""Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}},"#,
        r#""Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"#,
        r#""Resource":"${aws_s3_bucket.b.arn}/*","Sid":"Read"},"#,
        r#"{"Action":"s3:ListBucket","Effect":"Allow","Resource":"arn:aws:s3:::b","Sid":"Keep"},"#,
        r#"{"Action":"*","Effect":"Deny","Principal":"*","Resource":"*"}],"#,
        r#""Version":"2012-10-17"}"#
    );
    assert_eq!(
        attribute(&tf, "aws_iam_role.r", "assume_role_policy"),
        json!(expected)
    );
    // `minified_json` is the same text.
    assert_eq!(
        attribute(&tf, "aws_iam_role.r", "minified"),
        json!(expected)
    );
}

/// The outcome of each rule on each resource, in the report's order: `rule resource=outcome`.
fn outcomes(tf: Terraform, rules: &str) -> Vec<String> {
    let rules = riveter::rules::load_str("rules.yml", rules).unwrap().rules;
    let report = riveter::engine::scan(rules, tf);
    report
        .findings
        .iter()
        .map(|f| {
            let resource = f.resource.as_ref().map_or("-", |r| r.address.as_str());
            format!("{} {resource}={}", report.rule(f).id, f.outcome.as_str())
        })
        .collect()
}

/// A rule written for the Python riveter matches one line (`.` stops at a newline): on a policy
/// document it reads the whole policy, as on a `jsonencode`d one, and `<`, `>` and `&` are
/// escaped as `jsonencode` escapes them.
#[test]
fn policy_documents_are_one_line_for_patterns_written_for_the_python_riveter() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"
data "aws_iam_policy_document" "narrow" {
  policy_id = "<reports>"
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["a&b"]
    }
  }
}

data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "narrow" {
  policy = data.aws_iam_policy_document.narrow.json
}

resource "aws_iam_policy" "admin" {
  policy = data.aws_iam_policy_document.admin.json
}

resource "aws_iam_policy" "encoded" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}
"#,
    );
    let tf = scan(dir.path(), &[], &[]);
    assert_eq!(
        attribute(&tf, "aws_iam_policy.narrow", "policy"),
        json!(concat!(
            r#"{"Id":"\u003creports\u003e","Statement":[{"Action":"s3:GetObject","#,
            r#""Condition":{"StringLike":{"s3:prefix":"a\u0026b"}},"Effect":"Allow","#,
            r#""Resource":"arn:aws:s3:::reports/*"}],"Version":"2012-10-17"}"#
        ))
    );
    // The same statement written either way is the same text.
    assert_eq!(
        attribute(&tf, "aws_iam_policy.admin", "policy"),
        attribute(&tf, "aws_iam_policy.encoded", "policy")
    );
    let rules = r#"
rules:
  - id: no-wildcard-action
    resource_type: aws_iam_policy
    assert:
      policy:
        regex: "^(?!.*\"Action\":\\s*\"\\*\").*$"
"#;
    assert_eq!(
        outcomes(tf, rules),
        [
            "no-wildcard-action aws_iam_policy.narrow=pass",
            "no-wildcard-action aws_iam_policy.admin=fail",
            "no-wildcard-action aws_iam_policy.encoded=fail"
        ]
    );
}

/// A policy document whose statements use neither `count.index` nor `each` is the same for
/// every instance: known whatever its `count`, as long as the reference names an instance.
#[test]
fn policy_documents_with_literal_statements_are_known_whatever_their_count() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"
variable "enabled" {
  type = bool
}

data "aws_iam_policy_document" "read" {
  count = var.enabled ? 1 : 0
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

resource "aws_iam_policy" "first" {
  policy = data.aws_iam_policy_document.read[0].json
}

resource "aws_iam_policy" "minified" {
  policy = data.aws_iam_policy_document.read[0].minified_json
}

resource "aws_iam_policy" "each_instance" {
  count  = var.enabled ? 1 : 0
  policy = data.aws_iam_policy_document.read[count.index].json
}

# Terraform rejects a reference to a block with count that names no instance.
resource "aws_iam_policy" "no_instance" {
  policy = data.aws_iam_policy_document.read.json
}

# How many policies there are is what the count says.
resource "aws_iam_policy" "all" {
  policy = join("", data.aws_iam_policy_document.read[*].json)
}

resource "aws_iam_policy" "legacy_splat" {
  policy = data.aws_iam_policy_document.read.*.json[0]
}
"#,
    );
    let tf = scan(dir.path(), &[], &[]);
    let policy = json!(concat!(
        r#"{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","#,
        r#""Resource":"arn:aws:s3:::reports/*"}],"Version":"2012-10-17"}"#
    ));
    for address in [
        "aws_iam_policy.first",
        "aws_iam_policy.minified",
        "aws_iam_policy.each_instance",
    ] {
        assert_eq!(attribute(&tf, address, "policy"), policy, "{address}");
    }
    assert!(
        reason(&tf, "aws_iam_policy.no_instance", "policy").contains(
            "data.aws_iam_policy_document.read has count, so a reference names one of its instances"
        ),
        "{}",
        reason(&tf, "aws_iam_policy.no_instance", "policy")
    );
    for address in ["aws_iam_policy.all", "aws_iam_policy.legacy_splat"] {
        assert!(
            reason(&tf, address, "policy").contains(
                "data.aws_iam_policy_document.read[*].json, whose number of instances depends on var.enabled, which has no value"
            ),
            "{}",
            reason(&tf, address, "policy")
        );
    }
    let rules = r#"
rules:
  - id: no-wildcard-action
    resource_type: aws_iam_policy
    assert:
      policy:
        regex: "^(?!.*\"Action\":\\s*\"\\*\").*$"
"#;
    assert_eq!(
        outcomes(tf, rules),
        [
            "no-wildcard-action aws_iam_policy.first=pass",
            "no-wildcard-action aws_iam_policy.minified=pass",
            "no-wildcard-action aws_iam_policy.each_instance=pass",
            "no-wildcard-action aws_iam_policy.no_instance=unknown",
            "no-wildcard-action aws_iam_policy.all=unknown",
            "no-wildcard-action aws_iam_policy.legacy_splat=unknown"
        ]
    );
}

/// Each instance's policy is rendered with its own `count.index` or `each`; a reference to an
/// instance that does not exist (under `count = 0`, past the count, a key `for_each` lacks) is
/// what Terraform rejects, which `try` catches.
#[test]
fn policy_document_instances_are_rendered_each_with_its_own_index() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"
variable "enabled" {
  type = bool
}

data "aws_iam_policy_document" "per_index" {
  count = 2
  statement {
    sid       = "Read${count.index}"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports-${count.index}/*"]
  }
}

data "aws_iam_policy_document" "unknown_count" {
  count = var.enabled ? 1 : 0
  statement {
    sid       = "Read${count.index}"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "per_key" {
  for_each = { reports = "s3:GetObject", logs = "logs:PutLogEvents" }
  statement {
    actions   = [each.value]
    resources = ["arn:aws:s3:::${each.key}/*"]
  }
}

data "aws_iam_policy_document" "none" {
  count = 0
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "single" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "second" {
  policy = data.aws_iam_policy_document.per_index[1].json
}

resource "aws_iam_policy" "legacy_second" {
  policy = data.aws_iam_policy_document.per_index.*.json[1]
}

resource "aws_iam_policy" "every_index" {
  policy = jsonencode(data.aws_iam_policy_document.per_index[*].json)
}

resource "aws_iam_policy" "first_of_unknown_count" {
  policy = data.aws_iam_policy_document.unknown_count[0].json
}

resource "aws_iam_policy" "logs" {
  policy = data.aws_iam_policy_document.per_key["logs"].json
}

resource "aws_iam_policy" "missing_key" {
  policy = data.aws_iam_policy_document.per_key["audit"].json
}

resource "aws_iam_policy" "past_the_count" {
  policy = data.aws_iam_policy_document.per_index[2].json
}

resource "aws_iam_policy" "of_nothing" {
  policy = data.aws_iam_policy_document.none[0].json
}

resource "aws_iam_policy" "of_nothing_or_else" {
  policy = try(data.aws_iam_policy_document.none[0].json, "none")
}

resource "aws_iam_policy" "of_no_instances" {
  policy = jsonencode(data.aws_iam_policy_document.none[*].json)
}

resource "aws_iam_policy" "indexed_single" {
  policy = data.aws_iam_policy_document.single[0].json
}

# An instance not known before plan: each instance's policy is a candidate.
resource "aws_iam_policy" "by_index" {
  count  = var.enabled ? 2 : 0
  policy = data.aws_iam_policy_document.per_index[count.index].json
}
"#,
    );
    let tf = scan(dir.path(), &[], &[]);
    let read = |i: &str, resource: &str| {
        format!(
            r#"{{"Statement":[{{"Action":"s3:GetObject","Effect":"Allow","Resource":"{resource}","Sid":"Read{i}"}}],"Version":"2012-10-17"}}"#
        )
    };
    let reports = |i: &str| read(i, &format!("arn:aws:s3:::reports-{i}/*"));
    for address in ["aws_iam_policy.second", "aws_iam_policy.legacy_second"] {
        assert_eq!(attribute(&tf, address, "policy"), json!(reports("1")));
    }
    assert_eq!(
        attribute(&tf, "aws_iam_policy.every_index", "policy"),
        json!(serde_json::to_string(&json!([reports("0"), reports("1")])).unwrap())
    );
    assert_eq!(
        attribute(&tf, "aws_iam_policy.first_of_unknown_count", "policy"),
        json!(read("0", "*"))
    );
    assert_eq!(
        attribute(&tf, "aws_iam_policy.logs", "policy"),
        json!(concat!(
            r#"{"Statement":[{"Action":"logs:PutLogEvents","Effect":"Allow","#,
            r#""Resource":"arn:aws:s3:::logs/*"}],"Version":"2012-10-17"}"#
        ))
    );
    for (address, why) in [
        (
            "missing_key",
            r#"data.aws_iam_policy_document.per_key["audit"] is not an instance: its for_each has no key "audit""#,
        ),
        (
            "past_the_count",
            "data.aws_iam_policy_document.per_index[2] is not an instance: its count is 2",
        ),
        (
            "of_nothing",
            "data.aws_iam_policy_document.none[0] is not an instance: its count is 0",
        ),
        (
            "indexed_single",
            "data.aws_iam_policy_document.single has neither count nor for_each, so a reference to it takes no index",
        ),
    ] {
        let reason = reason(&tf, &format!("aws_iam_policy.{address}"), "policy");
        assert!(
            reason.contains(&format!("an expression Terraform would reject: {why}")),
            "{address}: {reason}"
        );
    }
    assert_eq!(
        attribute(&tf, "aws_iam_policy.of_nothing_or_else", "policy"),
        json!("none")
    );
    assert_eq!(
        attribute(&tf, "aws_iam_policy.of_no_instances", "policy"),
        json!("[]")
    );
    // The instance is not known, but what every instance's policy says decides.
    let rules = r#"
rules:
  - id: no-wildcard-resource
    resource_type: aws_iam_policy
    filters: [{ key: policy, operator: contains, value: Sid }]
    assertions: [{ key: policy, operator: not_contains, value: '"Resource":"*"' }]
  - id: one-bucket
    resource_type: aws_iam_policy
    filters: [{ key: policy, operator: contains, value: reports- }]
    assertions: [{ key: policy, operator: contains, value: reports-0 }]
"#;
    let by_index: Vec<String> = outcomes(tf, rules)
        .into_iter()
        .filter(|o| o.contains("aws_iam_policy.by_index"))
        .collect();
    assert_eq!(
        by_index,
        [
            "no-wildcard-resource aws_iam_policy.by_index=pass",
            "one-bucket aws_iam_policy.by_index=unknown"
        ]
    );
}

#[test]
fn files_are_read_from_the_module_and_never_outside_the_scan_root() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(&root, "policy.json", "{\"Statement\": []}");
    write(
        &root,
        "templates/user_data.tpl",
        "#!/bin/sh\n%{ for p in packages ~}\ninstall ${p}\n%{ endfor ~}\necho ${name}\n",
    );
    write(dir.path(), "secret.txt", "outside");
    write(
        &root,
        "main.tf",
        "resource \"t\" \"r\" {\n  policy    = file(\"${path.module}/policy.json\")\n  user_data = templatefile(\"templates/user_data.tpl\", { packages = [\"nginx\", \"jq\"], name = \"web\" })\n  secret    = file(\"../secret.txt\")\n}\n",
    );
    let tf = scan_with_errors(&root, &[], &[]);
    // The refused read is an error of the scan on its line, as well as the value's reason.
    let errors: Vec<String> = tf.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        ["main.tf:4:15: read refused: file(\"../secret.txt\") reads outside the scanned tree"]
    );
    assert_eq!(
        attribute(&tf, "t.r", "policy"),
        json!("{\"Statement\": []}")
    );
    assert_eq!(
        attribute(&tf, "t.r", "user_data"),
        json!("#!/bin/sh\ninstall nginx\ninstall jq\necho web\n")
    );
    assert_eq!(
        reason(&tf, "t.r", "secret"),
        "file(\"../secret.txt\") reads outside the scanned tree, refused at main.tf:4"
    );
}

#[test]
fn terraform_json_files_share_variables_and_locals() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf.json",
        r#"{
  "variable": { "region": { "type": "string", "default": "eu-west-1" } },
  "locals": { "bucket": "logs-${var.region}", "ports": [80, 443] },
  "resource": { "aws_s3_bucket": { "logs": { "bucket": "${local.bucket}", "ports": "${local.ports}" } } }
}"#,
    );
    let tf = scan(dir.path(), &[], &[]);
    assert_eq!(
        attribute(&tf, "aws_s3_bucket.logs", "bucket"),
        json!("logs-eu-west-1")
    );
    assert_eq!(
        attribute(&tf, "aws_s3_bucket.logs", "ports"),
        json!([80, 443])
    );
}

#[test]
fn sibling_files_give_variables_even_when_only_one_file_is_scanned() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "variables.tf",
        "variable \"algorithm\" {\n  default = \"aws:kms\"\n}\n",
    );
    write(
        dir.path(),
        "main.tf",
        "resource \"t\" \"r\" {\n  v = var.algorithm\n}\n",
    );
    let found = discover(&[dir.path().join("main.tf").display().to_string()]).unwrap();
    let tf = terraform::load(found, dir.path(), &VariableInputs::default());
    assert_eq!(tf.resources.len(), 1);
    assert_eq!(attribute(&tf, "t.r", "v"), json!("aws:kms"));
}

/// Outcomes (docs/rules.md) on evaluated values: a rule reads the policy a document renders, not
/// the reference to it; a variable's value, not `${var.x}`.
#[test]
fn rules_read_evaluated_values() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"
variable "sse_algorithm" {
  default = "aws:kms"
}
variable "environment" {}

data "aws_iam_policy_document" "wide" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "wide" {
  policy = data.aws_iam_policy_document.wide.json
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.sse_algorithm
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "by_environment" {
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.environment == "prod" ? "aws:kms" : "AES256"
    }
  }
}
"#,
    );
    let rules = r#"
rules:
  - name: "IAM roles must have least privilege policies"
    resource_type: aws_iam_role_policy
    assertions:
      - { key: policy, operator: not_contains, value: '"*"' }
  - name: "S3 buckets must use KMS encryption"
    resource_type: aws_s3_bucket_server_side_encryption_configuration
    assertions:
      - { key: rule.0.apply_server_side_encryption_by_default.0.sse_algorithm, operator: equals, value: "aws:kms" }
"#;
    let tf = scan(dir.path(), &[], &[]);
    let rules = riveter::rules::load_str("rules.yml", rules).unwrap().rules;
    let report = riveter::engine::scan(rules, tf);
    let outcomes: Vec<String> = report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{}={}",
                f.resource.as_ref().unwrap().address,
                f.outcome.as_str()
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            "aws_iam_role_policy.wide=fail",
            "aws_s3_bucket_server_side_encryption_configuration.b=pass",
            "aws_s3_bucket_server_side_encryption_configuration.by_environment=unknown"
        ]
    );
    assert_eq!(
        report.findings[2].message(),
        "rule.0.apply_server_side_encryption_by_default.0.sse_algorithm depends on var.environment, which has no value (expected to equal \"aws:kms\")"
    );
}

/// A known `for_each` or `count`: each instance is evaluated; what they agree on is known, what
/// differs is decided when every instance gives the same verdict.
#[test]
fn instances_of_a_known_for_each_or_count_are_evaluated() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"
resource "azurerm_network_security_rule" "web" {
  for_each               = toset(["80", "443"])
  name                   = "web-${each.value}"
  destination_port_range = each.value
  source_address_prefix  = "Internet"
  access                 = "Allow"
}

resource "google_project_iam_member" "roles" {
  for_each = { logs = "roles/logging.logWriter", metrics = "roles/monitoring.metricWriter" }
  role     = each.value
  member   = "serviceAccount:nodes@example.iam.gserviceaccount.com"
}

resource "aws_instance" "fleet" {
  count         = 3
  instance_type = count.index == 0 ? "t3.large" : "t3.micro"
  tags          = { Name = "node-${count.index}" }
  monitoring    = true
}
"#,
    );
    let rules = r#"
rules:
  - id: no-ssh-from-internet
    resource_type: azurerm_network_security_rule
    filters: [{ key: destination_port_range, operator: in, value: ["22", "*"] }]
    assertions: [{ key: source_address_prefix, operator: not_equals, value: Internet }]
  - id: no-primitive-roles
    resource_type: google_project_iam_member
    assertions: [{ key: role, operator: not_in, value: [roles/owner, roles/editor] }]
  - id: small-instances
    resource_type: aws_instance
    assertions: [{ key: instance_type, operator: equals, value: t3.micro }]
  - id: monitored
    resource_type: aws_instance
    assertions: [{ key: monitoring, operator: equals, value: true }]
"#;
    let tf = scan(dir.path(), &[], &[]);
    let rules = riveter::rules::load_str("rules.yml", rules).unwrap().rules;
    let report = riveter::engine::scan(rules, tf);
    let outcomes: Vec<String> = report
        .findings
        .iter()
        .map(|f| format!("{}={}", report.rule(f).id, f.outcome.as_str()))
        .collect();
    // Port 22 is none of the instances' ports, so the filter is decided and the rule skipped.
    assert_eq!(
        outcomes,
        [
            "no-ssh-from-internet=skipped",
            "no-primitive-roles=pass",
            "small-instances=unknown",
            "monitored=pass"
        ]
    );
    let unknown = &report.findings[2].assertions[0];
    assert!(
        unknown
            .detail()
            .contains("count.index, which differs for each instance"),
        "{}",
        unknown.detail()
    );
}

/// `count = 0` and a `for_each` over an empty collection create nothing: such a block is not
/// judged. An unknown `count` keeps the block as written.
#[test]
fn blocks_terraform_would_not_create_are_not_judged() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"
variable "rotate" {
  default = false
}
variable "replicas" {}

resource "aws_kms_key" "disabled" {
  count               = var.rotate ? 1 : 0
  enable_key_rotation = false
}
resource "aws_kms_key" "none_of_them" {
  for_each            = {}
  enable_key_rotation = false
}
resource "aws_kms_key" "empty_set" {
  for_each            = toset([])
  enable_key_rotation = false
}
resource "aws_kms_key" "maybe" {
  count               = var.replicas
  enable_key_rotation = false
}
resource "aws_kms_key" "one" {
  count               = 1
  enable_key_rotation = true
}
"#,
    );
    let tf = scan(dir.path(), &[], &[]);
    let addresses: Vec<&str> = tf.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(addresses, ["aws_kms_key.maybe", "aws_kms_key.one"]);
}

/// The AWS provider's `default_tags` and the Google provider's `default_labels` apply to every
/// resource of their provider configuration, aliases included; the resource's own values win.
#[test]
fn provider_default_tags_and_labels_join_each_resources_own() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "providers.tf",
        r#"
provider "aws" {
  default_tags {
    tags = { Owner = "platform", Environment = "prod" }
  }
}
provider "aws" {
  alias = "west"
  default_tags {
    tags = { Owner = "west-team" }
  }
}
provider "google" {
  default_labels = { cost_center = "cc-42" }
}
"#,
    );
    write(
        dir.path(),
        "main.tf",
        r#"
resource "aws_s3_bucket" "untagged" {
  bucket = "logs"
}
resource "aws_s3_bucket" "own_environment" {
  bucket = "data"
  tags   = { Environment = "dev" }
}
resource "aws_s3_bucket" "west" {
  provider = aws.west
  bucket   = "west"
}
resource "google_storage_bucket" "assets" {
  name = "assets"
}
"#,
    );
    let tf = scan(dir.path(), &[], &[]);
    assert_eq!(
        attribute(&tf, "aws_s3_bucket.untagged", "tags"),
        json!({"Owner": "platform", "Environment": "prod"})
    );
    assert_eq!(
        attribute(&tf, "aws_s3_bucket.own_environment", "tags"),
        json!({"Environment": "dev", "Owner": "platform"})
    );
    assert_eq!(
        attribute(&tf, "aws_s3_bucket.west", "tags"),
        json!({"Owner": "west-team"})
    );
    assert_eq!(
        attribute(&tf, "google_storage_bucket.assets", "labels"),
        json!({"cost_center": "cc-42"})
    );
    // An inherited tag is reported at the resource's block, in its own file.
    let untagged = tf
        .resources
        .iter()
        .find(|r| r.address == "aws_s3_bucket.untagged")
        .unwrap();
    let owner = untagged
        .body
        .value
        .get("tags")
        .unwrap()
        .value
        .get("Owner")
        .unwrap();
    assert_eq!(owner.span.line, untagged.span.line);
}

/// Values that explode become unknowns that name the bound, quickly and in bounded memory, and
/// the other modules' values are unaffected.
#[test]
fn exploding_values_stop_at_riveters_limits() {
    let dir = tempfile::tempdir().unwrap();
    let doubling = |name: &str, first: &str, step: &dyn Fn(usize) -> String| {
        let mut text = format!("locals {{\n  {name}0 = {first}\n");
        for i in 1..=40 {
            text.push_str(&format!("  {name}{i} = {}\n", step(i - 1)));
        }
        text.push_str(&format!(
            "}}\nresource \"t\" \"r\" {{\n  v = {name}40\n  n = length(local.{name}40)\n}}\n"
        ));
        text.replace(&format!("v = {name}40"), &format!("v = local.{name}40"))
    };
    write(
        dir.path(),
        "lists/main.tf",
        &doubling("l", "[\"x\"]", &|p| {
            format!("concat(local.l{p}, local.l{p})")
        }),
    );
    write(
        dir.path(),
        "text/main.tf",
        &doubling("s", "\"xxxxxxxxxx\"", &|p| {
            format!("\"${{local.s{p}}}${{local.s{p}}}\"")
        }),
    );
    write(
        dir.path(),
        "replace/main.tf",
        "locals {\n  long = join(\"\", [for i in range(1000) : \"abcdefghij\"])\n}\nresource \"t\" \"r\" {\n  v = replace(local.long, \"/./\", local.long)\n}\n",
    );
    write(
        dir.path(),
        "loops/main.tf",
        "resource \"t\" \"r\" {\n  v = [for i in range(1000) : [for j in range(1000) : [for k in range(1000) : \"${i}${j}${k}\"]]]\n}\n",
    );
    write(
        dir.path(),
        "fine/main.tf",
        "resource \"t\" \"ok\" {\n  v = upper(\"fine\")\n}\n",
    );
    let started = std::time::Instant::now();
    let tf = scan_with_errors(dir.path(), &[], &[]);
    // A generous bound: on a loaded two-core machine this takes a fraction of it.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    let in_dir = |dir: &str| {
        tf.resources
            .iter()
            .find(|r| r.file.starts_with(dir))
            .unwrap_or_else(|| panic!("no resource in {dir}"))
    };
    let unknown_reason =
        |dir: &str, key: &str| match &in_dir(dir).body.value.get(key).unwrap().value {
            Value::Unknown(u) => u.reason.clone(),
            other => panic!("{dir}: {key} is known: {}", other.kind()),
        };
    assert!(unknown_reason("lists", "v").contains("more than 200000 elements, riveter's limit"));
    assert!(unknown_reason("lists", "n").contains("riveter's limit"));
    assert!(unknown_reason("text", "v").contains("MiB of text, riveter's limit"));
    assert!(unknown_reason("replace", "v").contains("MiB of text, riveter's limit"));
    let loops = format!("{:?}", in_dir("loops").body.value);
    assert!(
        loops.contains("riveter's limit"),
        "the loops were evaluated to the end"
    );
    assert_eq!(attribute(&tf, "t.ok", "v"), json!("FINE"));
    // Every bound met is an error of the scan on the line of the attribute or local that met
    // it (the local that first doubled past the bound), so the verdict is "cannot be trusted",
    // never a pass on what was given up.
    let errors: Vec<String> = tf.errors.iter().map(|e| e.to_string()).collect();
    for expected in [
        "lists/main.tf:20:",
        "text/main.tf:21:",
        "replace/main.tf:5:",
        "loops/main.tf:2:",
    ] {
        assert!(
            errors
                .iter()
                .any(|e| e.contains(expected) && e.contains("evaluation limit: ")),
            "no limit at {expected}: {errors:#?}"
        );
    }
    assert!(
        errors.iter().all(|e| !e.starts_with("fine/")),
        "{errors:#?}"
    );
}

/// A file that spends its steps cannot spend another's: whatever the order of the files, a
/// resource beside an evaluation bomb keeps its own values, and the bomb is an error on the
/// bomb's line. Nesting past the bound (a chain of locals, a template that renders itself) is
/// refused before the stack is.
#[test]
fn a_bomb_spends_its_own_bounds_only() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = |name: &str| {
        format!(
            "locals {{\n  {name} = [for a in range(1000) : [for b in range(1000) : 0]]\n}}\nresource \"t\" \"{name}\" {{\n  v = length(local.{name})\n}}\n"
        )
    };
    write(dir.path(), "aaa.tf", &bomb("first"));
    write(dir.path(), "zzz.tf", &bomb("last"));
    write(
        dir.path(),
        "kms.tf",
        "resource \"t\" \"normal\" {\n  v = upper(\"kept\")\n  n = length([for i in range(100) : i])\n}\n",
    );
    let mut chain = String::from("locals {\n  l0 = \"x\"\n");
    for i in 1..2000 {
        chain.push_str(&format!("  l{i} = \"${{local.l{}}}\"\n", i - 1));
    }
    chain.push_str("}\nresource \"t\" \"chain\" {\n  v = local.l1999\n}\n");
    write(dir.path(), "chain.tf", &chain);
    write(
        dir.path(),
        "tpl.tf",
        "resource \"t\" \"tpl\" {\n  v = templatefile(\"self.tpl\", {})\n}\n",
    );
    write(dir.path(), "self.tpl", "${templatefile(\"self.tpl\", {})}");
    let tf = scan_with_errors(dir.path(), &[], &[]);
    assert_eq!(attribute(&tf, "t.normal", "v"), json!("KEPT"));
    assert_eq!(attribute(&tf, "t.normal", "n"), json!(100));
    let errors: Vec<String> = tf.errors.iter().map(|e| e.to_string()).collect();
    // Terraform refuses templatefile inside a template, so the template rendering itself
    // stops at once, unknown.
    let tpl = tf.resources.iter().find(|r| r.address == "t.tpl").unwrap();
    assert!(tpl.body.value.get("v").unwrap().value.is_unknown());
    for expected in ["aaa.tf:2:", "zzz.tf:2:"] {
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "no limit at {expected}: {errors:#?}"
        );
    }
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("chain.tf:") && e.contains("nested more than 256 levels")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().all(|e| !e.starts_with("kms.tf")),
        "{errors:#?}"
    );
}

/// Default tags from a variable with no value: which tags a resource gets is unknown.
#[test]
fn unknown_provider_default_tags_make_the_tags_unknown() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"
variable "default_tags" {}
provider "aws" {
  default_tags {
    tags = var.default_tags
  }
}
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  tags   = { Owner = "data" }
}
"#,
    );
    let tf = scan(dir.path(), &[], &[]);
    let why = reason(&tf, "aws_s3_bucket.logs", "tags");
    assert!(
        why.contains("the tags of provider aws (var.default_tags, which has no value)"),
        "{why}"
    );
}

/// An object that defines a key twice is valid Terraform, and the last definition wins, also
/// when an earlier one holds another type, another key twice, or sits inside an interpolation.
#[test]
fn a_key_defined_twice_takes_its_last_value() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "main.tf",
        r#"locals {
  tags = {
    env   = "dev"
    owner = "team-a"
    env   = { nested = true }
    "env" = "prod"
  }
}

resource "t" "r" {
  tags  = local.tags
  sizes = { small = 1, large = 3, small = 2 }
  label = "size-${{ a = 1, a = 2 }.a}"
}
"#,
    );
    let tf = scan(root, &[], &[]);
    assert_eq!(
        attribute(&tf, "t.r", "tags"),
        json!({"env": "prod", "owner": "team-a"})
    );
    assert_eq!(
        attribute(&tf, "t.r", "sizes"),
        json!({"small": 2, "large": 3})
    );
    assert_eq!(attribute(&tf, "t.r", "label"), json!("size-2"));
}
