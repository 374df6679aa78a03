//! The built-in rule packs: every rule tested both ways by `riveter test`, the seed's second
//! command on the example, and the commands that list and document the packs.

use crate::util::{riveter, stdout};

#[test]
fn every_pack_rule_passes_its_fixtures_in_both_directions() {
    let out = riveter(".", &["test", "rule-packs"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let last = text.lines().last().unwrap();
    let passed: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert_eq!(last, format!("{passed} passed, 0 failed"));
    // One test per check of the catalog: the packs select every check, each once.
    let checks: usize = std::fs::read_dir("rule-packs/checks")
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .map(|text| text.matches("\n- id: ").count())
        .sum();
    assert_eq!(passed, checks, "{text}");
    assert!(passed >= 160, "{passed} checks");
}

#[test]
fn the_seeds_pack_command_passes_the_example_cleanly() {
    let files: Vec<String> = [
        "iam.tf",
        "main.tf",
        "outputs.tf",
        "processing.tf",
        "storage.tf",
        "variables.tf",
    ]
    .map(String::from)
    .to_vec();
    let mut args = vec!["scan", "-p", "aws-security", "-p", "soc2-security", "-t"];
    args.extend(files.iter().map(String::as_str));
    let out = riveter("examples/batch-pipeline", &args);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("✅ KMS keys must have rotation enabled (2 resources)\n"),
        "{text}"
    );
    assert!(
        text.contains("✅ S3 buckets must block public access (3 resources)\n"),
        "{text}"
    );
    assert!(text.contains(", 0 failed, 0 unknown,"), "{text}");
}

/// A bucket's public access block, encryption and versioning are resources of their own: the
/// walkthrough's packs fail a bucket that has none, not only a companion that is wrong.
#[test]
fn the_seeds_packs_fail_a_bucket_without_its_companion_resources() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket\" \"bare\" {\n  bucket = \"bare\"\n}\n",
    )
    .unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-p",
            "aws-security",
            "-p",
            "soc2-security",
            "-t",
            "main.tf",
            "-f",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let failed: Vec<&str> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "fail")
        .map(|r| r["rule_id"].as_str().unwrap())
        .collect();
    for expected in [
        "aws-s3-bucket-public-access-block",
        "aws-s3-bucket-encryption-configuration",
        "aws-s3-bucket-versioning-resource",
        "aws-s3-bucket-policy-requires-tls",
    ] {
        assert!(failed.contains(&expected), "{expected} not in {failed:?}");
    }
}

#[test]
fn every_pack_finds_the_mistakes_example_wanting() {
    let out = riveter(
        "examples/batch-pipeline-mistakes",
        &["scan", "-p", "aws-security", "-f", "json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let failed: Vec<&str> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "fail")
        .map(|r| r["rule_id"].as_str().unwrap())
        .collect();
    for expected in [
        "aws-s3-kms-encryption",
        "aws-s3-lifecycle-enabled",
        "aws-glue-security-configuration",
    ] {
        assert!(failed.contains(&expected), "{expected} not in {failed:?}");
    }
    // Its wildcard is a resource, not an action: the admin-policy rule rightly stays quiet.
    assert!(!failed.contains(&"aws-iam-no-admin-policy"), "{failed:?}");
}

#[test]
fn packs_list_and_show() {
    let list = stdout(&riveter(".", &["packs", "list"]));
    for name in [
        "aws-security",
        "soc2-security",
        "cis-aws",
        "aws-hipaa",
        "aws-pci-dss",
        "aws-well-architected",
        "azure-security",
        "cis-azure",
        "azure-hipaa",
        "azure-well-architected",
        "gcp-security",
        "cis-gcp",
        "gcp-well-architected",
        "kubernetes-security",
        "multi-cloud-security",
        "companion-resources",
    ] {
        assert!(
            list.lines().any(|l| l.starts_with(&format!("{name} "))),
            "{name} missing from\n{list}"
        );
    }
    let show = stdout(&riveter(".", &["packs", "show", "aws-security"]));
    assert!(
        show.lines().any(|l| l.starts_with("aws-kms-rotation ")
            && l.ends_with("KMS keys must have rotation enabled")),
        "{show}"
    );
    let unknown = riveter(".", &["packs", "show", "no-such-pack"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn the_rule_pack_docs_are_current() {
    let generated = stdout(&riveter(".", &["packs", "docs"]));
    let committed = std::fs::read_to_string("docs/rule-packs.md").unwrap();
    assert!(
        generated == committed,
        "docs/rule-packs.md is stale: run `riveter packs docs -o docs/rule-packs.md`"
    );
}

#[test]
fn a_pack_file_path_works_like_a_built_in_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = false\n}\n",
    )
    .unwrap();
    let pack = std::path::absolute("rule-packs/cis-aws.yml").unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-p",
            pack.to_str().unwrap(),
            "--include-rules",
            "cis-aws-kms-*",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("❌ KMS keys must have rotation enabled"));
}

#[test]
fn users_test_their_own_rules_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("team.yml"),
        "rules:\n  - id: team-owner-tag\n    resource_type: aws_s3_bucket\n    assertions: [{key: tags.Owner, operator: exists}]\n  - id: team-never-fails\n    resource_type: aws_s3_bucket\n    assertions: [{key: bucket, operator: exists}]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("tests")).unwrap();
    std::fs::write(
        dir.path().join("tests/buckets.tf"),
        "resource \"aws_s3_bucket\" \"ok\" {\n  bucket = \"a\"\n  tags   = { Owner = \"me\" }\n}\n\n# expect fail: team-owner-tag\nresource \"aws_s3_bucket\" \"untagged\" {\n  bucket = \"b\"\n}\n",
    )
    .unwrap();
    let out = riveter(dir.path(), &["test", "."]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("ok    team-owner-tag"), "{text}");
    // A rule that nothing makes fail is not tested in both directions.
    assert!(
        text.contains("FAIL  team-never-fails\n        no fixture fails it"),
        "{text}"
    );
    assert!(text.ends_with("1 passed, 1 failed\n"), "{text}");
}

#[test]
fn a_check_leaves_out_the_form_its_provider_rejects_the_setting_on() {
    // Cloud Storage buckets with a hierarchical namespace do not support Object Versioning:
    // gcp-gcs-versioning does not judge them, judges flat buckets, and cannot know whether it
    // applies to a bucket whose namespace is a variable with no value.
    let dir = tempfile::tempdir().unwrap();
    let bucket = |name: &str, namespace: &str| {
        format!(
            "resource \"google_storage_bucket\" \"{name}\" {{\n  name     = \"{name}\"\n  location = \"EU\"\n  uniform_bucket_level_access = true\n{namespace}}}\n\n"
        )
    };
    let tf = [
        "variable \"hns\" {\n  type = bool\n}\n\n".to_string(),
        bucket(
            "folders",
            "  hierarchical_namespace {\n    enabled = true\n  }\n",
        ),
        bucket("flat", ""),
        bucket(
            "unknown",
            "  hierarchical_namespace {\n    enabled = var.hns\n  }\n",
        ),
    ]
    .concat();
    std::fs::write(dir.path().join("main.tf"), tf).unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-p",
            "gcp-security",
            "--include-rules",
            "gcp-gcs-versioning",
            "-f",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let outcomes: Vec<(String, String)> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["resource"]["address"].as_str().unwrap_or("").to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            ("google_storage_bucket.flat".to_string(), "fail".to_string()),
            (
                "google_storage_bucket.unknown".to_string(),
                "unknown".to_string()
            ),
        ],
        "{json}"
    );
}
