//! The `riveter` binary as a user runs it: the seed's commands on the bundled examples, exit
//! codes, broken input, and the Python riveter's flags and config file.

use crate::util::{riveter, stderr, stdout};
use std::fs;
use std::path::Path;
use std::process::Output;

const EXAMPLE: &str = "examples/batch-pipeline";
const MISTAKES: &str = "examples/batch-pipeline-mistakes";
const SEED_RULES: [&str; 6] = [
    "-r",
    "data-security-rules.yml",
    "-r",
    "compliance-rules.yml",
    "-r",
    "pipeline-rules.yml",
];

/// `-t *.tf` as the shell expands it: every `.tf` file of the folder, sorted.
fn shell_glob(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tf"))
        .collect();
    files.sort();
    files
}

fn seed_command(dir: &str) -> Output {
    let files = shell_glob(dir);
    let mut args = vec!["scan"];
    args.extend(SEED_RULES);
    args.push("-t");
    args.extend(files.iter().map(String::as_str));
    riveter(dir, &args)
}

#[test]
fn the_seed_example_passes_all_six_rules_with_the_seeds_counts() {
    let out = seed_command(EXAMPLE);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(stderr(&out), "");
    insta::assert_snapshot!("seed_example_table", stdout(&out));
}

#[test]
fn the_unexpanded_glob_gives_the_same_result() {
    let mut args = vec!["scan"];
    args.extend(SEED_RULES);
    args.extend(["-t", "*.tf"]);
    let out = riveter(EXAMPLE, &args);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), stdout(&seed_command(EXAMPLE)));
}

#[test]
fn the_example_with_mistakes_shows_every_failure() {
    let out = seed_command(MISTAKES);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    insta::assert_snapshot!("mistakes_table", stdout(&out));
}

#[test]
fn the_json_report_of_the_mistakes() {
    let mut args = vec!["scan", "--format", "json"];
    args.extend(SEED_RULES);
    args.extend(["-t", "."]);
    let out = riveter(MISTAKES, &args);
    assert_eq!(out.status.code(), Some(1));
    let mut json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["summary"]["failed"], 6);
    assert_eq!(json["verdict"], "fail");
    assert_eq!(json["tool"]["version"], env!("CARGO_PKG_VERSION"));
    // A release bumps the version; the snapshot is about everything else.
    json["tool"]["version"] = "[version]".into();
    insta::assert_json_snapshot!("mistakes_json", json);
}

#[test]
fn fail_on_raises_the_bar_of_the_gate() {
    let mut args = vec!["scan", "--fail-on", "high"];
    args.extend(SEED_RULES);
    let out = riveter(MISTAKES, &args);
    // The seed's rules are all of the default severity, medium.
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).ends_with("Validation passed!\n"),
        "{}",
        stdout(&out)
    );
    args[2] = "medium";
    assert_eq!(riveter(MISTAKES, &args).status.code(), Some(1));
}

#[test]
fn a_broken_file_is_reported_and_the_others_are_still_scanned() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("good.tf"),
        "resource \"aws_glue_job\" \"ok\" {\n  security_configuration = \"sec\"\n}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("broken.tf"),
        "resource \"aws_glue_job\" \"bad\" {\n  name = \"x\"\n  command {\n}\n",
    )
    .unwrap();
    let rules = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(EXAMPLE)
        .join("pipeline-rules.yml");
    let json_path = dir.path().join("report.json");
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-r",
            rules.to_str().unwrap(),
            "-t",
            ".",
            "--json",
            json_path.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let table = stdout(&out);
    assert!(
        // Where and how Terraform reports it: the block left open.
        table.starts_with("error: broken.tf:1:31: Unclosed configuration block"),
        "{table}"
    );
    assert!(
        table.contains("✅ Glue jobs must have security configuration (1 resource)"),
        "{table}"
    );
    assert!(
        table.contains("Validation incomplete: 1 error (a file not read"),
        "{table}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(json_path).unwrap()).unwrap();
    assert_eq!(json["errors"][0]["file"], "broken.tf");
    assert_eq!(json["errors"][0]["line"], 1);
    assert_eq!(json["verdict"], "error");
    assert_eq!(json["summary"]["files"], 2);
}

#[test]
fn a_file_that_is_not_text_is_reported_by_name() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("good.tf"),
        "resource \"aws_glue_job\" \"ok\" {}\n",
    )
    .unwrap();
    fs::write(dir.path().join("binary.tf"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let rules = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(EXAMPLE)
        .join("pipeline-rules.yml");
    let out = riveter(
        dir.path(),
        &["scan", "-r", rules.to_str().unwrap(), "-f", "json"],
    );
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"][0]["file"], "binary.tf");
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("could not be read")
    );
    assert_eq!(json["results"][0]["resource"]["address"], "aws_glue_job.ok");
}

#[test]
fn unknown_results_fail_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("main.tf"),
        "variable \"arguments\" {\n  type = map(string)\n}\n\nresource \"aws_glue_job\" \"j\" {\n  default_arguments = var.arguments\n}\n",
    )
    .unwrap();
    fs::write(dir.path().join("rules.yml"), "rules:\n  - id: logging\n    resource_type: aws_glue_job\n    assertions:\n      - {key: default_arguments.--enable-continuous-cloudwatch-log, operator: equals, value: 'true'}\n").unwrap();
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("unknown_table", stdout(&out));
    let out = riveter(
        dir.path(),
        &["scan", "-r", "rules.yml", "--unknown", "fail"],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn problems_before_the_scan_are_clear_errors_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), "").unwrap();
    fs::write(dir.path().join("bad.yml"), "rules:\n  - name: Typo\n    resource_type: t\n    assertions:\n      - key: a\n        operator: equal\n        value: 1\n").unwrap();
    fs::write(dir.path().join("empty.yml"), "rules: []\n").unwrap();
    fs::write(
        dir.path().join("ok.yml"),
        "rules:\n  - {id: a, resource_type: t, assertions: [{key: a, operator: exists}]}\n",
    )
    .unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["scan", "-r", "bad.yml"],
            "bad.yml:6: rule \"Typo\": unknown operator `equal` (did you mean `equals`?)",
        ),
        (&["scan", "-r", "empty.yml"], "no rules to evaluate"),
        (
            &["scan"],
            "no rules to evaluate: pass a rule file with -r FILE or a rule pack with -p PACK",
        ),
        (
            &["scan", "-r", "ok.yml", "-t", "missing-dir"],
            "missing-dir: no such file or directory",
        ),
        (
            &["scan", "-p", "no-such-pack"],
            "no-such-pack: no built-in rule pack has this name",
        ),
    ];
    for (args, message) in cases {
        let out = riveter(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
    let usage = riveter(dir.path(), &["scan", "--no-such-flag"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn python_riveter_flags_keep_working() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("out.json");
    let out = riveter(
        MISTAKES,
        &[
            "scan",
            "--rules",
            "pipeline-rules.yml",
            "--terraform",
            "processing.tf",
            "--output-format",
            "json",
            "-o",
            report.to_str().unwrap(),
            "--exclude-rules",
            "*cloudwatch*",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    // The report went to the file; the table is still shown, as in the Python riveter.
    assert!(
        stdout(&out).starts_with("❌ Glue jobs must have security configuration"),
        "{}",
        stdout(&out)
    );
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    let ids: Vec<&str> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["glue-jobs-must-have-security-configuration"]);
    let out = riveter(
        MISTAKES,
        &[
            "scan",
            "-r",
            "pipeline-rules.yml",
            "-t",
            "processing.tf",
            "-f",
            "json",
            "--include-rules",
            "*cloudwatch*",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["results"][0]["rule_id"],
        "glue-jobs-must-enable-cloudwatch-logging"
    );
}

#[test]
fn the_python_riveters_other_commands_and_flags() {
    let packs = riveter(MISTAKES, &["list-rule-packs"]);
    assert_eq!(packs.status.code(), Some(0));
    assert_eq!(
        stdout(&packs),
        stdout(&riveter(MISTAKES, &["packs", "list"]))
    );
    assert!(stdout(&packs).contains("aws-security"));
    let mut args = vec!["scan", "--debug", "-e"];
    args.extend(SEED_RULES);
    let out = riveter(MISTAKES, &args);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("timing: rules loaded at"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("note: --explain is accepted for the Python riveter's command line"),
        "{}",
        stderr(&out)
    );
}

/// The example with mistakes and its pipeline rules, in a folder of their own.
fn mistakes_with_pipeline_rules() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join(MISTAKES);
    for file in shell_glob(MISTAKES) {
        fs::copy(example.join(&file), dir.path().join(&file)).unwrap();
    }
    fs::copy(
        example.join("pipeline-rules.yml"),
        dir.path().join("pipeline-rules.yml"),
    )
    .unwrap();
    dir
}

#[test]
fn the_config_file_may_be_json_and_name_the_output_file() {
    let dir = mistakes_with_pipeline_rules();
    fs::write(
        dir.path().join(".riveter.json"),
        r#"{"rule_dirs": ["pipeline-rules.yml"], "output_format": "json", "output_file": "out.json"}"#,
    )
    .unwrap();
    let out = riveter(dir.path(), &["scan"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("out.json")).unwrap()).unwrap();
    // The pipeline rules fail twice on the example with mistakes.
    assert_eq!(json["summary"]["failed"], 2);
}

#[test]
fn the_config_file_adds_rules_and_settings() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join(MISTAKES);
    for file in shell_glob(MISTAKES) {
        fs::copy(example.join(&file), dir.path().join(&file)).unwrap();
    }
    fs::create_dir(dir.path().join("rules")).unwrap();
    fs::copy(
        example.join("pipeline-rules.yml"),
        dir.path().join("rules/pipeline.yml"),
    )
    .unwrap();
    fs::write(
        dir.path().join("riveter.yml"),
        "rule_dirs: [rules]\ninclude_rules: ['glue-*']\nexclude_rules: ['*logging']\noutput_format: json\nparallel: true\n",
    )
    .unwrap();
    let out = riveter(dir.path(), &["scan"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning: config: unknown setting `parallel` is ignored"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["failed"], 1);

    fs::rename(dir.path().join("riveter.yml"), dir.path().join("team.yml")).unwrap();
    let out = riveter(dir.path(), &["scan", "-c", "team.yml", "-f", "table"]);
    assert!(
        stdout(&out).starts_with("❌ Glue jobs must have security configuration"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn json_and_table_in_one_run_and_colour_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let json_path = dir.path().join("r.json");
    let mut args = vec![
        "scan",
        "--json",
        json_path.to_str().unwrap(),
        "--color",
        "always",
    ];
    args.extend(SEED_RULES);
    let out = riveter(MISTAKES, &args);
    assert!(stdout(&out).contains("\x1b[31m"), "colour was asked for");
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(json["summary"]["failed"], 6);
    // Piped output has no colour by default.
    let plain = seed_command(MISTAKES);
    assert!(!stdout(&plain).contains('\x1b'));
}

#[test]
fn a_report_that_cannot_be_written_does_not_lose_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder").join("r.json");
    let sarif = dir.path().join("r.sarif");
    let junit = dir.path().join("r.xml");
    let mut args = vec![
        "scan",
        "--json",
        missing.to_str().unwrap(),
        "--sarif",
        sarif.to_str().unwrap(),
        "--junit",
        junit.to_str().unwrap(),
    ];
    args.extend(SEED_RULES);
    let out = riveter(MISTAKES, &args);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "{}: could not write the report",
            missing.display()
        )),
        "{}",
        stderr(&out)
    );
    // The table still went to standard output, and the other files were written whole.
    assert!(stdout(&out).contains("aws_glue_job.etl_job"));
    let sarif: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 6);
    assert!(
        fs::read_to_string(&junit)
            .unwrap()
            .trim_end()
            .ends_with("</testsuites>")
    );
}

#[test]
fn html_goes_to_a_file_beside_the_others_and_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let json = dir.path().join("report.json");
    let mut args = vec!["scan"];
    args.extend(SEED_RULES);
    args.extend([
        "--html",
        html.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    let out = riveter(MISTAKES, &args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let page = fs::read_to_string(&html).unwrap();
    assert!(page.contains("data-verdict=\"failed\""));
    assert!(page.contains("Glue jobs must have security configuration"));
    assert!(fs::metadata(&json).unwrap().len() > 0);

    let mut args = vec!["scan", "-f", "html"];
    args.extend(SEED_RULES);
    let out = riveter(MISTAKES, &args);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), page);
}

#[test]
fn the_config_file_can_ask_for_html() {
    let dir = mistakes_with_pipeline_rules();
    fs::write(
        dir.path().join("riveter.yml"),
        "rule_dirs: [pipeline-rules.yml]\noutput_format: html\n",
    )
    .unwrap();
    let out = riveter(dir.path(), &["scan"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("<!DOCTYPE html>"),
        "{}",
        stdout(&out)
    );

    // A name it does not know is refused with the names it knows, html among them.
    fs::write(dir.path().join("riveter.yml"), "output_format: pdf\n").unwrap();
    let out = riveter(dir.path(), &["scan"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "output_format \"pdf\" is not one of table, json, sarif, junit, gitlab, markdown, html, github"
        ),
        "{}",
        stderr(&out)
    );
}
