//! The GitHub REST API, through octocrab (authentication, base URL, TLS), with riveter's own
//! retry policy: server errors and rate limits are retried within a time bound; a 403 that is
//! not a rate limit (a read-only token on a fork's pull request) is reported at once. The token
//! is never part of any message.

use http::{HeaderMap, Method, StatusCode};
use serde_json::Value;
use std::fmt;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The longest riveter waits in all for retries and rate limits before giving up on the API.
const MAX_TOTAL_WAIT: Duration = Duration::from_secs(90);
const MAX_ATTEMPTS: u32 = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The token may not do this (a pull request from a fork gets a read-only token).
    Forbidden(String),
    /// Still rate limited when the time bound ran out.
    RateLimited(String),
    Status {
        status: u16,
        message: String,
    },
    Transport(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Forbidden(m) => write!(f, "403 forbidden: {m}"),
            ApiError::RateLimited(m) => write!(f, "rate limited: {m}"),
            ApiError::Status { status, message } => write!(f, "HTTP {status}: {message}"),
            ApiError::Transport(m) => write!(f, "could not reach the API: {m}"),
        }
    }
}

pub struct Api {
    octo: octocrab::Octocrab,
    runtime: tokio::runtime::Runtime,
    /// `owner/name`.
    pub repository: String,
}

pub struct Response {
    pub headers: HeaderMap,
    pub body: Value,
}

impl Api {
    pub fn new(api_url: &str, token: &str, repository: &str) -> Result<Api, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("could not start the HTTP runtime: {e}"))?;
        let octo = runtime.block_on(async {
            octocrab::Octocrab::builder()
                .base_uri(api_url)
                .map_err(|e| format!("GITHUB_API_URL \"{api_url}\" is not a URL: {e}"))?
                .personal_token(token.to_string())
                // Retries are riveter's own: octocrab's would also retry a genuine 403.
                .add_retry_config(octocrab::service::middleware::retry::RetryConfig::None)
                .set_connect_timeout(Some(Duration::from_secs(10)))
                .set_read_timeout(Some(Duration::from_secs(30)))
                .build()
                .map_err(|e| format!("could not set up the GitHub client: {e}"))
        })?;
        Ok(Api {
            octo,
            runtime,
            repository: repository.to_string(),
        })
    }

    pub fn get(&self, path: &str) -> Result<Response, ApiError> {
        self.send(Method::GET, path, None)
    }

    pub fn post(&self, path: &str, body: &Value) -> Result<Response, ApiError> {
        self.send(Method::POST, path, Some(body))
    }

    pub fn patch(&self, path: &str, body: &Value) -> Result<Response, ApiError> {
        self.send(Method::PATCH, path, Some(body))
    }

    /// Every item of a paginated list, following `Link: <…>; rel="next"`, up to `limit` items.
    pub fn get_all(&self, path: &str, limit: usize) -> Result<Vec<Value>, ApiError> {
        let mut items = Vec::new();
        let mut next = Some(path.to_string());
        while let Some(url) = next {
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
            next = next_link(&response.headers);
        }
        Ok(items)
    }

    fn send(&self, method: Method, path: &str, body: Option<&Value>) -> Result<Response, ApiError> {
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let (status, headers, text) =
                match self.runtime.block_on(self.once(method.clone(), path, body)) {
                    Ok(reply) => reply,
                    Err(message) if attempt < MAX_ATTEMPTS => {
                        wait(started, backoff(attempt), &message)?;
                        continue;
                    }
                    Err(message) => return Err(ApiError::Transport(message)),
                };
            if status.is_success() {
                let body = if text.trim().is_empty() {
                    Value::Null
                } else {
                    serde_json::from_str(&text).unwrap_or(Value::String(text))
                };
                return Ok(Response { headers, body });
            }
            let message = error_message(&text);
            let retry_after = rate_limit_wait(status, &headers);
            match (status.as_u16(), retry_after) {
                (_, Some(delay)) if attempt < MAX_ATTEMPTS => {
                    wait(started, delay, &format!("rate limited ({message})")).map_err(|_| {
                        ApiError::RateLimited(format!(
                            "{message}; the limit resets after riveter's {}s bound",
                            MAX_TOTAL_WAIT.as_secs()
                        ))
                    })?
                }
                (_, Some(_)) => return Err(ApiError::RateLimited(message)),
                (500..=599, _) if attempt < MAX_ATTEMPTS => {
                    wait(started, backoff(attempt), &message).map_err(|_| ApiError::Status {
                        status: status.as_u16(),
                        message: message.clone(),
                    })?
                }
                (403, None) => return Err(ApiError::Forbidden(message)),
                (code, _) => {
                    return Err(ApiError::Status {
                        status: code,
                        message,
                    });
                }
            }
        }
    }

    async fn once(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<(StatusCode, HeaderMap, String), String> {
        let response = match method {
            Method::POST => self.octo._post(path, body).await,
            Method::PATCH => self.octo._patch(path, body).await,
            _ => self.octo._get(path).await,
        }
        .map_err(|e| transport_message(&e))?;
        let status = response.status();
        let headers = response.headers().clone();
        let text = self
            .octo
            .body_to_string(response)
            .await
            .map_err(|e| transport_message(&e))?;
        Ok((status, headers, text))
    }
}

/// octocrab's error text, without anything that could carry a credential.
fn transport_message(error: &octocrab::Error) -> String {
    let text = error.to_string();
    text.lines().next().unwrap_or("request failed").to_string()
}

fn error_message(text: &str) -> String {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v["message"].as_str().map(str::to_string))
        .unwrap_or_else(|| text.chars().take(200).collect())
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

/// Sleeps, unless that would pass the time bound.
fn wait(started: Instant, delay: Duration, why: &str) -> Result<(), ApiError> {
    if started.elapsed() + delay > MAX_TOTAL_WAIT {
        return Err(ApiError::Transport(format!(
            "{why} (gave up after {}s)",
            started.elapsed().as_secs()
        )));
    }
    eprintln!("GitHub API: {why}; retrying in {}s", delay.as_secs());
    std::thread::sleep(delay);
    Ok(())
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
    }
}
