//! The JSON report: stable and versioned (DESIGN.md, "JSON report").

use super::{Actual, AssertionResult, Emitter, Finding, Report};
use crate::gate::GateVerdict;
use crate::value::Value;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};
use serde_json::{Value as J, json};
use std::io::{self, Write};

/// Bumped when a field changes meaning or disappears; new fields do not bump it.
pub const FORMAT_VERSION: &str = "1";

pub struct Json;

impl Emitter for Json {
    /// Serialized straight from the report, result by result: a large scan's report is never
    /// held in memory as a whole, nor built as a JSON tree first.
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        serde_json::to_writer_pretty(&mut out, &Document(report))?;
        out.write_all(b"\n")?;
        out.flush()
    }
}

struct Document<'a>(&'a Report);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        let counts = report.rule_counts();
        let verdict = match report.verdict() {
            GateVerdict::Passed => "pass",
            GateVerdict::Failed => "fail",
            GateVerdict::Incomplete => "error",
        };
        let mut doc = s.serialize_struct("Report", 6)?;
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
        doc.serialize_field("results", &Results(report))?;
        let errors: Vec<J> = report
            .errors
            .iter()
            .map(|e| json!({ "file": e.file, "line": e.line, "column": e.column, "message": e.message }))
            .collect();
        doc.serialize_field("errors", &errors)?;
        doc.end()
    }
}

struct Results<'a>(&'a Report);

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.findings.len()))?;
        for finding in &self.0.findings {
            seq.serialize_element(&FindingOut {
                report: self.0,
                finding,
            })?;
        }
        seq.end()
    }
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
        let resource = finding.resource.as_ref().map(|r| {
            json!({ "type": r.resource_type, "name": r.name, "address": r.address, "file": &*r.file, "line": r.span.line })
        });
        out.serialize_field("resource", &resource)?;
        out.serialize_field("message", &finding.message)?;
        out.serialize_field("remediation", &rule.remediation)?;
        let assertions: Vec<AssertionOut> = finding
            .assertions
            .iter()
            .map(|a| AssertionOut {
                assertion: a,
                actual: self.report.actual(finding, a),
            })
            .collect();
        out.serialize_field("assertions", &assertions)?;
        out.serialize_field(
            "suppression",
            &finding.suppression.as_ref().map(|s| suppression(s)),
        )?;
        out.end()
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
