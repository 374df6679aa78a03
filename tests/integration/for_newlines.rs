//! Valid Terraform that hcl-edit 0.10 rejects on its own: newlines inside the body of a `for`
//! expression in braces (issue: a line ending in an operator, or starting with `?` or `:`).

use riveter::terraform::{self, parse_source};
use std::sync::Arc;

fn parses(src: &str) {
    let file: Arc<str> = "main.tf".into();
    if let Err(e) = parse_source(&file, src) {
        panic!("{e}\n{src}");
    }
}

fn local(body: &str) -> String {
    format!(
        "locals {{\n  x = {body}\n}}\n\nresource \"aws_s3_bucket\" \"after\" {{\n  bucket = \"b\"\n}}\n"
    )
}

#[test]
fn an_operator_at_the_end_of_a_line() {
    for op in [
        "&&", "||", "+", "-", "*", "/", "%", "==", "!=", ">", ">=", "<", "<=",
    ] {
        parses(&local(&format!(
            "{{\n    for k in var.keys :\n    k =>\n    var.a {op}\n    var.b\n  }}"
        )));
    }
}

#[test]
fn a_conditional_whose_question_mark_and_colon_start_lines() {
    parses(&local(
        "{\n    for k, v in var.m : k =>\n    var.flag\n    ? { name = k }\n    : { name = v }\n  }",
    ));
    parses(&local(
        "{\n    for k, v in var.m : k => var.flag ? k\n    : v\n  }",
    ));
}

#[test]
fn a_for_inside_a_for() {
    parses(&local(
        "{\n    for k, v in var.groups : k => {\n      for n, m in v :\n      n =>\n      m.enabled &&\n      m.active\n    }\n  }",
    ));
}

#[test]
fn list_for_expressions() {
    parses(&local(
        "[\n    for k in var.keys :\n    var.a &&\n    var.b\n  ]",
    ));
    parses(&local(
        "[\n    for k in var.keys :\n    var.flag\n    ? k\n    : upper(k)\n  ]",
    ));
}

#[test]
fn a_condition_clause_over_several_lines() {
    parses(&local(
        "{\n    for k, v in var.m : k => v\n    if v != null &&\n    v != \"\"\n  }",
    ));
}

#[test]
fn lines_after_the_construct_are_unchanged() {
    let src = local("{\n    for k in var.keys :\n    k =>\n    var.a &&\n    var.b\n  }");
    let file: Arc<str> = "main.tf".into();
    let resources = parse_source(&file, &src).unwrap();
    // locals (1-8), a blank line, then the resource on line 10 and its bucket on line 11.
    assert_eq!(resources[0].span.line, 10);
    assert_eq!(resources[0].body.value.get("bucket").unwrap().span.line, 11);
}

#[test]
fn files_that_really_are_invalid_still_fail_with_their_line() {
    let file: Arc<str> = "bad.tf".into();
    let broken = "locals {\n  a = {\n    for k in var.keys :\n    k =>\n    var.a &&\n  }\n}\n";
    let err = parse_source(&file, broken).unwrap_err();
    assert_eq!(err.file, "bad.tf");
    assert!(err.line >= 5, "{err}");
    let unclosed = "resource \"a\" \"b\" {\n  x = {\n    for k in v : k =>\n    k\n";
    assert!(parse_source(&file, unclosed).is_err());
}

#[test]
fn a_fixture_tree_with_every_construct_scans_without_a_parse_error() {
    let found = terraform::discover(&["tests/fixtures/for-newlines".to_string()]).unwrap();
    let tf = terraform::load(
        found,
        &std::path::absolute(".").unwrap(),
        &Default::default(),
    );
    assert!(tf.errors.is_empty(), "{:#?}", tf.errors);
    let addresses: Vec<&str> = tf.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(addresses, ["aws_s3_bucket.after", "aws_security_group.web"]);
    let bucket = &tf.resources[0];
    assert_eq!(bucket.span.line, 70);
    assert_eq!(bucket.body.value.get("tags").unwrap().span.line, 74);
}
