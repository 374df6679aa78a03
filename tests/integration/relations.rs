//! Rules that see other resources (docs/rules.md, "Rules that see other resources"): each way
//! of referring, what cannot be decided, where findings point, and the companion-resources pack
//! on a bucket module written the way terraform-aws-modules/s3-bucket is.

use crate::util::{riveter, scan, stderr, stdout};
use riveter::findings::Report;
use riveter::rules::load_str;
use std::fs;
use std::path::Path;

/// A rule on buckets that requires a public access block with `block_public_acls` on.
const REQUIRE_BLOCK: &str = "rules:
  - id: block
    resource_type: aws_s3_bucket
    referenced_by:
      resource_type: aws_s3_bucket_public_access_block
      attribute: bucket
      assert:
        block_public_acls: true
";

fn block(name: &str, bucket: &str, extra: &str) -> String {
    format!(
        "resource \"aws_s3_bucket_public_access_block\" \"{name}\" {{\n{extra}  bucket = {bucket}\n  block_public_acls = true\n}}\n"
    )
}

/// `address=outcome` of every finding of the only rule, and the messages.
fn judged(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| {
            let address = f.resource.as_ref().map_or("-", |r| r.address.as_str());
            format!("{address}={}", f.outcome.as_str())
        })
        .collect()
}

fn message_of(report: &Report, address: &str) -> String {
    report
        .findings
        .iter()
        .find(|f| f.resource.as_ref().is_some_and(|r| r.address == address))
        .unwrap_or_else(|| panic!("no finding on {address}"))
        .message()
        .into_owned()
}

#[test]
fn each_way_of_referring_links_the_block_to_its_bucket() {
    let cases = [
        ("an id", "aws_s3_bucket.b.id", ""),
        ("the bucket attribute", "aws_s3_bucket.b.bucket", ""),
        ("an arn", "aws_s3_bucket.b.arn", ""),
        ("a template", "\"${aws_s3_bucket.b.id}\"", ""),
        ("a count index", "aws_s3_bucket.b[0].id", ""),
        ("a function", "try(aws_s3_bucket.b[0].id, \"\")", ""),
        ("a local", "local.bucket_id", ""),
        ("the literal name", "\"logs-bucket\"", ""),
        ("a variable with a default", "var.bucket_name", ""),
    ];
    for (how, bucket, extra) in cases {
        let tf = format!(
            "variable \"bucket_name\" {{\n  default = \"logs-bucket\"\n}}\nlocals {{\n  bucket_id = aws_s3_bucket.b.id\n}}\nresource \"aws_s3_bucket\" \"b\" {{\n  bucket = \"logs-bucket\"\n}}\n{}",
            block("pab", bucket, extra)
        );
        let report = scan(&tf, REQUIRE_BLOCK);
        assert_eq!(judged(&report), ["aws_s3_bucket.b=pass"], "{how}");
    }
}

#[test]
fn buckets_made_with_for_each_are_referred_to_through_each_key_and_each_value() {
    let bucket = "resource \"aws_s3_bucket\" \"b\" {\n  for_each = toset([\"raw\", \"curated\"])\n  bucket   = \"data-${each.key}\"\n}\n";
    let by_index = block(
        "pab",
        "aws_s3_bucket.b[each.key].id",
        "  for_each = toset([\"raw\", \"curated\"])\n",
    );
    let by_value = block("pab", "each.value.id", "  for_each = aws_s3_bucket.b\n");
    let by_name = block(
        "pab",
        "\"data-${each.key}\"",
        "  for_each = toset([\"raw\", \"curated\"])\n",
    );
    for companion in [by_index, by_value, by_name] {
        let report = scan(&format!("{bucket}{companion}"), REQUIRE_BLOCK);
        assert_eq!(judged(&report), ["aws_s3_bucket.b=pass"], "{companion}");
    }
}

#[test]
fn a_bucket_without_its_companion_fails_and_one_that_fails_the_assertions_is_named() {
    let tf = format!(
        "resource \"aws_s3_bucket\" \"none\" {{\n  bucket = \"a\"\n}}\n\nresource \"aws_s3_bucket\" \"weak\" {{\n  bucket = \"b\"\n}}\n\n{}",
        "resource \"aws_s3_bucket_public_access_block\" \"weak\" {\n  bucket = aws_s3_bucket.weak.id\n  block_public_acls = false\n}\n"
    );
    let report = scan(&tf, REQUIRE_BLOCK);
    assert_eq!(
        judged(&report),
        ["aws_s3_bucket.none=fail", "aws_s3_bucket.weak=fail"]
    );
    assert_eq!(
        message_of(&report, "aws_s3_bucket.none"),
        "no aws_s3_bucket_public_access_block refers to it through `bucket`"
    );
    assert_eq!(
        message_of(&report, "aws_s3_bucket.weak"),
        "aws_s3_bucket_public_access_block.weak (main.tf:9) refers to it, but block_public_acls: expected to equal true, found false"
    );
    // The finding points at the bucket's block.
    let (resource, span) = report.findings[1].location().unwrap();
    assert_eq!(
        (resource.address.as_str(), span.line),
        ("aws_s3_bucket.weak", 5)
    );
}

#[test]
fn a_block_of_another_bucket_does_not_count() {
    let tf = format!(
        "resource \"aws_s3_bucket\" \"a\" {{\n  bucket = \"a\"\n}}\nresource \"aws_s3_bucket\" \"b\" {{\n  bucket = \"b\"\n}}\n{}{}",
        block("for_b", "aws_s3_bucket.b.id", ""),
        block("by_name_of_b", "\"b\"", "")
    );
    let report = scan(&tf, REQUIRE_BLOCK);
    assert_eq!(
        judged(&report),
        ["aws_s3_bucket.a=fail", "aws_s3_bucket.b=pass"]
    );
}

#[test]
fn what_cannot_be_followed_is_unknown_and_named() {
    let cases = [
        (
            "a variable with no value",
            "variable \"name\" {}\n",
            "var.name",
            "var.name, which has no value",
        ),
        (
            "a module's output",
            "",
            "module.buckets.logs_id",
            "module.buckets.logs_id",
        ),
        (
            "a data source",
            "",
            "data.aws_s3_bucket.existing.id",
            "data.aws_s3_bucket.existing.id",
        ),
    ];
    for (how, declared, bucket, named) in cases {
        let tf = format!(
            "{declared}resource \"aws_s3_bucket\" \"b\" {{\n  bucket = \"logs\"\n}}\n{}",
            block("pab", bucket, "")
        );
        let report = scan(&tf, REQUIRE_BLOCK);
        assert_eq!(judged(&report), ["aws_s3_bucket.b=unknown"], "{how}");
        let message = message_of(&report, "aws_s3_bucket.b");
        assert!(
            message.starts_with("whether aws_s3_bucket_public_access_block.pab (main.tf:")
                && message.contains(named),
            "{how}: {message}"
        );
    }
}

#[test]
fn a_literal_name_compared_with_a_name_that_is_not_known_is_unknown() {
    let tf = format!(
        "variable \"name\" {{}}\nresource \"aws_s3_bucket\" \"b\" {{\n  bucket = var.name\n}}\n{}",
        block("pab", "\"logs\"", "")
    );
    let report = scan(&tf, REQUIRE_BLOCK);
    assert_eq!(judged(&report), ["aws_s3_bucket.b=unknown"]);
    assert!(
        message_of(&report, "aws_s3_bucket.b")
            .contains("it names \"logs\", and its bucket depends on var.name, which has no value"),
        "{}",
        message_of(&report, "aws_s3_bucket.b")
    );
}

#[test]
fn a_bucket_passed_to_a_registry_module_is_unknown() {
    let tf = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\nmodule \"hardening\" {\n  source = \"terraform-aws-modules/s3-bucket/aws\"\n  bucket = aws_s3_bucket.b.id\n}\n";
    let report = scan(tf, REQUIRE_BLOCK);
    assert_eq!(judged(&report), ["aws_s3_bucket.b=unknown"]);
    assert_eq!(
        message_of(&report, "aws_s3_bucket.b"),
        "it is passed to module.hardening (source \"terraform-aws-modules/s3-bucket/aws\"), whose resources riveter does not read"
    );
}

#[test]
fn a_forbidden_companion_fails_and_an_allowed_one_passes() {
    let rules = "rules:
  - id: no-public-acl
    resource_type: aws_s3_bucket
    not_referenced_by:
      resource_type: aws_s3_bucket_acl
      attribute: bucket
      assert:
        acl: { in: [public-read, public-read-write] }
";
    let tf = "resource \"aws_s3_bucket\" \"public\" {\n  bucket = \"p\"\n}\nresource \"aws_s3_bucket\" \"private\" {\n  bucket = \"q\"\n}\nresource \"aws_s3_bucket_acl\" \"public\" {\n  bucket = aws_s3_bucket.public.id\n  acl    = \"public-read\"\n}\nresource \"aws_s3_bucket_acl\" \"private\" {\n  bucket = aws_s3_bucket.private.id\n  acl    = \"private\"\n}\n";
    let report = scan(tf, rules);
    assert_eq!(
        judged(&report),
        ["aws_s3_bucket.public=fail", "aws_s3_bucket.private=pass"]
    );
    assert!(
        message_of(&report, "aws_s3_bucket.public")
            .starts_with("aws_s3_bucket_acl.public (main.tf:7) refers to it through `bucket`"),
        "{}",
        message_of(&report, "aws_s3_bucket.public")
    );
}

#[test]
fn refers_to_judges_every_resource_the_attribute_refers_to() {
    let rules = "rules:
  - id: no-world-ssh
    resource_type: aws_instance
    refers_to:
      resource_type: aws_security_group
      attribute: vpc_security_group_ids
      assertions:
        - key: ingress
          operator: none_match
          value: { from_port: 22, cidr_blocks: 0.0.0.0/0 }
";
    let groups = "resource \"aws_security_group\" \"web\" {\n  name = \"web\"\n  ingress {\n    from_port   = 443\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\nresource \"aws_security_group\" \"ssh\" {\n  name = \"ssh\"\n  ingress {\n    from_port   = 22\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";
    let instances = [
        ("[aws_security_group.web.id]", "pass"),
        (
            "[aws_security_group.web.id, aws_security_group.ssh.id]",
            "fail",
        ),
        ("[\"web\"]", "pass"),
        ("[\"sg-0123456789\"]", "unknown"),
        ("[aws_security_group.elsewhere.id]", "unknown"),
        ("[data.aws_security_group.default.id]", "unknown"),
        ("[]", "pass"),
    ];
    for (ids, outcome) in instances {
        let tf = format!(
            "{groups}resource \"aws_instance\" \"i\" {{\n  vpc_security_group_ids = {ids}\n}}\n"
        );
        let report = scan(&tf, rules);
        assert_eq!(
            judged(&report),
            [format!("aws_instance.i={outcome}")],
            "{ids}"
        );
    }
    let tf = format!(
        "{groups}resource \"aws_instance\" \"i\" {{\n  vpc_security_group_ids = [aws_security_group.ssh.id]\n}}\n"
    );
    let report = scan(&tf, rules);
    let message = message_of(&report, "aws_instance.i");
    assert!(
        message.starts_with("it refers to aws_security_group.ssh (main.tf:8), but ingress"),
        "{message}"
    );
    // The finding points at the attribute that refers.
    assert_eq!(report.findings[0].location().unwrap().1.line, 16);
}

#[test]
fn a_rule_may_hold_relations_alone_or_beside_assertions_and_bad_ones_are_errors() {
    let loaded = load_str(
        "rules.yml",
        "rules:\n  - id: a\n    resource_type: aws_s3_bucket\n    referenced_by:\n      - { resource_type: aws_s3_bucket_versioning, attribute: bucket }\n      - { resource_type: aws_s3_bucket_logging, attribute: bucket }\n    assert:\n      bucket: present\n",
    )
    .unwrap();
    assert_eq!(loaded.rules[0].assertions.len(), 3);
    let errors: Vec<String> = load_str(
        "rules.yml",
        "rules:\n  - id: a\n    resource_type: aws_s3_bucket\n    referenced_by:\n      resource_type: aws_s3_bucket_versioning\n  - id: b\n    resource_type: aws_s3_bucket\n    refers_to:\n      resource_type: \"a | b\"\n      attribute: x\n  - id: c\n    resource_type: aws_s3_bucket\n    not_referenced_by: [just-a-string]\n",
    )
    .unwrap_err()
    .iter()
    .map(|e| e.to_string())
    .collect();
    assert_eq!(
        errors,
        [
            "rules.yml:5: rule \"a\": `referenced_by` needs an `attribute`: the attribute that refers",
            "rules.yml:9: rule \"b\": `refers_to` needs one managed resource type, found \"a | b\"",
            "rules.yml:13: rule \"c\": `not_referenced_by` must be a map with `resource_type` and `attribute`, found a string",
        ]
    );
}

/// The fixture repository, copied where a test may change it.
fn bucket_module() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(
        Path::new("tests/fixtures/relations/s3-bucket-module"),
        dir.path(),
    );
    dir
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

const MODULE: &str = "modules/s3-bucket/main.tf";

/// Each companion-resources rule's status on the module's bucket, and its line, from the JSON
/// report of a scan with the pack.
fn bucket_checks(dir: &Path) -> Vec<(String, String, u64)> {
    let out = riveter(
        dir,
        &[
            "scan",
            "-t",
            ".",
            "-p",
            "companion-resources",
            "--json",
            "report.json",
        ],
    );
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", stderr(&out));
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
    report["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["resource"]["address"] == "module.data_bucket.aws_s3_bucket.this")
        .map(|r| {
            (
                r["rule_id"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
                r["resource"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

const BUCKET_CHECKS: [&str; 7] = [
    "aws-s3-bucket-public-access-block",
    "aws-s3-bucket-encryption-configuration",
    "aws-s3-bucket-versioning-resource",
    "aws-s3-bucket-logging-resource",
    "aws-s3-bucket-ownership-controls",
    "aws-s3-bucket-no-public-acl-resource",
    "aws-s3-bucket-policy-requires-tls",
];

fn not_passing(checks: &[(String, String, u64)]) -> Vec<String> {
    checks
        .iter()
        .filter(|(_, status, _)| status != "pass")
        .map(|(rule, status, line)| format!("{rule}={status}@{line}"))
        .collect()
}

#[test]
fn a_bucket_module_with_its_companions_passes_every_check() {
    let dir = bucket_module();
    let checks = bucket_checks(dir.path());
    let rules: Vec<&str> = checks.iter().map(|(rule, _, _)| rule.as_str()).collect();
    assert_eq!(rules, BUCKET_CHECKS);
    assert_eq!(not_passing(&checks), Vec::<String>::new());
}

#[test]
fn removing_one_companion_fails_exactly_its_check_on_the_buckets_line() {
    let removals = [
        ("public access block", "aws-s3-bucket-public-access-block"),
        ("encryption", "aws-s3-bucket-encryption-configuration"),
        ("versioning", "aws-s3-bucket-versioning-resource"),
        ("logging", "aws-s3-bucket-logging-resource"),
        ("ownership controls", "aws-s3-bucket-ownership-controls"),
    ];
    for (companion, rule) in removals {
        let dir = bucket_module();
        let path = dir.path().join(MODULE);
        let text = fs::read_to_string(&path).unwrap();
        let start = text.find(&format!("# companion: {companion}\n")).unwrap();
        let end = text.find(&format!("# end: {companion}\n")).unwrap();
        fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
        assert_eq!(
            not_passing(&bucket_checks(dir.path())),
            [format!("{rule}=fail@6")],
            "without the {companion}"
        );
    }
    // The policy is the module's to turn off, as its ownership controls refer through it.
    let dir = bucket_module();
    let path = dir.path().join("main.tf");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace(
            "  bucket = \"acme-analytics-data\"\n",
            "  bucket = \"acme-analytics-data\"\n  attach_policy = false\n",
        ),
    )
    .unwrap();
    assert_eq!(
        not_passing(&bucket_checks(dir.path())),
        ["aws-s3-bucket-policy-requires-tls=fail@6"]
    );
}

#[test]
fn a_bucket_named_by_a_variable_with_no_value_is_unknown_not_failed() {
    let dir = bucket_module();
    // The caller's name has no value, and the module's public access block names the bucket
    // by that name rather than by reference.
    let root = dir.path().join("main.tf");
    let text = fs::read_to_string(&root).unwrap();
    fs::write(
        &root,
        format!(
            "variable \"bucket_name\" {{\n  type = string\n}}\n\n{}",
            text.replace("\"acme-analytics-data\"", "var.bucket_name")
        ),
    )
    .unwrap();
    let module = dir.path().join(MODULE);
    let text = fs::read_to_string(&module).unwrap();
    let start = text.find("# companion: public access block\n").unwrap();
    let end = text.find("# end: public access block\n").unwrap();
    let block = text[start..end].replace("aws_s3_bucket.this[0].id", "var.bucket");
    fs::write(
        &module,
        format!("{}{block}{}", &text[..start], &text[end..]),
    )
    .unwrap();
    assert_eq!(
        not_passing(&bucket_checks(dir.path())),
        ["aws-s3-bucket-public-access-block=unknown@6"]
    );
    let out = riveter(
        dir.path(),
        &["scan", "-t", ".", "-p", "companion-resources"],
    );
    assert!(
        stdout(&out).contains("var.bucket_name, which has no value"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_suppression_on_the_buckets_block_applies() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rules.yml"), REQUIRE_BLOCK).unwrap();
    fs::write(
        dir.path().join("main.tf"),
        "# riveter:ignore block reason=\"blocked at the account level\"\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n",
    )
    .unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-t",
            ".",
            "-r",
            "rules.yml",
            "--json",
            "report.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["results"][0]["status"], "suppressed");
}

#[test]
fn companions_in_a_file_the_scan_did_not_target_still_count() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rules.yml"), REQUIRE_BLOCK).unwrap();
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("companions.tf"),
        block("pab", "aws_s3_bucket.b.id", ""),
    )
    .unwrap();
    let out = riveter(dir.path(), &["scan", "-t", "main.tf", "-r", "rules.yml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("1 rules passed") || stdout(&out).contains("1 rule passed"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_reference_passed_to_a_local_module_is_followed_to_its_companion() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rules.yml"), REQUIRE_BLOCK).unwrap();
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n}\nvariable \"name\" {}\nmodule \"hardening\" {\n  source = \"./modules/hardening\"\n  bucket = aws_s3_bucket.b.id\n}\n",
    )
    .unwrap();
    fs::create_dir_all(dir.path().join("modules/hardening")).unwrap();
    fs::write(
        dir.path().join("modules/hardening/main.tf"),
        format!(
            "variable \"bucket\" {{}}\n{}",
            block("this", "var.bucket", "")
        ),
    )
    .unwrap();
    let out = riveter(dir.path(), &["scan", "-t", ".", "-r", "rules.yml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // Without the module's folder in the scan, what it creates cannot be known.
    let out = riveter(dir.path(), &["scan", "-t", "main.tf", "-r", "rules.yml"]);
    assert!(
        stdout(&out).contains(
            "it is passed to module.hardening (source \"./modules/hardening\"), whose resources riveter does not read"
        ),
        "{}",
        stdout(&out)
    );
}

/// Two root modules (two examples of one repository) that each call `module "vpc"` make two
/// instances with one address: each instance's rules refer to its own network ACL, and
/// neither ACL is failed for the other's.
#[test]
fn two_roots_calling_one_module_keep_their_instances_apart() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("examples/a")).unwrap();
    fs::create_dir_all(d.join("examples/b")).unwrap();
    fs::write(
        d.join("main.tf"),
        r#"variable "rules" {
  type = map(number)
}

resource "aws_network_acl" "this" {
  vpc_id = "vpc-1"
}

resource "aws_network_acl_rule" "in" {
  for_each       = var.rules
  network_acl_id = aws_network_acl.this.id
  rule_number    = each.value
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/8"
}
"#,
    )
    .unwrap();
    for (example, rules) in [("a", "{ https = 100 }"), ("b", "{ ssh = 110 }")] {
        fs::write(
            d.join(format!("examples/{example}/main.tf")),
            format!("module \"vpc\" {{\n  source = \"../../\"\n  rules  = {rules}\n}}\n"),
        )
        .unwrap();
    }
    fs::write(
        d.join("rules.yml"),
        "rules:\n  - id: nacl-has-rules\n    resource_type: aws_network_acl\n    referenced_by:\n      resource_type: aws_network_acl_rule\n      attribute: network_acl_id\n",
    )
    .unwrap();
    let out = riveter(
        d,
        &[
            "scan",
            "-r",
            "rules.yml",
            "-t",
            "examples/a",
            "-t",
            "examples/b",
            "-t",
            "main.tf",
        ],
    );
    let table = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{table}");
    assert!(table.contains("✅ nacl-has-rules (2 resources)"), "{table}");
}

/// A flow log in one module given `module.vpc.vpc_id`, another module's output: which VPC it
/// refers to is not followed through the output, so the VPCs of that module are unknown, with
/// why, never failed as if nothing referred to them.
#[test]
fn a_value_read_from_another_modules_output_leaves_its_resources_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("vpc")).unwrap();
    fs::create_dir_all(d.join("flow")).unwrap();
    fs::write(
        d.join("main.tf"),
        "module \"vpc\" {\n  source = \"./vpc\"\n}\n\nmodule \"flow\" {\n  source = \"./flow\"\n  vpc_id = module.vpc.vpc_id\n}\n",
    )
    .unwrap();
    fs::write(
        d.join("vpc/main.tf"),
        "resource \"aws_vpc\" \"this\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n\noutput \"vpc_id\" {\n  value = aws_vpc.this.id\n}\n",
    )
    .unwrap();
    fs::write(
        d.join("flow/main.tf"),
        "variable \"vpc_id\" {\n  type = string\n}\n\nresource \"aws_flow_log\" \"this\" {\n  vpc_id       = var.vpc_id\n  traffic_type = \"ALL\"\n}\n",
    )
    .unwrap();
    fs::write(
        d.join("rules.yml"),
        "rules:\n  - id: vpc-flow\n    resource_type: aws_vpc\n    referenced_by:\n      resource_type: aws_flow_log\n      attribute: vpc_id\n",
    )
    .unwrap();
    let out = riveter(d, &["scan", "-r", "rules.yml", "-t", "."]);
    let table = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{table}");
    assert!(
        table.contains("? module.vpc.aws_vpc.this  vpc/main.tf:1"),
        "{table}"
    );
    assert!(
        table.contains("whether module.flow.aws_flow_log.this (flow/main.tf:5) refers to it is unknown: module.vpc.vpc_id"),
        "{table}"
    );
}
