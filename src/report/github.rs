//! GitHub Actions workflow commands: `::error file=…,line=…::message` per finding, which the
//! runner turns into annotations on the pull request.

use super::Emitter;
use crate::escape::workflow::{data, property};
use crate::findings::{Finding, Outcome, Report, groups};
use crate::rules::{Severity, frameworks};
use crate::value::Span;
use std::io::{self, Write};

pub struct GithubCommands;

/// The annotation level GitHub shows for a finding.
pub fn annotation_level(report: &Report, finding: &Finding) -> &'static str {
    if finding.outcome == Outcome::Unknown {
        return "notice";
    }
    match report.severity(finding) {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "notice",
    }
}

/// One annotation on the pull request: a parse error or a finding that needs attention.
/// Both the workflow commands and the Checks API report these, so they are built once here.
pub struct Annotation<'a> {
    pub path: &'a str,
    pub span: Span,
    /// `error`, `warning` or `notice`, as the workflow commands spell them.
    pub level: &'static str,
    pub title: &'a str,
    pub message: String,
}

/// Parse errors first, then every failing or unknown finding that points into a file.
pub fn annotations(report: &Report) -> Vec<Annotation<'_>> {
    let errors = report.errors.iter().map(|error| Annotation {
        path: &error.file,
        span: Span {
            line: error.line,
            column: error.column,
            end_line: error.line,
            end_column: error.column,
        },
        level: "error",
        title: "riveter: file could not be parsed",
        message: error.message.clone(),
    });
    let needing_attention = report
        .findings
        .iter()
        .filter(|f| matches!(f.outcome, Outcome::Fail | Outcome::Unknown));
    // The instances of a module's block that fail the same way are one annotation, listing
    // them: the line is the same for all.
    let findings = groups(needing_attention).into_iter().filter_map(|group| {
        let finding = group.first();
        let (resource, span) = finding.location()?;
        let rule = report.rule(finding);
        let mut message = format!("{}: {}", group.address(), group.message());
        if group.is_many() {
            message.push_str(&format!("\nInstances: {}", group.instances().join("; ")));
        }
        if let Some(why) = &finding.in_scope_because {
            message.push_str(&format!("\n({why})"));
        }
        if !rule.frameworks.is_empty() {
            message.push_str(&format!(
                "\nControls: {}",
                frameworks::summary(&rule.frameworks)
            ));
        }
        if let Some(fix) = &rule.remediation {
            message.push_str(&format!("\nFix: {fix}"));
        }
        Some(Annotation {
            path: &resource.file,
            span,
            level: annotation_level(report, finding),
            title: &rule.name,
            message,
        })
    });
    errors.chain(findings).collect()
}

impl Emitter for GithubCommands {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for annotation in annotations(report) {
            let span = annotation.span;
            let (line, end_line) = span.line_range();
            writeln!(
                out,
                "::{} file={},line={},endLine={},col={},endColumn={},title={}::{}",
                annotation.level,
                property(annotation.path),
                line,
                end_line,
                span.column.max(1),
                span.end_column.max(span.column).max(1),
                property(annotation.title),
                data(&annotation.message)
            )?;
        }
        Ok(())
    }
}
