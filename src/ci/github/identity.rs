//! Who the token is, so that riveter edits only comments it wrote: a comment is riveter's when
//! it carries the marker *and* its author is the token's own account.
//!
//! - `GET /user` gives the login of a personal access token (classic or fine-grained) and of
//!   any other token that acts as a user.
//! - An installation token, such as the workflow's `GITHUB_TOKEN`, acts as its app's bot and
//!   has no user: GitHub refuses `GET /user` ("Resource not accessible by integration"). The
//!   GraphQL `viewer` is that bot: `github-actions[bot]` for the workflow token, `NAME[bot]`
//!   for another app's.
//! - When neither answers, riveter cannot tell its comments from a stranger's, and posts none.

use super::api::{Api, ApiError};

pub fn login(api: &Api) -> Result<String, ApiError> {
    match api.get("/user") {
        Ok(response) => match response.body["login"].as_str() {
            Some(login) if !login.is_empty() => Ok(login.to_string()),
            _ => Err(ApiError::Status {
                status: 200,
                message: "GET /user gave no login".into(),
            }),
        },
        // No user behind the token: ask who it is.
        Err(
            ApiError::Forbidden(_)
            | ApiError::Status {
                status: 401 | 404, ..
            },
        ) => viewer(api),
        Err(other) => Err(other),
    }
}

fn viewer(api: &Api) -> Result<String, ApiError> {
    let data = api.graphql("query { viewer { login } }")?;
    match data["viewer"]["login"].as_str() {
        Some(login) if !login.is_empty() => Ok(login.to_string()),
        _ => Err(ApiError::Status {
            status: 200,
            message: "the GraphQL viewer has no login".into(),
        }),
    }
}
