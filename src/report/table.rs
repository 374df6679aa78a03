//! The terminal table, shaped like the seed walkthrough's "Expected Results": a line per rule,
//! the failing resources under a failed rule, a summary line and a one-line verdict.

use super::Emitter;
use super::compliance::{self, Compliance, Status};
use crate::escape::terminal::{self, text};
use crate::findings::{AssertionResult, Finding, Group, Outcome, Report, groups};
use crate::gate::{Gate, GateVerdict};
use crate::rules::{Verdict, frameworks};
use crate::terraform::FileError;
use std::io::{self, Write};

/// More skipped rules than this are summed up in one line.
const MAX_SKIPPED_LINES: usize = 10;

/// A control's findings beyond this many are counted, not listed: one check can fail hundreds.
const MAX_CONTROL_FINDINGS: usize = 5;

pub struct Table {
    /// ANSI colour; off for pipes and `NO_COLOR`.
    pub color: bool,
    /// The gate whose verdict the last line states.
    pub gate: Gate,
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

impl Table {
    fn paint(&self, style: &str, text: &str) -> String {
        if self.color {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

impl Emitter for Table {
    /// Every field from the Terraform or the rules is escaped where it is written
    /// (`terminal::text`); every finished line is then guarded (`terminal::line`), so no line
    /// of the table starts a workflow command whatever a rule's text or a value holds.
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Vec::new();
        self.write(report, &mut table)?;
        let table = String::from_utf8(table).map_err(io::Error::other)?;
        for line in table.split_inclusive('\n') {
            let (line, end) = line.split_at(line.trim_end_matches('\n').len());
            write!(out, "{}{end}", terminal::line(line))?;
        }
        Ok(())
    }
}

impl Table {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for error in &report.errors {
            writeln!(out, "{} {}", self.paint(RED, "error:"), file_error(error))?;
        }
        if !report.errors.is_empty() {
            writeln!(out)?;
        }
        let outcomes = report.rule_outcomes();
        let skipped = outcomes.iter().filter(|o| **o == Outcome::Skipped).count();
        // A pack run skips most of its rules; listed one by one they would bury the results.
        let list_skipped = skipped <= MAX_SKIPPED_LINES;
        for (index, outcome) in outcomes.into_iter().enumerate() {
            if outcome == Outcome::Skipped && !list_skipped {
                continue;
            }
            self.rule(report, index, outcome, out)?;
        }
        if !list_skipped {
            let note = format!(
                "({skipped} rules apply to no resource in the scanned files; --format json lists them)"
            );
            writeln!(out, "⏭  {}", self.paint(DIM, &note))?;
        }
        if let Some(compliance) = compliance::of(report) {
            self.compliance(report, &compliance, out)?;
        }
        let counts = report.rule_counts();
        writeln!(out)?;
        let suppressed = match report.count(Outcome::Suppressed) {
            0 => String::new(),
            n => format!(" ({n} suppressed)"),
        };
        writeln!(
            out,
            "Summary: {} rules passed, {} failed, {} unknown, {} skipped{suppressed}",
            counts.passed, counts.failed, counts.unknown, counts.skipped
        )?;
        writeln!(out, "{}", self.verdict(report))
    }

    /// Every control of the `--compliance` framework: its status, id and title, and under a
    /// failed or unknown control the findings that decided it.
    fn compliance(
        &self,
        report: &Report,
        compliance: &Compliance,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        writeln!(
            out,
            "\nCompliance with {}: {}",
            self.paint(BOLD, &compliance.framework.name),
            compliance.summary()
        )?;
        let width = compliance
            .controls
            .iter()
            .map(|c| c.id.chars().count())
            .max()
            .unwrap_or(0);
        for control in &compliance.controls {
            let status = format!("{:<11}", control.status.as_str());
            let status = match control.status {
                Status::Fail => self.paint(RED, &status),
                Status::Unknown => self.paint(YELLOW, &status),
                Status::Pass => self.paint(GREEN, &status),
                Status::NotCovered => self.paint(DIM, &status),
            };
            let nothing = if control.status == Status::Pass && control.judged == 0 {
                self.paint(DIM, "  (its checks found no resource to judge)")
            } else {
                String::new()
            };
            writeln!(
                out,
                "  {status}  {:<width$}  {}{nothing}",
                control.id,
                text(control.title)
            )?;
            for finding in control.findings.iter().take(MAX_CONTROL_FINDINGS) {
                let Some((resource, span)) = finding.location() else {
                    continue;
                };
                let mark = if finding.outcome == Outcome::Fail {
                    "✗"
                } else {
                    "?"
                };
                writeln!(
                    out,
                    "               {mark} {}  {}:{}  {}",
                    text(&resource.address),
                    text(&resource.file),
                    span.line,
                    text(&report.rule(finding).id)
                )?;
            }
            if control.findings.len() > MAX_CONTROL_FINDINGS {
                writeln!(
                    out,
                    "               … and {} more (--format json lists them all)",
                    control.findings.len() - MAX_CONTROL_FINDINGS
                )?;
            }
        }
        Ok(())
    }

    fn rule(
        &self,
        report: &Report,
        index: usize,
        outcome: Outcome,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let rule = &report.rules[index];
        let findings = report.findings_of(index);
        let total = findings.iter().filter(|f| f.resource.is_some()).count();
        let failed = findings
            .iter()
            .filter(|f| f.outcome == Outcome::Fail)
            .count();
        let unknown = findings
            .iter()
            .filter(|f| f.outcome == Outcome::Unknown)
            .count();
        let resources = plural(total, "resource");
        match outcome {
            Outcome::Pass | Outcome::Suppressed => {
                writeln!(out, "✅ {} ({resources})", text(&rule.name))?
            }
            Outcome::Fail => writeln!(
                out,
                "❌ {} ({failed} of {resources} failed, {})",
                self.paint(BOLD, &text(&rule.name)),
                rule.severity
            )?,
            Outcome::Unknown => writeln!(
                out,
                "⚠️  {} ({resources}, {unknown} unknown)",
                text(&rule.name)
            )?,
            Outcome::Skipped => {
                let why = findings.first().map(Finding::message).unwrap_or_default();
                writeln!(
                    out,
                    "⏭  {} {}",
                    text(&rule.name),
                    self.paint(DIM, &format!("(skipped: {})", text(&why)))
                )?
            }
        }
        let needing_attention = findings
            .iter()
            .filter(|f| matches!(f.outcome, Outcome::Fail | Outcome::Unknown));
        for group in groups(needing_attention) {
            match group.first().outcome {
                Outcome::Fail => self.failure(report, &group, out)?,
                _ => self.unknown(report, &group, out)?,
            }
        }
        Ok(())
    }

    fn failure(&self, report: &Report, group: &Group, out: &mut dyn Write) -> io::Result<()> {
        let finding = group.first();
        self.resource_line(report, group, &self.paint(RED, "✗"), out)?;
        for a in finding
            .assertions
            .iter()
            .filter(|a| a.verdict == Verdict::Fail)
        {
            writeln!(out, "     {}", text(detail(group, a)))?;
            if let Some(message) = &a.assertion.message {
                writeln!(out, "     {}", self.paint(YELLOW, &text(message)))?;
            }
        }
        self.instances(group, out)?;
        if let Some(fix) = &report.rule(finding).remediation {
            // A remediation may span lines on purpose (a YAML block); each is guarded.
            let fix = terminal::block(fix);
            writeln!(out, "     {} {fix}", self.paint(GREEN, "Fix:"))?;
        }
        Ok(())
    }

    fn unknown(&self, report: &Report, group: &Group, out: &mut dyn Write) -> io::Result<()> {
        let finding = group.first();
        self.resource_line(report, group, &self.paint(YELLOW, "?"), out)?;
        let unsure = finding
            .resource
            .as_deref()
            .and_then(|r| r.instance.as_ref())
            .and_then(|i| i.unsure.as_deref());
        if let Some(unsure) = unsure {
            writeln!(out, "     {}", self.paint(DIM, &text(unsure)))?;
        }
        // What would fail if an undecided filter applies (or the instance exists), then
        // what could not be decided.
        let condition = if unsure.is_some() {
            "would fail if it exists"
        } else {
            "would fail if the rule applies"
        };
        for a in finding
            .assertions
            .iter()
            .filter(|a| a.verdict == Verdict::Fail)
        {
            let line = format!("{condition}: {}", text(detail(group, a)));
            writeln!(out, "     {}", self.paint(DIM, &line))?;
        }
        for a in finding
            .assertions
            .iter()
            .filter(|a| a.verdict == Verdict::Unknown)
        {
            writeln!(out, "     {}", self.paint(DIM, &text(detail(group, a))))?;
        }
        self.instances(group, out)
    }

    /// The instances of a group, with where each one's value was set; the first few.
    fn instances(&self, group: &Group, out: &mut dyn Write) -> io::Result<()> {
        const SHOWN: usize = 10;
        if !group.is_many() {
            return Ok(());
        }
        let instances = group.instances();
        for instance in instances.iter().take(SHOWN) {
            writeln!(
                out,
                "     {}",
                self.paint(DIM, &format!("· {}", text(instance)))
            )?;
        }
        if instances.len() > SHOWN {
            let more = format!("· and {} more instances", instances.len() - SHOWN);
            writeln!(out, "     {}", self.paint(DIM, &more))?;
        }
        Ok(())
    }

    /// The resource (or the block and how many instances), where it is, and the framework
    /// controls its rule maps to.
    fn resource_line(
        &self,
        report: &Report,
        group: &Group,
        mark: &str,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let finding = group.first();
        let Some((resource, span)) = finding.location() else {
            return Ok(());
        };
        let controls = frameworks::summary(&report.rule(finding).frameworks);
        let controls = if controls.is_empty() {
            controls
        } else {
            format!("  {}", self.paint(DIM, &text(&controls)))
        };
        writeln!(
            out,
            "   {mark} {}  {}:{}{controls}",
            text(&group.address()),
            text(&resource.file),
            span.line
        )?;
        if let Some(why) = &finding.in_scope_because {
            writeln!(out, "     {}", self.paint(DIM, &format!("({})", text(why))))?;
        }
        Ok(())
    }

    fn verdict(&self, report: &Report) -> String {
        let blocking: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| self.gate.blocks(report, f))
            .collect();
        match self.gate.verdict(report) {
            GateVerdict::Passed => self.paint(GREEN, "Validation passed!"),
            GateVerdict::Failed => self.paint(
                RED,
                &format!("Validation failed: {} must be fixed.", plural(blocking.len(), "finding")),
            ),
            GateVerdict::Incomplete => self.paint(
                RED,
                &format!(
                    "Validation incomplete: {} (a file not read, a read refused or a value past a limit); the results above cover the rest.",
                    plural(report.errors.len(), "error")
                ),
            ),
        }
    }
}

/// A file that could not be read: its name as one field, the parser's message (which may
/// span lines, with a snippet of the source) as a guarded block.
/// An assertion's words: for a group, without where the value was set, which the list of
/// instances says for each.
fn detail<'a>(group: &Group, a: &'a AssertionResult) -> &'a str {
    match a.found.as_deref() {
        Some(found) if group.is_many() => found.plain_detail(),
        _ => a.detail(),
    }
}

fn file_error(error: &FileError) -> String {
    let file = text(&error.file);
    let message = terminal::block(&error.message);
    if error.line > 0 {
        format!("{file}:{}:{}: {message}", error.line, error.column)
    } else {
        format!("{file}: {message}")
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
