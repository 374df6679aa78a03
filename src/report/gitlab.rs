//! GitLab Code Quality: one issue per failure, with a fingerprint that is a SHA-256 of rule,
//! file and resource (stable across runs, machines and versions) and GitLab's severities.

use super::Emitter;
use crate::escape::json::NoOldCommands;
use crate::findings::{Outcome, Report, fingerprint};
use crate::rules::Severity;
use serde_json::json;
use std::collections::HashSet;
use std::io::{self, Write};

pub struct Gitlab;

pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "critical",
        Severity::High => "major",
        Severity::Medium => "minor",
        Severity::Low | Severity::Info => "info",
    }
}

impl Emitter for Gitlab {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut seen = HashSet::new();
        let mut issues = Vec::new();
        for finding in report
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Fail)
        {
            let Some((resource, span)) = finding.location() else {
                continue;
            };
            let rule = report.rule(finding);
            let mut print = fingerprint::of_resource(report, finding);
            // Two identical addresses in one file (invalid Terraform, but parsed) still differ.
            let mut n = 1;
            while !seen.insert(print.clone()) {
                n += 1;
                print = fingerprint::of_parts(&[
                    &fingerprint::of_resource(report, finding),
                    &n.to_string(),
                ]);
            }
            let (begin, end) = span.line_range();
            let mut issue = json!({
                "type": "issue",
                "description": format!("{}: {} {}", rule.name, resource.address, finding.message()),
                "check_name": rule.id,
                "fingerprint": print,
                "severity": severity(rule.severity),
                "categories": ["Security"],
                "location": {
                    "path": &*resource.file,
                    "lines": { "begin": begin, "end": end }
                }
            });
            if let Some(fix) = &rule.remediation {
                issue["content"] = json!({ "body": fix });
            }
            issues.push(issue);
        }
        let mut out = NoOldCommands::new(out);
        serde_json::to_writer_pretty(&mut out, &issues)?;
        out.write_all(b"\n")?;
        out.finish()
    }
}
