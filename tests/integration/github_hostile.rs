//! `riveter github` against a GitHub API that is slow, broken or hostile (the stand-in made to
//! misbehave): one deadline for every call, no write sent twice, no link followed in a loop or
//! to another host, no credential in any output. In every case the reports are written, the
//! log says what was not posted, and the exit code is the gate's.

use crate::github_action::{Run, run_action};
use crate::github_stand_in::*;
use serde_json::json;
use std::time::Duration;

const FILES: &str = "/repos/octo/infra/pulls/7/files";
const COMMENTS: &str = "/repos/octo/infra/issues/7/comments";
const CHECK_RUNS: &str = "/repos/octo/infra/check-runs";

/// The gate's verdict, the reports on disk, and the scope git gives (only the change's
/// finding annotated, when a check run went out).
fn assert_verdict_and_reports_stand(run: &Run, server: &Server) {
    assert_eq!(
        run.output.status.code(),
        Some(1),
        "the gate's verdict, not an API error: {}",
        run.everything()
    );
    assert!(run.workspace.join("riveter.sarif").is_file());
    assert!(run.workspace.join("riveter-junit.xml").is_file());
    assert!(
        run.outputs.starts_with("failed=1\n"),
        "the change's finding only: {}",
        run.outputs
    );
    if let Some(created) = server.calls("POST", CHECK_RUNS).first() {
        let annotations = created.body["output"]["annotations"].as_array().unwrap();
        assert_eq!(annotations.len(), 1, "{annotations:?}");
        assert_eq!(annotations[0]["path"], "changed.tf");
    }
}

/// A reply whose body goes out a byte every half second: 40 bytes take 20 s.
fn trickling() -> Reply {
    Reply {
        body: json!([{ "filename": "changed.tf", "status": "added", "padding": "...." }]),
        trickle: Some(Duration::from_millis(500)),
        ..Reply::default()
    }
}

#[test]
fn a_next_link_to_the_same_page_is_not_followed_again() {
    let repo = repo(&key("new", false));
    let server = Server::start(|request, base, n| {
        let path = request.path.as_str();
        let itself = || vec![("link".to_string(), format!("<{base}{path}>; rel=\"next\""))];
        match request.method.as_str() {
            "GET" if path.starts_with(FILES) => Reply {
                headers: itself(),
                body: json!([{ "filename": "README.md" }]),
                ..Reply::default()
            },
            "GET" if path.starts_with(COMMENTS) => Reply {
                headers: itself(),
                body: json!([comment(1, "octocat", "looks good")]),
                ..Reply::default()
            },
            _ => github(request, base, n),
        }
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_verdict_and_reports_stand(&run, &server);
    // Each list was read once: the link back to it ended the listing.
    assert_eq!(server.calls("GET", FILES).len(), 1);
    assert_eq!(server.calls("GET", COMMENTS).len(), 1);
    let log = run.stdout();
    assert!(
        log.contains("the next-page link leads back to a page already read"),
        "{log}"
    );
    // The files came from git instead; an incomplete list of comments could hide riveter's
    // own, so no comment was posted, and the log says so.
    assert!(server.calls("POST", COMMENTS).is_empty());
    assert!(
        log.contains("riveter: not posted: the summary comment."),
        "{log}"
    );
    assert_eq!(server.calls("POST", CHECK_RUNS).len(), 1);
}

#[test]
fn a_next_link_to_another_host_is_not_followed() {
    let repo = repo(&key("new", false));
    let elsewhere = Server::start(github);
    let other = elsewhere.url.clone();
    let server = Server::start(move |request, base, n| {
        if request.path.starts_with(FILES) {
            return Reply {
                headers: vec![(
                    "link".into(),
                    format!("<{other}{FILES}?page=2>; rel=\"next\""),
                )],
                body: json!([{ "filename": "README.md" }]),
                ..Reply::default()
            };
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_verdict_and_reports_stand(&run, &server);
    assert!(
        elsewhere.requests().is_empty(),
        "the token went to another host: {:?}",
        elsewhere.requests()
    );
    assert!(
        run.stderr().contains("which is not the API's host"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_trickling_body_is_cut_off_by_the_request_deadline_and_read_again() {
    let repo = repo(&key("new", false));
    let server = Server::start(|request, base, n| {
        // The first page, the first time.
        if request.path.starts_with(FILES) && !request.path.contains("page=2") && n == 0 {
            return trickling();
        }
        github(request, base, n)
    });
    // 20 s for every call together: 5 s for each request.
    let run = run_action(
        &repo,
        &server,
        pr_event(&repo),
        &[("INPUT_API-TIMEOUT", "20")],
    );
    assert_verdict_and_reports_stand(&run, &server);
    assert!(
        run.took >= Duration::from_secs(5) && run.took < Duration::from_secs(18),
        "{:?}: {}",
        run.took,
        run.everything()
    );
    // The first page was asked again after 5 s, and everything was posted.
    assert_eq!(server.calls("GET", FILES).len(), 3);
    assert_eq!(server.calls("POST", CHECK_RUNS).len(), 1);
    assert_eq!(server.calls("POST", COMMENTS).len(), 1);
    assert!(!run.stdout().contains("not posted"), "{}", run.stdout());
}

#[test]
fn the_overall_deadline_ends_an_api_that_only_trickles_and_the_log_says_what_was_not_posted() {
    let repo = repo(&key("new", false));
    let server = Server::start(|_request, _base, _n| trickling());
    let run = run_action(
        &repo,
        &server,
        pr_event(&repo),
        &[("INPUT_API-TIMEOUT", "6")],
    );
    assert_verdict_and_reports_stand(&run, &server);
    // 6 s of API calls, and not a moment of waiting more.
    assert!(
        run.took >= Duration::from_secs(6) && run.took < Duration::from_secs(14),
        "{:?}: {}",
        run.took,
        run.everything()
    );
    let log = run.stdout();
    assert!(
        log.contains("the API deadline of 6 s (input `api-timeout`) passed"),
        "{log}"
    );
    // The check run's request was cut off (so it may exist, and is not sent again); the
    // comment's turn came after the deadline.
    assert!(
        log.contains(
            "riveter: not posted: the check run `riveter` and its 1 annotation(s) (GitHub may have created it; riveter did not send it again); the summary comment. The verdict (failed) is the gate's, whatever the API did."
        ),
        "{log}"
    );
    assert_eq!(server.calls("POST", CHECK_RUNS).len(), 1);
    assert!(server.calls("POST", COMMENTS).is_empty());
    assert!(server.calls("GET", COMMENTS).is_empty());
    // The files came from git: only the change's finding counts.
    assert!(
        run.summary.contains("aws_kms_key.new") && !run.summary.contains("aws_kms_key.legacy"),
        "{}",
        run.summary
    );
}

#[test]
fn repeated_server_errors_end_at_the_deadline_and_writes_go_once() {
    let repo = repo(&key("new", false));
    let server = Server::start(|_request, _base, _n| Reply {
        status: 500,
        body: json!({ "message": "Internal Server Error" }),
        ..Reply::default()
    });
    let run = run_action(
        &repo,
        &server,
        pr_event(&repo),
        &[("INPUT_API-TIMEOUT", "5")],
    );
    assert_verdict_and_reports_stand(&run, &server);
    assert!(
        run.took < Duration::from_secs(13),
        "{:?}: {}",
        run.took,
        run.everything()
    );
    // Reads were asked again, with backoff, until the next wait would pass the deadline.
    let files = server.calls("GET", FILES).len();
    assert!((2..=4).contains(&files), "{files} reads of the files");
    // The one write that was made went once.
    assert_eq!(server.calls("POST", CHECK_RUNS).len(), 1);
    assert!(server.calls("POST", COMMENTS).is_empty());
    let log = run.stdout();
    assert!(
        log.contains("riveter: not posted: the check run `riveter` and its 1 annotation(s) (GitHub may have created it; riveter did not send it again); the summary comment."),
        "{log}"
    );
    assert!(
        log.contains("GitHub may or may not have done it, and riveter does not send a write twice"),
        "{log}"
    );
}

#[test]
fn a_retry_after_past_the_deadline_is_not_waited_for() {
    let repo = repo(&key("new", false));
    let server = Server::start(|request, base, n| {
        if request.method == "GET" && request.path.starts_with(COMMENTS) {
            return Reply {
                status: 429,
                headers: vec![("retry-after".into(), "3600".into())],
                body: json!({ "message": "You have exceeded a secondary rate limit" }),
                ..Reply::default()
            };
        }
        github(request, base, n)
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_verdict_and_reports_stand(&run, &server);
    assert!(
        run.took < Duration::from_secs(10),
        "waited for the rate limit: {:?}",
        run.took
    );
    assert_eq!(server.calls("GET", COMMENTS).len(), 1);
    assert!(server.calls("POST", COMMENTS).is_empty());
    let log = run.stdout();
    assert!(
        log.contains("GitHub asks to wait 3600 s, more than the"),
        "{log}"
    );
    assert!(
        log.contains("riveter: not posted: the summary comment."),
        "{log}"
    );
    // The check run went out before.
    assert_eq!(
        server
            .calls("PATCH", "/repos/octo/infra/check-runs/42")
            .last()
            .unwrap()
            .body["status"],
        "completed"
    );
}

/// A reply made fresh for each request.
type MakeReply = fn() -> Reply;

#[test]
fn a_garbled_reply_to_the_comment_never_makes_a_second_comment() {
    let replies: [(&str, MakeReply); 3] = [
        ("not JSON", || Reply {
            raw: Some(
                b"HTTP/1.1 201 Created\r\ncontent-length: 9\r\nconnection: close\r\n\r\n<garbled>"
                    .to_vec(),
            ),
            ..Reply::default()
        }),
        ("cut off", || {
            Reply {
            raw: Some(
                b"HTTP/1.1 201 Created\r\ncontent-length: 500\r\nconnection: close\r\n\r\n{\"id\": 9"
                    .to_vec(),
            ),
            ..Reply::default()
        }
        }),
        ("not HTTP", || Reply {
            raw: Some(b"\x00\x01garbage\r\n\r\n".to_vec()),
            ..Reply::default()
        }),
    ];
    for (what, garbled) in replies {
        let repo = repo(&key("new", false));
        let server = Server::start(move |request, base, n| {
            if request.method == "POST" && request.path == COMMENTS {
                return garbled();
            }
            github(request, base, n)
        });
        let run = run_action(&repo, &server, pr_event(&repo), &[]);
        assert_verdict_and_reports_stand(&run, &server);
        assert_eq!(
            server.calls("POST", COMMENTS).len(),
            1,
            "{what}: {}",
            run.stdout()
        );
        let log = run.stdout();
        if what == "not JSON" {
            // GitHub said 201: the comment is there, whatever the body says.
            assert!(
                log.contains("riveter: summary comment by github-actions[bot]: created"),
                "{log}"
            );
        } else {
            assert!(
                log.contains(
                    "the summary comment (GitHub may have taken it; riveter did not send it again)"
                ),
                "{what}: {log}"
            );
        }
    }
}

#[test]
fn an_error_that_echoes_the_authorization_header_never_shows_the_token() {
    let repo = repo(&key("new", false));
    let server = Server::start(|request, base, n| {
        let auth = request
            .headers
            .get("authorization")
            .cloned()
            .unwrap_or_default();
        match (request.method.as_str(), request.path.as_str()) {
            // An error whose message and body carry the header, as a broken proxy's may.
            ("GET", p) if p.starts_with(FILES) => Reply {
                status: 400,
                body: json!({
                    "message": format!("Bad request with Authorization: {auth}\n::warning::injected"),
                    "request": { "headers": { "authorization": auth } }
                }),
                ..Reply::default()
            },
            ("POST", CHECK_RUNS) => Reply {
                status: 401,
                body: json!({ "message": format!("Bad credentials: {}", auth.trim_start_matches("Bearer ")) }),
                ..Reply::default()
            },
            // Not JSON at all: nothing of it is shown.
            ("GET", p) if p.starts_with(COMMENTS) => {
                let body = format!("<html>{auth}</html>");
                Reply {
                    raw: Some(
                        format!(
                            "HTTP/1.1 404 Not Found\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                            body.len()
                        )
                        .into_bytes(),
                    ),
                    ..Reply::default()
                }
            }
            _ => github(request, base, n),
        }
    });
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_verdict_and_reports_stand(&run, &server);
    let everything = run.everything();
    assert!(!everything.contains(TOKEN), "{everything}");
    assert!(!everything.contains("SECRET0123"), "{everything}");
    // The token did reach the API, and its echoes were there to leak.
    let echoed = server.calls("POST", CHECK_RUNS);
    assert!(echoed[0].headers["authorization"].ends_with(TOKEN));
    assert!(
        everything.contains("Bad credentials: ***"),
        "the message is told, without the token: {everything}"
    );
    assert!(
        everything.contains("HTTP 404: a reply of 46 bytes that is not JSON"),
        "{everything}"
    );
    // A line break in a message cannot start a workflow command of the API's.
    assert!(
        !everything
            .lines()
            .any(|l| l.starts_with("::warning::injected")),
        "{everything}"
    );
}

#[test]
fn a_token_with_a_line_break_is_masked_first_and_refused_without_a_panic() {
    let repo = repo(&key("new", false));
    let server = Server::start(github);
    let token = "ghs_first0123\nghs_second4567";
    let run = run_action(
        &repo,
        &server,
        pr_event(&repo),
        &[("INPUT_GITHUB-TOKEN", token)],
    );
    assert_verdict_and_reports_stand(&run, &server);
    let log = run.stdout();
    let mut lines = log.lines();
    assert_eq!(
        lines.next(),
        Some("::add-mask::ghs_first0123%0Aghs_second4567"),
        "{log}"
    );
    assert_eq!(lines.next(), Some("::add-mask::ghs_first0123"));
    assert_eq!(lines.next(), Some("::add-mask::ghs_second4567"));
    assert!(
        log.contains("The GitHub API cannot be used: the token contains a character an HTTP header cannot carry"),
        "{log}"
    );
    assert!(server.requests().is_empty(), "{:?}", server.requests());
    // The masks aside, the token never shows.
    let rest = run.everything();
    assert!(!rest.contains("ghs_first0123") && !rest.contains("ghs_second4567"));
}

#[test]
fn the_token_is_masked_before_anything_else_is_printed() {
    let repo = repo(&key("new", false));
    let server = Server::start(github);
    let run = run_action(&repo, &server, pr_event(&repo), &[]);
    assert_verdict_and_reports_stand(&run, &server);
    assert_eq!(
        run.stdout().lines().next(),
        Some(format!("::add-mask::{TOKEN}").as_str())
    );
    assert_eq!(
        run.stdout().matches(TOKEN).count(),
        1,
        "only in the mask: {}",
        run.stdout()
    );
}
