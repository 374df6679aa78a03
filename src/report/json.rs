//! The JSON report: stable and versioned (DESIGN.md, "JSON report").

use super::layout::Layout;
use super::{Actual, AssertionResult, Emitter, Finding, Report, ResourceRef};
use crate::gate::GateVerdict;
use crate::value::Value;
use rayon::prelude::*;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};
use serde_json::{Value as J, json};
use std::io::{self, Write};

/// Bumped when a field changes meaning or disappears; new fields do not bump it.
pub const FORMAT_VERSION: &str = "1";

/// `pretty`: indented as `serde_json::to_writer_pretty` writes (for a terminal); otherwise
/// compact, a third smaller for the same content (a monorepo's report runs to hundreds of MB).
pub struct Json {
    pub pretty: bool,
}

impl Emitter for Json {
    /// Written as serde_json would write the whole document, but with the results rendered
    /// side by side a window at a time: rendering is most of the report's cost, and the
    /// report of a large scan is never held in memory whole.
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let layout = Layout {
            pretty: self.pretty,
        };
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        let mut head = Vec::new();
        layout.write(&mut head, 0, &Head(report))?;
        let open_head = head
            .strip_suffix(&[layout.line_break(0), b"}".to_vec()].concat()[..])
            .ok_or_else(|| io::Error::other("the report's head is not a JSON object"))?;
        out.write_all(open_head)?;
        out.write_all(&layout.field("results"))?;
        write_results(report, layout, &mut out)?;
        out.write_all(&layout.field("errors"))?;
        let errors: Vec<J> = report
            .errors
            .iter()
            .map(|e| json!({ "file": e.file, "line": e.line, "column": e.column, "message": e.message }))
            .collect();
        layout.write(&mut out, 1, &errors)?;
        out.write_all(&layout.line_break(0))?;
        out.write_all(b"}\n")?;
        out.flush()
    }
}

/// The fields before the results.
struct Head<'a>(&'a Report);

impl Serialize for Head<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        let counts = report.rule_counts();
        let verdict = match report.verdict() {
            GateVerdict::Passed => "pass",
            GateVerdict::Failed => "fail",
            GateVerdict::Incomplete => "error",
        };
        let mut doc = s.serialize_struct("Report", 4)?;
        doc.serialize_field("version", FORMAT_VERSION)?;
        doc.serialize_field(
            "tool",
            &json!({ "name": "riveter", "version": env!("CARGO_PKG_VERSION") }),
        )?;
        doc.serialize_field("verdict", verdict)?;
        doc.serialize_field(
            "summary",
            &json!({
                "passed": counts.passed,
                "failed": counts.failed,
                "unknown": counts.unknown,
                "skipped": counts.skipped,
                "suppressed": report.count(super::Outcome::Suppressed),
                "resources": report.resources,
                "files": report.files,
                "errors": report.errors.len(),
            }),
        )?;
        doc.end()
    }
}

/// Results rendered per window in parallel and written in order, each at the third level
/// of the document.
fn write_results(report: &Report, layout: Layout, out: &mut impl Write) -> io::Result<()> {
    /// Enough to keep both cores busy, small enough to hold.
    const WINDOW: usize = 4_096;
    const PIECE: usize = 256;
    if report.findings.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let mut first = true;
    for window in report.findings.chunks(WINDOW) {
        let pieces: Vec<Vec<u8>> = window
            .par_chunks(PIECE)
            .map(|findings| render(report, layout, findings))
            .collect::<Result<_, _>>()?;
        for piece in &pieces {
            // Every result is written after a comma; the first one has none.
            let piece = if first { &piece[1..] } else { &piece[..] };
            out.write_all(piece)?;
            first = false;
        }
    }
    out.write_all(&layout.line_break(1))?;
    out.write_all(b"]")
}

/// `,{result}` for each finding, laid out at its depth in the document.
fn render(report: &Report, layout: Layout, findings: &[Finding]) -> io::Result<Vec<u8>> {
    let mut piece = Vec::with_capacity(findings.len() * 1024);
    for finding in findings {
        piece.push(b',');
        piece.extend_from_slice(&layout.line_break(2));
        layout.write(&mut piece, 2, &FindingOut { report, finding })?;
    }
    Ok(piece)
}

struct FindingOut<'a> {
    report: &'a Report,
    finding: &'a Finding,
}

impl Serialize for FindingOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (finding, rule) = (self.finding, self.report.rule(self.finding));
        let mut out = s.serialize_struct("Result", 9)?;
        out.serialize_field("rule_id", &rule.id)?;
        out.serialize_field("rule_name", &rule.name)?;
        out.serialize_field("severity", rule.severity.as_str())?;
        out.serialize_field("status", finding.outcome.as_str())?;
        out.serialize_field("resource", &finding.resource.as_deref().map(ResourceOut))?;
        out.serialize_field("message", &finding.message())?;
        out.serialize_field("remediation", &rule.remediation)?;
        out.serialize_field(
            "assertions",
            &AssertionsOut {
                report: self.report,
                finding,
            },
        )?;
        out.serialize_field(
            "suppression",
            &finding.suppression.as_ref().map(|s| suppression(s)),
        )?;
        out.end()
    }
}

struct ResourceOut<'a>(&'a ResourceRef);

impl Serialize for ResourceOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut out = s.serialize_struct("Resource", 5)?;
        out.serialize_field("type", &r.resource_type)?;
        out.serialize_field("name", &r.name)?;
        out.serialize_field("address", &r.address)?;
        out.serialize_field("file", &*r.file)?;
        out.serialize_field("line", &r.span.line)?;
        out.end()
    }
}

struct AssertionsOut<'a> {
    report: &'a Report,
    finding: &'a Finding,
}

impl Serialize for AssertionsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let assertions = &self.finding.assertions;
        let mut seq = s.serialize_seq(Some(assertions.len()))?;
        for assertion in assertions {
            seq.serialize_element(&AssertionOut {
                assertion,
                actual: self.report.actual(self.finding, assertion),
            })?;
        }
        seq.end()
    }
}

struct AssertionOut<'a> {
    assertion: &'a AssertionResult,
    actual: Actual<'a>,
}

impl Serialize for AssertionOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.assertion;
        let mut out = s.serialize_struct("Assertion", 8)?;
        out.serialize_field("key", a.key())?;
        out.serialize_field("operator", a.operator())?;
        out.serialize_field("expected", &a.expected().map(ValueOut))?;
        out.serialize_field("actual", &self.actual)?;
        out.serialize_field("status", verdict_name(a.verdict))?;
        out.serialize_field("message", &a.full_message())?;
        out.serialize_field("line", &a.span.line)?;
        out.serialize_field("filter", &a.is_filter)?;
        out.end()
    }
}

/// The same JSON for a kept copy and a value read again: `null` for nothing, the value
/// itself for one, a list for several (as `engine::actual` builds the kept copy).
impl Serialize for Actual<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Actual::Kept(value) => value.map(ValueOut).serialize(s),
            Actual::Read(nodes) => match nodes.as_slice() {
                [] => s.serialize_none(),
                [one] => ValueOut(&one.value).serialize(s),
                many => {
                    let mut seq = s.serialize_seq(Some(many.len()))?;
                    for node in many {
                        seq.serialize_element(&ValueOut(&node.value))?;
                    }
                    seq.end()
                }
            },
        }
    }
}

/// A value as JSON without copying it into a JSON tree; the same text as `Value::to_json`.
struct ValueOut<'a>(&'a Value);

impl Serialize for ValueOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => s.serialize_none(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(_) => self.0.to_json().serialize(s),
            Value::String(text) => s.serialize_str(text),
            Value::Unknown(u) => s.serialize_str(&u.as_text()),
            Value::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&ValueOut(&item.value))?;
                }
                seq.end()
            }
            Value::Map(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, &ValueOut(&v.value))?;
                }
                map.end()
            }
        }
    }
}

fn suppression(s: &crate::suppression::Suppression) -> J {
    json!({
        "kind": match s.kind {
            crate::suppression::SuppressionKind::Inline => "inline",
            crate::suppression::SuppressionKind::Baseline => "baseline",
        },
        "reason": s.reason,
        "expires": s.expires.map(|d| d.to_string()),
        "location": s.location,
        "original_status": s.original.as_str(),
    })
}

fn verdict_name(v: crate::rules::Verdict) -> &'static str {
    match v {
        crate::rules::Verdict::Pass => "pass",
        crate::rules::Verdict::Fail => "fail",
        crate::rules::Verdict::Unknown => "unknown",
    }
}
