//! JUnit XML: a test suite per rule, a test case per resource (`classname` = rule id, `name` =
//! resource address, unique), failures with the assertion messages and `file:line`, skipped
//! rules and unknowns as skipped with the reason.

use super::{Emitter, Finding, Outcome, Report};
use crate::rules::Verdict;
use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite, XmlString};
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
            // Cleaned once and cloned: quick-junit cleans every string it is given as text.
            let classname = XmlString::new(&rule.id);
            for (finding, name) in findings.iter().zip(names) {
                let mut case = TestCase::new(name, status(report, finding));
                case.set_classname(classname.clone());
                suite.add_test_case(case);
            }
            junit.add_test_suite(suite);
        }
        if !report.errors.is_empty() {
            junit.add_test_suite(parse_errors(report));
        }
        // Streamed: the XML of a large scan is many times the size of its Terraform.
        let mut out = SuitesSkippedDropped {
            out,
            head: Some(Vec::new()),
        };
        junit.serialize(&mut out).map_err(io::Error::other)?;
        out.finish()?;
        out.out.write_all(b"\n")
    }
}

/// Passes the XML through, taking `skipped` out of the `<testsuites>` tag on the way: the
/// start of the document is held until that tag is complete, the rest is not held at all.
struct SuitesSkippedDropped<'a> {
    out: &'a mut dyn Write,
    /// The bytes before the end of the `<testsuites>` tag; `None` once it has been written.
    head: Option<Vec<u8>>,
}

impl SuitesSkippedDropped<'_> {
    /// Writes what is still held (a document without `<testsuites>` goes through unchanged).
    fn finish(&mut self) -> io::Result<()> {
        match self.head.take() {
            Some(head) => self.out.write_all(&head),
            None => Ok(()),
        }
    }
}

impl Write for SuitesSkippedDropped<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(head) = &mut self.head else {
            return self.out.write(buf);
        };
        head.extend_from_slice(buf);
        if let Some(tag_end) = end_of_suites_tag(head) {
            let (tag, rest) = head.split_at(tag_end);
            // The head is the XML declaration and one tag, written whole by quick-xml.
            let tag = std::str::from_utf8(tag).map_err(io::Error::other)?;
            self.out.write_all(without_suites_skipped(tag).as_bytes())?;
            self.out.write_all(rest)?;
            self.head = None;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Where the `<testsuites ...>` tag ends (after its `>`), once the bytes reach that far.
fn end_of_suites_tag(xml: &[u8]) -> Option<usize> {
    let start = xml.windows(11).position(|w| w == b"<testsuites")?;
    let close = xml[start..].iter().position(|&b| b == b'>')?;
    Some(start + close + 1)
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
    use super::{SuitesSkippedDropped, without_suites_skipped};
    use std::io::Write;

    #[test]
    fn the_attribute_goes_however_the_xml_arrives() {
        let xml = r#"<?xml version="1.0"?>
<testsuites name="r" tests="2" skipped="1" failures="0"><testsuite skipped="1"/></testsuites>"#;
        for chunk in [1, 7, xml.len()] {
            let mut written = Vec::new();
            let mut out = SuitesSkippedDropped {
                out: &mut written,
                head: Some(Vec::new()),
            };
            for piece in xml.as_bytes().chunks(chunk) {
                out.write_all(piece).unwrap();
            }
            out.finish().unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                r#"<?xml version="1.0"?>
<testsuites name="r" tests="2" failures="0"><testsuite skipped="1"/></testsuites>"#,
                "in pieces of {chunk}"
            );
        }
    }

    #[test]
    fn only_the_testsuites_skipped_count_goes() {
        let xml = r#"<testsuites name="r" tests="2" skipped="1" failures="0"><testsuite skipped="1"/></testsuites>"#;
        assert_eq!(
            without_suites_skipped(xml),
            r#"<testsuites name="r" tests="2" failures="0"><testsuite skipped="1"/></testsuites>"#
        );
    }
}
