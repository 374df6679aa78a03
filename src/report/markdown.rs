//! A Markdown summary for pull request comments and job summaries: the verdict first, counts by
//! severity, a table of failures, unknowns and suppressions folded away, and never longer than
//! GitHub's comment limit allows.

use super::Emitter;
use super::compliance::{self, Compliance};
use crate::escape::markdown::{code_in_cell, text, url_path};
use crate::findings::{Finding, Group, Outcome, Report, groups};
use crate::gate::{Gate, GateVerdict};
use crate::rules::{Severity, frameworks};
use crate::terraform::FileError;
use std::io::{self, Write};

/// GitHub refuses comments over 65,536 characters; this leaves room for a marker and a header.
pub const MAX_CHARS: usize = 60_000;

pub struct Markdown {
    /// Where `file:line` links point: `https://github.com/o/r/blob/<sha>`; none means plain text.
    pub link_base: Option<String>,
    /// The gate whose verdict the headline states.
    pub gate: Gate,
}

impl Emitter for Markdown {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.render(report).as_bytes())
    }
}

impl Markdown {
    pub fn render(&self, report: &Report) -> String {
        let mut doc = Doc::default();
        doc.push(&headline(report, self.gate));
        doc.push(&counts(report));
        if !report.errors.is_empty() {
            doc.push("\n### Files that could not be read\n\n");
            for error in &report.errors {
                doc.push(&format!("- {}\n", file_error(error)));
            }
        }
        let failures: Vec<&Finding> = by_severity(report, Outcome::Fail);
        if !failures.is_empty() {
            doc.push("\n### Failures\n\n| Severity | Rule | Resource | Location | Message |\n|---|---|---|---|---|\n");
            self.rows(report, &failures, &mut doc, "failures");
        }
        for (outcome, title) in [
            (
                Outcome::Unknown,
                "cannot be decided before `terraform plan`",
            ),
            (Outcome::Suppressed, "suppressed"),
        ] {
            let found = by_severity(report, outcome);
            if found.is_empty() {
                continue;
            }
            doc.push(&format!(
                "\n<details><summary>{} {title}</summary>\n\n| Severity | Rule | Resource | Location | Message |\n|---|---|---|---|---|\n",
                plural(found.len(), "result")
            ));
            self.rows(report, &found, &mut doc, "results");
            doc.push("\n</details>\n");
        }
        if let Some(compliance) = compliance::of(report) {
            compliance_section(report, &compliance, &mut doc);
        }
        doc.text
    }

    /// Table rows while they fit; then one line saying how many were left out. The instances
    /// of a module's block that came out the same way are one row, listing them.
    fn rows(&self, report: &Report, findings: &[&Finding], doc: &mut Doc, noun: &str) {
        let groups = groups(findings.iter().copied());
        let mut left = findings.len();
        for group in &groups {
            let row = self.row(report, group);
            // Keep room for the closing lines of the document.
            if doc.text.len() + row.len() > MAX_CHARS - 200 {
                doc.push(&format!("\n…and {left} more {noun}\n"));
                return;
            }
            left -= group.findings.len();
            doc.push(&row);
        }
    }

    fn row(&self, report: &Report, group: &Group) -> String {
        let finding = group.first();
        let rule = report.rule(finding);
        let Some((resource, span)) = finding.location() else {
            return String::new();
        };
        let line = span.line;
        let location = match &self.link_base {
            Some(base) => format!(
                "[{}:{line}]({}/{}#L{line})",
                text(&resource.file),
                base.trim_end_matches('/'),
                url_path(&resource.file)
            ),
            None => code_in_cell(&format!("{}:{line}", resource.file)),
        };
        // Each part escaped on its own; riveter's own line breaks between them are `<br>`.
        let mut message = if group.is_many() {
            let instances: Vec<String> = group.instances().iter().map(|i| text(i)).collect();
            format!(
                "{}<br>Instances: {}",
                text(&group.message()),
                instances.join("; ")
            )
        } else {
            text(&finding.explained())
        };
        if let Some(why) = &finding.in_scope_because {
            message.push_str(&format!("<br>_({})_", text(why)));
        }
        // The controls go under the rule's name, so one row says every framework it breaks.
        let name = match frameworks::summary(&rule.frameworks) {
            controls if controls.is_empty() => text(&rule.name),
            controls => format!("{}<br><sub>{}</sub>", text(&rule.name), text(&controls)),
        };
        format!(
            "| {} | {name} | {} | {location} | {message} |\n",
            rule.severity,
            code_in_cell(&group.address()),
        )
    }
}

/// Every control of the `--compliance` framework, folded: its status, and for a failed or
/// unknown control the findings that decided it, while they fit in the comment.
fn compliance_section(report: &Report, compliance: &Compliance, doc: &mut Doc) {
    doc.push(&format!(
        "\n<details><summary>Compliance with {}: {}</summary>\n\n| Control | Title | Status | Findings |\n|---|---|---|---|\n",
        text(&compliance.framework.name),
        compliance.summary()
    ));
    for (i, control) in compliance.controls.iter().enumerate() {
        let findings: Vec<String> = control
            .findings
            .iter()
            .filter_map(|finding| {
                let (resource, span) = finding.location()?;
                Some(code_in_cell(&format!(
                    "{} {}:{} {}",
                    resource.address,
                    resource.file,
                    span.line,
                    report.rule(finding).id
                )))
            })
            .collect();
        let row = format!(
            "| {} | {} | {} | {} |\n",
            code_in_cell(control.id),
            text(control.title),
            control.status_words(),
            findings.join("<br>")
        );
        if doc.text.len() + row.len() > MAX_CHARS - 200 {
            doc.push(&format!(
                "\n…and {} more controls (the JSON report lists them all)\n",
                compliance.controls.len() - i
            ));
            break;
        }
        doc.push(&row);
    }
    doc.push("\n</details>\n");
}

#[derive(Default)]
struct Doc {
    text: String,
}

impl Doc {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }
}

fn headline(report: &Report, gate: Gate) -> String {
    let blocking = report
        .findings
        .iter()
        .filter(|f| gate.blocks(report, f))
        .count();
    match gate.verdict(report) {
        GateVerdict::Passed => "## ✅ riveter: the gate passes\n\n".to_string(),
        GateVerdict::Failed if blocking == 1 => {
            "## ❌ riveter: 1 finding fails the gate\n\n".into()
        }
        GateVerdict::Failed => format!("## ❌ riveter: {blocking} findings fail the gate\n\n"),
        GateVerdict::Incomplete => format!(
            "## ⚠️ riveter: {} (a file not read, a read refused or a value past a limit), so the scan is incomplete\n\n",
            plural(report.errors.len(), "error")
        ),
    }
}

fn counts(report: &Report) -> String {
    let failed = |s: Severity| {
        report
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Fail && report.severity(f) == s)
            .count()
    };
    let counts = report.rule_counts();
    let mut out = String::from(
        "| Critical | High | Medium | Low | Info | Unknown | Suppressed |\n|---|---|---|---|---|---|---|\n|",
    );
    for severity in Severity::ALL {
        out.push_str(&format!(" {} |", failed(severity)));
    }
    out.push_str(&format!(
        " {} | {} |\n\n",
        report.count(Outcome::Unknown),
        report.count(Outcome::Suppressed)
    ));
    out.push_str(&format!(
        "{} rules passed, {} failed, {} unknown, {} skipped · {} resources in {} files\n",
        counts.passed,
        counts.failed,
        counts.unknown,
        counts.skipped,
        report.resources,
        report.files
    ));
    out
}

/// Findings with this outcome, the most severe first.
fn by_severity(report: &Report, outcome: Outcome) -> Vec<&Finding> {
    let mut found: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.outcome == outcome)
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(report.severity(f)));
    found
}

/// A file that could not be read, as a list item: the parser's message may span lines, each
/// kept as a `<br>` with its text escaped.
fn file_error(error: &FileError) -> String {
    let message: Vec<String> = error.message.lines().map(text).collect();
    let place = if error.line > 0 {
        format!("{}:{}:{}", error.file, error.line, error.column)
    } else {
        error.file.clone()
    };
    format!("{}: {}", text(&place), message.join("<br>"))
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
