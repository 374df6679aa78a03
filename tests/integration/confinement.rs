//! The scanned code reads only inside the scanned tree (docs/evaluation.md, "Files riveter
//! reads"), ignore files never hide silently what Terraform applies (docs/usage.md, "Which
//! files are read"), and a suppression comment whose quote is never closed suppresses nothing.
//! Each tree is written to a temporary folder and scanned by the release binary.

use crate::util::{riveter, stderr, stdout};
use std::fs;
use std::path::Path;

fn write(root: &Path, path: &str, text: &str) {
    let full = root.join(path);
    fs::create_dir_all(full.parent().unwrap()).unwrap();
    fs::write(full, text).unwrap();
}

/// One rule per attribute, each expecting a value no read gives: a value read would be
/// printed as what was found.
fn rules(keys: &[&str]) -> String {
    let mut text = String::from("rules:\n");
    for key in keys {
        text.push_str(&format!(
            "  - id: read-{key}\n    resource_type: aws_thing\n    assertions: [{{key: {key}, operator: equals, value: \"nothing\"}}]\n"
        ));
    }
    text
}

/// The results of a JSON report as `rule status message`.
fn results(json: &serde_json::Value) -> Vec<String> {
    json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r["rule_id"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
                r["message"].as_str().unwrap()
            )
        })
        .collect()
}

const SECRETS: &[&str] = &[
    "TOKEN-OF-THE-CHECKOUT",
    "TOKEN-ABOVE-THE-CHECKOUT",
    "TOKEN-BESIDE-THE-CODE",
    "SECRET-OF-THE-SIBLING",
    "SECRET-AT-AN-ABSOLUTE-PATH",
    "SECRET-NAME-IN-THE-SIBLING",
];

/// A checkout in `base/repo` whose `infra/` is scanned, with secrets all around it.
fn planted(base: &Path) -> Vec<&'static str> {
    write(
        base,
        ".git/config",
        "[http]\n\textraheader = TOKEN-ABOVE-THE-CHECKOUT\n",
    );
    write(
        base,
        "repo/.git/config",
        "[http]\n\textraheader = AUTHORIZATION: basic TOKEN-OF-THE-CHECKOUT\n",
    );
    write(base, "repo/infra/.git/config", "TOKEN-BESIDE-THE-CODE\n");
    write(base, "repo/sibling/secret.txt", "SECRET-OF-THE-SIBLING\n");
    write(base, "repo/sibling/SECRET-NAME-IN-THE-SIBLING.txt", "x");
    write(
        base,
        "repo/sibling/main.tf",
        "output \"text\" {\n  value = file(\"secret.txt\")\n}\n",
    );
    write(base, "outside.txt", "SECRET-AT-AN-ABSOLUTE-PATH\n");
    let absolute = base.join("outside.txt").display().to_string();
    let main = format!(
        r#"variable "v" {{
  default = "default"
}}
module "sibling" {{
  source = "../sibling"
}}
resource "aws_thing" "a" {{
  above    = file("../.git/config")
  beside   = file(".git/config")
  topmost  = file("../../.git/config")
  sibling  = file("../sibling/secret.txt")
  linked   = file("link.txt")
  absolute = file("{absolute}")
  listed   = fileset("../sibling", "*.txt")
  hashed   = filesha256("../sibling/secret.txt")
  encoded  = filebase64("../.git/config")
  exists   = fileexists("../.git/config")
  template = templatefile("../sibling/secret.txt", {{}})
  module   = module.sibling.text
  variable = var.v
}}
"#
    );
    write(base, "repo/infra/main.tf", &main);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("../sibling/secret.txt", base.join("repo/infra/link.txt"))
            .unwrap();
        // A tfvars file that is a link to the token: never read, and the variables it could
        // set are unknown.
        std::os::unix::fs::symlink("../.git/config", base.join("repo/infra/terraform.tfvars"))
            .unwrap();
    }
    let keys = vec![
        "above", "beside", "topmost", "sibling", "linked", "absolute", "listed", "hashed",
        "encoded", "exists", "template", "module", "variable",
    ];
    write(base, "repo/rules.yml", &rules(&keys));
    keys
}

#[cfg(unix)]
#[test]
fn no_report_holds_a_file_read_outside_the_scanned_tree() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path();
    let keys = planted(base);
    let repo = base.join("repo");
    for format in [
        "table", "json", "sarif", "junit", "gitlab", "markdown", "html", "github",
    ] {
        let out = riveter(
            &repo,
            &["scan", "-r", "rules.yml", "-t", "infra", "-f", format],
        );
        let (text, errors) = (stdout(&out), stderr(&out));
        assert!(!text.is_empty(), "{format}: {errors}");
        for secret in SECRETS {
            assert!(!text.contains(secret), "{format} holds {secret}:\n{text}");
            assert!(
                !errors.contains(secret),
                "{format} warns {secret}:\n{errors}"
            );
        }
    }
    let out = riveter(
        &repo,
        &["scan", "-r", "rules.yml", "-t", "infra", "-f", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = results(&json);
    assert_eq!(found.len(), keys.len(), "{found:#?}");
    let absolute = base.join("outside.txt").canonicalize().unwrap();
    let expected = [
        "read-above unknown above depends on file(\"../.git/config\") reads outside the scanned tree, refused at infra/main.tf:8".to_string(),
        "read-beside unknown beside depends on file(\".git/config\") reads inside a .git folder, refused at infra/main.tf:9".into(),
        "read-topmost unknown topmost depends on file(\"../../.git/config\") reads outside the scanned tree, refused at infra/main.tf:10".into(),
        "read-sibling unknown sibling depends on file(\"../sibling/secret.txt\") reads outside the scanned tree, refused at infra/main.tf:11".into(),
        "read-linked unknown linked depends on file(\"link.txt\") reads outside the scanned tree, refused at infra/main.tf:12".into(),
        format!("read-absolute unknown absolute depends on file(\"{}\") reads outside the scanned tree, refused at infra/main.tf:13", absolute.display()),
        "read-listed unknown listed depends on fileset(\"../sibling\", \"*.txt\") reads outside the scanned tree, refused at infra/main.tf:14".into(),
        "read-hashed unknown hashed depends on filesha256(\"../sibling/secret.txt\") reads outside the scanned tree, refused at infra/main.tf:15".into(),
        "read-encoded unknown encoded depends on filebase64(\"../.git/config\") reads outside the scanned tree, refused at infra/main.tf:16".into(),
        "read-exists unknown exists depends on fileexists(\"../.git/config\") reads outside the scanned tree, refused at infra/main.tf:17".into(),
        "read-template unknown template depends on templatefile(\"../sibling/secret.txt\", {}) reads outside the scanned tree, refused at infra/main.tf:18".into(),
        // A module beside the scanned folder is read, being in the repository; what its own
        // functions read must still lie in the scanned tree.
        "read-module unknown module depends on module.sibling.text, an output that depends on file(\"secret.txt\") reads outside the scanned tree, refused at sibling/main.tf:2".into(),
        "read-variable unknown variable depends on var.v, which the refused variables file infra/terraform.tfvars may set".into(),
    ];
    for (line, want) in found.iter().zip(&expected) {
        assert!(line.starts_with(want.as_str()), "{line}\nwanted\n{want}");
    }
    // Each refused read is an error of the scan on its line, so the gate cannot pass.
    assert_eq!(out.status.code(), Some(2));
    let errors = json["errors"].to_string();
    assert!(
        errors.contains(r#"read refused: file(\"../.git/config\") reads outside the scanned tree"#),
        "{errors}"
    );
    let warnings = stderr(&out);
    assert!(
        warnings.contains("warning: infra/terraform.tfvars: the variables file leads outside the scanned tree, refused"),
        "{warnings}"
    );
}

#[cfg(unix)]
#[test]
fn a_terraform_file_that_is_a_link_out_of_the_tree_is_an_error_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        ".git/config",
        "resource \"aws_thing\" \"leak\" {\n  x = \"TOKEN-OF-THE-CHECKOUT\"\n}\n",
    );
    write(
        root,
        "shared/common.tf",
        "resource \"aws_thing\" \"shared\" {\n  x = 1\n}\n",
    );
    write(
        root,
        "infra/main.tf",
        "resource \"aws_thing\" \"main\" {\n  x = 1\n}\n",
    );
    std::os::unix::fs::symlink("../.git/config", root.join("infra/leak.tf")).unwrap();
    // A link inside the tree is a file of the module, as Terraform loads it.
    std::os::unix::fs::symlink("../shared/common.tf", root.join("infra/common.tf")).unwrap();
    write(root, "rules.yml", &rules(&["x"]));
    let out = riveter(
        root,
        &[
            "scan",
            "-r",
            "rules.yml",
            "-t",
            "infra",
            "-t",
            "shared",
            "-f",
            "json",
        ],
    );
    let text = stdout(&out);
    assert!(!text.contains("TOKEN-OF-THE-CHECKOUT"), "{text}");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        json["errors"][0]["file"], "infra/leak.tf",
        "{}",
        json["errors"]
    );
    assert_eq!(
        json["errors"][0]["message"],
        "leads outside the scanned tree; refused, not read"
    );
    let mut judged: Vec<String> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["resource"]["file"].as_str().unwrap().to_string())
        .collect();
    judged.sort();
    assert_eq!(
        judged,
        ["infra/common.tf", "infra/main.tf", "shared/common.tf"]
    );
}

#[test]
fn reads_inside_the_tree_are_evaluated() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "infra/data/a.json", "{\"rotate\": true}");
    write(root, "infra/data/b.json", "{}");
    write(root, "infra/data/deep/c.json", "{}");
    write(
        root,
        "infra/main.tf",
        "resource \"aws_thing\" \"a\" {\n  text   = file(\"data/a.json\")\n  listed = fileset(path.module, \"data/**/*.json\")\n  shallow = fileset(\"data\", \"*.json\")\n  hashed = filesha256(\"data/b.json\")\n  encoded = filebase64(\"data/b.json\")\n}\n",
    );
    write(
        root,
        "rules.yml",
        &rules(&["text", "listed", "shallow", "hashed", "encoded"]),
    );
    let out = riveter(
        root,
        &["scan", "-r", "rules.yml", "-t", "infra", "-f", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let actual = |rule: &str| {
        json["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rule_id"] == rule)
            .map(|r| r["assertions"][0]["actual"].clone())
            .unwrap()
    };
    assert_eq!(actual("read-text"), "{\"rotate\": true}");
    assert_eq!(
        actual("read-listed"),
        serde_json::json!(["data/a.json", "data/b.json", "data/deep/c.json"])
    );
    assert_eq!(
        actual("read-shallow"),
        serde_json::json!(["a.json", "b.json"])
    );
    // `echo -n '{}' | sha256sum`, `base64`.
    assert_eq!(
        actual("read-hashed"),
        "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
    );
    assert_eq!(actual("read-encoded"), "e30=");
}

#[test]
fn a_template_that_includes_itself_is_refused_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "infra/loop.tpl",
        "again ${templatefile(\"loop.tpl\", {})}\n",
    );
    write(
        root,
        "infra/main.tf",
        "resource \"aws_thing\" \"a\" {\n  text = templatefile(\"loop.tpl\", {})\n}\n",
    );
    write(root, "rules.yml", &rules(&["text"]));
    let out = riveter(
        root,
        &["scan", "-r", "rules.yml", "-t", "infra", "-f", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = results(&json);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].contains("read-text unknown")
            && found[0].contains(
                "templatefile(): cannot be called from inside a template (Terraform refuses it too), at infra/loop.tpl:1"
            ),
        "{found:?}"
    );
}

#[test]
fn ignore_files_never_hide_terraform_silently() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, ".gitignore", "debug.tf\nlegacy/\nvendored/\n");
    write(
        root,
        "infra/main.tf",
        "module \"v\" {\n  source = \"../vendored/m\"\n}\nresource \"aws_thing\" \"main\" {\n  x = 1\n}\n",
    );
    write(
        root,
        "infra/debug.tf",
        "resource \"aws_thing\" \"debug\" {\n  x = 1\n}\n",
    );
    write(
        root,
        "legacy/main.tf",
        "resource \"aws_thing\" \"legacy\" {\n  x = 1\n}\n",
    );
    write(
        root,
        "vendored/m/main.tf",
        "resource \"aws_thing\" \"vendored\" {\n  x = 1\n}\n",
    );
    write(root, "rules.yml", &rules(&["x"]));
    let out = riveter(root, &["scan", "-r", "rules.yml", "-f", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut judged: Vec<String> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["resource"]["file"].as_str().unwrap(),
                r["resource"]["address"].as_str().unwrap()
            )
        })
        .collect();
    judged.sort();
    // Every Terraform file an ignore file hides is scanned, with a warning naming the entry:
    // the ignore file is the pull request's to write, and Terraform applies what it names.
    assert_eq!(
        judged,
        [
            "infra/debug.tf aws_thing.debug",
            "infra/main.tf aws_thing.main",
            "legacy/main.tf aws_thing.legacy",
            "vendored/m/main.tf module.v.aws_thing.vendored",
        ]
    );
    let warnings = stderr(&out);
    for (file, entry) in [
        ("infra/debug.tf", "`debug.tf`"),
        ("legacy/main.tf", "`legacy/`"),
    ] {
        assert!(
            warnings.contains(&format!("warning: {file} is hidden by .gitignore ({entry}), but ignore files never hide Terraform, which applies it: it is scanned")),
            "{warnings}"
        );
    }
}

#[test]
fn a_module_in_a_hidden_folder_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "infra/main.tf",
        "module \"x\" {\n  source = \"./.modules/x\"\n  name   = \"from-the-call\"\n}\n",
    );
    write(
        root,
        "infra/.modules/x/main.tf",
        "variable \"name\" {}\nresource \"aws_thing\" \"hidden\" {\n  x = var.name\n}\n",
    );
    // A hidden folder no module calls is not a module Terraform loads.
    write(
        root,
        "infra/.scratch/main.tf",
        "resource \"aws_thing\" \"scratch\" {\n  x = 1\n}\n",
    );
    write(root, "rules.yml", &rules(&["x"]));
    let out = riveter(
        root,
        &["scan", "-r", "rules.yml", "-t", "infra", "-f", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<String> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["resource"]["file"].as_str().unwrap(),
                r["assertions"][0]["actual"]
            )
        })
        .collect();
    assert_eq!(found, ["infra/.modules/x/main.tf \"from-the-call\""]);
}

#[test]
fn an_unclosed_reason_is_an_error_and_suppresses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "main.tf",
        "# riveter:ignore read-x reason=\"accepted until 2020 expires=2020-01-01\nresource \"aws_thing\" \"a\" {\n  x = 1\n}\n",
    );
    write(root, "rules.yml", &rules(&["x"]));
    let out = riveter(root, &["scan", "-r", "rules.yml", "-f", "json"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["results"][0]["status"], "fail");
    let errors = json["errors"].to_string();
    assert!(
        errors.contains("main.tf") && errors.contains("riveter:ignore reason=\\\" is never closed"),
        "{errors}"
    );
    assert_eq!(json["errors"][0]["line"], 1, "{errors}");
}
