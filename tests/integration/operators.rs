//! Every operator of docs/rules.md ("Operators"), with Terraform's conversions, on known,
//! missing and unknown values ("Outcomes").

use crate::util::outcome_of;
use riveter::findings::Outcome::{self, Fail, Pass, Unknown};

fn check(body: &str, key: &str, operator: &str, value: &str, expected: Outcome) {
    assert_eq!(
        outcome_of(body, key, operator, value),
        expected,
        "{key} {operator} {value} on `{body}`"
    );
}

#[test]
fn exists_and_not_exists() {
    for op in ["exists", "present"] {
        check("a = 1", "a", op, "null", Pass);
        check("a = null", "a", op, "null", Fail);
        check("b = 1", "a", op, "null", Fail);
        check("a = var.x", "a", op, "null", Pass);
    }
    for op in ["not_exists", "absent"] {
        check("a = 1", "a", op, "null", Fail);
        check("a = null", "a", op, "null", Pass);
        check("b = 1", "a", op, "null", Pass);
        check("a = var.x", "a", op, "null", Fail);
    }
}

#[test]
fn equality_follows_terraform_conversions() {
    for op in ["equals", "eq"] {
        check("a = \"aws:kms\"", "a", op, "aws:kms", Pass);
        check("a = \"AES256\"", "a", op, "aws:kms", Fail);
        check("a = true", "a", op, "'true'", Pass);
        check("a = \"true\"", "a", op, "true", Pass);
        check("a = false", "a", op, "true", Fail);
        check("a = 10", "a", op, "'10'", Pass);
        check("a = \"10\"", "a", op, "10", Pass);
        check("a = 10", "a", op, "10.0", Pass);
        check("a = \"ten\"", "a", op, "10", Fail);
        check("a = [1, 2]", "a", op, "[1, 2]", Pass);
        check("a = { k = \"v\" }", "a", op, "{k: v}", Pass);
        check("a = var.x", "a", op, "1", Unknown);
        check("b = 1", "a", op, "1", Fail);
    }
    for op in ["not_equals", "ne"] {
        check("a = 1", "a", op, "2", Pass);
        check("a = 1", "a", op, "1", Fail);
        check("b = 1", "a", op, "1", Pass);
        check("a = var.x", "a", op, "1", Unknown);
    }
}

#[test]
fn numeric_comparisons() {
    check("days = 2555", "days", "greater_than_or_equal", "2555", Pass);
    check("days = 2554", "days", "gte", "2555", Fail);
    check("days = \"3000\"", "days", "gt", "2555", Pass);
    check("days = 5", "days", "greater_than", "5", Fail);
    check("days = 4", "days", "less_than", "5", Pass);
    check("days = 5", "days", "lt", "5", Fail);
    check("days = 5", "days", "less_than_or_equal", "5", Pass);
    check("days = 6", "days", "lte", "5", Fail);
    check("days = \"many\"", "days", "gt", "1", Fail);
    check("other = 1", "days", "gt", "1", Fail);
    check("days = var.days", "days", "gt", "1", Unknown);
}

/// A rule's YAML number and Terraform's compare as Terraform compares numbers: exactly, with
/// decimal literals as Terraform reads them (`0.1 + 0.2` is `0.3`, not 0.30000000000000004).
#[test]
fn rule_numbers_compare_exactly_with_terraform_numbers() {
    check("a = 0.1 + 0.2", "a", "equals", "0.3", Pass);
    check("a = 0.1 + 0.2", "a", "gt", "0.3", Fail);
    check("a = 0.1 + 0.2", "a", "lte", "0.3", Pass);
    check("a = 0.1 * 3", "a", "gte", "0.3", Pass);
    check("a = 1.15 * 100", "a", "equals", "115", Pass);
    check("a = 1 / 3", "a", "lt", "0.3333334", Pass);
    check("a = 9007199254740993", "a", "gt", "9007199254740992", Pass);
    check("a = 1 / 0", "a", "gt", "1e300", Pass);
    check("a = \"0.3\"", "a", "equals", "0.3", Pass);
    check("a = tostring(0.1 + 0.2)", "a", "matches", "'^0\\.3$'", Pass);
}

#[test]
fn contains_on_strings_lists_and_maps() {
    check("p = \"s3:GetObject\"", "p", "contains", "GetObject", Pass);
    check("p = \"s3:GetObject\"", "p", "contains", "Put", Fail);
    check("l = [\"a\", \"b\"]", "l", "contains", "b", Pass);
    check("l = [\"a\", \"b\"]", "l", "contains", "c", Fail);
    check("l = [1, 2]", "l", "contains", "'2'", Pass);
    check("m = { Owner = \"me\" }", "m", "contains", "Owner", Pass);
    check("m = { Owner = \"me\" }", "m", "contains", "Team", Fail);
    check("other = 1", "p", "contains", "x", Fail);
    check("p = \"a*b\"", "p", "not_contains", "'*'", Fail);
    check("p = \"ab\"", "p", "not_contains", "'*'", Pass);
    check("other = 1", "p", "not_contains", "x", Pass);
    // A list with an element that cannot be known might contain the value.
    check("l = [var.a, \"b\"]", "l", "contains", "c", Unknown);
}

#[test]
fn text_operators_read_the_source_of_unknown_values() {
    check(
        "bucket = aws_s3_bucket.financial.id",
        "bucket",
        "matches",
        "'.*financial.*'",
        Pass,
    );
    check(
        "bucket = aws_s3_bucket.raw.id",
        "bucket",
        "matches",
        "'.*financial.*'",
        Fail,
    );
    check(
        "bucket = aws_s3_bucket.raw.id",
        "bucket",
        "not_matches",
        "financial",
        Pass,
    );
    check(
        "bucket = aws_s3_bucket.raw.id",
        "bucket",
        "contains",
        "aws_s3_bucket.raw",
        Pass,
    );
    check(
        "bucket = aws_s3_bucket.raw.id",
        "bucket",
        "not_contains",
        "raw",
        Fail,
    );
    check(
        "bucket = aws_s3_bucket.raw.id",
        "bucket",
        "starts_with",
        "'${aws_s3'",
        Pass,
    );
    check(
        "bucket = aws_s3_bucket.raw.id",
        "bucket",
        "ends_with",
        "'.id}'",
        Pass,
    );
    // A string with a reference in it is known, the reference written as `${source}`.
    check(
        "name = \"${aws_s3_bucket.raw.id}-logs\"",
        "name",
        "equals",
        "'${aws_s3_bucket.raw.id}-logs'",
        Pass,
    );
}

#[test]
fn text_operators_decide_only_what_the_known_parts_of_other_unknowns_decide() {
    // A variable with no value, a data source, a function riveter does not evaluate: any text.
    for value in ["var.name", "data.aws_iam_role.ci.name", "timestamp()"] {
        let body = format!("name = {value}");
        check(&body, "name", "matches", "'.*prod.*'", Unknown);
        check(&body, "name", "not_matches", "'.*\\*.*'", Unknown);
        check(&body, "name", "contains", "prod", Unknown);
        check(&body, "name", "not_contains", "'*'", Unknown);
        check(&body, "name", "starts_with", "prod", Unknown);
        check(&body, "name", "ends_with", "prod", Unknown);
        check(&body, "name", "matches", "''", Pass);
    }
    // A string built from known text and such an unknown.
    let templated = "name = \"${var.project}-data-processor\"";
    check(templated, "name", "matches", "'.*data-processor.*'", Pass);
    check(templated, "name", "ends_with", "-processor", Pass);
    check(templated, "name", "ends_with", "-worker", Fail);
    check(templated, "name", "starts_with", "prod-", Unknown);
    check(templated, "name", "contains", "data", Pass);
    check(templated, "name", "not_contains", "admin", Unknown);
    check(
        templated,
        "name",
        "equals",
        "'${var.project}-data-processor'",
        Unknown,
    );
    let arn = "resource = \"arn:aws:s3:::${var.bucket}/*\"";
    check(arn, "resource", "starts_with", "'arn:aws:s3:::'", Pass);
    check(arn, "resource", "starts_with", "'arn:aws:iam::'", Fail);
    check(arn, "resource", "not_contains", "'*'", Fail);
    check(arn, "resource", "matches", "'^arn:aws:s3:::prod-'", Unknown);
}

#[test]
fn policies_with_unknown_parts_fail_on_what_is_known_and_are_unknown_otherwise() {
    let policy = |action: &str, resource: &str| {
        format!(
            "policy = jsonencode({{ Statement = [{{ Effect = \"Allow\", Action = {action}, Resource = {resource} }}] }})"
        )
    };
    // A reference is an identifier: no wildcard in it.
    let by_reference = policy("\"s3:GetObject\"", "aws_s3_bucket.b.arn");
    check(&by_reference, "policy", "not_contains", "'\"*\"'", Pass);
    // An action from a variable with no value may be "*".
    let by_variable = policy("var.actions", "aws_s3_bucket.b.arn");
    check(&by_variable, "policy", "not_contains", "'\"*\"'", Unknown);
    check(
        &by_variable,
        "policy",
        "not_matches",
        "'\"Action\":\"\\*\"'",
        Unknown,
    );
    // A known wildcard elsewhere in the text decides.
    let with_wildcard = policy("var.actions", "\"*\"");
    check(&with_wildcard, "policy", "not_contains", "'\"*\"'", Fail);
    check(
        &with_wildcard,
        "policy",
        "not_matches",
        "'\"Resource\":\"\\*\"'",
        Fail,
    );
}

/// A string with unknown parts equals no value that its known text rules out, whatever the
/// unknown parts hold; it is never known to equal one.
#[test]
fn equality_and_membership_decide_what_the_known_parts_rule_out() {
    let member = "member = \"serviceAccount:${var.sa}@p.iam.gserviceaccount.com\"";
    let public = "[allUsers, allAuthenticatedUsers]";
    check(member, "member", "equals", "allUsers", Fail);
    check(member, "member", "eq", "allUsers", Fail);
    check(member, "member", "not_equals", "allUsers", Pass);
    check(member, "member", "ne", "allUsers", Pass);
    check(member, "member", "in", public, Fail);
    check(member, "member", "not_in", public, Pass);
    // An expected value that the known text allows stays unknown, both ways.
    let ci = "'serviceAccount:ci@p.iam.gserviceaccount.com'";
    check(member, "member", "equals", ci, Unknown);
    check(member, "member", "not_equals", ci, Unknown);
    check(
        member,
        "member",
        "in",
        &format!("[allUsers, {ci}]"),
        Unknown,
    );
    check(
        member,
        "member",
        "not_in",
        &format!("[allUsers, {ci}]"),
        Unknown,
    );
    // The unknown part may be empty.
    let empty = "'serviceAccount:@p.iam.gserviceaccount.com'";
    check(member, "member", "equals", empty, Unknown);
    // Middle pieces in order, and Terraform's conversions: text with letters is no number.
    let name = "name = \"${var.env}-${var.team}-logs\"";
    check(name, "name", "equals", "prod-data-logs", Unknown);
    check(name, "name", "equals", "prod--logs", Unknown);
    check(name, "name", "equals", "prod-logs", Fail);
    check(name, "name", "equals", "prod-data", Fail);
    check(name, "name", "not_in", "[1, true, logs]", Pass);
    check("port = \"${var.port}0\"", "port", "equals", "10", Unknown);
    // `22.0` equals 22, so a known trailing digit rules out no number.
    check(
        "port = \"${var.port}0\"",
        "port",
        "not_in",
        "[22, 3389]",
        Unknown,
    );
    check(
        "port = \"tcp/${var.port}\"",
        "port",
        "not_in",
        "[22, 3389]",
        Pass,
    );
    // No known text: nothing is ruled out.
    for body in [
        "member = var.member",
        "member = \"${var.member}\"",
        "member = aws_iam_role.r.arn",
    ] {
        check(body, "member", "equals", "allUsers", Unknown);
        check(body, "member", "not_equals", "allUsers", Unknown);
        check(body, "member", "in", public, Unknown);
        check(body, "member", "not_in", public, Unknown);
    }
}

#[test]
fn regex_searches_unless_anchored() {
    for op in ["matches", "regex"] {
        check("name = \"prod-data\"", "name", op, "data", Pass);
        check("name = \"prod-data\"", "name", op, "'^data'", Fail);
        check("name = \"prod-data\"", "name", op, "'^prod-[a-z]+$'", Pass);
    }
    check(
        "name = \"prod-data\"",
        "name",
        "not_matches",
        "'^dev'",
        Pass,
    );
    check("name = \"prod-data\"", "name", "not_matches", "prod", Fail);
    check("other = 1", "name", "matches", "x", Fail);
    check("other = 1", "name", "not_matches", "x", Pass);
    check("port = 22", "port", "matches", "'^22$'", Pass);
}

#[test]
fn membership() {
    check(
        "runtime = \"python3.12\"",
        "runtime",
        "in",
        "[python3.11, python3.12]",
        Pass,
    );
    check(
        "runtime = \"python2.7\"",
        "runtime",
        "in",
        "[python3.11, python3.12]",
        Fail,
    );
    check(
        "runtime = \"python2.7\"",
        "runtime",
        "not_in",
        "[python2.7, nodejs12.x]",
        Fail,
    );
    check(
        "runtime = \"python3.12\"",
        "runtime",
        "not_in",
        "[python2.7]",
        Pass,
    );
    check("other = 1", "runtime", "not_in", "[python2.7]", Pass);
    check("runtime = var.runtime", "runtime", "in", "[a]", Unknown);
}

#[test]
fn prefixes_and_suffixes() {
    check(
        "arn = \"arn:aws:kms:x\"",
        "arn",
        "starts_with",
        "'arn:aws:kms'",
        Pass,
    );
    check(
        "arn = \"arn:aws:s3:x\"",
        "arn",
        "starts_with",
        "'arn:aws:kms'",
        Fail,
    );
    check("name = \"logs.tf\"", "name", "ends_with", ".tf", Pass);
    check("name = \"logs.tf\"", "name", "ends_with", ".json", Fail);
}

#[test]
fn list_containment() {
    for op in ["contains_all", "subset"] {
        check("l = [\"a\", \"b\", \"c\"]", "l", op, "[a, c]", Pass);
        check("l = [\"a\", \"b\"]", "l", op, "[a, d]", Fail);
    }
    check("l = [\"a\", \"b\"]", "l", "contains_any", "[d, b]", Pass);
    check("l = [\"a\", \"b\"]", "l", "contains_any", "[d, e]", Fail);
}

#[test]
fn lengths() {
    check("l = [1, 2, 3]", "l", "length_equals", "3", Pass);
    check("l = [1, 2, 3]", "l", "length", "2", Fail);
    check(
        "s = \"abcd\"",
        "s",
        "length_greater_than_or_equal",
        "4",
        Pass,
    );
    check(
        "s = \"abc\"",
        "s",
        "length_greater_than_or_equal",
        "4",
        Fail,
    );
    check(
        "m = { a = 1, b = 2 }",
        "m",
        "length_less_than_or_equal",
        "2",
        Pass,
    );
    check(
        "m = { a = 1, b = 2, c = 3 }",
        "m",
        "length_less_than_or_equal",
        "2",
        Fail,
    );
    check("l = var.list", "l", "length_equals", "1", Unknown);
    check("l = [1, 2]", "l", "length_not_equals", "2", Fail);
    check("l = [1, 2]", "l", "length_greater_than", "1", Pass);
    check("l = [1, 2]", "l", "length_less_than", "2", Fail);
}

#[test]
fn a_missing_attribute_has_length_zero() {
    check("b = 1", "l", "length_equals", "0", Pass);
    check("b = 1", "l", "length_greater_than_or_equal", "1", Fail);
    check("b = 1", "l", "length_less_than_or_equal", "0", Pass);
    check("l = null", "l", "length_equals", "0", Pass);
}

#[test]
fn length_with_a_map_of_comparisons_applies_each_to_the_length() {
    // The native shape takes the map as the value of `length`.
    check("l = [1, 2]", "l", "length", "{gte: 2}", Pass);
    check("l = [1]", "l", "length", "{gte: 2}", Fail);
    check("l = [1, 2, 3]", "l", "length", "{gt: 1, lt: 3}", Fail);
    check("l = [1, 2]", "l", "length", "{gt: 1, lt: 3, ne: 0}", Pass);
    check("b = 1", "l", "length", "{eq: 0}", Pass);
    check("b = 1", "l", "length", "{ne: 0}", Fail);
}

#[test]
fn none_match_patterns_apply_the_operators_they_name() {
    let open = "ingress {\n from_port = 22\n cidr_blocks = [\"0.0.0.0/0\"]\n}\ningress {\n from_port = 443\n cidr_blocks = [\"10.0.0.0/8\"]\n}";
    let ssh_from_anywhere = "[{from_port: 22, cidr_blocks: {contains: '0.0.0.0/0'}}]";
    check(open, "ingress", "none_match", ssh_from_anywhere, Fail);
    let internal = "ingress {\n from_port = 22\n cidr_blocks = [\"10.0.0.0/8\"]\n}";
    check(internal, "ingress", "none_match", ssh_from_anywhere, Pass);
    // Several operators in one field all apply; a regex is a pattern.
    check(
        open,
        "ingress",
        "none_match",
        "[{from_port: {gte: 20, lte: 25}}]",
        Fail,
    );
    check(
        open,
        "ingress",
        "none_match",
        "[{from_port: {gt: 22, lt: 443}}]",
        Pass,
    );
    check(
        open,
        "ingress",
        "none_match",
        "[{cidr_blocks: {contains: '10.0.0.0/8'}, from_port: {regex: '^44'}}]",
        Fail,
    );
    // A map whose keys are not all operators is a literal value.
    check(
        open,
        "ingress",
        "none_match",
        "[{from_port: {gte: 20, port: 22}}]",
        Pass,
    );
    // The field's value is unknown: so is the match.
    check(
        "ingress {\n from_port = var.port\n cidr_blocks = [\"0.0.0.0/0\"]\n}",
        "ingress",
        "none_match",
        "[{from_port: {eq: 22}}]",
        Unknown,
    );
}

#[test]
fn none_match_rejects_any_element_matching_a_pattern() {
    let open = "ingress {\n from_port = 22\n cidr_blocks = [\"0.0.0.0/0\"]\n}\ningress {\n from_port = 443\n cidr_blocks = [\"10.0.0.0/8\"]\n}";
    check(
        open,
        "ingress",
        "none_match",
        "[{from_port: 22, cidr_blocks: '0.0.0.0/0'}]",
        Fail,
    );
    check(open, "ingress", "none_match", "{from_port: 3389}", Pass);
    check(
        open,
        "ingress",
        "none_match",
        "[{cidr_blocks: ['192.168.0.0/16']}]",
        Pass,
    );
    check(
        "other = 1",
        "ingress",
        "none_match",
        "[{from_port: 22}]",
        Pass,
    );
}

#[test]
fn several_values_must_all_pass() {
    let body = "root_block_device {\n encrypted = true\n}\nebs_block_device {\n encrypted = true\n}\nebs_block_device {\n encrypted = false\n}";
    check(body, "root_block_device.encrypted", "equals", "true", Pass);
    check(body, "ebs_block_device.encrypted", "equals", "true", Fail);
    check(body, "ebs_block_device.*.encrypted", "equals", "true", Fail);
    check(body, "ebs_block_device.0.encrypted", "equals", "true", Pass);
    check(
        body,
        "ebs_block_device[1].encrypted",
        "equals",
        "false",
        Pass,
    );
    // A failure outweighs an unknown; an unknown outweighs passes.
    let mixed =
        "ebs_block_device {\n encrypted = var.e\n}\nebs_block_device {\n encrypted = true\n}";
    check(
        mixed,
        "ebs_block_device.encrypted",
        "equals",
        "true",
        Unknown,
    );
    let failing =
        "ebs_block_device {\n encrypted = var.e\n}\nebs_block_device {\n encrypted = false\n}";
    check(
        failing,
        "ebs_block_device.encrypted",
        "equals",
        "true",
        Fail,
    );
}

#[test]
fn unknown_values_make_non_text_operators_unknown() {
    for (op, value) in [
        ("equals", "x"),
        ("gt", "1"),
        ("in", "[a]"),
        ("contains_all", "[a]"),
        ("length_equals", "1"),
    ] {
        check("a = local.value", "a", op, value, Unknown);
    }
    check("a = upper(var.x)", "a", "equals", "X", Unknown);
    // A function of known values is known.
    check("a = upper(\"x\")", "a", "equals", "X", Pass);
}
