//! The workflow run: event, repository, workspace and API address, from the variables GitHub
//! sets for every step.

use serde_json::Value;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullRequest {
    pub number: u64,
    pub base_sha: String,
    /// The pull request's head commit: check runs belong there, not on `GITHUB_SHA` (the merge
    /// commit).
    pub head_sha: String,
}

#[derive(Debug, Clone)]
pub struct Context {
    pub event_name: String,
    pub pull_request: Option<PullRequest>,
    pub repository: String,
    pub workspace: PathBuf,
    pub api_url: String,
    /// `GITHUB_GRAPHQL_URL`; derived from `api_url` when unset.
    pub graphql_url: Option<String>,
    pub server_url: String,
    /// The commit of the run (`GITHUB_SHA`), for links when there is no pull request.
    pub sha: String,
    pub output_file: Option<PathBuf>,
    pub step_summary_file: Option<PathBuf>,
}

impl Context {
    pub fn read(get: &dyn Fn(&str) -> Option<String>) -> Result<Context, String> {
        let var = |name: &str| get(name).filter(|v| !v.is_empty());
        let event_name = var("GITHUB_EVENT_NAME").unwrap_or_else(|| "push".into());
        let pull_request = if event_name.starts_with("pull_request") {
            let path = var("GITHUB_EVENT_PATH")
                .ok_or("GITHUB_EVENT_PATH is not set, so the pull request is unknown")?;
            Some(read_pull_request(&path)?)
        } else {
            None
        };
        Ok(Context {
            event_name,
            pull_request,
            repository: var("GITHUB_REPOSITORY").ok_or("GITHUB_REPOSITORY is not set")?,
            workspace: var("GITHUB_WORKSPACE")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(".")),
            api_url: var("GITHUB_API_URL").unwrap_or_else(|| "https://api.github.com".into()),
            graphql_url: var("GITHUB_GRAPHQL_URL"),
            server_url: var("GITHUB_SERVER_URL").unwrap_or_else(|| "https://github.com".into()),
            sha: var("GITHUB_SHA").unwrap_or_default(),
            output_file: var("GITHUB_OUTPUT").map(PathBuf::from),
            step_summary_file: var("GITHUB_STEP_SUMMARY").map(PathBuf::from),
        })
    }

    /// `https://github.com/owner/repo/blob/<sha>`: where Markdown links to files point.
    pub fn link_base(&self) -> String {
        let sha = self
            .pull_request
            .as_ref()
            .map_or(self.sha.as_str(), |pr| pr.head_sha.as_str());
        format!(
            "{}/{}/blob/{sha}",
            self.server_url.trim_end_matches('/'),
            self.repository
        )
    }
}

fn read_pull_request(path: &str) -> Result<PullRequest, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{path}: could not read the event file: {e}"))?;
    let event: Value = serde_json::from_str(&text)
        .map_err(|e| format!("{path}:{}: the event file is not JSON: {e}", e.line()))?;
    let pr = &event["pull_request"];
    let text_at = |pointer: &str| {
        pr.pointer(pointer)
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let number = pr["number"].as_u64().or_else(|| event["number"].as_u64());
    match (number, text_at("/base/sha"), text_at("/head/sha")) {
        (Some(number), Some(base_sha), Some(head_sha)) => Ok(PullRequest {
            number,
            base_sha,
            head_sha,
        }),
        _ => Err(format!(
            "{path}: the event has no pull_request with a number, base.sha and head.sha"
        )),
    }
}
