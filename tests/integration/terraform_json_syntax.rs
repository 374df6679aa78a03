//! `.tf.json` files get the accept or reject decision of Terraform's JSON syntax (its
//! specification: one JSON object at the root, standard JSON throughout, no comments, no
//! property defined twice in one object). `terraform fmt` does not read JSON, so the expected
//! decisions are written here by hand.

use riveter::terraform::check_syntax;
use std::sync::Arc;

/// `(source, accepted)`.
const CASES: &[(&str, bool)] = &[
    ("{}", true),
    ("{}\n", true),
    ("  {\n}\n\n", true),
    ("{\"resource\": {}}", true),
    (
        "{\"resource\": {\"aws_s3_bucket\": {\"b\": {\"bucket\": \"x\"}}}}",
        true,
    ),
    // A block type may hold an array of objects, for several blocks of one type.
    (
        "{\"resource\": [{\"aws_s3_bucket\": {\"a\": {}}}, {\"aws_s3_bucket\": {\"b\": {}}}]}",
        true,
    ),
    (
        "{\"locals\": {\"a\": 1.5e3, \"b\": null, \"c\": [true, false]}}",
        true,
    ),
    ("{\"locals\": {\"a\": \"${var.x}-\\u00e9\"}}", true),
    ("{\"//\": \"a comment property\", \"locals\": {}}", true),
    (
        "{\"variable\": {\"x\": {\"default\": {\"nested\": {\"deep\": [1, 2]}}}}}",
        true,
    ),
    // Not one object at the root.
    ("", false),
    ("\n", false),
    ("[]", false),
    ("[{}]", false),
    ("\"resource\"", false),
    ("1", false),
    ("null", false),
    ("{} {}", false),
    // Not JSON.
    ("{\"locals\": {\"a\": 1,}}", false),
    ("{\"locals\": {\"a\": 1}", false),
    ("{'locals': {}}", false),
    ("{locals: {}}", false),
    ("// comment\n{}", false),
    ("{\"locals\": {\"a\": 1 /* c */}}", false),
    ("{\"locals\": {\"a\": NaN}}", false),
    ("{\"locals\": {\"a\": 01}}", false),
    ("{\"locals\": {\"a\": \"unterminated}}", false),
    ("{\"locals\": {\"a\" 1}}", false),
    // A property defined twice in one object.
    ("{\"locals\": {\"a\": 1, \"a\": 2}}", false),
];

#[test]
fn terraform_json_files_are_accepted_and_rejected_as_terraform_does() {
    let file: Arc<str> = "main.tf.json".into();
    let wrong: Vec<String> = CASES
        .iter()
        .filter_map(|(src, accepted)| {
            let ours = check_syntax(&file, src);
            (ours.is_ok() != *accepted)
                .then(|| format!("{src:?}: expected accepted={accepted}, got {ours:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
