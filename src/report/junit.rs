//! JUnit XML: a test suite per rule, a test case per resource (`classname` = rule id, `name` =
//! resource address, unique), failures with the assertion messages and `file:line`, skipped
//! rules and unknowns as skipped with the reason.

use super::{Emitter, Finding, Outcome, Report};
use crate::rules::Verdict;
use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite};
use std::collections::HashMap;
use std::io::{self, Write};

pub struct Junit;

impl Emitter for Junit {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut junit = quick_junit::Report::new("riveter");
        for (index, rule) in report.rules.iter().enumerate() {
            let mut suite = TestSuite::new(format!("{}: {}", rule.id, rule.name));
            suite.add_property(Property::new("severity", rule.severity.as_str()));
            suite.add_property(Property::new(
                "rule",
                format!("{}:{}", rule.origin.file, rule.origin.line),
            ));
            let findings = report.findings_of(index);
            let names = unique_names(findings);
            for (finding, name) in findings.iter().zip(names) {
                let mut case = TestCase::new(name, status(report, finding));
                case.set_classname(rule.id.clone());
                suite.add_test_case(case);
            }
            junit.add_test_suite(suite);
        }
        if !report.errors.is_empty() {
            junit.add_test_suite(parse_errors(report));
        }
        let xml = junit.to_string().map_err(io::Error::other)?;
        out.write_all(without_suites_skipped(&xml).as_bytes())?;
        out.write_all(b"\n")
    }
}

/// quick-junit always writes `skipped` on `<testsuites>`, which the widely used JUnit schema
/// (Jenkins' junit-10.xsd) does not allow there; each `<testsuite>` keeps its own count.
fn without_suites_skipped(xml: &str) -> String {
    let Some(start) = xml.find("<testsuites") else {
        return xml.to_string();
    };
    let end = xml[start..].find('>').map_or(xml.len(), |e| start + e);
    let tag = &xml[start..end];
    let Some(attr) = tag.find(" skipped=\"") else {
        return xml.to_string();
    };
    let value_end = tag[attr + 10..]
        .find('"')
        .map_or(tag.len(), |e| attr + 10 + e + 1);
    format!(
        "{}{}{}",
        &xml[..start + attr],
        &tag[value_end..],
        &xml[end..]
    )
}

/// The resource address; a second resource of the same address (the same module in two
/// folders) gets its file added, so no two test cases share a name.
fn unique_names(findings: &[Finding]) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for f in findings {
        *counts
            .entry(f.resource.as_ref().map_or("", |r| r.address.as_str()))
            .or_default() += 1;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let base = match &f.resource {
                None => "(no matching resource)".to_string(),
                Some(r) if counts[r.address.as_str()] > 1 => format!("{} ({})", r.address, r.file),
                Some(r) => r.address.clone(),
            };
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            if *n > 1 { format!("{base} #{n}") } else { base }
        })
        .collect()
}

fn status(report: &Report, finding: &Finding) -> TestCaseStatus {
    let location = finding
        .location()
        .map(|(resource, span)| format!("{}:{}", resource.file, span.line));
    match finding.outcome {
        Outcome::Pass => TestCaseStatus::success(),
        Outcome::Fail => {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(finding.message.clone());
            status.set_type(report.rule(finding).severity.as_str());
            status.set_description(failure_text(report, finding, location.as_deref()));
            status
        }
        Outcome::Unknown | Outcome::Skipped | Outcome::Suppressed => {
            let mut status = TestCaseStatus::skipped();
            let prefix = match finding.outcome {
                Outcome::Unknown => "unknown before terraform plan: ",
                Outcome::Suppressed => "suppressed: ",
                _ => "skipped: ",
            };
            let at = location.map(|l| format!(" ({l})")).unwrap_or_default();
            let message = match &finding.suppression {
                Some(_) => finding
                    .explained()
                    .trim_start_matches("suppressed ")
                    .to_string(),
                None => finding.message.clone(),
            };
            status.set_message(format!("{prefix}{message}{at}"));
            status
        }
    }
}

fn failure_text(report: &Report, finding: &Finding, location: Option<&str>) -> String {
    let mut lines = Vec::new();
    if let Some(location) = location {
        lines.push(format!("at {location}"));
    }
    for a in finding
        .assertions
        .iter()
        .filter(|a| a.verdict == Verdict::Fail)
    {
        lines.push(a.full_message());
    }
    if let Some(fix) = &report.rule(finding).remediation {
        lines.push(format!("Fix: {fix}"));
    }
    lines.join("\n")
}

/// Files that did not parse, as errors: CI shows them beside the failures.
fn parse_errors(report: &Report) -> TestSuite {
    let mut suite = TestSuite::new("riveter: files that could not be read");
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for error in &report.errors {
        let n = seen.entry(error.file.as_str()).or_default();
        *n += 1;
        let name = if *n > 1 {
            format!("{} #{n}", error.file)
        } else {
            error.file.clone()
        };
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
        status.set_message(error.to_string());
        let mut case = TestCase::new(name, status);
        case.set_classname("parse-error");
        suite.add_test_case(case);
    }
    suite
}

#[cfg(test)]
mod tests {
    use super::without_suites_skipped;

    #[test]
    fn only_the_testsuites_skipped_count_goes() {
        let xml = r#"<testsuites name="r" tests="2" skipped="1" failures="0"><testsuite skipped="1"/></testsuites>"#;
        assert_eq!(
            without_suites_skipped(xml),
            r#"<testsuites name="r" tests="2" failures="0"><testsuite skipped="1"/></testsuites>"#
        );
    }
}
