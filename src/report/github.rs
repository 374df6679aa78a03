//! GitHub Actions workflow commands: `::error file=…,line=…::message` per finding, which the
//! runner turns into annotations on the pull request.

use super::{Emitter, Finding, Outcome, Report};
use crate::rules::Severity;
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

impl Emitter for GithubCommands {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for error in &report.errors {
            writeln!(
                out,
                "::error file={},line={},col={},title={}::{}",
                property(&error.file),
                error.line.max(1),
                error.column.max(1),
                property("riveter: file could not be parsed"),
                data(&error.message)
            )?;
        }
        for finding in report
            .findings
            .iter()
            .filter(|f| matches!(f.outcome, Outcome::Fail | Outcome::Unknown))
        {
            let Some(resource) = &finding.resource else {
                continue;
            };
            let rule = report.rule(finding);
            let span = finding.span().unwrap_or(resource.span);
            let mut message = format!("{}: {}", resource.address, finding.message);
            if let Some(fix) = &rule.remediation {
                message.push_str(&format!("\nFix: {fix}"));
            }
            writeln!(
                out,
                "::{} file={},line={},endLine={},col={},endColumn={},title={}::{}",
                annotation_level(report, finding),
                property(&resource.file),
                span.line.max(1),
                span.end_line.max(span.line).max(1),
                span.column.max(1),
                span.end_column.max(1),
                property(&rule.name),
                data(&message)
            )?;
        }
        Ok(())
    }
}

/// Escaping for a command's message, as the runner requires.
pub fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a command's properties: also `:` and `,`, which separate them.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_requires() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a: b, c"), "a%3A b%2C c");
    }
}
