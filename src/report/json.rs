//! The JSON report: stable and versioned (DESIGN.md, "JSON report").

use super::{AssertionResult, Emitter, Finding, Report};
use crate::gate::GateVerdict;
use serde_json::{Value as J, json};
use std::io::{self, Write};

/// Bumped when a field changes meaning or disappears; new fields do not bump it.
pub const FORMAT_VERSION: &str = "1";

pub struct Json;

impl Emitter for Json {
    /// Written result by result: a large scan's report is never held in memory as a whole.
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        let mut head = document_head(report);
        // The results go in by hand, in between the head's fields and the errors.
        let errors = head
            .as_object_mut()
            .and_then(|o| o.remove("errors"))
            .unwrap_or_default();
        let head_text = serde_json::to_string_pretty(&head)?;
        let head_text = head_text.trim_end().trim_end_matches('}').trim_end();
        write!(out, "{head_text},\n  \"results\": [")?;
        for (i, f) in report.findings.iter().enumerate() {
            out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            write_indented(&mut out, &finding(report, f), "    ")?;
        }
        let errors_text = serde_json::to_string_pretty(&errors)?;
        let close = if report.findings.is_empty() {
            "]"
        } else {
            "\n  ]"
        };
        write!(
            out,
            "{close},\n  \"errors\": {}\n}}\n",
            errors_text.replace('\n', "\n  ")
        )?;
        out.flush()
    }
}

/// A value pretty-printed at an indentation, as serde_json would inside the document.
fn write_indented(out: &mut impl Write, value: &J, indent: &str) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    out.write_all(indent.as_bytes())?;
    out.write_all(text.replace('\n', &format!("\n{indent}")).as_bytes())
}

fn document_head(report: &Report) -> J {
    let counts = report.rule_counts();
    let verdict = match report.verdict() {
        GateVerdict::Passed => "pass",
        GateVerdict::Failed => "fail",
        GateVerdict::Incomplete => "error",
    };
    json!({
        "version": FORMAT_VERSION,
        "tool": { "name": "riveter", "version": env!("CARGO_PKG_VERSION") },
        "verdict": verdict,
        "summary": {
            "passed": counts.passed,
            "failed": counts.failed,
            "unknown": counts.unknown,
            "skipped": counts.skipped,
            "suppressed": report.count(super::Outcome::Suppressed),
            "resources": report.resources,
            "files": report.files,
            "errors": report.errors.len(),
        },
        "errors": report.errors.iter().map(|e| json!({
            "file": e.file,
            "line": e.line,
            "column": e.column,
            "message": e.message,
        })).collect::<Vec<_>>(),
    })
}

fn finding(report: &Report, finding: &Finding) -> J {
    let rule = report.rule(finding);
    let resource = finding.resource.as_ref().map(|r| {
        json!({
            "type": r.resource_type,
            "name": r.name,
            "address": r.address,
            "file": &*r.file,
            "line": r.span.line,
        })
    });
    json!({
        "rule_id": rule.id,
        "rule_name": rule.name,
        "severity": rule.severity.as_str(),
        "status": finding.outcome.as_str(),
        "resource": resource,
        "message": finding.message,
        "remediation": rule.remediation,
        "assertions": finding.assertions.iter().map(assertion).collect::<Vec<_>>(),
        "suppression": finding.suppression.as_ref().map(|s| json!({
            "kind": match s.kind {
                crate::suppression::SuppressionKind::Inline => "inline",
                crate::suppression::SuppressionKind::Baseline => "baseline",
            },
            "reason": s.reason,
            "expires": s.expires.map(|d| d.to_string()),
            "location": s.location,
            "original_status": s.original.as_str(),
        })),
    })
}

fn assertion(a: &AssertionResult) -> J {
    json!({
        "key": a.key,
        "operator": a.operator,
        "expected": a.expected.as_ref().map(|v| v.to_json()),
        "actual": a.actual.as_ref().map(|v| v.to_json()),
        "status": verdict_name(a.verdict),
        "message": a.full_message(),
        "line": a.span.line,
        "filter": a.is_filter,
    })
}

fn verdict_name(v: crate::rules::Verdict) -> &'static str {
    match v {
        crate::rules::Verdict::Pass => "pass",
        crate::rules::Verdict::Fail => "fail",
        crate::rules::Verdict::Unknown => "unknown",
    }
}
