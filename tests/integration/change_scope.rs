//! `riveter scan --changed-since`: a change puts in scope every resource whose values it can
//! affect. Each case is a real git repository: a change that makes a resource in an untouched
//! file fail fails the gate and says why the resource is in scope; a later change to an
//! unrelated module passes, though that failure is still there.

use crate::github_stand_in::{commit_all, git, git_repository, write_file};
use crate::util::{riveter, stdout};
use std::fs;
use std::path::Path;

const RULES: &str = "rules:\n  - id: rot\n    name: rot\n    severity: high\n    resource_type: aws_kms_key\n    assertions: [{key: enable_key_rotation, operator: equals, value: true}]\n";

/// `app/` holds the key whose rotation each case turns off without touching its file;
/// `other/` is a module nothing connects to `app/`.
fn repository(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = git_repository();
    let d = dir.path();
    write_file(d, "rules.yml", RULES);
    write_file(
        d,
        "other/main.tf",
        "resource \"aws_kms_key\" \"other\" {\n  enable_key_rotation = true\n}\n",
    );
    for (path, text) in files {
        write_file(d, path, text);
    }
    commit_all(d, "base");
    dir
}

/// The gate on the change since `base`: its exit code and its table.
fn gate(dir: &Path, base: &str) -> (Option<i32>, String) {
    let out = riveter(
        dir,
        &[
            "scan",
            "-r",
            "rules.yml",
            "--changed-since",
            base,
            "--color",
            "never",
        ],
    );
    (out.status.code(), stdout(&out))
}

/// Commits `change`, whose gate must fail on `address` saying `because`; then commits a change
/// to the unrelated module, whose gate must pass.
fn case(dir: &Path, change: impl FnOnce(&Path), address: &str, because: &str) {
    let base = git(dir, &["rev-parse", "HEAD"]);
    let (code, table) = gate(dir, &base);
    assert_eq!(code, Some(0), "the base passes:\n{table}");
    change(dir);
    let changed = commit_all(dir, "change");
    let (code, table) = gate(dir, &base);
    assert_eq!(code, Some(1), "{table}");
    assert!(table.contains(&format!("✗ {address}")), "{table}");
    assert!(table.contains(&format!("({because})")), "{table}");

    write_file(
        dir,
        "other/main.tf",
        "resource \"aws_kms_key\" \"other\" {\n  enable_key_rotation = true\n  description         = \"renamed\"\n}\n",
    );
    commit_all(dir, "unrelated");
    let (code, table) = gate(dir, &changed);
    assert_eq!(code, Some(0), "an unrelated change passes:\n{table}");
    assert!(!table.contains(address), "{table}");
}

const KEY: &str = "resource \"aws_kms_key\" \"app\" {\n  enable_key_rotation = var.rotate\n}\n";

#[test]
fn a_variable_default() {
    let repo = repository(&[
        ("app/main.tf", KEY),
        (
            "app/variables.tf",
            "variable \"rotate\" {\n  default = true\n}\n",
        ),
    ]);
    case(
        repo.path(),
        |d| {
            write_file(
                d,
                "app/variables.tf",
                "variable \"rotate\" {\n  default = false\n}\n",
            )
        },
        "aws_kms_key.app",
        "in scope because app/variables.tf changed var.rotate, which it reads",
    );
}

#[test]
fn a_tfvars_file() {
    let repo = repository(&[
        ("app/main.tf", KEY),
        ("app/variables.tf", "variable \"rotate\" {}\n"),
        ("app/terraform.tfvars", "rotate = true\n"),
    ]);
    case(
        repo.path(),
        |d| write_file(d, "app/terraform.tfvars", "rotate = false\n"),
        "aws_kms_key.app",
        "in scope because app/terraform.tfvars changed the value of var.rotate, which it reads",
    );
}

#[test]
fn a_local() {
    let repo = repository(&[
        (
            "app/main.tf",
            "resource \"aws_kms_key\" \"app\" {\n  enable_key_rotation = local.rotate\n}\n",
        ),
        ("app/locals.tf", "locals {\n  rotate = true\n}\n"),
    ]);
    case(
        repo.path(),
        |d| write_file(d, "app/locals.tf", "locals {\n  rotate = false\n}\n"),
        "aws_kms_key.app",
        "in scope because app/locals.tf changed local.rotate, which it reads",
    );
}

#[test]
fn a_local_module_output() {
    let repo = repository(&[
        (
            "app/main.tf",
            "module \"policy\" {\n  source = \"../modules/policy\"\n}\n\nresource \"aws_kms_key\" \"app\" {\n  enable_key_rotation = module.policy.rotate\n}\n",
        ),
        (
            "modules/policy/outputs.tf",
            "output \"rotate\" {\n  value = true\n}\n",
        ),
    ]);
    case(
        repo.path(),
        |d| {
            write_file(
                d,
                "modules/policy/outputs.tf",
                "output \"rotate\" {\n  value = false\n}\n",
            )
        },
        "aws_kms_key.app",
        "in scope because modules/policy/outputs.tf changed output.rotate, which it reads through module.policy.rotate",
    );
}

#[test]
fn a_module_call_argument() {
    let call = |rotate: bool| {
        format!("module \"key\" {{\n  source = \"../modules/key\"\n  rotate = {rotate}\n}}\n")
    };
    let repo = repository(&[
        ("app/main.tf", &call(true)),
        ("modules/key/main.tf", KEY),
        ("modules/key/variables.tf", "variable \"rotate\" {}\n"),
    ]);
    case(
        repo.path(),
        |d| write_file(d, "app/main.tf", &call(false)),
        "module.key.aws_kms_key.app",
        "in scope because app/main.tf changed module.key argument rotate, which it reads through module.key.var.rotate",
    );
}

#[test]
fn a_renamed_file_counts_under_its_old_name() {
    // Moved out of the module, the values file no longer sets the variable.
    let repo = repository(&[
        ("app/main.tf", KEY),
        (
            "app/variables.tf",
            "variable \"rotate\" {\n  default = false\n}\n",
        ),
        ("app/terraform.tfvars", "rotate = true\n"),
    ]);
    case(
        repo.path(),
        |d| {
            fs::create_dir_all(d.join("archive")).unwrap();
            git(
                d,
                &["mv", "app/terraform.tfvars", "archive/terraform.tfvars"],
            );
        },
        "aws_kms_key.app",
        "in scope because app/terraform.tfvars removed the value of var.rotate, which it reads",
    );
}

#[test]
fn a_deleted_file() {
    let repo = repository(&[
        ("app/main.tf", KEY),
        (
            "app/variables.tf",
            "variable \"rotate\" {\n  default = false\n}\n",
        ),
        ("app/rotate.auto.tfvars", "rotate = true\n"),
    ]);
    case(
        repo.path(),
        |d| fs::remove_file(d.join("app/rotate.auto.tfvars")).unwrap(),
        "aws_kms_key.app",
        "in scope because app/rotate.auto.tfvars removed the value of var.rotate, which it reads",
    );
}

#[test]
fn a_rule_file() {
    let repo = repository(&[(
        "app/main.tf",
        "resource \"aws_kms_key\" \"app\" {\n  enable_key_rotation = true\n  description         = \"legacy\"\n}\n",
    )]);
    case(
        repo.path(),
        |d| {
            let stricter = RULES.replace(
                "assertions: [{key: enable_key_rotation, operator: equals, value: true}]",
                "assertions:\n      - {key: enable_key_rotation, operator: equals, value: true}\n      - {key: description, operator: not_equals, value: legacy}",
            );
            assert_ne!(stricter, RULES);
            write_file(d, "rules.yml", &stricter)
        },
        "aws_kms_key.app",
        "in scope because rules.yml (a rule file) changed",
    );
}

#[test]
fn a_rule_with_nothing_in_scope_says_why_it_is_skipped() {
    let repo = repository(&[("app/main.tf", KEY)]);
    let base = git(repo.path(), &["rev-parse", "HEAD"]);
    write_file(repo.path(), "docs/README.md", "notes\n");
    commit_all(repo.path(), "docs");
    let (code, table) = gate(repo.path(), &base);
    assert_eq!(code, Some(0), "{table}");
    assert!(
        table.contains(
            "⏭  rot (skipped: no aws_kms_key resource in scope: the change cannot affect the ones the scan found)"
        ),
        "{table}"
    );
}

#[test]
fn a_file_the_module_reads() {
    let repo = repository(&[
        (
            "app/main.tf",
            "resource \"aws_kms_key\" \"app\" {\n  enable_key_rotation = jsondecode(file(\"../settings/kms.json\")).rotate\n}\n",
        ),
        ("settings/kms.json", "{\"rotate\": true}\n"),
    ]);
    case(
        repo.path(),
        |d| write_file(d, "settings/kms.json", "{\"rotate\": false}\n"),
        "aws_kms_key.app",
        "in scope because settings/kms.json changed, which it reads through a function that reads files",
    );
}

#[test]
fn a_config_file_the_change_writes_is_named_in_a_warning() {
    let repo = repository(&[("app/main.tf", KEY)]);
    let base = git(repo.path(), &["rev-parse", "HEAD"]);
    write_file(repo.path(), ".riveter.yml", "exclude_rules: [legacy-*]\n");
    commit_all(repo.path(), "quiet the gate");
    let out = riveter(
        repo.path(),
        &["scan", "-r", "rules.yml", "--changed-since", &base],
    );
    let warned = crate::util::stderr(&out);
    assert!(
        warned.contains(
            "warning: the config file .riveter.yml is part of this change: the rules it includes or excludes are the change's own"
        ),
        "{warned}"
    );
}
