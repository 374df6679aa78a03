//! `riveter github` as the Action runs it: a real git repository and event file in a temporary
//! folder, the inputs in `INPUT_*` variables, and an HTTP server on 127.0.0.1 that speaks the
//! REST endpoints riveter uses (pull request files, issue comments, check runs): the stand-in in
//! tests/integration/github_stand_in, which the image's test shares.

use crate::github_stand_in::*;
use serde_json::{Value, json};
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

struct Run {
    output: Output,
    outputs: String,
    summary: String,
    workspace: PathBuf,
}

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    fn everything(&self) -> String {
        let sarif = fs::read_to_string(self.workspace.join("riveter.sarif")).unwrap_or_default();
        format!(
            "{}{}{}{}{sarif}",
            self.stdout(),
            String::from_utf8_lossy(&self.output.stderr),
            self.outputs,
            self.summary
        )
    }
}

fn run_action(repo: &Repo, server: &Server, event: Value, extra: &[(&str, &str)]) -> Run {
    let meta = tempfile::tempdir().unwrap();
    let event_path = meta.path().join("event.json");
    fs::write(&event_path, event.to_string()).unwrap();
    let outputs = meta.path().join("outputs");
    let summary = meta.path().join("summary.md");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_riveter"));
    cmd.arg("github")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap())
        .env("HOME", meta.path())
        .env("GITHUB_EVENT_NAME", "pull_request")
        .env("GITHUB_EVENT_PATH", &event_path)
        .env("GITHUB_REPOSITORY", REPO)
        .env("GITHUB_WORKSPACE", repo.dir.path())
        .env("GITHUB_API_URL", &server.url)
        .env("GITHUB_SERVER_URL", "https://github.com")
        .env("GITHUB_SHA", "0000000000000000000000000000000000000000")
        .env("GITHUB_OUTPUT", &outputs)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("INPUT_RULES", "rules.yml")
        .env("INPUT_GITHUB-TOKEN", TOKEN);
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let output = cmd.output().unwrap();
    Run {
        output,
        outputs: fs::read_to_string(&outputs).unwrap_or_default(),
        summary: fs::read_to_string(&summary).unwrap_or_default(),
        workspace: repo.dir.path().to_path_buf(),
    }
}

#[test]
fn a_pull_request_gets_a_check_run_a_comment_and_a_job_summary() {
    let repo = repo(&key("new", false));
    let server = Server::start(github);
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());

    // Both pages of changed files were read.
    assert_eq!(
        server.calls("GET", "/repos/octo/infra/pulls/7/files").len(),
        2
    );
    // The check run is on the head commit, with an annotation on the changed file only.
    let created = &server.calls("POST", "/repos/octo/infra/check-runs")[0];
    assert_eq!(created.body["head_sha"], repo.head.as_str());
    assert_eq!(created.body["name"], "riveter");
    let annotations = created.body["output"]["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), 1, "{annotations:?}");
    assert_eq!(annotations[0]["path"], "changed.tf");
    assert_eq!(annotations[0]["start_line"], 3);
    assert_eq!(annotations[0]["annotation_level"], "failure");
    assert_eq!(
        annotations[0]["title"],
        "KMS keys must have rotation enabled"
    );
    let completed = server.calls("PATCH", "/repos/octo/infra/check-runs/42");
    assert_eq!(completed.last().unwrap().body["conclusion"], "failure");
    // One comment, with the marker and the change's failure (not the old one).
    let comments = server.calls("POST", "/repos/octo/infra/issues/7/comments");
    assert_eq!(comments.len(), 1);
    let body = comments[0].body["body"].as_str().unwrap();
    assert!(body.starts_with(riveter::ci::github::MARKER), "{body}");
    assert!(
        body.contains("aws_kms_key.new") && !body.contains("aws_kms_key.legacy"),
        "{body}"
    );
    assert!(
        body.contains(&format!(
            "https://github.com/octo/infra/blob/{}/changed.tf#L3",
            repo.head
        )),
        "{body}"
    );
    // The job summary, the outputs and the files.
    assert!(
        run.summary
            .starts_with("## ❌ riveter: 1 finding fails the gate\n"),
        "{}",
        run.summary
    );
    assert_eq!(
        run.outputs,
        "failed=1\npassed=0\nunknown=0\nsuppressed=0\nsarif-file=riveter.sarif\njunit-file=riveter-junit.xml\n"
    );
    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(repo.dir.path().join("riveter.sarif")).unwrap())
            .unwrap();
    // The SARIF covers the whole repository, so code scanning keeps the old alert open.
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
    assert!(repo.dir.path().join("riveter-junit.xml").is_file());
    // The workflow command annotations reach the log too.
    assert!(
        run.stdout().contains("::error file=changed.tf,line=3"),
        "{}",
        run.stdout()
    );
}

#[test]
fn the_comment_is_found_on_a_later_page_and_edited_in_place() {
    let repo = repo(&key("new", false));
    let server = Server::start(|request, base, n| {
        let comments = "/repos/octo/infra/issues/7/comments";
        match (request.method.as_str(), request.path.as_str()) {
            ("GET", p) if p.starts_with(comments) && !p.contains("page=2") => Reply {
                status: 200,
                headers: vec![(
                    "link".into(),
                    format!("<{base}{comments}?per_page=100&page=2>; rel=\"next\""),
                )],
                body: json!(
                    (0..100)
                        .map(|i| json!({ "id": i, "body": "looks good" }))
                        .collect::<Vec<_>>()
                ),
            },
            ("GET", p) if p.starts_with(comments) => ok(
                json!([{ "id": 555, "body": format!("{}\nold summary", riveter::ci::github::MARKER) }]),
            ),
            _ => github(request, base, n),
        }
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    assert!(
        server
            .calls("POST", "/repos/octo/infra/issues/7/comments")
            .is_empty(),
        "never a second comment"
    );
    let edited = server.calls("PATCH", "/repos/octo/infra/issues/comments/555");
    assert_eq!(edited.len(), 1);
    assert!(
        edited[0].body["body"]
            .as_str()
            .unwrap()
            .contains("aws_kms_key.new")
    );
}

#[test]
fn a_fixed_pull_request_turns_the_comment_into_an_all_clear_and_a_clean_one_gets_none() {
    let repo = repo(&key("new", true));
    let with_comment = Server::start(|request, base, n| {
        match (request.method.as_str(), request.path.as_str()) {
            ("GET", p) if p.starts_with("/repos/octo/infra/issues/7/comments") => ok(
                json!([{ "id": 555, "body": format!("{}\n❌ old", riveter::ci::github::MARKER) }]),
            ),
            _ => github(request, base, n),
        }
    });
    let run = run_action(&repo, &with_comment, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(0), "{}", run.everything());
    let edited = with_comment.calls("PATCH", "/repos/octo/infra/issues/comments/555");
    assert!(
        edited[0].body["body"]
            .as_str()
            .unwrap()
            .contains("## ✅ riveter: the gate passes")
    );

    let clean = Server::start(github);
    let run = run_action(&repo, &clean, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(0));
    assert!(
        clean
            .calls("POST", "/repos/octo/infra/issues/7/comments")
            .is_empty(),
        "nothing to say, no comment"
    );
    assert_eq!(
        clean
            .calls("PATCH", "/repos/octo/infra/check-runs/42")
            .last()
            .unwrap()
            .body["conclusion"],
        "success"
    );
}

#[test]
fn more_than_fifty_annotations_go_in_batches() {
    let keys: String = (0..60).map(|i| key(&format!("k{i}"), false)).collect();
    let repo = repo(&keys);
    let server = Server::start(github);
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    let created = &server.calls("POST", "/repos/octo/infra/check-runs")[0];
    assert_eq!(
        created.body["output"]["annotations"]
            .as_array()
            .unwrap()
            .len(),
        50
    );
    let updates = server.calls("PATCH", "/repos/octo/infra/check-runs/42");
    assert_eq!(updates.len(), 2);
    assert_eq!(
        updates[0].body["output"]["annotations"]
            .as_array()
            .unwrap()
            .len(),
        10
    );
    assert_eq!(updates[1].body["status"], "completed");
    let lines: Vec<u64> = created.body["output"]["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["start_line"].as_u64().unwrap())
        .collect();
    assert_eq!(&lines[..3], [3, 7, 11]);
}

#[test]
fn a_read_only_token_is_explained_once_and_the_verdict_stands() {
    let repo = repo(&key("new", false));
    let forbidden = || Reply {
        status: 403,
        headers: Vec::new(),
        body: json!({ "message": "Resource not accessible by integration" }),
    };
    let server = Server::start(move |request, base, n| {
        match (request.method.as_str(), request.path.as_str()) {
            ("POST", _) | ("PATCH", _) => forbidden(),
            ("GET", p) if p.contains("/comments") => forbidden(),
            _ => github(request, base, n),
        }
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(
        run.output.status.code(),
        Some(1),
        "the gate's verdict, not an API error: {}",
        run.everything()
    );
    assert_eq!(
        run.summary.matches("read-only token").count(),
        1,
        "{}",
        run.summary
    );
    assert_eq!(
        run.stdout().matches("read-only token").count(),
        1,
        "{}",
        run.stdout()
    );
    assert!(repo.dir.path().join("riveter.sarif").is_file());
    assert!(repo.dir.path().join("riveter-junit.xml").is_file());
}

#[test]
fn server_errors_are_retried() {
    let repo = repo(&key("new", false));
    let server = Server::start(|request, base, n| {
        if request.method == "POST" && request.path == "/repos/octo/infra/check-runs" && n == 0 {
            return Reply {
                status: 502,
                headers: Vec::new(),
                body: json!({ "message": "Bad Gateway" }),
            };
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    assert_eq!(
        server.calls("POST", "/repos/octo/infra/check-runs").len(),
        2
    );
    assert_eq!(
        server
            .calls("PATCH", "/repos/octo/infra/check-runs/42")
            .last()
            .unwrap()
            .body["status"],
        "completed"
    );
}

#[test]
fn a_rate_limit_waits_for_its_reset() {
    let repo = repo(&key("new", false));
    let server = Server::start(|request, base, n| {
        if request.method == "GET"
            && request
                .path
                .starts_with("/repos/octo/infra/issues/7/comments")
            && n == 0
        {
            let reset = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs()
                + 1;
            return Reply {
                status: 403,
                headers: vec![
                    ("x-ratelimit-remaining".into(), "0".into()),
                    ("x-ratelimit-reset".into(), reset.to_string()),
                ],
                body: json!({ "message": "API rate limit exceeded" }),
            };
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    assert_eq!(
        server
            .calls("GET", "/repos/octo/infra/issues/7/comments")
            .len(),
        2
    );
    assert_eq!(
        server
            .calls("POST", "/repos/octo/infra/issues/7/comments")
            .len(),
        1
    );
}

#[test]
fn without_the_files_api_git_tells_what_changed() {
    let repo = repo(&key("new", false));
    let server = Server::start(|request, base, n| {
        if request.path.starts_with("/repos/octo/infra/pulls/7/files") {
            return Reply {
                status: 404,
                headers: Vec::new(),
                body: json!({ "message": "Not Found" }),
            };
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    let annotations =
        &server.calls("POST", "/repos/octo/infra/check-runs")[0].body["output"]["annotations"];
    assert_eq!(annotations.as_array().unwrap().len(), 1);
    assert_eq!(annotations[0]["path"], "changed.tf");
}

#[test]
fn the_token_never_shows() {
    let repo = repo(&key("new", false));
    let server = Server::start(github);
    let run = run_action(
        &repo,
        &server,
        pr_event(&repo),
        &[("INPUT_COMMENT", "true")],
    );
    assert!(!run.everything().contains(TOKEN));
    assert!(!run.everything().contains("SECRET0123"));
    // It did reach the API, in the authorization header.
    let auth = server.requests()[0]
        .headers
        .get("authorization")
        .cloned()
        .unwrap_or_default();
    assert!(auth.ends_with(TOKEN), "{auth}");
}

#[test]
fn a_malformed_event_file_is_a_clear_error() {
    let repo = repo(&key("new", false));
    let server = Server::start(github);
    let meta = tempfile::tempdir().unwrap();
    let event = meta.path().join("event.json");
    fs::write(&event, "{ not json").unwrap();
    let run = run_action(
        &repo,
        &server,
        json!({}),
        &[("GITHUB_EVENT_PATH", event.to_str().unwrap())],
    );
    assert_eq!(run.output.status.code(), Some(2));
    assert!(
        run.stdout().contains(&format!(
            "::error title=riveter::{}:1: the event file is not JSON",
            event.display()
        )),
        "{}",
        run.stdout()
    );
    assert!(server.requests().is_empty());
}

#[test]
fn a_push_scans_everything_and_posts_no_comment() {
    let repo = repo(&key("new", false));
    let server = Server::start(github);
    let run = run_action(&repo, &server, json!({}), &[("GITHUB_EVENT_NAME", "push")]);
    assert_eq!(run.output.status.code(), Some(1));
    assert!(server.requests().is_empty(), "{:?}", server.requests());
    assert_eq!(run.outputs.lines().next(), Some("failed=2"));
    assert!(run.summary.contains("aws_kms_key.legacy") && run.summary.contains("aws_kms_key.new"));
    assert!(repo.dir.path().join("riveter.sarif").is_file());
}

#[test]
fn changed_since_gives_any_ci_the_same_gate() {
    let repo = repo(&key("new", true));
    let out = Command::new(env!("CARGO_BIN_EXE_riveter"))
        .args([
            "scan",
            "-r",
            "rules.yml",
            "--changed-since",
            &repo.base,
            "--json",
            "all.json",
        ])
        .current_dir(repo.dir.path())
        .env_remove("GITHUB_WORKSPACE")
        .env_remove("CI_PROJECT_DIR")
        .output()
        .unwrap();
    // The old failure is outside the change: the gate passes; the JSON file still has it.
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let all: Value =
        serde_json::from_str(&fs::read_to_string(repo.dir.path().join("all.json")).unwrap())
            .unwrap();
    assert_eq!(all["summary"]["failed"], 1);
}

#[test]
fn a_finding_a_variable_change_brings_into_scope_is_annotated_and_commented() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.email", "ci@example.com"]);
    git(d, &["config", "user.name", "ci"]);
    fs::write(d.join("rules.yml"), RULES).unwrap();
    fs::create_dir(d.join("app")).unwrap();
    let key = "resource \"aws_kms_key\" \"app\" {\n  description         = \"app\"\n  enable_key_rotation = var.rotate\n}\n";
    fs::write(d.join("app/main.tf"), key).unwrap();
    let variables = |default: bool| format!("variable \"rotate\" {{\n  default = {default}\n}}\n");
    fs::write(d.join("app/variables.tf"), variables(true)).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    let base = git(d, &["rev-parse", "HEAD"]);
    fs::write(d.join("app/variables.tf"), variables(false)).unwrap();
    git(d, &["commit", "-q", "-am", "turn rotation off by default"]);
    let head = git(d, &["rev-parse", "HEAD"]);
    let repo = Repo { dir, base, head };
    let server = Server::start(|request, base, n| {
        if request.path.starts_with("/repos/octo/infra/pulls/7/files") {
            return ok(json!([{ "filename": "app/variables.tf", "status": "modified" }]));
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());

    // The annotation is on the unchanged resource's line, and says why it is there.
    let created = &server.calls("POST", "/repos/octo/infra/check-runs")[0];
    let annotations = created.body["output"]["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), 1, "{annotations:?}");
    assert_eq!(annotations[0]["path"], "app/main.tf");
    assert_eq!(annotations[0]["start_line"], 3);
    let message = annotations[0]["message"].as_str().unwrap();
    assert!(
        message.contains("(in scope because app/variables.tf changed)"),
        "{message}"
    );
    assert!(
        run.stdout().contains("::error file=app/main.tf,line=3")
            && run
                .stdout()
                .contains("in scope because app/variables.tf changed"),
        "{}",
        run.stdout()
    );
    // The comment's row says it too.
    let comments = server.calls("POST", "/repos/octo/infra/issues/7/comments");
    let body = comments[0].body["body"].as_str().unwrap();
    assert!(
        body.contains("`aws_kms_key.app`")
            // The file name is escaped as every text from the scan is (docs/reports.md).
            && body.contains("_(in scope because app\\/variables\\.tf changed)_"),
        "{body}"
    );
}

#[test]
fn a_file_renamed_out_of_a_module_counts_under_its_old_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.email", "ci@example.com"]);
    git(d, &["config", "user.name", "ci"]);
    fs::write(d.join("rules.yml"), RULES).unwrap();
    fs::create_dir(d.join("app")).unwrap();
    let key = "variable \"rotate\" {\n  default = false\n}\n\nresource \"aws_kms_key\" \"app\" {\n  enable_key_rotation = var.rotate\n}\n";
    fs::write(d.join("app/main.tf"), key).unwrap();
    fs::write(d.join("app/terraform.tfvars"), "rotate = true\n").unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    let base = git(d, &["rev-parse", "HEAD"]);
    fs::create_dir(d.join("archive")).unwrap();
    git(
        d,
        &["mv", "app/terraform.tfvars", "archive/terraform.tfvars"],
    );
    git(d, &["commit", "-q", "-m", "archive the values"]);
    let head = git(d, &["rev-parse", "HEAD"]);
    let repo = Repo { dir, base, head };
    // GitHub lists a rename once, under its new name with the old one beside it.
    let server = Server::start(|request, base, n| {
        if request.path.starts_with("/repos/octo/infra/pulls/7/files") {
            return ok(json!([{
                "filename": "archive/terraform.tfvars",
                "previous_filename": "app/terraform.tfvars",
                "status": "renamed"
            }]));
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    let annotations =
        &server.calls("POST", "/repos/octo/infra/check-runs")[0].body["output"]["annotations"];
    assert_eq!(annotations[0]["path"], "app/main.tf", "{annotations}");
}

#[test]
fn the_plan_input_judges_planned_values_on_the_changed_lines() {
    let changed = "variable \"rotation\" {\n  type = bool\n}\n\nresource \"aws_kms_key\" \"new\" {\n  description         = \"new\"\n  enable_key_rotation = var.rotation\n}\n";
    let repo = repo(changed);
    let instance = |name: &str| {
        json!({ "address": format!("aws_kms_key.{name}"), "mode": "managed", "type": "aws_kms_key",
                "name": name, "values": { "description": name, "enable_key_rotation": false } })
    };
    let plan = json!({
        "format_version": "1.2",
        "planned_values": { "root_module": { "resources": [instance("legacy"), instance("new")] } },
        "resource_changes": [],
        "configuration": { "root_module": { "resources": [
            { "address": "aws_kms_key.legacy" }, { "address": "aws_kms_key.new" } ] } }
    });
    fs::write(repo.dir.path().join("plan.json"), plan.to_string()).unwrap();

    // Without the plan the rotation is a variable the pipeline sets: unknown, and the gate
    // passes.
    let server = Server::start(github);
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(0), "{}", run.everything());
    assert!(
        run.outputs.starts_with("failed=0\npassed=0\nunknown=1\n"),
        "{}",
        run.outputs
    );

    let server = Server::start(github);
    let run = run_action(
        &repo,
        &server,
        pr_event(&repo),
        &[("INPUT_PLAN", "plan.json")],
    );
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    let created = &server.calls("POST", "/repos/octo/infra/check-runs")[0];
    let annotations = created.body["output"]["annotations"].as_array().unwrap();
    // The changed block's instance, on the line that sets the value.
    assert!(
        annotations
            .iter()
            .any(|a| a["path"] == "changed.tf" && a["start_line"] == 7),
        "{annotations:?}"
    );
    // An instance the source does not declare (legacy's block is in another folder) is placed
    // on the plan file, in the changed root module: in scope, and it says why.
    let placed_on_plan: Vec<&serde_json::Value> = annotations
        .iter()
        .filter(|a| a["path"] == "plan.json")
        .collect();
    assert_eq!(placed_on_plan.len(), 1, "{annotations:?}");
    assert!(
        placed_on_plan[0]["message"]
            .as_str()
            .unwrap()
            .contains("in scope because changed.tf changed"),
        "{annotations:?}"
    );
}
