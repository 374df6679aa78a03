//! The JSON report: stable and versioned (docs/usage.md, "The JSON report", and its schema,
//! docs/report.schema.json).

use super::Emitter;
use super::compliance::{self, Compliance, Status};
use super::layout::{Layout, Object};
use crate::escape::json::NoOldCommands;
use crate::findings::{Actual, AssertionResult, Finding, Report, ResourceRef};
use crate::gate::{Gate, GateVerdict};
use crate::rules::Assertion;
use crate::value::Value;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};
use serde_json::{Value as J, json};
use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::{Arc, OnceLock};

/// Bumped when a field changes meaning or disappears; new fields do not bump it.
pub const FORMAT_VERSION: &str = "1";

/// `pretty`: indented as `serde_json::to_writer_pretty` writes (for a terminal); otherwise
/// compact, a third smaller for the same content (a monorepo's report runs to hundreds of MB).
pub struct Json {
    pub pretty: bool,
    /// The gate whose verdict the report states.
    pub gate: Gate,
}

impl Emitter for Json {
    /// Written as serde_json would write the whole document, but with the results rendered
    /// side by side a window at a time: rendering is most of the report's cost, and the
    /// report of a large scan is never held in memory whole.
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let layout = Layout {
            pretty: self.pretty,
        };
        let mut guarded = NoOldCommands::new(out);
        let mut out = io::BufWriter::with_capacity(1 << 16, &mut guarded);
        let mut head = Vec::new();
        layout.write(&mut head, 0, &Head(report, self.gate))?;
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
        if let Some(compliance) = compliance::of(report) {
            out.write_all(&layout.field("compliance"))?;
            layout.write(&mut out, 1, &compliance_json(report, &compliance))?;
        }
        out.write_all(&layout.line_break(0))?;
        out.write_all(b"}\n")?;
        out.flush()?;
        drop(out);
        guarded.finish()
    }
}

/// `compliance`: the framework and every control's status, with the checks mapped to it and
/// the findings that decided a fail or an unknown (docs/report.schema.json).
fn compliance_json(report: &Report, compliance: &Compliance) -> J {
    let controls: Vec<J> = compliance
        .controls
        .iter()
        .map(|control| {
            let findings: Vec<J> = control
                .findings
                .iter()
                .filter_map(|finding| {
                    let (resource, span) = finding.location()?;
                    Some(json!({
                        "rule_id": report.rule(finding).id,
                        "status": finding.outcome.as_str(),
                        "address": resource.address,
                        "file": &*resource.file,
                        "line": span.line,
                        "message": finding.message(),
                    }))
                })
                .collect();
            json!({
                "id": control.id,
                "title": control.title,
                "status": control.status.as_str(),
                "checks": control.checks,
                "resources_judged": control.judged,
                "findings": findings,
            })
        })
        .collect();
    let count = |status| compliance.count(status);
    json!({
        "framework": compliance.framework.framework,
        "name": compliance.framework.name,
        "summary": {
            "pass": count(Status::Pass),
            "fail": count(Status::Fail),
            "unknown": count(Status::Unknown),
            "not_covered": count(Status::NotCovered),
        },
        "controls": controls,
    })
}

/// The fields before the results.
struct Head<'a>(&'a Report, Gate);

impl Serialize for Head<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        let counts = report.rule_counts();
        let verdict = match self.1.verdict(report) {
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
                "suppressed": report.count(crate::findings::Outcome::Suppressed),
                "resources": report.resources,
                "files": report.files,
                "errors": report.errors.len(),
            }),
        )?;
        doc.end()
    }
}

/// Every result, at the third level of the document.
fn write_results(report: &Report, layout: Layout, out: &mut impl Write) -> io::Result<()> {
    let shared = Shared::new(report, layout)?;
    layout.write_array(out, RESULT, &report.findings, |piece, finding| {
        shared.write_result(piece, finding)
    })
}

/// How deep a result and an assertion stand in the document: `results[i]`, and
/// `results[i].assertions[j]`. Their fields' values stand one deeper.
const RESULT: usize = 2;
const ASSERTION: usize = 4;

/// What many results repeat, rendered once as JSON text: a rule's fields in every result of
/// the rule, a resource in every result about it, an assertion's key, operator, expected value
/// and passing message in every result of its rule. Escaping strings was most of the cost of
/// rendering the results.
struct Shared<'a> {
    report: &'a Report,
    layout: Layout,
    rules: Vec<RuleText>,
    /// By model index, rendered when first needed (`None` if that failed: it is then
    /// rendered field by field each time).
    resources: Vec<OnceLock<Option<Rendered>>>,
}

struct RuleText {
    id: Rendered,
    name: Rendered,
    remediation: Rendered,
    /// Framework name to the controls the rule implements (`{}` when it maps none).
    frameworks: Rendered,
    /// The message of a passing result: every assertion of the rule passed.
    passed: Rendered,
    /// The rule's filters and assertions, by the address of the `Arc` their results share.
    assertions: Vec<(usize, AssertionText)>,
}

#[derive(Clone)]
struct AssertionText {
    key: Rendered,
    operator: Rendered,
    expected: Rendered,
    /// The message of a pass (a filter's, when the assertion is a filter).
    passed: Rendered,
}

impl AssertionText {
    /// One of a rule's assertions (or filters), at its depth in a result.
    fn of(layout: Layout, assertion: &Arc<Assertion>, is_filter: bool) -> io::Result<Self> {
        let passing = AssertionResult {
            assertion: assertion.clone(),
            verdict: crate::rules::Verdict::Pass,
            is_filter,
            span: Default::default(),
            found: None,
            path: None,
        };
        let expected = assertion.expected.as_ref().map(ValueOut);
        Ok(AssertionText {
            key: raw(layout, ASSERTION + 1, &passing.key())?,
            operator: raw(layout, ASSERTION + 1, &passing.operator())?,
            expected: raw(layout, ASSERTION + 1, &expected)?,
            passed: raw(layout, ASSERTION + 1, &passing.full_message())?,
        })
    }
}

impl<'a> Shared<'a> {
    fn new(report: &'a Report, layout: Layout) -> io::Result<Shared<'a>> {
        let mut rules = Vec::with_capacity(report.rules.len());
        for rule in &report.rules {
            let filters = rule.filters.iter().map(|a| (a, true));
            let assertions = filters
                .chain(rule.assertions.iter().map(|a| (a, false)))
                .map(|(a, is_filter)| Ok((address(a), AssertionText::of(layout, a, is_filter)?)))
                .collect::<io::Result<_>>()?;
            rules.push(RuleText {
                id: raw(layout, RESULT + 1, &rule.id)?,
                name: raw(layout, RESULT + 1, &rule.name)?,
                remediation: raw(layout, RESULT + 1, &rule.remediation)?,
                frameworks: raw(layout, RESULT + 1, &rule.frameworks)?,
                passed: raw(
                    layout,
                    RESULT + 1,
                    &crate::findings::passed(rule.assertions.len()),
                )?,
                assertions,
            });
        }
        Ok(Shared {
            report,
            layout,
            rules,
            resources: (0..report.model.len()).map(|_| OnceLock::new()).collect(),
        })
    }

    /// One result, written field by field: its names need no escaping, and most of its
    /// values were rendered once for the whole report.
    fn write_result(&self, out: &mut Vec<u8>, finding: &Finding) -> io::Result<()> {
        let rule = self.report.rule(finding);
        let text = &self.rules[finding.rule];
        let mut result = Object::open(out, self.layout, RESULT);
        result.raw("rule_id", &text.id);
        result.raw("rule_name", &text.name);
        result.word("severity", rule.severity.as_str());
        result.word("status", finding.outcome.as_str());
        match self.resource(finding) {
            Some(resource) => result.raw("resource", resource),
            None => result.value("resource", &finding.resource.as_deref().map(ResourceOut))?,
        }
        // A pass has words only from its count, which is the rule's (`Finding::message`).
        if finding.note.is_none() && finding.assertions.len() == rule.assertions.len() {
            result.raw("message", &text.passed);
        } else {
            result.value("message", &finding.message())?;
        }
        result.raw("remediation", &text.remediation);
        result.raw("frameworks", &text.frameworks);
        self.write_assertions(result.key("assertions"), finding)?;
        result.value(
            "suppression",
            &finding.suppression.as_ref().map(|s| suppression(s)),
        )?;
        // Only in a scan scoped to a change (docs/usage.md, "What a change puts in scope").
        if let Some(in_scope) = finding.in_scope {
            result.value("in_scope", &in_scope)?;
            if let Some(because) = &finding.in_scope_because {
                result.value("in_scope_because", &because.as_ref())?;
            }
        }
        result.close();
        Ok(())
    }

    /// A result's assertions, as an array at the depth of the result's fields.
    fn write_assertions(&self, out: &mut Vec<u8>, finding: &Finding) -> io::Result<()> {
        if finding.assertions.is_empty() {
            out.extend_from_slice(b"[]");
            return Ok(());
        }
        out.push(b'[');
        for (i, assertion) in finding.assertions.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            self.layout.push_break(out, ASSERTION);
            self.write_assertion(out, finding, assertion)?;
        }
        self.layout.push_break(out, ASSERTION - 1);
        out.push(b']');
        Ok(())
    }

    fn write_assertion(
        &self,
        out: &mut Vec<u8>,
        finding: &Finding,
        assertion: &AssertionResult,
    ) -> io::Result<()> {
        let shared = self.rules[finding.rule]
            .assertions
            .iter()
            .find(|(at, _)| *at == address(&assertion.assertion));
        let text = match shared {
            Some((_, text)) => Cow::Borrowed(text),
            // An assertion of no rule in the report (one put together by hand).
            None => Cow::Owned(AssertionText::of(
                self.layout,
                &assertion.assertion,
                assertion.is_filter,
            )?),
        };
        let mut object = Object::open(out, self.layout, ASSERTION);
        object.raw("key", &text.key);
        object.raw("operator", &text.operator);
        object.raw("expected", &text.expected);
        object.value("actual", &self.report.actual(finding, assertion))?;
        object.word("status", verdict_name(assertion.verdict));
        if assertion.verdict == crate::rules::Verdict::Pass {
            object.raw("message", &text.passed);
        } else {
            object.value("message", &assertion.full_message())?;
        }
        object.value("line", &assertion.span.line)?;
        object.value("filter", &assertion.is_filter)?;
        if let Some(p) = assertion
            .found
            .as_deref()
            .and_then(|f| f.provenance.as_ref())
        {
            object.value("value_from", &provenance(p))?;
        }
        object.close();
        Ok(())
    }

    /// The resource of a finding as JSON text at its depth in a result.
    fn resource(&self, finding: &Finding) -> Option<&[u8]> {
        let (index, resource) = (finding.resource_index?, finding.resource.as_deref()?);
        self.resources
            .get(index)?
            .get_or_init(|| raw(self.layout, RESULT + 1, &ResourceOut(resource)).ok())
            .as_deref()
    }
}

/// Where a value was set, and where that value came from in turn.
fn provenance(p: &crate::terraform::Provenance) -> J {
    let mut chain = Vec::new();
    let mut origin = Some(&p.origin);
    while let Some(o) = origin {
        chain.push(json!({
            "set": o.words,
            "file": o.file.as_deref(),
            "line": (o.line > 0).then_some(o.line),
        }));
        origin = o.from.as_ref();
    }
    json!({ "reference": p.reference, "origins": chain })
}

fn address(assertion: &Arc<Assertion>) -> usize {
    Arc::as_ptr(assertion) as usize
}

/// A value as JSON text laid out at `depth`, to be written as it is.
fn raw(layout: Layout, depth: usize, value: &impl Serialize) -> io::Result<Rendered> {
    let mut text = Vec::new();
    layout.write(&mut text, depth, value)?;
    Ok(text.into_boxed_slice())
}

/// JSON text written by serde_json, kept to be written again as it is.
type Rendered = Box<[u8]>;

struct ResourceOut<'a>(&'a ResourceRef);

impl Serialize for ResourceOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut out = s.serialize_struct("Resource", 6)?;
        out.serialize_field("type", &r.resource_type)?;
        out.serialize_field("name", &r.name)?;
        out.serialize_field("address", &r.address)?;
        out.serialize_field("file", &*r.file)?;
        out.serialize_field("line", &r.span.line)?;
        if let Some(instance) = &r.instance {
            let calls: Vec<J> = instance
                .calls
                .iter()
                .map(|c| json!({ "address": c.address, "file": &*c.file, "line": c.line }))
                .collect();
            out.serialize_field(
                "module_instance",
                &json!({
                    "address": instance.address,
                    "calls": calls,
                    "may_not_exist": instance.unsure,
                }),
            )?;
        }
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

fn suppression(s: &crate::findings::Suppression) -> J {
    json!({
        "kind": match s.kind {
            crate::findings::SuppressionKind::Inline => "inline",
            crate::findings::SuppressionKind::Baseline => "baseline",
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
