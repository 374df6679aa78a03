//! JUnit XML: a test suite per rule, a test case per resource (`classname` = rule id, `name` =
//! resource address, unique), failures with the assertion messages and `file:line`, skipped
//! rules and unknowns as skipped with the reason. Every text goes through `escape::xml` first,
//! so a character XML 1.0 forbids is shown as an escape rather than making the file unreadable
//! or being dropped by quick-junit's cleaning.

use super::Emitter;
use crate::escape::xml;
use crate::findings::{Finding, Outcome, Report, ResourceRef};
use crate::rules::Verdict;
use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite, XmlString};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::OnceLock;

pub struct Junit;

impl Emitter for Junit {
    /// Written a group of suites at a time, each suite serialized by quick-junit in a report
    /// of its own and the `<testsuites>` element around them written once: a monorepo's
    /// report has hundreds of thousands of test cases, which quick-junit would otherwise hold
    /// all at once.
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(head(report)?.as_bytes())?;
        let names = CaseNames(
            (0..report.model.len())
                .map(|_| Default::default())
                .collect(),
        );
        for group in groups(report) {
            let pieces: Vec<Vec<u8>> = group
                .par_iter()
                .map(|&index| suite_of_rule(report, index, &names))
                .collect::<io::Result<_>>()?;
            for piece in pieces {
                out.write_all(&piece)?;
            }
        }
        if !report.errors.is_empty() {
            out.write_all(&suite_xml(parse_errors(report), &[])?)?;
        }
        out.write_all(b"\n</testsuites>\n\n")
    }
}

/// The rules in order, in groups whose suites are built and serialized side by side. A group
/// closes at a number of cases, not of suites: enough small suites to keep every core busy
/// between the waits for a group's slowest suite, and few enough large ones that a group is
/// not held in memory many times over.
fn groups(report: &Report) -> Vec<Vec<usize>> {
    const CASES: usize = 32_768;
    let mut groups = vec![Vec::new()];
    let mut cases = 0;
    for rule in 0..report.rules.len() {
        let current = groups.last_mut().expect("there is always a group");
        current.push(rule);
        cases += report.findings_of(rule).len();
        if cases >= CASES {
            groups.push(Vec::new());
            cases = 0;
        }
    }
    groups
}

/// The XML declaration and the `<testsuites>` tag with the totals quick-junit would count:
/// a case per finding and per unreadable file, failures, and those files as errors.
fn head(report: &Report) -> io::Result<String> {
    let mut totals = quick_junit::Report::new("riveter");
    totals.tests = report.findings.len() + report.errors.len();
    totals.failures = report.count(Outcome::Fail);
    totals.errors = report.errors.len();
    let xml = totals.to_string().map_err(io::Error::other)?;
    let end = end_of_suites_tag(xml.as_bytes())
        .ok_or_else(|| io::Error::other("quick-junit wrote no <testsuites> tag"))?;
    Ok(without_suites_skipped(&xml[..end]))
}

/// The suite of one rule, serialized. Its cases' texts are written in after quick-junit
/// serialized the suite (`Later`); should that fail, because one of the rule's own texts holds
/// what looks like a placeholder, the suite is made again with every text given to quick-junit.
fn suite_of_rule(report: &Report, index: usize, names: &CaseNames) -> io::Result<Vec<u8>> {
    let (built, later) = suite(report, index, names, true);
    match suite_xml(built, &later) {
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            let (built, none) = suite(report, index, names, false);
            suite_xml(built, &none)
        }
        result => result,
    }
}

/// One suite as quick-junit writes it inside `<testsuites>`: serialized in a report of its
/// own, from the end of the `<testsuites>` tag to the line of `</testsuites>`, with the texts
/// of its cases (`later[i]` for case `i`) in place of their placeholders.
fn suite_xml(suite: TestSuite, later: &[Option<String>]) -> io::Result<Vec<u8>> {
    const CLOSE: &[u8] = b"\n</testsuites>";
    let mut one = quick_junit::Report::new("riveter");
    one.add_test_suite(suite);
    let mut xml = Vec::new();
    one.serialize(&mut xml).map_err(io::Error::other)?;
    let start = end_of_suites_tag(&xml);
    let end = xml.windows(CLOSE.len()).rposition(|w| w == CLOSE);
    match (start, end) {
        (Some(start), Some(end)) if start <= end => {
            // Cut in place, without a second buffer: a suite of a rule that selects every
            // resource runs to megabytes.
            xml.truncate(end);
            xml.drain(..start);
            if later.iter().all(Option::is_none) {
                Ok(xml)
            } else {
                Later::fill(&xml, later)
            }
        }
        _ => Err(io::Error::other(
            "quick-junit wrote a suite outside <testsuites>",
        )),
    }
}

/// The suite of one rule: a case per finding. With `later`, each case's own text (a failure's
/// description, a skipped case's message) is a placeholder, and the texts come back beside the
/// suite, a case's at its index.
fn suite(
    report: &Report,
    index: usize,
    names: &CaseNames,
    later: bool,
) -> (TestSuite, Vec<Option<String>>) {
    let rule = &report.rules[index];
    // Cleaned once and cloned: quick-junit cleans every string it is given as text.
    let severity = XmlString::new(rule.severity.as_str());
    let classname = XmlString::new(xml::field(&rule.id));
    let mut suite = TestSuite::new(xml::field(&format!("{}: {}", rule.id, rule.name)));
    suite.add_property(Property::new("severity", severity.clone()));
    suite.add_property(Property::new(
        "rule",
        xml::field(&format!("{}:{}", rule.origin.file, rule.origin.line)),
    ));
    let findings = report.findings_of(index);
    // The cases are made side by side, a rule's cases split across the cores, and straight
    // into the suite: the largest suites hold tens of thousands of cases, and a case takes
    // 300 bytes, which adding them one by one would copy once more. `collect` keeps their
    // order.
    let texts;
    (suite.test_cases, texts) = findings
        .par_iter()
        .zip(unique_names(findings))
        .enumerate()
        .map_init(Messages::default, |messages, (at, (finding, name))| {
            let (status, text) = status(report, finding, &severity, messages, later.then_some(at));
            let mut case = TestCase::new(names.of(finding, name), status);
            case.set_classname(classname.clone());
            (case, text)
        })
        .unzip();
    count_cases(&mut suite);
    (suite, texts)
}

/// The counts quick-junit's `add_test_case` keeps, for cases put in the suite directly.
fn count_cases(suite: &mut TestSuite) {
    suite.tests = suite.test_cases.len();
    (suite.failures, suite.errors, suite.skipped) = (0, 0, 0);
    for case in &suite.test_cases {
        match &case.status {
            TestCaseStatus::Success { .. } => {}
            TestCaseStatus::NonSuccess { kind, .. } => match kind {
                NonSuccessKind::Failure => suite.failures += 1,
                NonSuccessKind::Error => suite.errors += 1,
            },
            TestCaseStatus::Skipped { .. } => suite.skipped += 1,
        }
    }
}

/// Where the `<testsuites ...>` tag ends (just after its `>`).
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

/// How a finding's test case is named.
#[derive(Debug, PartialEq)]
enum CaseName {
    /// Its resource's address, unique within the suite.
    Address,
    /// The address with the file after it: another resource of the suite has the same
    /// address (the same module in two folders).
    AddressInFile,
    /// A name made unique with a number, or the case of a rule that selected nothing.
    Other(String),
}

/// Names such that no two test cases of a suite share one. A suite names a case per resource
/// it selected, so the maps are keyed by borrowed text and hashed with foldhash: formatting
/// and SipHashing a name per case cost more than the rest of the suite.
fn unique_names(findings: &[Finding]) -> Vec<CaseName> {
    let mut counts: FastMap<&str, usize> = FastMap::default();
    for f in findings {
        *counts
            .entry(f.resource.as_ref().map_or("", |r| r.address.as_str()))
            .or_default() += 1;
    }
    // Only a repeated address can give a repeated name: its name is the address in its file,
    // numbered from the second time that pair comes.
    let mut seen: FastMap<(&str, &str), usize> = FastMap::default();
    let mut unmatched = 0;
    findings
        .iter()
        .map(|f| {
            let Some(r) = &f.resource else {
                unmatched += 1;
                return numbered(NO_RESOURCE.to_string(), unmatched);
            };
            if counts[r.address.as_str()] == 1 {
                return CaseName::Address;
            }
            let n = seen.entry((&r.address, &r.file)).or_default();
            *n += 1;
            match *n {
                1 => CaseName::AddressInFile,
                n => numbered(in_file(r), n),
            }
        })
        .collect()
}

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// The case of a rule that selected nothing.
const NO_RESOURCE: &str = "(no matching resource)";

/// The `n`th case named `base`: the first keeps the name, the others are numbered.
fn numbered(base: String, n: usize) -> CaseName {
    match n {
        1 => CaseName::Other(base),
        n => CaseName::Other(format!("{base} #{n}")),
    }
}

fn in_file(resource: &ResourceRef) -> String {
    format!("{} ({})", resource.address, resource.file)
}

/// Test case names cleaned once per resource and cloned: quick-junit cleans every string it
/// is given (ANSI escapes, control characters), copying it twice on the way, and a resource
/// is named in the suite of every rule that selects it.
struct CaseNames(Vec<[OnceLock<XmlString>; 2]>);

impl CaseNames {
    fn of(&self, finding: &Finding, name: CaseName) -> XmlString {
        let (resource, slot) = match (&finding.resource, &name) {
            (Some(resource), CaseName::Address) => (resource, 0),
            (Some(resource), CaseName::AddressInFile) => (resource, 1),
            (_, CaseName::Other(name)) => return XmlString::new(xml::field(name)),
            (None, _) => return XmlString::new(NO_RESOURCE),
        };
        let text = || match slot {
            0 => XmlString::new(xml::field(&resource.address)),
            _ => XmlString::new(xml::field(&in_file(resource))),
        };
        match finding.resource_index.and_then(|i| self.0.get(i)) {
            Some(slots) => slots[slot].get_or_init(text).clone(),
            None => text(),
        }
    }
}

/// Failure messages cleaned once per suite: a rule fails on many resources for the same
/// reason (a monorepo's report has tens of thousands of failures and about a hundred distinct
/// messages).
#[derive(Default)]
struct Messages<'r>(FastMap<&'r str, XmlString>);

impl<'r> Messages<'r> {
    fn of(&mut self, finding: &'r Finding) -> XmlString {
        match finding.message() {
            Cow::Borrowed(text) => self
                .0
                .entry(text)
                .or_insert_with(|| XmlString::new(xml::field(text)))
                .clone(),
            Cow::Owned(text) => XmlString::new(xml::field(&text)),
        }
    }
}

/// A case's status. With `later` (the case's index), its own text is a placeholder and comes
/// back beside the status.
fn status<'r>(
    report: &Report,
    finding: &'r Finding,
    severity: &XmlString,
    messages: &mut Messages<'r>,
    later: Option<usize>,
) -> (TestCaseStatus, Option<String>) {
    let mut text = None;
    let mut own = |value: String| {
        let value = match xml::text(&value) {
            Cow::Borrowed(_) => value,
            Cow::Owned(escaped) => escaped,
        };
        match later {
            Some(at) => {
                text = Some(value);
                Later::placeholder(at)
            }
            None => XmlString::new(value),
        }
    };
    // Formatted only for a case that says something: most cases pass.
    let location = || {
        finding
            .location()
            .map(|(resource, span)| format!("{}:{}", xml::field(&resource.file), span.line))
    };
    let status = match finding.outcome {
        Outcome::Pass => TestCaseStatus::success(),
        Outcome::Fail => {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(messages.of(finding));
            status.set_type(severity.clone());
            status.set_description(own(failure_text(report, finding, location().as_deref())));
            status
        }
        Outcome::Unknown | Outcome::Skipped | Outcome::Suppressed => {
            let mut status = TestCaseStatus::skipped();
            let prefix = match finding.outcome {
                Outcome::Unknown => "unknown before terraform plan: ",
                Outcome::Suppressed => "suppressed: ",
                _ => "skipped: ",
            };
            let at = location().map(|l| format!(" ({l})")).unwrap_or_default();
            let message = match &finding.suppression {
                Some(_) => finding
                    .explained()
                    .trim_start_matches("suppressed ")
                    .to_string(),
                None => finding.message().into_owned(),
            };
            // An attribute: its line feeds would be read as spaces.
            let message = xml::field(&message);
            status.set_message(own(format!("{prefix}{message}{at}")));
            status
        }
    };
    (status, text)
}

/// The texts made for each case, written into the serialized suite instead of being given to
/// quick-junit, which cleans every string it is given through strip-ansi-escapes: a terminal
/// parser that writes the text back a character at a time through a formatted write. Each case
/// gives quick-junit a short placeholder instead; the text, cleaned as quick-junit would clean
/// it and escaped as quick-xml escapes text and attributes, takes its place afterwards.
struct Later;

impl Later {
    /// Private-use characters: the parser keeps them, quick-xml does not escape them, and
    /// riveter's own texts do not hold them (a rule's text that does is caught by `fill`).
    const OPEN: char = '\u{e000}';
    const CLOSE: char = '\u{e001}';

    fn placeholder(at: usize) -> XmlString {
        XmlString::new(format!("{}{at}{}", Self::OPEN, Self::CLOSE))
    }

    /// The serialized suite with each placeholder replaced by its case's text. Every text must
    /// be found once, in case order, and nothing else may look like a placeholder; otherwise an
    /// `InvalidData` error says to make the suite without placeholders.
    fn fill(xml: &[u8], later: &[Option<String>]) -> io::Result<Vec<u8>> {
        let ambiguous = || io::Error::from(io::ErrorKind::InvalidData);
        let mut open = [0; 3];
        let mut close = [0; 3];
        Self::OPEN.encode_utf8(&mut open);
        Self::CLOSE.encode_utf8(&mut close);
        let extra: usize = later.iter().flatten().map(|t| t.len() + t.len() / 8).sum();
        let mut out = Vec::with_capacity(xml.len() + extra);
        let mut expected = later.iter().enumerate().filter(|(_, t)| t.is_some());
        let mut rest = xml;
        while let Some(start) = memchr::memmem::find(rest, &open) {
            let digits = &rest[start + open.len()..];
            let end = memchr::memmem::find(digits, &close).ok_or_else(ambiguous)?;
            let at: usize = std::str::from_utf8(&digits[..end])
                .ok()
                .and_then(|d| d.parse().ok())
                .ok_or_else(ambiguous)?;
            let (want, text) = expected.next().ok_or_else(ambiguous)?;
            if want != at {
                return Err(ambiguous());
            }
            out.extend_from_slice(&rest[..start]);
            escape_into(&cleaned(text.as_deref().unwrap_or_default()), &mut out);
            rest = &digits[end + close.len()..];
        }
        if expected.next().is_some() {
            return Err(ambiguous());
        }
        out.extend_from_slice(rest);
        Ok(out)
    }
}

/// `text` as quick-junit's `XmlString` keeps it. Printable ASCII and line feeds are the bytes
/// its terminal parser gives back unchanged and its control-character filter keeps, so such
/// text (nearly all) is kept as it is; any other text goes through quick-junit itself.
fn cleaned(text: &str) -> Cow<'_, str> {
    let plain = text.bytes().fold(true, |plain, b| {
        plain & (matches!(b, b' '..=b'~') | (b == b'\n'))
    });
    if plain {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(XmlString::new(text).into_string())
    }
}

/// quick-xml's escaping of text and attribute values, as quick-junit writes both.
fn escape_into(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let entity: &[u8] = match b {
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'&' => b"&amp;",
            b'\'' => b"&apos;",
            b'"' => b"&quot;",
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        out.extend_from_slice(entity);
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
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
        status.set_message(xml::field(&error.to_string()));
        let mut case = TestCase::new(xml::field(&name), status);
        case.set_classname("parse-error");
        suite.add_test_case(case);
    }
    suite
}

#[cfg(test)]
mod tests {
    use super::{
        CaseName, CaseNames, Later, count_cases, suite_xml, unique_names, without_suites_skipped,
    };
    use crate::findings::{Finding, Outcome, ResourceRef};
    use crate::value::Span;
    use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite, XmlString};
    use std::sync::Arc;

    fn finding(address: &str, file: &str, index: usize) -> Finding {
        Finding {
            rule: 0,
            resource: Some(Arc::new(ResourceRef {
                resource_type: "aws_s3_bucket".into(),
                name: "logs".into(),
                address: address.into(),
                file: file.into(),
                span: Span::default(),
                instance: None,
            })),
            resource_index: Some(index),
            outcome: Outcome::Pass,
            note: None,
            assertions: Vec::new(),
            suppression: None,
            in_scope: None,
            in_scope_because: None,
        }
    }

    #[test]
    fn no_two_cases_of_a_suite_share_a_name() {
        let findings = [
            finding("aws_s3_bucket.logs", "dev/main.tf", 0),
            finding("aws_s3_bucket.logs", "prod/main.tf", 1),
            finding("aws_s3_bucket.data", "dev/main.tf", 2),
            finding("aws_s3_bucket.logs", "prod/main.tf", 3),
        ];
        let names = CaseNames((0..4).map(|_| Default::default()).collect());
        let written: Vec<String> = findings
            .iter()
            .zip(unique_names(&findings))
            .map(|(f, name)| names.of(f, name).as_str().to_string())
            .collect();
        assert_eq!(
            written,
            [
                "aws_s3_bucket.logs (dev/main.tf)",
                "aws_s3_bucket.logs (prod/main.tf)",
                "aws_s3_bucket.data",
                "aws_s3_bucket.logs (prod/main.tf) #2",
            ]
        );
    }

    #[test]
    fn a_resource_keeps_its_name_in_every_suite() {
        let names = CaseNames(vec![Default::default()]);
        let dev = finding("aws_s3_bucket.logs", "dev/main.tf", 0);
        let first = names.of(&dev, CaseName::AddressInFile);
        assert_eq!(names.of(&dev, CaseName::AddressInFile), first);
        assert_eq!(
            names.of(&dev, CaseName::Address).as_str(),
            "aws_s3_bucket.logs"
        );
    }

    #[test]
    fn cases_put_in_directly_are_counted_as_quick_junit_counts_them() {
        let statuses = [
            TestCaseStatus::success(),
            TestCaseStatus::non_success(NonSuccessKind::Failure),
            TestCaseStatus::non_success(NonSuccessKind::Failure),
            TestCaseStatus::non_success(NonSuccessKind::Error),
            TestCaseStatus::skipped(),
        ];
        let cases: Vec<TestCase> = statuses
            .into_iter()
            .enumerate()
            .map(|(i, status)| TestCase::new(format!("case {i}"), status))
            .collect();
        let mut added = TestSuite::new("rule");
        added.add_test_cases(cases.clone());
        let mut direct = TestSuite::new("rule");
        direct.test_cases = cases;
        count_cases(&mut direct);
        assert_eq!(direct, added);
    }

    /// Texts with everything quick-junit cleans or quick-xml escapes: plain text, markup
    /// characters, terminal escapes, control bytes, DEL, non-ASCII and C1 characters.
    const TRICKY: [&str; 7] = [
        "at main.tf:3\nFix: set \"acl\" to <private> & 'more'",
        "",
        "\u{1b}[31mred\u{1b}[0m and \u{1b}]8;;https://x\u{7}link\u{1b}]8;;\u{7}",
        "tab\there\r\nline\u{7f}end\u{0}",
        "caf\u{e9} \u{2713} \u{1F600} <&>",
        "\u{85}next\u{9b}31mcsi",
        "  leading and trailing spaces \n\n",
    ];

    /// A suite with a failing and a skipped case per text: given to quick-junit, or as
    /// placeholders with the texts beside.
    fn suite_of(texts: &[&str], later: bool) -> (TestSuite, Vec<Option<String>>) {
        let mut suite = TestSuite::new("rule: name");
        let mut beside = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let own = |at: usize| match later {
                true => Later::placeholder(at),
                false => XmlString::new(text),
            };
            let mut failure = TestCaseStatus::non_success(NonSuccessKind::Failure);
            failure.set_message(format!("message {i}"));
            failure.set_type("high");
            failure.set_description(own(2 * i));
            let mut skipped = TestCaseStatus::skipped();
            skipped.set_message(own(2 * i + 1));
            for status in [failure, skipped] {
                let mut case = TestCase::new(format!("case {}", beside.len()), status);
                case.set_classname("rule");
                suite.add_test_case(case);
                beside.push(later.then(|| text.to_string()));
            }
        }
        (suite, beside)
    }

    #[test]
    fn texts_written_in_later_are_the_bytes_quick_junit_writes() {
        let (direct, none) = suite_of(&TRICKY, false);
        let (placeholders, texts) = suite_of(&TRICKY, true);
        let expected = suite_xml(direct, &none).unwrap();
        let written = suite_xml(placeholders, &texts).unwrap();
        assert_eq!(
            String::from_utf8(written).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    #[test]
    fn a_text_that_looks_like_a_placeholder_is_not_taken_for_one() {
        // A rule's own text holding a placeholder's characters: `fill` must refuse rather
        // than write a text in the wrong place.
        let lookalike = Later::placeholder(0).as_str().to_string();
        let (mut suite, texts) = suite_of(&["a text"], true);
        suite.add_property(Property::new("rule", lookalike.as_str()));
        let refused = suite_xml(suite, &texts).unwrap_err();
        assert_eq!(refused.kind(), std::io::ErrorKind::InvalidData);
    }

    /// What quick-junit's cleaning gives, pinned: `cleaned` relies on plain text passing
    /// through unchanged, and hands everything else to quick-junit.
    #[test]
    fn texts_are_cleaned_as_the_terminal_parser_cleans_them() {
        let cleaned = |text: &str| XmlString::new(text).as_str().to_string();
        let cases = [
            (
                "at main.tf:3\nFix: set \"acl\" to <private> & more",
                "at main.tf:3\nFix: set \"acl\" to <private> & more",
            ),
            ("", ""),
            (
                "\u{1b}[31mred\u{1b}[0m and \u{1b}]8;;https://x\u{7}link\u{1b}]8;;\u{7}",
                "red and link",
            ),
            ("tab\there\r\nline\u{7f}end\u{0}", "tabhere\nline\u{7f}end"),
            (
                "caf\u{e9} \u{2713} \u{1F600}",
                "caf\u{e9} \u{2713} \u{1F600}",
            ),
            ("\u{85}next\u{9b}31mcsi", "next31mcsi"),
        ];
        for (text, expected) in cases {
            assert_eq!(cleaned(text), expected, "cleaning {text:?}");
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
