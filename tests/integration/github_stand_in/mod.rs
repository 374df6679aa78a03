//! The GitHub stand-in shared by the Action's tests (tests/github_action.rs) and the image's
//! (tests/integration/image.rs): an HTTP server on 127.0.0.1 that speaks the REST endpoints riveter uses
//! (pull request files, issue comments, check runs, who the token is) and can misbehave as a
//! broken API does (a body that trickles, a reply cut off or garbled), and a git repository
//! with a pull request.

// Each test target uses a different part of it.
#![allow(dead_code)]

use serde_json::{Value, json};
use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const TOKEN: &str = "ghs_SECRET0123456789abcdef";
pub const REPO: &str = "octo/infra";
/// Who the workflow token is: GitHub Actions' app, whose comments carry this login.
pub const BOT: &str = "github-actions[bot]";

#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: Value,
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Value,
    /// Sent instead of the whole reply (status line, headers and body) as it is: a reply that
    /// is garbled or cut off.
    pub raw: Option<Vec<u8>>,
    /// The body goes out one byte at a time with this pause between bytes.
    pub trickle: Option<Duration>,
}

impl Default for Reply {
    fn default() -> Reply {
        Reply {
            status: 200,
            headers: Vec::new(),
            body: Value::Null,
            raw: None,
            trickle: None,
        }
    }
}

/// An issue comment as GitHub lists it.
pub fn comment(id: u64, author: &str, body: &str) -> Value {
    json!({ "id": id, "user": { "login": author, "type": if author.ends_with("[bot]") { "Bot" } else { "User" } }, "body": body })
}

pub fn ok(body: Value) -> Reply {
    Reply {
        status: 200,
        headers: Vec::new(),
        body,
        ..Reply::default()
    }
}

pub type Handler = dyn Fn(&Request, &str, usize) -> Reply + Send + Sync;

/// A GitHub stand-in: every request is recorded; `handler(request, base_url, n)` answers, `n`
/// counting earlier requests with the same method and path.
pub struct Server {
    pub url: String,
    pub requests: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    pub fn start(
        handler: impl Fn(&Request, &str, usize) -> Reply + Send + Sync + 'static,
    ) -> Server {
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
                    send(&mut stream, &reply);
                });
            }
        });
        Server { url, requests }
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    pub fn calls(&self, method: &str, path_prefix: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == method && r.path.starts_with(path_prefix))
            .collect()
    }
}

fn send(stream: &mut std::net::TcpStream, reply: &Reply) {
    if let Some(raw) = &reply.raw {
        let _ = stream.write_all(raw);
        return;
    }
    let body = reply.body.to_string();
    let mut head = format!(
        "HTTP/1.1 {} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
        reply.status,
        body.len()
    );
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    match reply.trickle {
        None => {
            let _ = stream.write_all(format!("{head}{body}").as_bytes());
        }
        Some(pause) => {
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            for byte in body.as_bytes() {
                std::thread::sleep(pause);
                // The client gave up and closed the connection.
                if stream
                    .write_all(&[*byte])
                    .and_then(|_| stream.flush())
                    .is_err()
                {
                    return;
                }
            }
        }
    }
}

pub fn read_request(stream: &mut std::net::TcpStream) -> Option<Request> {
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
pub struct Repo {
    pub dir: tempfile::TempDir,
    pub base: String,
    pub head: String,
}

/// A new, empty git repository with a committer.
pub fn git_repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.email", "ci@example.com"]);
    git(d, &["config", "user.name", "ci"]);
    dir
}

/// Writes `text` to `path` in `dir`, making its folders.
pub fn write_file(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Commits everything in the work tree (even nothing), and gives the commit.
pub fn commit_all(dir: &Path, message: &str) -> String {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "--allow-empty", "-m", message]);
    git(dir, &["rev-parse", "HEAD"])
}

pub fn git(dir: &Path, args: &[&str]) -> String {
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

pub const RULES: &str = "rules:\n  - id: kms-rotation\n    name: KMS keys must have rotation enabled\n    severity: high\n    resource_type: aws_kms_key\n    assertions: [{key: enable_key_rotation, operator: equals, value: true}]\n    remediation: Set enable_key_rotation = true.\n";

pub fn key(name: &str, rotation: bool) -> String {
    format!(
        "resource \"aws_kms_key\" \"{name}\" {{\n  description         = \"{name}\"\n  enable_key_rotation = {rotation}\n}}\n"
    )
}

pub fn repo(changed: &str) -> Repo {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.email", "ci@example.com"]);
    git(d, &["config", "user.name", "ci"]);
    fs::write(d.join("rules.yml"), RULES).unwrap();
    // An old failure in a module the pull request does not touch.
    fs::create_dir(d.join("legacy")).unwrap();
    fs::write(d.join("legacy/old.tf"), key("legacy", false)).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    let base = git(d, &["rev-parse", "HEAD"]);
    fs::write(d.join("changed.tf"), changed).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "change"]);
    let head = git(d, &["rev-parse", "HEAD"]);
    Repo { dir, base, head }
}

pub fn pr_event(repo: &Repo) -> Value {
    json!({ "number": 7, "pull_request": { "number": 7, "base": { "sha": repo.base }, "head": { "sha": repo.head } } })
}

/// The usual GitHub: changed files on two pages, no comment yet, check runs accepted, the
/// workflow token's identity.
pub fn github(request: &Request, base: &str, _n: usize) -> Reply {
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
            ..Reply::default()
        },
        ("GET", p) if p.starts_with(files) => ok(json!([{ "filename": "changed.tf" }])),
        ("GET", p) if p.starts_with("/repos/octo/infra/issues/7/comments") => ok(json!([])),
        // The workflow token is an app installation's: no user, and the GraphQL viewer is the
        // app's bot.
        ("GET", "/user") => Reply {
            status: 403,
            body: json!({ "message": "Resource not accessible by integration" }),
            ..Reply::default()
        },
        ("POST", "/graphql")
            if request.body["query"]
                .as_str()
                .is_some_and(|q| q.contains("viewer")) =>
        {
            ok(json!({ "data": { "viewer": { "login": BOT } } }))
        }
        ("POST", "/repos/octo/infra/check-runs") => Reply {
            status: 201,
            headers: Vec::new(),
            body: json!({ "id": 42 }),
            ..Reply::default()
        },
        ("PATCH", "/repos/octo/infra/check-runs/42") => ok(json!({ "id": 42 })),
        ("POST", "/repos/octo/infra/issues/7/comments") => Reply {
            status: 201,
            headers: Vec::new(),
            body: json!({ "id": 900 }),
            ..Reply::default()
        },
        ("PATCH", p) if p.starts_with("/repos/octo/infra/issues/comments/") => ok(json!({})),
        _ => Reply {
            status: 404,
            headers: Vec::new(),
            body: json!({ "message": "Not Found" }),
            ..Reply::default()
        },
    }
}
