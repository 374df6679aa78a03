//! `riveter github` in the image, started the way GitHub's runner starts a Docker action: the
//! workspace, the home folder, the event and the file-command files mounted from the host and
//! owned by the runner's user (uid 1001, not the container's root), the working directory set to
//! the workspace, every input of action.yml in an `INPUT_*` variable with its default, and the
//! GitHub stand-in as the API.
//!
//! It needs a Docker daemon and the built image, so it is ignored in `cargo test`;
//! scripts/check-image builds the image and runs it with `RIVETER_IMAGE` set.

use crate::github_stand_in::*;
use serde_json::{Value, json};
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;

/// The runner's user on GitHub-hosted runners, who owns the checkout and the runner's files.
const RUNNER_UID: u32 = 1001;

fn chown_tree(path: &Path) {
    std::os::unix::fs::lchown(path, Some(RUNNER_UID), Some(RUNNER_UID))
        .unwrap_or_else(|e| panic!("chown {}: {e} (the check runs as root)", path.display()));
    if path.is_dir() && !path.is_symlink() {
        for entry in fs::read_dir(path).unwrap() {
            chown_tree(&entry.unwrap().path());
        }
    }
}

/// The inputs of action.yml with their defaults, as the runner passes them.
fn input_defaults() -> Vec<(String, String)> {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/action.yml")).unwrap();
    let action: Value = serde_saphyr::from_str(&text).unwrap();
    let inputs = action["inputs"].as_object().expect("action.yml has inputs");
    inputs
        .iter()
        .map(|(name, input)| {
            let default = input["default"].as_str().unwrap_or_default().to_string();
            (format!("INPUT_{}", name.to_uppercase()), default)
        })
        .collect()
}

struct Run {
    code: Option<i32>,
    log: String,
    outputs: String,
    summary: String,
}

/// Runs the image's `github` command on `repo` as the runner would, with the stand-in's URL as
/// the API. The file-command files already hold an earlier step's lines, which must stay.
fn run_in_image(repo: &Repo, server: &Server) -> Run {
    let image = std::env::var("RIVETER_IMAGE")
        .expect("RIVETER_IMAGE names the image to test (scripts/check-image sets it)");
    let temp = tempfile::tempdir().unwrap();
    let (home, workflow, commands) = (
        temp.path().join("_github_home"),
        temp.path().join("_github_workflow"),
        temp.path().join("_runner_file_commands"),
    );
    for dir in [&home, &workflow, &commands] {
        fs::create_dir(dir).unwrap();
    }
    fs::write(workflow.join("event.json"), pr_event(repo).to_string()).unwrap();
    fs::write(commands.join("set_output_1"), "earlier=kept\n").unwrap();
    fs::write(commands.join("step_summary_1"), "earlier summary\n").unwrap();
    chown_tree(temp.path());
    chown_tree(repo.dir.path());

    let mut cmd = Command::new("docker");
    // The runner puts the container on a network of its own from which it reaches the API; the
    // stand-in listens on this host's loopback, which a container reaches on the host network
    // (the only network besides none where the daemon has no bridge).
    cmd.args([
        "run",
        "--rm",
        "--network",
        "host",
        "--workdir",
        "/github/workspace",
    ]);
    let mounts = [
        (repo.dir.path(), "/github/workspace"),
        (&home, "/github/home"),
        (&workflow, "/github/workflow"),
        (&commands, "/github/file_commands"),
    ];
    for (host, container) in mounts {
        cmd.arg("-v").arg(format!("{}:{container}", host.display()));
    }
    let mut env: Vec<(String, String)> = input_defaults();
    env.retain(|(k, _)| k != "INPUT_GITHUB-TOKEN" && k != "INPUT_RULES");
    env.extend(
        [
            ("INPUT_RULES", "rules.yml"),
            ("INPUT_GITHUB-TOKEN", TOKEN),
            ("HOME", "/github/home"),
            ("CI", "true"),
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("GITHUB_EVENT_PATH", "/github/workflow/event.json"),
            ("GITHUB_REPOSITORY", REPO),
            ("GITHUB_WORKSPACE", "/github/workspace"),
            ("GITHUB_API_URL", &server.url),
            ("GITHUB_SERVER_URL", "https://github.com"),
            ("GITHUB_SHA", "0000000000000000000000000000000000000000"),
            ("GITHUB_OUTPUT", "/github/file_commands/set_output_1"),
            (
                "GITHUB_STEP_SUMMARY",
                "/github/file_commands/step_summary_1",
            ),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    for (k, v) in &env {
        cmd.arg("-e").arg(format!("{k}={v}"));
    }
    let output = cmd.arg(&image).arg("github").output().unwrap();

    // The runner reads and later deletes these files as its own user: riveter appends to them,
    // so they keep their owner and the earlier step's lines.
    for name in ["set_output_1", "step_summary_1"] {
        let owner = fs::metadata(commands.join(name)).unwrap().uid();
        assert_eq!(owner, RUNNER_UID, "{name} changed owner");
    }
    Run {
        code: output.status.code(),
        log: format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
        outputs: fs::read_to_string(commands.join("set_output_1")).unwrap(),
        summary: fs::read_to_string(commands.join("step_summary_1")).unwrap(),
    }
}

#[test]
#[ignore = "needs a Docker daemon and the image: scripts/check-image"]
fn the_image_runs_the_action_as_the_runner_does() {
    let repo = repo(&key("new", false));
    let server = Server::start(github);
    let run = run_in_image(&repo, &server);
    assert_eq!(run.code, Some(1), "{}", run.log);

    assert_eq!(
        run.outputs,
        "earlier=kept\nfailed=1\npassed=0\nunknown=0\nsuppressed=0\nsarif-file=riveter.sarif\njunit-file=riveter-junit.xml\n",
        "{}",
        run.log
    );
    assert!(
        run.summary
            .starts_with("earlier summary\n## ❌ riveter: 1 finding fails the gate\n"),
        "{}",
        run.summary
    );
    assert!(
        run.log.contains("::error file=changed.tf,line=3"),
        "{}",
        run.log
    );
    // The token is masked before anything else is printed; the runner takes the `::add-mask::`
    // command and shows none of it, and nothing else shows the token.
    assert!(
        run.log.starts_with(&format!("::add-mask::{TOKEN}\n")),
        "{}",
        run.log
    );
    let shown: String = run
        .log
        .lines()
        .filter(|line| !line.starts_with("::add-mask::"))
        .collect();
    assert!(!shown.contains(TOKEN), "the token shows: {}", run.log);

    // The reports, in the workspace the runner owns.
    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(repo.dir.path().join("riveter.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
    let junit = fs::read_to_string(repo.dir.path().join("riveter-junit.xml")).unwrap();
    assert!(junit.contains("aws_kms_key.new"), "{junit}");

    // The API calls, with the token, reached the stand-in from inside the container.
    let created = &server.calls("POST", "/repos/octo/infra/check-runs")[0];
    assert_eq!(created.body["head_sha"], repo.head.as_str());
    let auth = created
        .headers
        .get("authorization")
        .cloned()
        .unwrap_or_default();
    assert!(auth.ends_with(TOKEN), "{auth}");
    let annotations = created.body["output"]["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), 1, "{annotations:?}");
    assert_eq!(annotations[0]["path"], "changed.tf");
    let comments = server.calls("POST", "/repos/octo/infra/issues/7/comments");
    assert_eq!(comments.len(), 1);
    assert!(
        comments[0].body["body"]
            .as_str()
            .unwrap()
            .contains("aws_kms_key.new")
    );
}

#[test]
#[ignore = "needs a Docker daemon and the image: scripts/check-image"]
fn git_in_the_image_reads_a_checkout_another_user_owns() {
    // Without the files API the changed files come from git, which refuses a repository owned by
    // another user unless it is trusted: the old failure must stay out of scope.
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
    let run = run_in_image(&repo, &server);
    assert_eq!(run.code, Some(1), "{}", run.log);
    assert!(
        !run.summary.contains("The changed files are unknown"),
        "{}",
        run.summary
    );
    let annotations =
        &server.calls("POST", "/repos/octo/infra/check-runs")[0].body["output"]["annotations"];
    assert_eq!(annotations.as_array().unwrap().len(), 1, "{}", run.log);
    assert_eq!(annotations[0]["path"], "changed.tf");
}
