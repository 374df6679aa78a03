//! Reading Terraform: real-world syntax parses, every block and attribute keeps its line, and
//! files are found as users name them.

use riveter::terraform::{self, BlockKind, Discovered, Resource, discover, parse_source};
use riveter::value::Value;
use std::fs;
use std::path::Path;
use std::sync::Arc;

const CORPUS: &str = "tests/fixtures/corpus";

fn parse(name: &str, src: &str) -> Vec<Resource> {
    let file: Arc<str> = name.into();
    parse_source(&file, src).unwrap_or_else(|e| panic!("{e}"))
}

fn load_tree(dir: &str) -> terraform::Terraform {
    let found = discover(&[dir.to_string()]).unwrap();
    terraform::load(
        found,
        &std::path::absolute(".").unwrap(),
        &Default::default(),
    )
}

#[test]
fn the_corpus_of_public_style_modules_parses_without_an_error() {
    let tf = load_tree(CORPUS);
    assert!(tf.errors.is_empty(), "{:#?}", tf.errors);
    assert_eq!(tf.files, 8);
    let addresses: Vec<&str> = tf.resources.iter().map(|r| r.local_address()).collect();
    for expected in [
        "aws_vpc.this",
        "aws_default_security_group.this",
        "aws_eks_cluster.this",
        "data.aws_iam_policy_document.assume_role_policy",
        "module.kms",
        "azurerm_kubernetes_cluster.main",
        "google_container_cluster.primary",
        "provider.google-beta",
        "module.network",
        "aws_lambda_function.processor",
        "provider.aws.us",
    ] {
        assert!(
            addresses.contains(&expected),
            "{expected} missing from {addresses:?}"
        );
    }
    // Blocks that are not resources (moved, import, check, removed, variables, outputs) are not.
    assert!(
        !addresses
            .iter()
            .any(|a| a.contains("http") || a.contains("legacy"))
    );
}

#[test]
fn files_are_relative_to_the_root_with_slashes() {
    let tf = load_tree(CORPUS);
    let cluster = tf
        .resources
        .iter()
        .find(|r| r.local_address() == "aws_eks_cluster.this")
        .unwrap();
    assert_eq!(&*cluster.file, "tests/fixtures/corpus/aws-eks/main.tf");
}

#[test]
fn blocks_and_attributes_keep_their_lines_and_columns() {
    let src = "# comment\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n\n  versioning {\n    enabled = true\n  }\n  tags = {\n    Owner = \"me\"\n  }\n}\n";
    let resources = parse("main.tf", src);
    let bucket = &resources[0];
    assert_eq!((bucket.span.line, bucket.span.column), (3, 1));
    assert_eq!(bucket.span.end_line, 12);
    let body = &bucket.body.value;
    assert_eq!(body.get("bucket").unwrap().span.line, 4);
    assert_eq!(body.get("bucket").unwrap().span.column, 3);
    let Value::List(versioning) = &body.get("versioning").unwrap().value else {
        panic!()
    };
    assert_eq!(versioning[0].span.line, 6);
    assert_eq!(versioning[0].value.get("enabled").unwrap().span.line, 7);
    let tags = body.get("tags").unwrap();
    assert_eq!(tags.value.get("Owner").unwrap().span.line, 10);
}

#[test]
fn crlf_and_a_byte_order_mark_do_not_move_lines() {
    let src = "\u{feff}resource \"a\" \"b\" {\r\n  x = 1\r\n\r\n  y = 2\r\n}\r\n";
    let resources = parse("main.tf", src);
    assert_eq!(resources[0].body.value.get("y").unwrap().span.line, 4);
}

#[test]
fn literals_are_known_and_expressions_keep_their_source() {
    let src = r#"
resource "aws_iam_role_policy" "p" {
  name   = "${var.prefix}-policy"
  count  = 2
  ratio  = 0.5
  on     = true
  role   = aws_iam_role.r.id
  list   = ["a", var.b]
  nested = { inner = { deep = "x" } }
  whole  = "${var.whole}"
  policy = <<-EOT
    {"Resource": "${aws_s3_bucket.b.arn}/*"}
  EOT
}
"#;
    let body = &parse("main.tf", src)[0].body.value;
    let text = |k: &str| body.get(k).unwrap().value.to_string();
    assert_eq!(text("name"), "${var.prefix}-policy");
    assert_eq!(text("count"), "2");
    assert_eq!(text("ratio"), "0.5");
    assert_eq!(text("on"), "true");
    assert_eq!(text("role"), "${aws_iam_role.r.id}");
    assert_eq!(text("list"), "[\"a\",\"${var.b}\"]");
    assert_eq!(text("nested"), "{\"inner\":{\"deep\":\"x\"}}");
    // A template that is one interpolation is that expression, as in Terraform.
    assert!(matches!(
        body.get("whole").unwrap().value,
        Value::Unknown(_)
    ));
    assert_eq!(
        body.get("policy").unwrap().value,
        Value::String("{\"Resource\": \"${aws_s3_bucket.b.arn}/*\"}\n".into())
    );
}

#[test]
fn terraform_json_files_become_resources_with_lines() {
    let path = format!("{CORPUS}/aws-lambda-json/main.tf.json");
    let src = fs::read_to_string(&path).unwrap();
    let resources = parse(&path, &src);
    let addresses: Vec<&str> = resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(
        addresses,
        [
            "aws_lambda_function.processor",
            "aws_dynamodb_table.items",
            "data.aws_region.current",
            "provider.aws",
            "provider.aws.us",
            "module.queue"
        ]
    );
    let lambda = &resources[0];
    assert_eq!(lambda.kind, BlockKind::Managed);
    assert_eq!(lambda.span.line, 7);
    assert_eq!(lambda.body.value.get("runtime").unwrap().span.line, 11);
    // Strings are templates in Terraform's JSON syntax too.
    assert!(matches!(
        lambda.body.value.get("role").unwrap().value,
        Value::Unknown(_)
    ));
}

#[test]
fn a_parse_error_names_the_file_line_and_column() {
    let file: Arc<str> = "broken.tf".into();
    let err = parse_source(&file, "resource \"a\" \"b\" {\n  x = 1\n  y = = 2\n}\n").unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("broken.tf", 3));
    // Terraform's summary for the same mistake comes first.
    assert!(
        err.message.starts_with("Invalid expression"),
        "{}",
        err.message
    );
    let json: Arc<str> = "broken.tf.json".into();
    let err = parse_source(&json, "{\n  \"resource\": {\n    \"a\": 1,\n  }\n}\n").unwrap_err();
    assert_eq!(err.line, 4, "{}", err.message);
}

#[test]
fn a_repeated_attribute_is_a_parse_error_as_in_terraform() {
    let file: Arc<str> = "dup.tf".into();
    let err = parse_source(&file, "resource \"a\" \"b\" {\n  x = 1\n  x = 2\n}\n").unwrap_err();
    assert_eq!(err.line, 3, "{}", err.message);
}

fn write(root: &Path, path: &str, text: &str) {
    let full = root.join(path);
    fs::create_dir_all(full.parent().unwrap()).unwrap();
    fs::write(full, text).unwrap();
}

fn names(found: &Discovered, root: &Path) -> Vec<String> {
    found
        .files
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

#[test]
fn folders_are_walked_skipping_hidden_and_terraform_dirs_and_warning_of_ignored_terraform() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in [
        "main.tf",
        "modules/net/main.tf",
        "modules/net/vars.tf.json",
        ".terraform/modules/x/main.tf",
        ".hidden/main.tf",
        "ignored/main.tf",
        "notes.md",
        "terraform.tfvars",
    ] {
        write(root, file, "");
    }
    write(root, ".gitignore", "ignored/\n");
    let found = discover(&[root.display().to_string()]).unwrap();
    // An ignore file never hides Terraform: the ignored folder is scanned, with a warning.
    assert_eq!(
        names(&found, root),
        [
            "ignored/main.tf",
            "main.tf",
            "modules/net/main.tf",
            "modules/net/vars.tf.json"
        ]
    );
    assert!(found.errors.is_empty());
    assert_eq!(found.warnings.len(), 1, "{:?}", found.warnings);
}

#[test]
fn globs_files_and_repeated_targets() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in ["a.tf", "b.tf", "sub/c.tf", "sub/deeper/d.tf"] {
        write(root, file, "");
    }
    let base = root.display().to_string();
    let found = discover(&[format!("{base}/*.tf")]).unwrap();
    assert_eq!(names(&found, root), ["a.tf", "b.tf"]);
    let found = discover(&[
        format!("{base}/sub/**/*.tf"),
        format!("{base}/a.tf"),
        format!("{base}/a.tf"),
    ])
    .unwrap();
    assert_eq!(names(&found, root), ["a.tf", "sub/c.tf", "sub/deeper/d.tf"]);
}

#[test]
fn missing_targets_and_non_terraform_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.md", "");
    let base = dir.path().display().to_string();
    let missing = format!("{base}/nope.tf");
    assert_eq!(
        discover(std::slice::from_ref(&missing))
            .unwrap_err()
            .to_string(),
        format!("{missing}: no such file or directory")
    );
    let notes = format!("{base}/notes.md");
    assert!(
        discover(&[notes])
            .unwrap_err()
            .to_string()
            .ends_with("not a Terraform file (expected .tf or .tf.json)")
    );
    let glob = format!("{base}/*.tf");
    assert_eq!(
        discover(std::slice::from_ref(&glob))
            .unwrap_err()
            .to_string(),
        format!("{glob}: the pattern matches no Terraform file")
    );
}

#[test]
fn an_object_key_defined_twice_keeps_its_last_value_as_in_terraform() {
    let src = "locals {\n  tags = {\n    env  = \"a\"\n    team = \"t\"\n    env  = \"b\"\n  }\n}\n\nmodule \"m\" {\n  source = \"./m\"\n  tags   = merge(local.tags, { owner = \"x\", owner = \"y\" })\n}\n";
    let module = &parse("main.tf", src)[0];
    let tags = &module.body.value.get("tags").unwrap().value;
    assert_eq!(
        tags.to_string(),
        // Terraform's maps have no order; the last `env` is what stays.
        "{\"team\":\"t\",\"env\":\"b\",\"owner\":\"y\"}"
    );
    assert_eq!(module.body.value.get("tags").unwrap().span.line, 11);
}

#[test]
fn an_error_after_a_repaired_construct_is_reported_at_its_own_line() {
    let file: Arc<str> = "main.tf".into();
    // The `for` body (lines 2-5) is valid Terraform that hcl-edit needs repaired; the mistake
    // is the unquoted CIDR block on line 8.
    let src = "locals {\n  a = {\n    for k in var.keys :\n    k => var.x &&\n    var.y\n  }\n  b = { c = 1, c = 2 }\n  cidr = [10.11.10.12/32]\n}\n";
    let err = parse_source(&file, src).unwrap_err();
    assert_eq!((err.line, err.column), (8, 11), "{}", err.message);
    assert!(
        err.message.starts_with("Invalid number literal"),
        "{}",
        err.message
    );
}

#[test]
fn an_invalid_number_in_a_definition_set_aside_is_still_reported() {
    let file: Arc<str> = "main.tf".into();
    let src = "x = {\n  a = 10.11.10.12\n  a = 1.2.3\n}\n";
    let err = parse_source(&file, src).unwrap_err();
    assert_eq!((err.line, err.column), (2, 7), "{}", err.message);
}
