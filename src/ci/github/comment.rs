//! One summary comment per pull request, edited in place; never a second one. riveter's comment
//! is the one that carries the hidden marker *and* was written by the token's own account
//! (`identity`): anyone can paste the marker into a comment, and such a comment is never edited
//! and never stops riveter from posting its own.

use super::api::{Api, ApiError};
use super::identity;

/// Invisible in the rendered comment; with the author, how riveter recognises its own.
pub const MARKER: &str = "<!-- riveter:summary -->";

/// GitHub lists at most this many comments of an issue for us to search.
const MAX_COMMENTS: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posted {
    Created,
    Updated,
    /// Nothing to say, and no earlier comment to turn into an all-clear.
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub posted: Posted,
    /// The account the comment is riveter's under.
    pub author: String,
    /// Comments by other accounts that carry the marker, left alone.
    pub strangers: usize,
}

/// Creates or updates the summary comment. `worth_saying` is false when the change has no
/// findings: then no new comment is made, but an existing one is updated to the all-clear.
pub fn publish(
    api: &Api,
    number: u64,
    markdown: &str,
    worth_saying: bool,
) -> Result<Published, ApiError> {
    let author = identity::login(api).map_err(|e| match e {
        // The deadline is said as it is.
        ApiError::Deadline(_) => e,
        other => ApiError::Unidentified(other.to_string()),
    })?;
    let list = format!(
        "/repos/{}/issues/{number}/comments?per_page=100",
        api.repository
    );
    let marked: Vec<serde_json::Value> = api
        .get_all(&list, MAX_COMMENTS)?
        .into_iter()
        .filter(|c| c["body"].as_str().is_some_and(|b| b.contains(MARKER)))
        .collect();
    let (own, strangers): (Vec<_>, Vec<_>) = marked.iter().partition(|c| {
        c["user"]["login"]
            .as_str()
            // Logins are case-insensitive on GitHub.
            .is_some_and(|login| login.eq_ignore_ascii_case(&author))
    });
    let body = serde_json::json!({ "body": format!("{MARKER}\n{markdown}") });
    let posted = match own.first().and_then(|c| c["id"].as_u64()) {
        Some(id) => {
            api.patch(
                &format!("/repos/{}/issues/comments/{id}", api.repository),
                &body,
            )?;
            Posted::Updated
        }
        None if worth_saying => {
            api.post(
                &format!("/repos/{}/issues/{number}/comments", api.repository),
                &body,
            )?;
            Posted::Created
        }
        None => Posted::Skipped,
    };
    Ok(Published {
        posted,
        author,
        strangers: strangers.len(),
    })
}
