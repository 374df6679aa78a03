//! `riveter github` as the Action runs it: a real git repository and event file in a temporary
//! folder, the inputs in `INPUT_*` variables, and an HTTP server on 127.0.0.1 that speaks the
//! REST endpoints riveter uses (pull request files, issue comments, check runs): the stand-in in
//! tests/integration/github_stand_in, which the image's test shares.

use crate::github_stand_in::*;
use serde_json::{Value, json};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Run {
    pub output: Output,
    pub outputs: String,
    pub summary: String,
    pub workspace: PathBuf,
    /// How long the step took.
    pub took: Duration,
    /// Every file in the home folder after the step, relative to it.
    pub home: Vec<PathBuf>,
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Everything the step wrote: its log, its outputs, its job summary and the reports. The
    /// `::add-mask::` commands are left out: the runner takes them and shows none.
    pub fn everything(&self) -> String {
        let read = |name: &str| fs::read_to_string(self.workspace.join(name)).unwrap_or_default();
        let log: String = self
            .stdout()
            .lines()
            .filter(|line| !line.starts_with("::add-mask::"))
            .map(|line| format!("{line}\n"))
            .collect();
        format!(
            "{log}{}{}{}{}{}",
            String::from_utf8_lossy(&self.output.stderr),
            self.outputs,
            self.summary,
            read("riveter.sarif"),
            read("riveter-junit.xml")
        )
    }
}

pub fn run_action(repo: &Repo, server: &Server, event: Value, extra: &[(&str, &str)]) -> Run {
    let meta = tempfile::tempdir().unwrap();
    let home = meta.path().join("home");
    fs::create_dir(&home).unwrap();
    let event_path = meta.path().join("event.json");
    fs::write(&event_path, event.to_string()).unwrap();
    let outputs = meta.path().join("outputs");
    let summary = meta.path().join("summary.md");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_riveter"));
    cmd.arg("github")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap())
        .env("HOME", &home)
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
    let started = Instant::now();
    let output = cmd.output().unwrap();
    let took = started.elapsed();
    Run {
        output,
        outputs: fs::read_to_string(&outputs).unwrap_or_default(),
        summary: fs::read_to_string(&summary).unwrap_or_default(),
        workspace: repo.dir.path().to_path_buf(),
        took,
        home: files_under(&home),
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in fs::read_dir(&at).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            found.push(path.strip_prefix(dir).unwrap().to_path_buf());
        }
    }
    found
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
                        .map(|i| comment(i, "octocat", "looks good"))
                        .collect::<Vec<_>>()
                ),
                ..Reply::default()
            },
            ("GET", p) if p.starts_with(comments) => ok(json!([comment(
                555,
                BOT,
                &format!("{}\nold summary", riveter::ci::github::MARKER)
            )])),
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
    let with_comment =
        Server::start(
            |request, base, n| match (request.method.as_str(), request.path.as_str()) {
                ("GET", p) if p.starts_with("/repos/octo/infra/issues/7/comments") => {
                    ok(json!([comment(
                        555,
                        BOT,
                        &format!("{}\n❌ old", riveter::ci::github::MARKER)
                    )]))
                }
                _ => github(request, base, n),
            },
        );
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
        ..Reply::default()
    };
    let server = Server::start(move |request, base, n| {
        match (request.method.as_str(), request.path.as_str()) {
            // A read-only token can still ask who it is.
            ("POST", p) if p != "/graphql" => forbidden(),
            ("PATCH", _) => forbidden(),
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
fn server_errors_are_retried_on_reads_and_never_on_writes() {
    let repo = repo(&key("new", false));
    let bad_gateway = || Reply {
        status: 502,
        body: json!({ "message": "Bad Gateway" }),
        ..Reply::default()
    };
    let server = Server::start(move |request, base, n| {
        match (request.method.as_str(), request.path.as_str()) {
            ("GET", p)
                if p.starts_with("/repos/octo/infra/pulls/7/files")
                    && !p.contains("page=2")
                    && n == 0 =>
            {
                bad_gateway()
            }
            ("POST", "/repos/octo/infra/check-runs") => bad_gateway(),
            _ => github(request, base, n),
        }
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    // The list of files, a read, was asked again: page 1 twice, page 2 once.
    assert_eq!(
        server.calls("GET", "/repos/octo/infra/pulls/7/files").len(),
        3
    );
    // Creating the check run, a write, was sent once: a 502 does not say it was not done.
    assert_eq!(
        server.calls("POST", "/repos/octo/infra/check-runs").len(),
        1
    );
    assert!(
        run.stdout().contains(
            "riveter: not posted: the check run `riveter` and its 1 annotation(s) (GitHub may have created it; riveter did not send it again). The verdict (failed) is the gate's"
        ),
        "{}",
        run.stdout()
    );
    assert!(
        run.summary.contains("Not posted: the check run `riveter`"),
        "{}",
        run.summary
    );
    // The comment still went out.
    assert_eq!(
        server
            .calls("POST", "/repos/octo/infra/issues/7/comments")
            .len(),
        1
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
                ..Reply::default()
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
                ..Reply::default()
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
        message.contains("(in scope because app/variables.tf changed var.rotate, which it reads)"),
        "{message}"
    );
    assert!(
        run.stdout().contains("::error file=app/main.tf,line=3")
            && run
                .stdout()
                .contains("in scope because app/variables.tf changed var.rotate, which it reads"),
        "{}",
        run.stdout()
    );
    // The comment's row says it too.
    let comments = server.calls("POST", "/repos/octo/infra/issues/7/comments");
    let body = comments[0].body["body"].as_str().unwrap();
    assert!(
        body.contains("`aws_kms_key.app`")
            // The file name is escaped as every text from the scan is (docs/reports.md).
            && body.contains("_(in scope because app\\/variables\\.tf changed var\\.rotate\\, which it reads)_"),
        "{body}"
    );
}

#[test]
fn a_pull_request_adding_resources_in_a_new_file_annotates_only_those() {
    // An old failure in the very folder the pull request adds a file to.
    let dir = git_repository();
    let d = dir.path();
    write_file(d, "rules.yml", RULES);
    write_file(d, "old.tf", &key("old", false));
    let base = commit_all(d, "base");
    let keys = format!("{}\n{}", key("first", false), key("second", false));
    write_file(d, "new.tf", &keys);
    let head = commit_all(d, "two keys");
    let repo = Repo { dir, base, head };
    let server = Server::start(|request, base, n| {
        if request.path.starts_with("/repos/octo/infra/pulls/7/files") {
            return ok(json!([{ "filename": "new.tf", "status": "added" }]));
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    let created = &server.calls("POST", "/repos/octo/infra/check-runs")[0];
    let annotations = created.body["output"]["annotations"].as_array().unwrap();
    let placed: Vec<(&str, u64)> = annotations
        .iter()
        .map(|a| {
            (
                a["path"].as_str().unwrap(),
                a["start_line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(placed, [("new.tf", 3), ("new.tf", 8)], "{annotations:?}");
    assert!(!run.stdout().contains("old.tf"), "{}", run.stdout());
    // The SARIF holds the whole repository, the old failure marked out of scope.
    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(repo.dir.path().join("riveter.sarif")).unwrap())
            .unwrap();
    let marks: Vec<(String, bool)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let file = &r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
            (
                file.as_str().unwrap().to_string(),
                r["properties"]["in_scope"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        marks,
        [
            ("new.tf".to_string(), true),
            ("new.tf".to_string(), true),
            ("old.tf".to_string(), false)
        ],
        "{marks:?}"
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
            .contains("in scope because its block is not among the scanned files"),
        "{annotations:?}"
    );
}

#[test]
fn a_strangers_comment_with_the_marker_is_never_edited() {
    let marked = |who: &str| {
        format!(
            "{}\nlooks like riveter's, by {who}",
            riveter::ci::github::MARKER
        )
    };
    // Only a stranger's comment carries the marker: riveter posts its own.
    let repo = repo(&key("new", false));
    let server = Server::start(move |request, base, n| {
        if request.method == "GET"
            && request
                .path
                .starts_with("/repos/octo/infra/issues/7/comments")
        {
            return ok(json!([comment(1, "mallory", &marked("mallory"))]));
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    assert!(
        server
            .calls("PATCH", "/repos/octo/infra/issues/comments/")
            .is_empty()
    );
    assert_eq!(
        server
            .calls("POST", "/repos/octo/infra/issues/7/comments")
            .len(),
        1
    );
    assert!(
        run.stdout().contains(
            "riveter: left alone 1 comment(s) by other accounts that carry riveter's marker"
        ),
        "{}",
        run.stdout()
    );

    // A stranger's first, then riveter's own (written by the workflow token's bot): the own
    // one is edited, the stranger's is not.
    let repo = super::github_stand_in::repo(&key("new", false));
    let server = Server::start(move |request, base, n| {
        if request.method == "GET"
            && request
                .path
                .starts_with("/repos/octo/infra/issues/7/comments")
        {
            return ok(json!([
                comment(1, "mallory", &marked("mallory")),
                comment(2, BOT, &marked(BOT))
            ]));
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    let edited: Vec<String> = server
        .calls("PATCH", "/repos/octo/infra/issues/comments/")
        .into_iter()
        .map(|r| r.path)
        .collect();
    assert_eq!(edited, ["/repos/octo/infra/issues/comments/2"]);
    assert!(
        server
            .calls("POST", "/repos/octo/infra/issues/7/comments")
            .is_empty()
    );
}

#[test]
fn a_personal_token_owns_the_comments_of_its_user() {
    let repo = repo(&key("new", false));
    let server =
        Server::start(
            |request, base, n| match (request.method.as_str(), request.path.as_str()) {
                ("GET", "/user") => ok(json!({ "login": "Infra-Bot", "type": "User" })),
                ("GET", p) if p.starts_with("/repos/octo/infra/issues/7/comments") => ok(json!([
                    comment(
                        1,
                        BOT,
                        &format!("{}\nthe workflow token's", riveter::ci::github::MARKER)
                    ),
                    comment(
                        2,
                        "infra-bot",
                        &format!("{}\nours", riveter::ci::github::MARKER)
                    ),
                ])),
                _ => github(request, base, n),
            },
        );
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    // Logins compare without case, as GitHub's do; GraphQL was not needed.
    let edited = server.calls("PATCH", "/repos/octo/infra/issues/comments/");
    assert_eq!(edited.len(), 1);
    assert_eq!(edited[0].path, "/repos/octo/infra/issues/comments/2");
    assert!(server.calls("POST", "/graphql").is_empty());
    assert!(
        run.stdout()
            .contains("riveter: summary comment by Infra-Bot: updated"),
        "{}",
        run.stdout()
    );
}

#[test]
fn a_token_of_unknown_identity_posts_no_comment() {
    let repo = repo(&key("new", false));
    let server = Server::start(|request, base, n| {
        if request.path == "/graphql" {
            return ok(json!({ "errors": [{ "message": "Something went wrong" }] }));
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    assert!(
        server
            .calls("GET", "/repos/octo/infra/issues/7/comments")
            .is_empty()
    );
    assert!(
        server
            .calls("POST", "/repos/octo/infra/issues/7/comments")
            .is_empty()
    );
    assert!(
        run.summary.contains(r"riveter could not tell which account the token is \(HTTP 200\: Something went wrong\)\, so it cannot tell its own comment from another\'s"),
        "{}",
        run.summary
    );
    // The check run is not a comment: it went out.
    assert_eq!(
        server.calls("POST", "/repos/octo/infra/check-runs").len(),
        1
    );
}

/// The table the log shows: the lines from the first rule's to the verdict's.
fn table(stdout: &str) -> String {
    stdout
        .lines()
        .filter(|l| !l.starts_with("::") && !l.starts_with("riveter:") && !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_log_shows_the_gated_findings_and_agrees_with_the_exit_code() {
    // The old failure is outside the change: the step passes, and so does the log's table.
    let repo = repo(&key("new", true));
    let server = Server::start(github);
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(0), "{}", run.everything());
    let log = run.stdout();
    let shown = table(&log);
    assert!(shown.ends_with("Validation passed!"), "{log}");
    assert!(!shown.contains("aws_kms_key.legacy"), "{log}");
    assert!(
        log.contains("riveter: the findings pull request #7 can affect (2 changed file(s)); the report files cover the whole repository"),
        "{log}"
    );
    // The report files still cover everything.
    let junit = fs::read_to_string(repo.dir.path().join("riveter-junit.xml")).unwrap();
    assert!(junit.contains("aws_kms_key.legacy"), "{junit}");

    // A change that fails: the table names its finding only, and says the step fails.
    let repo = super::github_stand_in::repo(&key("new", false));
    let server = Server::start(github);
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    let shown = table(&run.stdout());
    assert!(
        shown.ends_with("Validation failed: 1 finding must be fixed."),
        "{shown}"
    );
    assert!(
        shown.contains("aws_kms_key.new") && !shown.contains("aws_kms_key.legacy"),
        "{shown}"
    );

    // scope: all: everything counts, in the table as in the exit code.
    let server = Server::start(github);
    let run = run_action(&repo, &server, pr_event(&repo), &[("INPUT_SCOPE", "all")]);
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    let shown = table(&run.stdout());
    assert!(
        shown.ends_with("Validation failed: 2 findings must be fixed.")
            && shown.contains("aws_kms_key.legacy"),
        "{shown}"
    );
}

#[test]
fn the_unknown_input_lets_undecided_results_fail_the_gate() {
    let changed = "variable \"rotation\" {\n  type = bool\n}\n\nresource \"aws_kms_key\" \"new\" {\n  enable_key_rotation = var.rotation\n}\n";
    let repo = repo(changed);
    for (unknown, code, last_line) in [
        (None, 0, "Validation passed!"),
        (Some("pass"), 0, "Validation passed!"),
        (
            Some("fail"),
            1,
            "Validation failed: 1 finding must be fixed.",
        ),
    ] {
        let server = Server::start(github);
        let extra: Vec<(&str, &str)> = unknown.map(|u| ("INPUT_UNKNOWN", u)).into_iter().collect();
        let run = run_action(&repo, &server, pr_event(&repo), &extra);
        assert_eq!(
            run.output.status.code(),
            Some(code),
            "unknown: {unknown:?}: {}",
            run.everything()
        );
        assert!(
            table(&run.stdout()).ends_with(last_line),
            "{unknown:?}: {}",
            run.stdout()
        );
        let conclusion = server
            .calls("PATCH", "/repos/octo/infra/check-runs/42")
            .last()
            .unwrap()
            .body["conclusion"]
            .clone();
        assert_eq!(conclusion, if code == 0 { "success" } else { "failure" });
    }
    let server = Server::start(github);
    let run = run_action(
        &repo,
        &server,
        pr_event(&repo),
        &[("INPUT_UNKNOWN", "maybe")],
    );
    assert_eq!(run.output.status.code(), Some(2));
    assert!(
        run.stdout()
            .contains("::error title=riveter::input `unknown` must be pass or fail, not \"maybe\""),
        "{}",
        run.stdout()
    );
}

#[test]
fn a_report_that_cannot_be_written_fails_the_step_after_everything_else() {
    for (rotation, verdict) in [(false, "failed"), (true, "passed")] {
        let repo = repo(&key("new", rotation));
        let server = Server::start(github);
        let run = run_action(
            &repo,
            &server,
            pr_event(&repo),
            &[("INPUT_SARIF-FILE", "no-such-folder/riveter.sarif")],
        );
        assert_eq!(run.output.status.code(), Some(2), "{}", run.everything());
        let log = run.stdout();
        assert!(
            log.contains(
                "::error title=riveter::no-such-folder/riveter.sarif: could not write the report"
            ),
            "{log}"
        );
        assert!(
            log.contains(&format!(
                "::error title=riveter::The step fails because a file could not be written (the gate's verdict: {verdict}); everything else was written and posted."
            )),
            "{log}"
        );
        // Every other report, the outputs and the job summary were written; everything was
        // posted, and the check run states the gate's verdict.
        assert!(repo.dir.path().join("riveter-junit.xml").is_file());
        assert!(run.outputs.starts_with("failed="), "{}", run.outputs);
        assert!(
            run.summary
                .contains(r"Not written: no\-such\-folder\/riveter\.sarif"),
            "{}",
            run.summary
        );
        assert_eq!(
            server
                .calls("PATCH", "/repos/octo/infra/check-runs/42")
                .last()
                .unwrap()
                .body["conclusion"],
            if rotation { "success" } else { "failure" }
        );
        assert_eq!(
            server
                .calls("POST", "/repos/octo/infra/issues/7/comments")
                .len(),
            usize::from(!rotation)
        );
    }
}

#[test]
fn git_reads_a_checkout_another_user_owns_without_writing_any_git_config() {
    let repo = repo(&key("new", false));
    // The runner's user owns the checkout; riveter runs as root in the container. Only root
    // can give a folder away: elsewhere the checkout stays the test's own.
    let given_away = std::process::Command::new("chown")
        .args(["-R", "1001:1001"])
        .arg(repo.dir.path())
        .status()
        .is_ok_and(|s| s.success());
    if given_away {
        let refused = std::process::Command::new("git")
            .args(["-C"])
            .arg(repo.dir.path())
            .args(["status", "--short"])
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", repo.dir.path().join("nowhere"))
            .output()
            .unwrap();
        assert!(
            String::from_utf8_lossy(&refused.stderr).contains("dubious ownership"),
            "git would read this checkout anyway, so the test proves nothing"
        );
    } else {
        eprintln!("not root: the checkout stays the test's own; only the config part is tested");
    }
    // Without the files API, git tells what changed.
    let server = Server::start(|request, base, n| {
        if request.path.starts_with("/repos/octo/infra/pulls/7/files") {
            return Reply {
                status: 404,
                body: json!({ "message": "Not Found" }),
                ..Reply::default()
            };
        }
        github(request, base, n)
    });
    let run = run_action(
        &repo,
        &server,
        pr_event(&repo),
        &[("GIT_CONFIG_NOSYSTEM", "1")],
    );
    assert_eq!(run.output.status.code(), Some(1), "{}", run.everything());
    assert!(
        !run.summary.contains("The changed files are unknown"),
        "{}",
        run.summary
    );
    let annotations =
        &server.calls("POST", "/repos/octo/infra/check-runs")[0].body["output"]["annotations"];
    assert_eq!(annotations.as_array().unwrap().len(), 1, "{annotations}");
    assert_eq!(annotations[0]["path"], "changed.tf");
    // Nothing in the home folder: no ~/.gitconfig, no ~/.config/git/config.
    assert!(run.home.is_empty(), "{:?}", run.home);
    assert!(
        !repo.dir.path().join(".git/config").exists() || {
            let config = fs::read_to_string(repo.dir.path().join(".git/config")).unwrap();
            !config.contains("safe")
        }
    );
}
