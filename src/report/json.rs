//! The JSON report: stable and versioned (DESIGN.md, "JSON report").

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

/// Where line breaks go: serde_json's pretty layout or none.
#[derive(Clone, Copy)]
struct Layout {
    pretty: bool,
}

impl Layout {
    /// A value written as if it stood `depth` levels into the document.
    fn write(&self, out: &mut impl Write, depth: usize, value: &impl Serialize) -> io::Result<()> {
        let formatter = Nested {
            depth,
            has_value: false,
            pretty: self.pretty,
        };
        value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))?;
        Ok(())
    }

    /// What comes before a line at `depth`: a line break and its indentation, when pretty.
    fn line_break(&self, depth: usize) -> Vec<u8> {
        if self.pretty {
            [b"\n".as_slice(), &b"  ".repeat(depth)].concat()
        } else {
            Vec::new()
        }
    }

    /// `,"name": ` for a field of the document itself.
    fn field(&self, name: &str) -> Vec<u8> {
        let colon: &[u8] = if self.pretty { b": " } else { b":" };
        [
            b",".as_slice(),
            &self.line_break(1),
            format!("\"{name}\"").as_bytes(),
            colon,
        ]
        .concat()
    }
}

/// serde_json's pretty layout (two spaces a level, `": "` after keys) starting `depth` levels
/// in, so a part of the document can be rendered on its own and written where it belongs;
/// or, when not `pretty`, its compact layout.
struct Nested {
    depth: usize,
    has_value: bool,
    pretty: bool,
}

impl Nested {
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        // An empty array or object stays on one line: `[]`, `{}`.
        if self.has_value {
            self.line_break(out)?;
        }
        out.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.line_break(out)
    }

    fn line_break<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        if self.pretty {
            out.write_all(b"\n")?;
            for _ in 0..self.depth {
                out.write_all(b"  ")?;
            }
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(if self.pretty { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
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
        out.serialize_field("resource", &finding.resource.as_deref().map(ResourceOut))?;
        out.serialize_field("message", &finding.message)?;
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

#[cfg(test)]
mod tests {
    use super::Layout;

    fn nested(value: &serde_json::Value, depth: usize, pretty: bool) -> String {
        let mut out = Vec::new();
        Layout { pretty }.write(&mut out, depth, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn lays_out_like_serde_json_at_any_depth() {
        let value = serde_json::json!({
            "empty_list": [], "empty_map": {}, "text": "a\nb",
            "list": [1, [2, []], {"k": {}}], "map": {"inner": {"deeper": [null, true]}}
        });
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(nested(&value, 0, true), pretty);
        assert_eq!(nested(&value, 2, true), pretty.replace('\n', "\n    "));
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(nested(&value, 0, false), compact);
        assert_eq!(nested(&value, 2, false), compact);
    }
}
