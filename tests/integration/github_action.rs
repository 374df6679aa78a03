//! `riveter github` as the Action runs it: a real git repository and event file in a temporary
//! folder, the inputs in `INPUT_*` variables, and an HTTP server on 127.0.0.1 that speaks the
//! REST endpoints riveter uses (pull request files, issue comments, check runs).

use serde_json::{Value, json};
use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

const TOKEN: &str = "ghs_SECRET0123456789abcdef";
const REPO: &str = "octo/infra";

#[derive(Debug, Clone)]
struct Request {
    method: String,
    path: String,
    headers: HashMap<String, String>,
    body: Value,
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Value,
}

fn ok(body: Value) -> Reply {
    Reply {
        status: 200,
        headers: Vec::new(),
        body,
    }
}

type Handler = dyn Fn(&Request, &str, usize) -> Reply + Send + Sync;

/// A GitHub stand-in: every request is recorded; `handler(request, base_url, n)` answers, `n`
/// counting earlier requests with the same method and path.
struct Server {
    url: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    fn start(handler: impl Fn(&Request, &str, usize) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests: Arc<Mutex<Vec<Request>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let (recorded, base) = (requests.clone(), url.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let (recorded, handler, base) = (recorded.clone(), handler.clone(), base.clone());
                std::thread::spawn(move || {
                    let Some(request) = read_request(&mut stream) else {
                        return;
                    };
                    let n = {
                        let mut all = recorded.lock().unwrap();
                        let n = all
                            .iter()
                            .filter(|r| r.method == request.method && r.path == request.path)
                            .count();
                        all.push(request.clone());
                        n
                    };
                    let reply = handler(&request, &base, n);
                    let body = reply.body.to_string();
                    let mut head = format!(
                        "HTTP/1.1 {} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
                        reply.status,
                        body.len()
                    );
                    for (k, v) in &reply.headers {
                        head.push_str(&format!("{k}: {v}\r\n"));
                    }
                    let _ = stream.write_all(format!("{head}\r\n{body}").as_bytes());
                });
            }
        });
        Server { url, requests }
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    fn calls(&self, method: &str, path_prefix: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == method && r.path.starts_with(path_prefix))
            .collect()
    }
}

fn read_request(stream: &mut std::net::TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        if header.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = header.split_once(':') {
            headers.insert(k.trim().to_lowercase(), v.trim().to_string());
        }
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let body = serde_json::from_slice(&body).unwrap_or(Value::Null);
    Some(Request {
        method,
        path,
        headers,
        body,
    })
}

/// A repository with a base commit and a pull request head that adds `changed.tf`.
struct Repo {
    dir: tempfile::TempDir,
    base: String,
    head: String,
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

const RULES: &str = "rules:\n  - id: kms-rotation\n    name: KMS keys must have rotation enabled\n    severity: high\n    resource_type: aws_kms_key\n    assertions: [{key: enable_key_rotation, operator: equals, value: true}]\n    remediation: Set enable_key_rotation = true.\n";

fn key(name: &str, rotation: bool) -> String {
    format!(
        "resource \"aws_kms_key\" \"{name}\" {{\n  description         = \"{name}\"\n  enable_key_rotation = {rotation}\n}}\n"
    )
}

fn repo(changed: &str) -> Repo {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.email", "ci@example.com"]);
    git(d, &["config", "user.name", "ci"]);
    fs::write(d.join("rules.yml"), RULES).unwrap();
    // An old failure in a file the pull request does not touch.
    fs::write(d.join("old.tf"), key("legacy", false)).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    let base = git(d, &["rev-parse", "HEAD"]);
    fs::write(d.join("changed.tf"), changed).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "change"]);
    let head = git(d, &["rev-parse", "HEAD"]);
    Repo { dir, base, head }
}

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

fn pr_event(repo: &Repo) -> Value {
    json!({ "number": 7, "pull_request": { "number": 7, "base": { "sha": repo.base }, "head": { "sha": repo.head } } })
}

/// The usual GitHub: changed files on two pages, no comment yet, check runs accepted.
fn github(request: &Request, base: &str, _n: usize) -> Reply {
    let files = "/repos/octo/infra/pulls/7/files";
    match (request.method.as_str(), request.path.as_str()) {
        ("GET", p) if p.starts_with(files) && !p.contains("page=2") => Reply {
            status: 200,
            headers: vec![(
                "link".into(),
                format!(
                    "<{base}{files}?per_page=100&page=2>; rel=\"next\", <{base}{files}?per_page=100&page=2>; rel=\"last\""
                ),
            )],
            body: json!([{ "filename": "README.md" }]),
        },
        ("GET", p) if p.starts_with(files) => ok(json!([{ "filename": "changed.tf" }])),
        ("GET", p) if p.starts_with("/repos/octo/infra/issues/7/comments") => ok(json!([])),
        ("POST", "/repos/octo/infra/check-runs") => Reply {
            status: 201,
            headers: Vec::new(),
            body: json!({ "id": 42 }),
        },
        ("PATCH", "/repos/octo/infra/check-runs/42") => ok(json!({ "id": 42 })),
        ("POST", "/repos/octo/infra/issues/7/comments") => Reply {
            status: 201,
            headers: Vec::new(),
            body: json!({ "id": 900 }),
        },
        ("PATCH", p) if p.starts_with("/repos/octo/infra/issues/comments/") => ok(json!({})),
        _ => Reply {
            status: 404,
            headers: Vec::new(),
            body: json!({ "message": "Not Found" }),
        },
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
