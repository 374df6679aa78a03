//! `riveter scan --changed-since`: the change puts in scope what it can affect and nothing
//! else. Each case is a real git repository with a base commit and a change; the scoped scan's
//! JSON report marks every result `in_scope` true or false, and says why for a result outside
//! the change's own lines.

use crate::github_stand_in::{commit_all, git, git_repository, write_file};
use crate::util::{riveter, stdout};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const RULES: &str = r#"rules:
  - id: rot
    name: rot
    severity: high
    resource_type: aws_kms_key
    assertions: [{key: enable_key_rotation, operator: equals, value: true}]
  - id: owner
    name: owner
    severity: high
    resource_type: aws_s3_bucket
    assertions: [{key: tags.Owner, operator: exists}]
  - id: private
    name: private
    severity: high
    resource_type: aws_s3_bucket
    referenced_by:
      resource_type: aws_s3_bucket_public_access_block
      attribute: bucket
      assertions: [{key: block_public_acls, operator: equals, value: true}]
  - id: label
    name: label
    severity: high
    resource_type: google_storage_bucket
    assertions: [{key: labels.team, operator: exists}]
"#;

/// A repository whose first commit holds `files` and the rules.
fn repository(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = git_repository();
    let d = dir.path();
    write_file(d, "rules.yml", RULES);
    for (path, text) in files {
        write_file(d, path, text);
    }
    commit_all(d, "base");
    dir
}

/// What the scoped scan says of each result: `rule address` to (status, in scope, why).
type Marks = BTreeMap<String, (String, bool, Option<String>)>;

/// Commits `change` over the repository's last commit, and scans the change.
fn change(dir: &Path, change: impl FnOnce(&Path)) -> Marks {
    let base = git(dir, &["rev-parse", "HEAD"]);
    change(dir);
    commit_all(dir, "change");
    let reports = tempfile::tempdir().unwrap();
    let json = reports.path().join("report.json");
    let out = riveter(
        dir,
        &[
            "scan",
            "-r",
            "rules.yml",
            "--changed-since",
            &base,
            "--json",
            json.to_str().unwrap(),
        ],
    );
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stdout(&out));
    let report: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    let mut marks = Marks::new();
    for result in report["results"].as_array().unwrap() {
        let Some(address) = result["resource"]["address"].as_str() else {
            continue;
        };
        let mut key = format!("{} {address}", result["rule_id"].as_str().unwrap());
        // Two folders may declare the same address: the second is told by its file.
        if marks.contains_key(&key) {
            key = format!("{key} in {}", result["resource"]["file"].as_str().unwrap());
        }
        let in_scope = result["in_scope"]
            .as_bool()
            .unwrap_or_else(|| panic!("no in_scope on {result}"));
        let because = result["in_scope_because"].as_str().map(str::to_string);
        marks.insert(
            key,
            (
                result["status"].as_str().unwrap().to_string(),
                in_scope,
                because,
            ),
        );
    }
    marks
}

/// The results in scope, each with why (empty for the change's own lines).
fn in_scope(marks: &Marks) -> BTreeMap<&str, &str> {
    marks
        .iter()
        .filter(|(_, (_, in_scope, _))| *in_scope)
        .map(|(key, (_, _, why))| (key.as_str(), why.as_deref().unwrap_or("")))
        .collect()
}

const TWO_KEYS: &str = "resource \"aws_kms_key\" \"a\" {\n  enable_key_rotation = true\n}\n\nresource \"aws_kms_key\" \"b\" {\n  enable_key_rotation = false\n}\n";

#[test]
fn a_comment_inside_a_block_puts_that_block_alone_in_scope() {
    let repo = repository(&[("main.tf", TWO_KEYS)]);
    let marks = change(repo.path(), |d| {
        let text = TWO_KEYS.replace("\"a\" {\n", "\"a\" {\n  # rotated by the platform team\n");
        write_file(d, "main.tf", &text);
    });
    assert_eq!(
        in_scope(&marks),
        BTreeMap::from([("rot aws_kms_key.a", "")]),
        "{marks:?}"
    );
}

#[test]
fn comments_between_blocks_layout_and_descriptions_put_nothing_in_scope() {
    let variables =
        "variable \"rotate\" {\n  description = \"whether keys rotate\"\n  default     = true\n}\n";
    let main = "terraform {\n  required_providers {\n    aws = { source = \"hashicorp/aws\" }\n  }\n}\n\nresource \"aws_kms_key\" \"a\" {\n  enable_key_rotation = var.rotate\n}\n";
    let repo = repository(&[("variables.tf", variables), ("main.tf", main)]);
    let marks = change(repo.path(), |d| {
        write_file(
            d,
            "variables.tf",
            "# Keys\n\nvariable \"rotate\" {\n  description = \"whether the keys rotate yearly\"\n  default = true # always\n}\n",
        );
        write_file(
            d,
            "main.tf",
            &main.replace(
                "hashicorp/aws\" }",
                "hashicorp/aws\", version = \">= 5.0\" }",
            ),
        );
    });
    assert!(in_scope(&marks).is_empty(), "{marks:?}");
}

#[test]
fn a_new_file_beside_an_old_failing_resource_judges_only_its_own() {
    let repo = repository(&[("main.tf", TWO_KEYS)]);
    let base = git(repo.path(), &["rev-parse", "HEAD"]);
    let marks = change(repo.path(), |d| {
        write_file(
            d,
            "new.tf",
            "resource \"aws_kms_key\" \"c\" {\n  enable_key_rotation = true\n}\n",
        );
    });
    assert_eq!(marks["rot aws_kms_key.b"].0, "fail");
    assert_eq!(
        in_scope(&marks),
        BTreeMap::from([("rot aws_kms_key.c", "")]),
        "{marks:?}"
    );
    // The gate passes: the old failure is not the change's.
    let out = riveter(
        repo.path(),
        &["scan", "-r", "rules.yml", "--changed-since", &base],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn a_variable_default_puts_in_scope_what_reads_it_only() {
    let main = "variable \"rotate\" {\n  default = true\n}\n\nlocals {\n  policy = { rotate = var.rotate }\n}\n\nresource \"aws_kms_key\" \"reads\" {\n  enable_key_rotation = local.policy.rotate\n}\n\nresource \"aws_kms_key\" \"fixed\" {\n  enable_key_rotation = true\n}\n";
    let repo = repository(&[("main.tf", main)]);
    let marks = change(repo.path(), |d| {
        write_file(
            d,
            "main.tf",
            &main.replace("default = true", "default = false"),
        )
    });
    assert_eq!(
        in_scope(&marks),
        BTreeMap::from([(
            "rot aws_kms_key.reads",
            "in scope because main.tf changed var.rotate, which it reads through local.policy"
        )]),
        "{marks:?}"
    );
    assert_eq!(marks["rot aws_kms_key.reads"].0, "fail");
}

/// `app` calls `naming` (outputs only) and `other`; its key reads naming's output, its
/// bucket does not.
fn caller_with_two_modules() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "app/main.tf",
            "module \"naming\" {\n  source = \"../modules/naming\"\n}\n\nmodule \"other\" {\n  source = \"../modules/other\"\n}\n\nresource \"aws_kms_key\" \"app\" {\n  enable_key_rotation = module.naming.rotate\n}\n\nresource \"aws_s3_bucket\" \"app\" {\n  tags = { Owner = \"platform\" }\n}\n\nresource \"aws_s3_bucket_public_access_block\" \"app\" {\n  bucket            = aws_s3_bucket.app.id\n  block_public_acls = true\n}\n",
        ),
        (
            "modules/naming/main.tf",
            "variable \"strict\" {\n  default = true\n}\n\noutput \"rotate\" {\n  value = var.strict\n}\n\noutput \"prefix\" {\n  value = \"app\"\n}\n",
        ),
        (
            "modules/other/main.tf",
            "resource \"aws_kms_key\" \"other\" {\n  enable_key_rotation = true\n}\n",
        ),
    ]
}

#[test]
fn a_module_output_puts_in_scope_the_callers_readers_not_its_siblings() {
    let repo = repository(&caller_with_two_modules());
    let marks = change(repo.path(), |d| {
        let naming = fs::read_to_string(d.join("modules/naming/main.tf")).unwrap();
        write_file(
            d,
            "modules/naming/main.tf",
            &naming.replace("default = true", "default = false"),
        );
    });
    assert_eq!(
        in_scope(&marks),
        BTreeMap::from([(
            "rot aws_kms_key.app",
            "in scope because modules/naming/main.tf changed var.strict, which it reads through module.naming.rotate"
        )]),
        "{marks:?}"
    );
    assert!(!marks["rot module.other.aws_kms_key.other"].1);
    assert!(!marks["owner aws_s3_bucket.app"].1);
}

#[test]
fn an_output_no_resource_reads_puts_nothing_in_scope() {
    let repo = repository(&caller_with_two_modules());
    let marks = change(repo.path(), |d| {
        let naming = fs::read_to_string(d.join("modules/naming/main.tf")).unwrap();
        write_file(
            d,
            "modules/naming/main.tf",
            &naming.replace("value = \"app\"", "value = \"application\""),
        );
    });
    assert!(in_scope(&marks).is_empty(), "{marks:?}");
}

#[test]
fn a_deleted_companion_puts_the_bucket_it_protected_in_scope() {
    let repo = repository(&caller_with_two_modules());
    let marks = change(repo.path(), |d| {
        let app = fs::read_to_string(d.join("app/main.tf")).unwrap();
        let kept = &app[..app
            .find("resource \"aws_s3_bucket_public_access_block\"")
            .unwrap()];
        write_file(d, "app/main.tf", &format!("{}\n", kept.trim_end()));
    });
    assert_eq!(marks["private aws_s3_bucket.app"].0, "fail");
    let scoped = in_scope(&marks);
    assert_eq!(
        scoped.get("private aws_s3_bucket.app"),
        Some(
            &"in scope because app/main.tf removed aws_s3_bucket_public_access_block.app, which refers to it"
        ),
        "{marks:?}"
    );
    // The bucket's other rule cannot change: it reads nothing the change removed.
    assert!(!scoped.contains_key("owner aws_s3_bucket.app"), "{marks:?}");
}

#[test]
fn a_count_puts_in_scope_what_it_decides() {
    let main = "variable \"keys\" {\n  default = 1\n}\n\nresource \"aws_kms_key\" \"counted\" {\n  count               = var.keys\n  enable_key_rotation = true\n}\n\nresource \"aws_kms_key\" \"single\" {\n  enable_key_rotation = true\n}\n";
    let module = "resource \"aws_kms_key\" \"inside\" {\n  enable_key_rotation = true\n}\n";
    let call = "module \"keys\" {\n  source = \"../modules/keys\"\n  count  = 1\n}\n";
    let repo = repository(&[
        ("main.tf", main),
        ("app/main.tf", call),
        ("modules/keys/main.tf", module),
    ]);
    let marks = change(repo.path(), |d| {
        write_file(d, "main.tf", &main.replace("default = 1", "default = 2"));
        write_file(d, "app/main.tf", &call.replace("count  = 1", "count  = 2"));
    });
    let scoped = in_scope(&marks);
    assert_eq!(
        scoped.get("rot aws_kms_key.counted"),
        Some(&"in scope because main.tf changed var.keys, which it reads"),
        "{marks:?}"
    );
    assert_eq!(
        scoped.get("rot module.keys[1].aws_kms_key.inside"),
        Some(
            &"in scope because app/main.tf changed module.keys (its count, for_each or source), which decides its module instance"
        ),
        "{marks:?}"
    );
    assert!(!scoped.contains_key("rot aws_kms_key.single"), "{marks:?}");
}

#[test]
fn a_provider_default_tags_change_puts_its_resources_in_scope() {
    let main = "provider \"aws\" {\n  default_tags {\n    tags = { Owner = \"platform\" }\n  }\n}\n\nresource \"aws_s3_bucket\" \"logs\" {}\n\nresource \"google_storage_bucket\" \"assets\" {\n  labels = { team = \"web\" }\n}\n";
    let repo = repository(&[("main.tf", main)]);
    let marks = change(repo.path(), |d| {
        write_file(
            d,
            "main.tf",
            &main.replace(
                "tags = { Owner = \"platform\" }",
                "tags = { Team = \"platform\" }",
            ),
        )
    });
    assert_eq!(marks["owner aws_s3_bucket.logs"].0, "fail");
    let scoped = in_scope(&marks);
    assert_eq!(
        scoped.get("owner aws_s3_bucket.logs"),
        Some(&"in scope because main.tf changed provider aws, which it reads"),
        "{marks:?}"
    );
    assert!(
        !scoped.contains_key("label google_storage_bucket.assets"),
        "{marks:?}"
    );
}

#[test]
fn a_version_riveter_cannot_read_puts_its_module_in_scope_and_says_why() {
    // The base does not parse: which definitions the change altered cannot be told, so every
    // resource of the module is in scope; another module is not.
    let repo = repository(&[
        (
            "app/main.tf",
            "resource \"aws_kms_key\" \"a\" {\n  enable_key_rotation = true\n",
        ),
        (
            "app/keys.tf",
            "resource \"aws_kms_key\" \"b\" {\n  enable_key_rotation = true\n}\n",
        ),
        (
            "other/main.tf",
            "resource \"aws_kms_key\" \"c\" {\n  enable_key_rotation = true\n}\n",
        ),
    ]);
    let marks = change(repo.path(), |d| {
        write_file(
            d,
            "app/main.tf",
            "resource \"aws_kms_key\" \"a\" {\n  enable_key_rotation = true\n}\n",
        )
    });
    let scoped = in_scope(&marks);
    let why = scoped.get("rot aws_kms_key.b").copied().unwrap_or_default();
    assert!(
        why.starts_with(
            "in scope because app/main.tf changed, and its old version does not parse (line "
        ) && why.ends_with("so every definition of its module counts as changed"),
        "{marks:?}"
    );
    assert!(!scoped.contains_key("rot aws_kms_key.c"), "{marks:?}");
}

#[test]
fn one_instance_of_a_module_called_twice() {
    let module = "variable \"rotate\" {}\n\nresource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = var.rotate\n}\n";
    let app = "module \"eu\" {\n  source = \"../modules/key\"\n  rotate = true\n}\n\nmodule \"us\" {\n  source = \"../modules/key\"\n  rotate = true\n}\n";
    let repo = repository(&[("app/main.tf", app), ("modules/key/main.tf", module)]);
    let marks = change(repo.path(), |d| {
        let us = app.rfind("rotate = true").unwrap();
        let mut text = app.to_string();
        text.replace_range(us..us + "rotate = true".len(), "rotate = false");
        write_file(d, "app/main.tf", &text);
    });
    assert_eq!(
        in_scope(&marks),
        BTreeMap::from([(
            "rot module.us.aws_kms_key.k",
            "in scope because app/main.tf changed module.us argument rotate, which it reads through module.us.var.rotate"
        )]),
        "{marks:?}"
    );
}

#[test]
fn the_report_files_hold_every_result_marked_and_the_table_only_the_changes() {
    let repo = repository(&[("main.tf", TWO_KEYS)]);
    let base = git(repo.path(), &["rev-parse", "HEAD"]);
    write_file(
        repo.path(),
        "new.tf",
        "resource \"aws_kms_key\" \"c\" {\n  enable_key_rotation = false\n}\n",
    );
    commit_all(repo.path(), "change");
    let reports = tempfile::tempdir().unwrap();
    let sarif = reports.path().join("r.sarif");
    let out = riveter(
        repo.path(),
        &[
            "scan",
            "-r",
            "rules.yml",
            "--changed-since",
            &base,
            "--sarif",
            sarif.to_str().unwrap(),
            "--color",
            "never",
        ],
    );
    let table = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{table}");
    assert!(table.contains("✗ aws_kms_key.c"), "{table}");
    assert!(!table.contains("aws_kms_key.b"), "{table}");
    let sarif: Value = serde_json::from_str(&fs::read_to_string(&sarif).unwrap()).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let marked: BTreeMap<String, bool> = results
        .iter()
        .map(|r| {
            let message = r["message"]["text"].as_str().unwrap().to_string();
            (message, r["properties"]["in_scope"].as_bool().unwrap())
        })
        .collect();
    assert_eq!(marked.len(), 2, "{marked:?}");
    assert!(
        marked
            .iter()
            .any(|(m, s)| m.contains("aws_kms_key.c") && *s)
    );
    assert!(
        marked
            .iter()
            .any(|(m, s)| m.contains("aws_kms_key.b") && !*s)
    );
}

#[test]
fn a_change_to_a_file_a_module_reads_through_a_link_reaches_the_module() {
    // `app/keys.tf` is a link to `shared/keys.tf`: a change to the shared file is a change to
    // `app`, whatever name the change gives it.
    let key = "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = var.rotate\n}\n";
    let repo = repository(&[
        (
            "app/variables.tf",
            "variable \"rotate\" {\n  default = true\n}\n",
        ),
        ("shared/keys.tf", key),
        (
            "shared/variables.tf",
            "variable \"rotate\" {\n  default = false\n}\n",
        ),
    ]);
    std::os::unix::fs::symlink("../shared/keys.tf", repo.path().join("app/keys.tf")).unwrap();
    commit_all(repo.path(), "link");
    let marks = change(repo.path(), |d| {
        write_file(
            d,
            "shared/keys.tf",
            &key.replace("var.rotate", "!var.rotate"),
        )
    });
    assert_eq!(
        in_scope(&marks),
        BTreeMap::from([
            (
                "rot aws_kms_key.k",
                "in scope because shared/keys.tf changed, which app reads through a symbolic link, so every definition of its module counts as changed"
            ),
            ("rot aws_kms_key.k in shared/keys.tf", ""),
        ]),
        "{marks:?}"
    );
    assert_eq!(marks["rot aws_kms_key.k"].0, "fail", "{marks:?}");
}

#[test]
fn a_deleted_module_folder_reaches_what_its_callers_read_of_it() {
    let repo = repository(&caller_with_two_modules());
    let marks = change(repo.path(), |d| {
        fs::remove_dir_all(d.join("modules/naming")).unwrap();
    });
    let scoped = in_scope(&marks);
    assert_eq!(
        scoped.get("rot aws_kms_key.app"),
        Some(
            &"in scope because modules/naming/main.tf removed output.rotate, which it reads through module.naming.rotate"
        ),
        "{marks:?}"
    );
    assert!(!scoped.contains_key("owner aws_s3_bucket.app"), "{marks:?}");
}

#[test]
fn a_file_removed_from_a_folder_fileset_lists_reaches_what_reads_the_set() {
    let repo = repository(&[
        (
            "app/main.tf",
            "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = length(fileset(\"${path.module}/keys\", \"*.json\")) > 0\n}\n",
        ),
        ("app/keys/a.json", "{}\n"),
        (
            "other/main.tf",
            "resource \"aws_kms_key\" \"o\" {\n  enable_key_rotation = true\n}\n",
        ),
    ]);
    let marks = change(repo.path(), |d| {
        fs::remove_file(d.join("app/keys/a.json")).unwrap()
    });
    assert_eq!(marks["rot aws_kms_key.k"].0, "fail", "{marks:?}");
    assert_eq!(
        in_scope(&marks),
        BTreeMap::from([(
            "rot aws_kms_key.k",
            "in scope because app/keys/a.json changed, which it reads through a function that reads files"
        )]),
        "{marks:?}"
    );
}

#[test]
fn a_value_a_rule_does_not_read_puts_its_result_out_of_scope() {
    let main = "variable \"name\" {\n  default = \"logs\"\n}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n  tags   = { Owner = \"platform\" }\n}\n\nresource \"aws_kms_key\" \"k\" {\n  description         = var.name\n  enable_key_rotation = true\n}\n";
    let repo = repository(&[("main.tf", main)]);
    let marks = change(repo.path(), |d| {
        write_file(d, "main.tf", &main.replace("\"logs\"", "\"audit\""))
    });
    // The key's description changed, which the rotation rule does not read; the bucket's name
    // did, which names it for its relation.
    assert_eq!(
        in_scope(&marks),
        BTreeMap::from([(
            "private aws_s3_bucket.b",
            "in scope because main.tf changed var.name, which it reads"
        )]),
        "{marks:?}"
    );
}
