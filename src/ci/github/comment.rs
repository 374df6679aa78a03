//! One summary comment per pull request, found again by a hidden marker across every page of
//! comments and edited in place; never a second one.

use super::api::{Api, ApiError};

/// Invisible in the rendered comment; how riveter recognises its own.
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

/// Creates or updates the summary comment. `worth_saying` is false when the change has no
/// findings: then no new comment is made, but an existing one is updated to the all-clear.
pub fn publish(
    api: &Api,
    number: u64,
    markdown: &str,
    worth_saying: bool,
) -> Result<Posted, ApiError> {
    let list = format!(
        "/repos/{}/issues/{number}/comments?per_page=100",
        api.repository
    );
    let existing = api
        .get_all(&list, MAX_COMMENTS)?
        .into_iter()
        .find(|c| c["body"].as_str().is_some_and(|b| b.contains(MARKER)));
    let body = serde_json::json!({ "body": format!("{MARKER}\n{markdown}") });
    match existing.and_then(|c| c["id"].as_u64()) {
        Some(id) => {
            api.patch(
                &format!("/repos/{}/issues/comments/{id}", api.repository),
                &body,
            )?;
            Ok(Posted::Updated)
        }
        None if worth_saying => {
            api.post(
                &format!("/repos/{}/issues/{number}/comments", api.repository),
                &body,
            )?;
            Ok(Posted::Created)
        }
        None => Ok(Posted::Skipped),
    }
}
