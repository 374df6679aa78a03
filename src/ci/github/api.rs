//! The GitHub REST API, through octocrab (authentication, TLS), with riveter's own rules for an
//! API that is slow, broken or hostile:
//!
//! - **One deadline** for every call together (`api-timeout`, counted from the first call), and
//!   a shorter one for each request that covers its whole reply, so a body that trickles in a
//!   byte at a time ends too. No wait (a backoff, a `Retry-After`) goes past the deadline: a
//!   wait that would is not started.
//! - **Only reads are retried** (server errors, rate limits, dropped connections, replies that
//!   do not parse). A write (creating a check run or a comment, updating one) is sent once: when
//!   its reply goes wrong, nobody can tell whether GitHub did it, and sending it again could
//!   post it twice.
//! - **Requests go to the API's own origin only.** octocrab sends the token with every request
//!   whatever its host, so a `next` link to another host is refused; a `next` link to a page
//!   already read ends the listing with an error instead of a loop.
//! - **Nothing of a reply but its JSON `message`** reaches a message: cut short, control
//!   characters (which could start workflow commands) replaced, and the token blanked out, since
//!   a broken proxy may echo the request's `Authorization` header. Replies are read up to
//!   `MAX_BODY` bytes.

use http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use http_body_util::{BodyExt, Limited};
use serde_json::Value;
use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long all API calls together may take when the `api-timeout` input does not say.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);
/// The longest one request (connection, headers and whole body) may take.
const MAX_REQUEST_TIME: Duration = Duration::from_secs(30);
const MAX_ATTEMPTS: u32 = 6;
/// The largest reply read: a page of 100 comments of GitHub's maximum length is about 6.5 MB.
const MAX_BODY: usize = 32 << 20;
/// A listing with more pages than this is not GitHub's (3,000 files are 30 pages).
const MAX_PAGES: usize = 1_000;
/// How much of an error's message is kept.
const MAX_MESSAGE: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The token may not do this (a pull request from a fork gets a read-only token).
    Forbidden(String),
    /// Rate limited, and the wait GitHub asks for is not riveter's to take (a write, or past
    /// the deadline).
    RateLimited(String),
    Status {
        status: u16,
        message: String,
    },
    Transport(String),
    /// The overall deadline (`api-timeout`) passed before the request could be made or
    /// answered.
    Deadline(Duration),
    /// A write was sent but its reply went wrong: GitHub may or may not have done it, so it
    /// is not sent again.
    Unclear(String),
    /// A request riveter will not make (a link to another host).
    Refused(String),
    /// Which account the token is could not be found (`identity`), so riveter's own comment
    /// cannot be told from another's.
    Unidentified(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Forbidden(m) => write!(f, "403 forbidden: {m}"),
            ApiError::RateLimited(m) => write!(f, "rate limited: {m}"),
            ApiError::Status { status, message } => write!(f, "HTTP {status}: {message}"),
            ApiError::Transport(m) => write!(f, "no usable reply from the API: {m}"),
            ApiError::Deadline(total) => write!(
                f,
                "the API deadline of {} s (input `api-timeout`) passed",
                total.as_secs()
            ),
            ApiError::Unclear(m) => write!(
                f,
                "{m}; GitHub may or may not have done it, and riveter does not send a write twice"
            ),
            ApiError::Refused(m) => write!(f, "refused: {m}"),
            ApiError::Unidentified(m) => write!(
                f,
                "riveter could not tell which account the token is ({m}), so it cannot tell its own comment from another's"
            ),
        }
    }
}

/// Whether a request may be sent again after a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Changes nothing: sending it twice is harmless.
    Read,
    /// Creates or changes something: sent once.
    Write,
}

pub struct Api {
    octo: octocrab::Octocrab,
    runtime: tokio::runtime::Runtime,
    /// `owner/name`.
    pub repository: String,
    /// `https://api.github.com`, or `https://ghe.example/api/v3`: no trailing slash.
    base: String,
    /// The scheme and authority every request goes to.
    origin: (String, String),
    graphql_url: String,
    /// When it was first needed: the deadline counts from the first call.
    started: Cell<Option<Instant>>,
    timeout: Duration,
    per_request: Duration,
    /// What is blanked out of every message: the token, and each of its lines.
    secrets: Vec<String>,
}

pub struct Response {
    pub headers: HeaderMap,
    /// The reply's JSON; `Null` when it is empty, or when a write's reply does not parse.
    pub body: Value,
}

impl Api {
    /// `timeout`: all calls together. `graphql_url`: where GraphQL queries go (the runner's
    /// `GITHUB_GRAPHQL_URL`, or derived from `api_url`); it must be on the API's origin.
    pub fn new(
        api_url: &str,
        graphql_url: Option<&str>,
        token: &str,
        repository: &str,
        timeout: Duration,
    ) -> Result<Api, String> {
        // octocrab builds the header with `parse().unwrap()`: a token that is not a valid
        // header value would panic there. A tab is a valid header byte but no token's.
        if token.chars().any(char::is_control)
            || HeaderValue::from_str(&format!("Bearer {token}")).is_err()
        {
            return Err(
                "the token contains a character an HTTP header cannot carry (a line break or another control character)".into(),
            );
        }
        let base = api_url.trim_end_matches('/').to_string();
        let uri: Uri = base
            .parse()
            .map_err(|e| format!("GITHUB_API_URL \"{api_url}\" is not a URL: {e}"))?;
        let origin = match (uri.scheme_str(), uri.authority()) {
            (Some(scheme @ ("http" | "https")), Some(authority)) => {
                (scheme.to_string(), authority.as_str().to_ascii_lowercase())
            }
            _ => {
                return Err(format!(
                    "GITHUB_API_URL \"{api_url}\" is not an http(s) URL with a host"
                ));
            }
        };
        let graphql_url = graphql_url
            .map(|url| url.trim_end_matches('/').to_string())
            .unwrap_or_else(|| derived_graphql_url(&base));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("could not start the HTTP runtime: {e}"))?;
        let per_request = (timeout / 4).clamp(Duration::from_secs(1), MAX_REQUEST_TIME);
        let octo = runtime.block_on(async {
            octocrab::Octocrab::builder()
                // Every URL riveter sends is absolute (`base` holds GitHub Enterprise's
                // `/api/v3`), so that a GraphQL URL outside it is not prefixed with it.
                .base_uri(format!("{}://{}", origin.0, origin.1))
                .map_err(|e| format!("GITHUB_API_URL \"{api_url}\" is not a URL: {e}"))?
                .personal_token(token.to_string())
                // Retries are riveter's own: octocrab's would also retry a genuine 403.
                .add_retry_config(octocrab::service::middleware::retry::RetryConfig::None)
                .set_connect_timeout(Some(per_request.min(Duration::from_secs(10))))
                .set_read_timeout(Some(per_request))
                .build()
                .map_err(|e| format!("could not set up the GitHub client: {e}"))
        })?;
        let mut secrets: Vec<String> = std::iter::once(token)
            .chain(token.lines())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        Ok(Api {
            octo,
            runtime,
            repository: repository.to_string(),
            base,
            origin,
            graphql_url,
            started: Cell::new(None),
            timeout,
            per_request,
            secrets,
        })
    }

    pub fn get(&self, path: &str) -> Result<Response, ApiError> {
        self.send(Method::GET, path, None, Kind::Read)
    }

    pub fn post(&self, path: &str, body: &Value) -> Result<Response, ApiError> {
        self.send(Method::POST, path, Some(body), Kind::Write)
    }

    pub fn patch(&self, path: &str, body: &Value) -> Result<Response, ApiError> {
        self.send(Method::PATCH, path, Some(body), Kind::Write)
    }

    /// A GraphQL query: sent with POST, but it reads, so it may be retried. Returns its `data`.
    pub fn graphql(&self, query: &str) -> Result<Value, ApiError> {
        let url = self.graphql_url.clone();
        let response = self.send(
            Method::POST,
            &url,
            Some(&serde_json::json!({ "query": query })),
            Kind::Read,
        )?;
        if let Some(error) = response.body["errors"].as_array().and_then(|e| e.first()) {
            let message = error["message"]
                .as_str()
                .unwrap_or("an error without a message");
            return Err(ApiError::Status {
                status: 200,
                message: self.clean(message),
            });
        }
        Ok(response.body["data"].clone())
    }

    /// Every item of a paginated list, following `Link: <…>; rel="next"`, up to `limit` items.
    /// A link to a page already read, or to another host, is an error: a listing cut short
    /// would leave out changed files or riveter's own comment.
    pub fn get_all(&self, path: &str, limit: usize) -> Result<Vec<Value>, ApiError> {
        let mut items = Vec::new();
        let mut seen = HashSet::new();
        let mut next = Some(self.url(path)?);
        while let Some(url) = next {
            if !seen.insert(url.clone()) {
                return Err(ApiError::Status {
                    status: 200,
                    message: format!(
                        "the next-page link leads back to a page already read, after {} page(s)",
                        seen.len()
                    ),
                });
            }
            if seen.len() > MAX_PAGES {
                return Err(ApiError::Status {
                    status: 200,
                    message: format!("the list goes on past {MAX_PAGES} pages"),
                });
            }
            let response = self.get(&url)?;
            match response.body {
                Value::Array(page) => items.extend(page),
                other => {
                    return Err(ApiError::Status {
                        status: 200,
                        message: format!("expected a list, got {}", kind(&other)),
                    });
                }
            }
            if items.len() >= limit {
                items.truncate(limit);
                break;
            }
            next = match next_link(&response.headers) {
                Some(link) => Some(self.url(&link)?),
                None => None,
            };
        }
        Ok(items)
    }

    /// The absolute URL of an API path, or of a link GitHub gave, if it is on the API's
    /// origin.
    fn url(&self, path: &str) -> Result<String, ApiError> {
        if !path.contains("://") {
            return Ok(format!("{}/{}", self.base, path.trim_start_matches('/')));
        }
        let uri: Uri = path
            .parse()
            .map_err(|_| ApiError::Refused(format!("\"{}\" is not a URL", self.clean(path))))?;
        let same_origin = uri.scheme_str() == Some(self.origin.0.as_str())
            && uri
                .authority()
                .is_some_and(|a| a.as_str().eq_ignore_ascii_case(&self.origin.1));
        if same_origin {
            Ok(path.to_string())
        } else {
            Err(ApiError::Refused(format!(
                "a link to {}, which is not the API's host; the token goes nowhere else",
                self.clean(&format!(
                    "{}://{}",
                    uri.scheme_str().unwrap_or("?"),
                    uri.authority().map_or("?", |a| a.as_str())
                ))
            )))
        }
    }

    /// What is left of the overall deadline, which starts with the first request.
    fn left(&self) -> Option<Duration> {
        let started = self.started.get().unwrap_or_else(Instant::now);
        self.started.set(Some(started));
        self.timeout
            .checked_sub(started.elapsed())
            .filter(|left| !left.is_zero())
    }

    fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        kind: Kind,
    ) -> Result<Response, ApiError> {
        let url = self.url(path)?;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let left = self.left().ok_or(ApiError::Deadline(self.timeout))?;
            let limit = self.per_request.min(left);
            // The timer is made inside the runtime, which it needs.
            let reply = self.runtime.block_on(async {
                tokio::time::timeout(limit, once(&self.octo, &method, &url, body)).await
            });
            let (status, headers, bytes) = match reply {
                Ok(Ok(reply)) => reply,
                Ok(Err(message)) => {
                    let message = self.clean(&message);
                    match kind {
                        Kind::Write => return Err(ApiError::Unclear(message)),
                        Kind::Read if attempt < MAX_ATTEMPTS => {
                            self.pause(backoff(attempt), &message)
                                .map_err(|_| ApiError::Transport(message.clone()))?;
                            continue;
                        }
                        Kind::Read => return Err(ApiError::Transport(message)),
                    }
                }
                Err(_elapsed) => {
                    let deadline_passed = limit == left;
                    let message = format!("no complete reply within {} s", limit.as_secs_f32());
                    match kind {
                        Kind::Write if deadline_passed => {
                            return Err(ApiError::Unclear(format!(
                                "{message}, when the API deadline passed"
                            )));
                        }
                        Kind::Write => return Err(ApiError::Unclear(message)),
                        Kind::Read if deadline_passed => {
                            return Err(ApiError::Deadline(self.timeout));
                        }
                        Kind::Read if attempt < MAX_ATTEMPTS => {
                            self.pause(backoff(attempt), &message)
                                .map_err(|_| ApiError::Transport(message.clone()))?;
                            continue;
                        }
                        Kind::Read => return Err(ApiError::Transport(message)),
                    }
                }
            };
            if status.is_success() {
                let parsed = if bytes.iter().all(u8::is_ascii_whitespace) {
                    Ok(Value::Null)
                } else {
                    serde_json::from_slice(&bytes)
                };
                match (parsed, kind) {
                    (Ok(body), _) => return Ok(Response { headers, body }),
                    // Done, whatever the reply says: what it holds is unknown.
                    (Err(_), Kind::Write) => {
                        return Ok(Response {
                            headers,
                            body: Value::Null,
                        });
                    }
                    (Err(e), Kind::Read) => {
                        let message = format!("the reply is not JSON ({e})");
                        if attempt < MAX_ATTEMPTS {
                            self.pause(backoff(attempt), &message).map_err(|_| {
                                ApiError::Status {
                                    status: status.as_u16(),
                                    message: message.clone(),
                                }
                            })?;
                            continue;
                        }
                        return Err(ApiError::Status {
                            status: status.as_u16(),
                            message,
                        });
                    }
                }
            }
            let message = self.clean(&error_message(&bytes));
            let code = status.as_u16();
            if let Some(delay) = rate_limit_wait(status, &headers) {
                if kind == Kind::Write || attempt >= MAX_ATTEMPTS {
                    return Err(ApiError::RateLimited(message));
                }
                self.pause(delay, &format!("rate limited ({message})"))
                    .map_err(|left| {
                        ApiError::RateLimited(format!(
                            "{message}; GitHub asks to wait {} s, more than the {} s left of the API deadline",
                            delay.as_secs(),
                            left.as_secs()
                        ))
                    })?;
                continue;
            }
            match (code, kind) {
                (500..=599, Kind::Write) => {
                    return Err(ApiError::Unclear(format!("HTTP {code}: {message}")));
                }
                (500..=599, Kind::Read) if attempt < MAX_ATTEMPTS => self
                    .pause(backoff(attempt), &format!("HTTP {code}: {message}"))
                    .map_err(|_| ApiError::Status {
                        status: code,
                        message: message.clone(),
                    })?,
                (403, _) => return Err(ApiError::Forbidden(message)),
                _ => {
                    return Err(ApiError::Status {
                        status: code,
                        message,
                    });
                }
            }
        }
    }

    /// Sleeps before the next attempt, unless the wait would reach the deadline; then the time
    /// that was left is the error.
    fn pause(&self, delay: Duration, why: &str) -> Result<(), Duration> {
        let left = self.left().unwrap_or_default();
        if delay >= left {
            return Err(left);
        }
        eprintln!(
            "riveter: GitHub API: {why}; retrying in {} s",
            delay.as_secs_f32()
        );
        std::thread::sleep(delay);
        Ok(())
    }

    /// Text from the API made safe to print: the token blanked out, control characters (which
    /// could start a workflow command on a line of their own) replaced, and cut short.
    fn clean(&self, text: &str) -> String {
        let mut text = text.to_string();
        for secret in &self.secrets {
            text = text.replace(secret.as_str(), "***");
        }
        let mut cleaned: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(MAX_MESSAGE)
            .collect();
        if text.chars().nth(MAX_MESSAGE).is_some() {
            cleaned.push('…');
        }
        cleaned
    }
}

/// One request and its whole reply, up to `MAX_BODY` bytes.
async fn once(
    octo: &octocrab::Octocrab,
    method: &Method,
    url: &str,
    body: Option<&Value>,
) -> Result<(StatusCode, HeaderMap, Vec<u8>), String> {
    let response = match *method {
        Method::POST => octo._post(url, body).await,
        Method::PATCH => octo._patch(url, body).await,
        _ => octo._get(url).await,
    }
    .map_err(|e| first_line(&e.to_string()))?;
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = Limited::new(response.into_body(), MAX_BODY)
        .collect()
        .await
        .map_err(|e| {
            format!(
                "the reply could not be read: {}",
                first_line(&e.to_string())
            )
        })?
        .to_bytes();
    Ok((status, headers, bytes.to_vec()))
}

/// `https://api.github.com/graphql`, or GitHub Enterprise's `https://HOST/api/graphql`.
fn derived_graphql_url(base: &str) -> String {
    match base.strip_suffix("/api/v3") {
        Some(host) => format!("{host}/api/graphql"),
        None => format!("{base}/graphql"),
    }
}

/// The first line of an error's text: octocrab's further lines are its causes' debug output.
fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("request failed").to_string()
}

/// An error reply's `message`, and never the rest of its body, which could echo the request.
fn error_message(bytes: &[u8]) -> String {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value) => value["message"]
            .as_str()
            .map_or_else(|| "a reply without a message".to_string(), str::to_string),
        Err(_) if bytes.is_empty() => "an empty reply".to_string(),
        Err(_) => format!("a reply of {} bytes that is not JSON", bytes.len()),
    }
}

/// How long GitHub asks to wait: `Retry-After`, or until `x-ratelimit-reset` when no requests
/// remain. `None` when the response is not a rate limit.
fn rate_limit_wait(status: StatusCode, headers: &HeaderMap) -> Option<Duration> {
    if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::FORBIDDEN {
        return None;
    }
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    if let Some(seconds) = header("retry-after").and_then(|v| v.parse::<u64>().ok()) {
        return Some(Duration::from_secs(seconds.max(1)));
    }
    if header("x-ratelimit-remaining") == Some("0") {
        let reset: u64 = header("x-ratelimit-reset")?.parse().ok()?;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        return Some(Duration::from_secs(reset.saturating_sub(now).max(1)));
    }
    (status == StatusCode::TOO_MANY_REQUESTS).then_some(Duration::from_secs(1))
}

fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1 << (attempt - 1).min(4))
}

fn next_link(headers: &HeaderMap) -> Option<String> {
    let link = headers.get("link")?.to_str().ok()?;
    link.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        params.contains("rel=\"next\"").then(|| {
            url.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        })
    })
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Object(_) => "an object",
        Value::Null => "nothing",
        _ => "a value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(url: &str, token: &str) -> Api {
        Api::new(url, None, token, "o/r", DEFAULT_TIMEOUT).unwrap()
    }

    #[test]
    fn the_next_page_comes_from_the_link_header() {
        let mut headers = HeaderMap::new();
        headers.insert("link", r#"<https://api.github.com/repos/o/r/pulls/1/files?page=2>; rel="next", <https://api.github.com/repos/o/r/pulls/1/files?page=5>; rel="last""#.parse().unwrap());
        assert_eq!(
            next_link(&headers).as_deref(),
            Some("https://api.github.com/repos/o/r/pulls/1/files?page=2")
        );
        assert_eq!(next_link(&HeaderMap::new()), None);
    }

    #[test]
    fn rate_limits_are_told_from_permissions() {
        let mut headers = HeaderMap::new();
        assert_eq!(rate_limit_wait(StatusCode::FORBIDDEN, &headers), None);
        headers.insert("retry-after", "3".parse().unwrap());
        assert_eq!(
            rate_limit_wait(StatusCode::FORBIDDEN, &headers),
            Some(Duration::from_secs(3))
        );
        assert_eq!(rate_limit_wait(StatusCode::BAD_GATEWAY, &headers), None);
        // A wait no deadline could hold does not overflow.
        headers.insert("retry-after", u64::MAX.to_string().parse().unwrap());
        assert!(rate_limit_wait(StatusCode::TOO_MANY_REQUESTS, &headers).is_some());
    }

    #[test]
    fn only_the_api_origin_is_requested() {
        let api = api("https://ghe.example/api/v3/", "t0k3n");
        assert_eq!(
            api.url("/repos/o/r/pulls/1/files").unwrap(),
            "https://ghe.example/api/v3/repos/o/r/pulls/1/files"
        );
        assert_eq!(
            api.url("https://GHE.example/api/v3/repos/o/r/pulls/1/files?page=2")
                .unwrap(),
            "https://GHE.example/api/v3/repos/o/r/pulls/1/files?page=2"
        );
        for elsewhere in [
            "https://evil.example/api/v3/repos",
            "http://ghe.example/api/v3/repos",
            "https://ghe.example:8443/api/v3/repos",
        ] {
            assert!(
                matches!(api.url(elsewhere), Err(ApiError::Refused(_))),
                "{elsewhere}"
            );
        }
        assert_eq!(api.graphql_url, "https://ghe.example/api/graphql");
        assert_eq!(
            self::api("https://api.github.com", "t").graphql_url,
            "https://api.github.com/graphql"
        );
    }

    #[test]
    fn messages_never_carry_the_token_or_a_line_break() {
        let api = api("https://api.github.com", "ghs_abc123");
        assert_eq!(
            api.clean("bad header: Authorization: Bearer ghs_abc123\n::warning::x"),
            "bad header: Authorization: Bearer *** ::warning::x"
        );
        assert!(api.clean(&"x".repeat(1000)).chars().count() <= MAX_MESSAGE + 1);
        // Only the message of an error's body, never the rest of it.
        assert_eq!(
            error_message(br#"{"message":"Bad","echo":{"authorization":"Bearer ghs_abc123"}}"#),
            "Bad"
        );
        assert_eq!(
            error_message(b"<html>Authorization: Bearer ghs_abc123</html>"),
            "a reply of 45 bytes that is not JSON"
        );
    }

    #[test]
    fn a_token_a_header_cannot_carry_is_refused_without_a_panic() {
        let error = Api::new(
            "https://api.github.com",
            None,
            "ghs_abc\ndef",
            "o/r",
            DEFAULT_TIMEOUT,
        )
        .err()
        .unwrap();
        assert!(error.contains("control character"), "{error}");
    }
}
