//! A check run named `riveter` on the pull request's head commit, with an annotation per
//! finding in a changed file. GitHub takes at most 50 annotations per request: the run is
//! created with the first 50 and updated with the rest.

use super::api::{Api, ApiError};
use crate::findings::{Outcome, Report};
use crate::gate::GateVerdict;
use crate::report::github_annotations;
use serde_json::{Value, json};

pub const NAME: &str = "riveter";
const BATCH: usize = 50;

/// How far the check run got: every step is attempted that can be, so an update that fails
/// does not keep the run from being completed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The annotations the run should carry.
    pub annotations: usize,
    /// The annotations GitHub took.
    pub sent: usize,
    pub created: bool,
    pub completed: bool,
    /// The first failure, if any.
    pub error: Option<ApiError>,
}

/// Creates and completes the check run.
pub fn publish(
    api: &Api,
    head_sha: &str,
    report: &Report,
    verdict: GateVerdict,
    summary: &str,
) -> Published {
    let annotations = annotations(report);
    let mut published = Published {
        annotations: annotations.len(),
        sent: 0,
        created: false,
        completed: false,
        error: None,
    };
    let conclusion = match verdict {
        GateVerdict::Passed => "success",
        GateVerdict::Failed | GateVerdict::Incomplete => "failure",
    };
    let title = headline(report, verdict);
    let mut batches = annotations.chunks(BATCH);
    let first: Vec<Value> = batches.next().map(<[Value]>::to_vec).unwrap_or_default();
    let path = format!("/repos/{}/check-runs", api.repository);
    let created = api.post(
        &path,
        &json!({
            "name": NAME,
            "head_sha": head_sha,
            "status": "in_progress",
            "output": { "title": title, "summary": summary, "annotations": first },
        }),
    );
    let id = match created.map(|c| c.body["id"].as_u64()) {
        Ok(Some(id)) => id,
        Ok(None) => {
            // Created, but without its id it can be neither added to nor completed.
            published.created = true;
            published.error = Some(ApiError::Status {
                status: 201,
                message: "GitHub's reply to creating the check run has no id, so it could not be completed".into(),
            });
            return published;
        }
        Err(e) => {
            published.error = Some(e);
            return published;
        }
    };
    published.created = true;
    published.sent = first.len();
    let update = format!("{path}/{id}");
    // Annotations sent in an update are added to those already there.
    for batch in batches {
        match api.patch(
            &update,
            &json!({ "output": { "title": title, "summary": summary, "annotations": batch } }),
        ) {
            Ok(_) => published.sent += batch.len(),
            Err(e) => {
                published.error = Some(e);
                break;
            }
        }
    }
    match api.patch(
        &update,
        &json!({ "status": "completed", "conclusion": conclusion, "output": { "title": title, "summary": summary } }),
    ) {
        Ok(_) => published.completed = true,
        Err(e) => {
            published.error.get_or_insert(e);
        }
    }
    published
}

fn headline(report: &Report, verdict: GateVerdict) -> String {
    let failed = report.count(Outcome::Fail);
    match verdict {
        GateVerdict::Passed if failed == 0 => {
            "No findings on what the change can affect".to_string()
        }
        GateVerdict::Passed => format!("{failed} finding(s) below the fail-on severity"),
        GateVerdict::Failed => format!("{failed} finding(s) fail the gate"),
        GateVerdict::Incomplete => "Some files could not be read".to_string(),
    }
}

/// One annotation per failure or unknown result, on the failing attribute's lines.
pub fn annotations(report: &Report) -> Vec<Value> {
    github_annotations(report)
        .into_iter()
        .map(|annotation| {
            let span = annotation.span;
            let (start_line, end_line) = span.line_range();
            let mut value = json!({
                "path": annotation.path,
                "start_line": start_line,
                "end_line": end_line,
                // The Checks API calls the workflow commands' `error` a `failure`.
                "annotation_level": match annotation.level {
                    "error" => "failure",
                    other => other,
                },
                "title": annotation.title,
                "message": annotation.message,
            });
            // GitHub accepts columns only for annotations on a single line.
            if span.end_line == span.line && span.column > 0 && span.end_column > span.column {
                value["start_column"] = json!(span.column);
                value["end_column"] = json!(span.end_column);
            }
            value
        })
        .collect()
}
