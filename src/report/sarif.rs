//! SARIF 2.1.0 as GitHub code scanning reads it: every rule with its help and
//! `security-severity`, every failure (and unknown, as a note) with a region, fingerprints that
//! survive unrelated edits, a category, and parse errors as tool notifications.

use super::Emitter;
use super::layout::Layout;
use crate::escape::json::NoOldCommands;
use crate::findings::{Finding, Group, Outcome, Report, fingerprint, groups};
use crate::rules::{Rule, Severity, frameworks};
use crate::value::Span;
use serde_sarif::sarif;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// GitHub rejects runs with more results than this.
pub const MAX_RESULTS: usize = 25_000;
/// GitHub rejects uploads larger than this once gzipped.
pub const MAX_GZIPPED_BYTES: usize = 10 * 1024 * 1024;

const INFORMATION_URI: &str = "https://github.com/riveter-dev/riveter";

pub struct Sarif {
    /// `automationDetails.id`: scans of one repository with different categories do not close
    /// each other's alerts.
    pub category: String,
}

impl Emitter for Sarif {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut kept = reportable(report);
        let mut omitted = kept.len().saturating_sub(MAX_RESULTS);
        kept.truncate(MAX_RESULTS);
        loop {
            let bytes = self.render(report, &kept, omitted)?;
            // Halve until it fits; the most severe results are first, so they stay.
            if kept.is_empty() || fits(&bytes)? {
                let mut out = NoOldCommands::new(out);
                out.write_all(&bytes)?;
                out.write_all(b"\n")?;
                return out.finish();
            }
            let keep = kept.len() / 2;
            omitted += kept.len() - keep;
            kept.truncate(keep);
        }
    }
}

/// Failures and unknowns, the most severe first (failures before unknowns), each group in
/// report order; the instances of a module's block that came out the same way are one result.
fn reportable(report: &Report) -> Vec<Group<'_>> {
    let mut findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.outcome,
                Outcome::Fail | Outcome::Unknown | Outcome::Suppressed
            )
        })
        .collect();
    findings.sort_by_key(|f| {
        (
            f.outcome == Outcome::Unknown,
            std::cmp::Reverse(report.severity(f)),
        )
    });
    groups(findings)
}

/// Whether GitHub takes the log: gzipped within its limit. A log that is already smaller is
/// not compressed to find out (most are: one file with every pack writes half a megabyte of
/// rule descriptions), since deflate adds at most 5 bytes per 64 KiB block it cannot shrink
/// and gzip 18 bytes of framing; the bound below is far more than that.
fn fits(bytes: &[u8]) -> io::Result<bool> {
    if bytes.len() + bytes.len() / 4096 + 1024 <= MAX_GZIPPED_BYTES {
        return Ok(true);
    }
    Ok(gzipped_size(bytes)? <= MAX_GZIPPED_BYTES)
}

fn gzipped_size(bytes: &[u8]) -> io::Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

impl Sarif {
    /// The log as serde-sarif writes it, with the results rendered side by side into it one
    /// at a time: a `sarif::Result` takes kilobytes, so building them all first cost more
    /// memory than the rest of the scan.
    fn render(&self, report: &Report, findings: &[Group], omitted: usize) -> io::Result<Vec<u8>> {
        /// The run's results field as serde_json writes an empty one: a key, so never inside
        /// a string, where its quotes would be escaped.
        const EMPTY_RESULTS: &[u8] = b"\"results\": []";
        let skeleton = serde_json::to_vec_pretty(&self.log(report, omitted))?;
        let at = skeleton
            .windows(EMPTY_RESULTS.len())
            .position(|w| w == EMPTY_RESULTS)
            .ok_or_else(|| io::Error::other("the SARIF log has no results field"))?
            + EMPTY_RESULTS.len()
            - 2;
        let mut out = Vec::with_capacity(skeleton.len() + findings.len() * 1024);
        out.extend_from_slice(&skeleton[..at]);
        write_results(report, findings, &mut out)?;
        out.extend_from_slice(&skeleton[at + 2..]);
        Ok(out)
    }

    /// The log without its results (an empty list stands in for them).
    fn log(&self, report: &Report, omitted: usize) -> sarif::Sarif {
        let results: Vec<sarif::Result> = Vec::new();
        let mut notifications: Vec<sarif::Notification> =
            report.errors.iter().map(parse_error).collect();
        if omitted > 0 {
            notifications.push(
                sarif::Notification::builder()
                    .level(serde_json::json!("warning"))
                    .message(text(&format!(
                        "{omitted} result(s) were left out to stay within GitHub's limits ({MAX_RESULTS} results, 10 MB gzipped); the most severe were kept"
                    )))
                    .build(),
            );
        }
        let invocation = sarif::Invocation::builder()
            .execution_successful(report.errors.is_empty())
            .tool_execution_notifications(notifications)
            .build();
        let driver = sarif::ToolComponent::builder()
            .name("riveter")
            .full_name(format!("riveter {}", env!("CARGO_PKG_VERSION")))
            .version(env!("CARGO_PKG_VERSION"))
            .semantic_version(env!("CARGO_PKG_VERSION"))
            .information_uri(INFORMATION_URI)
            .rules(report.rules.iter().map(descriptor).collect::<Vec<_>>())
            .build();
        let run = sarif::Run::builder()
            .tool(sarif::Tool::builder().driver(driver).build())
            .results(results)
            .invocations(vec![invocation])
            .automation_details(
                sarif::RunAutomationDetails::builder()
                    .id(self.category.clone())
                    .build(),
            )
            .column_kind(serde_json::json!("unicodeCodePoints"))
            .build();
        sarif::Sarif::builder()
            .schema(sarif::SCHEMA_URL)
            .version(serde_json::json!("2.1.0"))
            .runs(vec![run])
            .build()
    }
}

/// The results array, each result at its depth in the log (`runs[0].results[i]`).
fn write_results(report: &Report, findings: &[Group], out: &mut Vec<u8>) -> io::Result<()> {
    let layout = Layout { pretty: true };
    layout.write_array(out, 4, findings, |piece, group| {
        layout.write(piece, 4, &result(report, group))
    })
}

fn text(message: &str) -> sarif::Message {
    sarif::Message::builder().text(message).build()
}

/// How GitHub ranks a rule's alerts.
pub fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "1.0",
    }
}

fn level(severity: Severity) -> sarif::ResultLevel {
    match severity {
        Severity::Critical | Severity::High => sarif::ResultLevel::Error,
        Severity::Medium => sarif::ResultLevel::Warning,
        Severity::Low | Severity::Info => sarif::ResultLevel::Note,
    }
}

fn descriptor(rule: &Rule) -> sarif::ReportingDescriptor {
    let description = rule
        .description
        .clone()
        .unwrap_or_else(|| rule.name.clone());
    let mut tags = vec!["security".to_string(), "terraform".to_string()];
    tags.extend(rule.tags.iter().cloned());
    tags.extend(rule.frameworks.iter().flat_map(|(framework, controls)| {
        controls
            .iter()
            .map(move |c| format!("{framework}:{c}"))
            .chain(std::iter::once(framework.clone()))
    }));
    tags.dedup();
    let mut properties = BTreeMap::new();
    properties.insert(
        "security-severity".to_string(),
        serde_json::json!(security_severity(rule.severity)),
    );
    properties.insert("precision".to_string(), serde_json::json!("very-high"));
    // The controls as data too: tags are flat strings, a property keeps framework → controls.
    if !rule.frameworks.is_empty() {
        properties.insert("frameworks".to_string(), serde_json::json!(rule.frameworks));
    }
    properties.insert(
        "problem.severity".to_string(),
        serde_json::json!(problem_severity(rule.severity)),
    );
    let mut descriptor = sarif::ReportingDescriptor::builder()
        .id(rule.id.clone())
        .name(pascal_case(&rule.name))
        .short_description(
            sarif::MultiformatMessageString::builder()
                .text(rule.name.clone())
                .build(),
        )
        .full_description(
            sarif::MultiformatMessageString::builder()
                .text(description.clone())
                .build(),
        )
        .help(
            sarif::MultiformatMessageString::builder()
                .text(help_text(rule, &description))
                .markdown(help_markdown(rule, &description))
                .build(),
        )
        .default_configuration(
            sarif::ReportingConfiguration::builder()
                .level(serde_json::to_value(level(rule.severity)).unwrap_or_default())
                .build(),
        )
        .properties(
            sarif::PropertyBag::builder()
                .tags(tags)
                .additional_properties(properties)
                .build(),
        )
        .build();
    descriptor.help_uri = rule.references.first().cloned();
    descriptor
}

fn problem_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "recommendation",
    }
}

/// SARIF's guidance wants rule names in PascalCase: "S3 buckets must use KMS" -> "S3BucketsMustUseKms".
fn pascal_case(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            let first = chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>())
                .unwrap_or_default();
            first + &chars.as_str().to_lowercase()
        })
        .collect()
}

fn help_text(rule: &Rule, description: &str) -> String {
    let mut out = description.to_string();
    if let Some(fix) = &rule.remediation {
        out.push_str(&format!("\n\nFix: {fix}"));
    }
    for reference in &rule.references {
        out.push_str(&format!("\n{reference}"));
    }
    out
}

fn help_markdown(rule: &Rule, description: &str) -> String {
    let mut out = format!(
        "**{}** ({} severity)\n\n{description}",
        rule.name, rule.severity
    );
    if let Some(fix) = &rule.remediation {
        out.push_str(&format!("\n\n**Fix:** {fix}"));
    }
    if !rule.references.is_empty() {
        out.push_str("\n\n**References:**\n");
        for reference in &rule.references {
            out.push_str(&format!("\n- <{reference}>"));
        }
    }
    if !rule.frameworks.is_empty() {
        out.push_str("\n\n**Frameworks:** ");
        out.push_str(&frameworks::summary(&rule.frameworks));
    }
    out
}

fn location(file: &str, span: Span) -> sarif::Location {
    let mut region = sarif::Region::builder()
        .start_line(span.line.max(1) as i64)
        .build();
    if span.column > 0 {
        region.start_column = Some(span.column as i64);
    }
    if span.end_line >= span.line && span.end_line > 0 {
        region.end_line = Some(span.end_line as i64);
        if span.end_column > 0 && (span.end_line > span.line || span.end_column > span.column) {
            region.end_column = Some(span.end_column as i64);
        }
    }
    sarif::Location::builder()
        .physical_location(
            sarif::PhysicalLocation::builder()
                .artifact_location(sarif::ArtifactLocation::builder().uri(uri(file)).build())
                .region(region)
                .build(),
        )
        .build()
}

/// A relative URI: `/`-separated, with the characters URIs reserve escaped.
fn uri(file: &str) -> String {
    let mut out = String::new();
    for b in file.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn result(report: &Report, group: &Group) -> sarif::Result {
    let finding = group.first();
    let rule = report.rule(finding);
    let (resource, span) = finding
        .location()
        .expect("only findings on resources are reported");
    let level = if finding.outcome == Outcome::Unknown {
        sarif::ResultLevel::Note
    } else {
        level(rule.severity)
    };
    let address = group.address();
    let mut message = match finding.outcome {
        Outcome::Unknown => format!(
            "{}: {address} cannot be decided before `terraform plan`: {}",
            rule.name,
            group.message()
        ),
        _ => format!("{}: {address} {}", rule.name, group.message()),
    };
    if group.is_many() {
        message.push_str(&format!("\nInstances: {}", group.instances().join("; ")));
    }
    let mut fingerprints = BTreeMap::new();
    let print = match &resource.instance {
        // One result stands for the block's instances, whichever of them fail.
        Some(_) => fingerprint::of_block(report, finding),
        None => fingerprint::of_finding(report, finding),
    };
    fingerprints.insert("riveter/v1".to_string(), print);
    let mut result = sarif::Result::builder()
        .rule_id(rule.id.clone())
        .rule_index(finding.rule as i64)
        .level(level)
        .message(text(&message))
        .locations(vec![location(&resource.file, span)])
        .partial_fingerprints(fingerprints)
        .build();
    let related = related_locations(group);
    if !related.is_empty() {
        result.related_locations = Some(related);
    }
    // In a scan scoped to a change, every result is uploaded, so code scanning keeps the
    // whole repository's alerts; each says whether the change can affect it.
    let scoped = group
        .findings
        .iter()
        .filter_map(|f| f.in_scope)
        .reduce(|a, b| a || b);
    if let Some(in_scope) = scoped {
        let mut properties = BTreeMap::new();
        properties.insert("in_scope".to_string(), serde_json::json!(in_scope));
        let because = group
            .findings
            .iter()
            .filter(|f| f.in_scope == Some(true))
            .find_map(|f| f.in_scope_because.as_deref());
        if let Some(because) = because {
            properties.insert("in_scope_because".to_string(), serde_json::json!(because));
        }
        result.properties = Some(
            sarif::PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        );
    }
    if let Some(suppression) = &finding.suppression {
        // Code scanning shows a result with a suppression as dismissed.
        let kind = match suppression.kind {
            crate::findings::SuppressionKind::Inline => "inSource",
            crate::findings::SuppressionKind::Baseline => "external",
        };
        let justification = suppression
            .reason
            .clone()
            .unwrap_or_else(|| format!("suppressed at {}", suppression.location));
        result.suppressions = Some(vec![
            sarif::Suppression::builder()
                .kind(serde_json::json!(kind))
                .status(serde_json::json!("accepted"))
                .justification(justification)
                .build(),
        ]);
    }
    result
}

/// Where the decisive values were set (a caller's argument, a default, a tfvars file) and the
/// module calls that made the instances, each once: a fix is one click away.
fn related_locations(group: &Group) -> Vec<sarif::Location> {
    let mut places: Vec<(String, u32, String)> = Vec::new();
    let mut add = |file: &str, line: u32, words: String| {
        if line > 0 && !places.iter().any(|(f, l, _)| f == file && *l == line) {
            places.push((file.to_string(), line, words));
        }
    };
    for finding in &group.findings {
        for a in &finding.assertions {
            let Some(p) = a.found.as_deref().and_then(|f| f.provenance.as_ref()) else {
                continue;
            };
            let mut origin = Some(&p.origin);
            while let Some(o) = origin {
                if let Some(file) = &o.file {
                    add(file, o.line, format!("{}: {}", p.reference, o.words));
                }
                origin = o.from.as_ref();
            }
        }
        if let Some(instance) = finding
            .resource
            .as_deref()
            .and_then(|r| r.instance.as_ref())
        {
            for call in &instance.calls {
                add(
                    &call.file,
                    call.line,
                    format!("{} is called here", call.address),
                );
            }
        }
    }
    places
        .into_iter()
        .enumerate()
        .map(|(id, (file, line, words))| {
            let span = Span {
                line,
                column: 0,
                end_line: line,
                end_column: 0,
            };
            let mut location = location(&file, span);
            location.id = Some(id as i64);
            location.message = Some(text(&words));
            location
        })
        .collect()
}

fn parse_error(error: &crate::terraform::FileError) -> sarif::Notification {
    let span = Span {
        line: error.line,
        column: error.column,
        end_line: error.line,
        end_column: error.column,
    };
    sarif::Notification::builder()
        .level(serde_json::json!("error"))
        .message(text(&format!("{}: {}", error.file, error.message)))
        .locations(vec![location(&error.file, span)])
        .build()
}

#[cfg(test)]
mod tests {
    use super::{MAX_GZIPPED_BYTES, fits, gzipped_size};

    #[test]
    fn a_log_fits_by_its_gzipped_size() {
        // Small enough to fit without compressing.
        assert!(fits(b"{}").unwrap());
        // Larger than the limit, yet compresses to almost nothing.
        let repetitive = vec![b'a'; MAX_GZIPPED_BYTES + 1];
        assert!(fits(&repetitive).unwrap());
        // Larger than the limit and incompressible (a xorshift stream).
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let noise: Vec<u8> = (0..MAX_GZIPPED_BYTES + 1)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        assert!(gzipped_size(&noise).unwrap() > MAX_GZIPPED_BYTES);
        assert!(!fits(&noise).unwrap());
    }
}
