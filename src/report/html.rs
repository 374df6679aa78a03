//! A single self-contained HTML page for CI artifacts: the verdict, counts by severity and
//! outcome, a chart of failures, and a table of findings with filters. Styles and script are
//! inline and the page's content security policy forbids loading anything, so it reads the same
//! offline as online; every text that came from Terraform or rules is escaped.

use super::Emitter;
use super::compliance;
use crate::escape::html::escape;
use crate::findings::{Finding, Outcome, Report};
use crate::gate::{Gate, GateVerdict};
use crate::rules::{Rule, Severity, Verdict};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::io::{self, Write};

/// Bars beyond this many are summed up in one line: a pack scan can fail on hundreds of rules.
pub const MAX_BARS: usize = 15;

pub struct Html {
    /// The gate whose verdict the page states.
    pub gate: Gate,
}

impl Emitter for Html {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(report, self.gate).as_bytes())
    }
}

/// The outcomes the findings table lists, in the order it lists them: what needs a look first.
const LISTED: [Outcome; 3] = [Outcome::Fail, Outcome::Unknown, Outcome::Suppressed];

pub fn render(report: &Report, gate: Gate) -> String {
    let mut page = String::with_capacity(16 * 1024);
    page.push_str(HEAD);
    body(report, gate, &mut page).expect("writing to a String does not fail");
    page
}

fn body(report: &Report, gate: Gate, page: &mut String) -> fmt::Result {
    verdict(report, gate, page)?;
    counts(report, page)?;
    errors(report, page)?;
    chart(report, page)?;
    findings(report, page)?;
    rule_summary(report, page)?;
    compliance_section(report, page)?;
    write!(
        page,
        "<footer>riveter {}</footer>\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    )
}

fn verdict(report: &Report, gate: Gate, page: &mut String) -> fmt::Result {
    let verdict = gate.verdict(report);
    let blocking = report
        .findings
        .iter()
        .filter(|f| gate.blocks(report, f))
        .count();
    let (class, title, detail) = match verdict {
        GateVerdict::Passed => ("passed", "Passed", "the gate passes".to_string()),
        GateVerdict::Failed => (
            "failed",
            "Failed",
            format!(
                "{} the gate",
                plural(blocking, "finding fails", "findings fail")
            ),
        ),
        GateVerdict::Incomplete => (
            "incomplete",
            "Incomplete",
            format!(
                "{} (a file not read, a read refused or a value past a limit), so the scan is incomplete",
                plural(report.errors.len(), "error", "errors")
            ),
        ),
    };
    let unknowns = if gate.unknown_fails {
        "unknown results fail too"
    } else {
        "unknown results do not fail"
    };
    writeln!(
        page,
        "<header class=\"verdict {class}\" id=\"verdict\" data-verdict=\"{class}\">\
         <h1>riveter: {title}</h1><p>{} (exit code {}). The gate fails on {} and above; {unknowns}.</p>\
         <p class=\"scope\">{} in {} · {} rules</p></header>",
        escape(&detail),
        verdict.exit_code(),
        gate.fail_on,
        plural(report.resources, "resource", "resources"),
        plural(report.files, "file", "files"),
        report.rules.len(),
    )
}

/// Results by severity and outcome, then rules by outcome.
fn counts(report: &Report, page: &mut String) -> fmt::Result {
    let columns = [
        Outcome::Fail,
        Outcome::Unknown,
        Outcome::Suppressed,
        Outcome::Pass,
    ];
    let mut by: BTreeMap<(Severity, Outcome), usize> = BTreeMap::new();
    for finding in &report.findings {
        *by.entry((report.severity(finding), finding.outcome))
            .or_default() += 1;
    }
    page.push_str(
        "<section><h2>Results by severity</h2><table class=\"counts\" id=\"counts\"><thead><tr><th>Severity</th><th>Failed</th><th>Unknown</th><th>Suppressed</th><th>Passed</th></tr></thead><tbody>\n",
    );
    for severity in Severity::ALL {
        write!(
            page,
            "<tr data-severity=\"{severity}\"><th><span class=\"sev sev-{severity}\">{severity}</span></th>"
        )?;
        for outcome in columns {
            let n = by.get(&(severity, outcome)).copied().unwrap_or(0);
            let class = if n > 0 && outcome == Outcome::Fail {
                " class=\"hot\""
            } else {
                ""
            };
            write!(
                page,
                "<td{class} data-outcome=\"{}\">{n}</td>",
                outcome.as_str()
            )?;
        }
        page.push_str("</tr>\n");
    }
    page.push_str("<tr class=\"total\"><th>Total</th>");
    for outcome in columns {
        write!(
            page,
            "<td data-outcome=\"{}\">{}</td>",
            outcome.as_str(),
            report.count(outcome)
        )?;
    }
    let rules = report.rule_counts();
    write!(
        page,
        "</tr>\n</tbody></table>\n<p id=\"rule-counts\">Rules: {} passed, {} failed, {} unknown, {} skipped.</p></section>\n",
        rules.passed, rules.failed, rules.unknown, rules.skipped
    )
}

fn errors(report: &Report, page: &mut String) -> fmt::Result {
    if report.errors.is_empty() {
        return Ok(());
    }
    page.push_str("<section id=\"errors\"><h2>Files that could not be read</h2><ul>\n");
    for error in &report.errors {
        writeln!(page, "<li>{}</li>", escape(&error.to_string()))?;
    }
    page.push_str("</ul></section>\n");
    Ok(())
}

/// The first pack that selected a rule, when one did (a check several packs select counts
/// once, under the first).
fn pack(rule: &Rule) -> Option<&str> {
    rule.packs.first().map(String::as_str)
}

/// Failures by rule, as CSS bars; by pack (or rule file) when the rules come from packs, where
/// a bar per rule would be hundreds long.
fn chart(report: &Report, page: &mut String) -> fmt::Result {
    let by_pack = report.rules.iter().any(|r| pack(r).is_some());
    // Bars keep the order they are first met in, so equal counts stay in rule order.
    let mut bars: Vec<(String, usize)> = Vec::new();
    for finding in report
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Fail)
    {
        let rule = report.rule(finding);
        let label = if by_pack {
            pack(rule).unwrap_or(&rule.origin.file).to_string()
        } else {
            rule.name.clone()
        };
        match bars.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => bars.push((label, 1)),
        }
    }
    bars.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let title = if by_pack {
        "Failures by pack or rule file"
    } else {
        "Failures by rule"
    };
    writeln!(
        page,
        "<section><h2>{title}</h2><div class=\"chart\" id=\"chart\" role=\"img\" aria-label=\"{title}\">"
    )?;
    if bars.is_empty() {
        page.push_str("<p class=\"none\">No failures.</p>\n");
    }
    let most = bars.first().map_or(1, |(_, n)| *n);
    for (label, n) in bars.iter().take(MAX_BARS) {
        // At least a sliver, so a bar of one among hundreds is still seen.
        let width = (n * 100 / most).max(1);
        let label = escape(label);
        writeln!(
            page,
            "<div class=\"bar\"><span class=\"label\" title=\"{label}\">{label}</span><span class=\"track\"><span class=\"fill\" style=\"width:{width}%\"></span></span><span class=\"n\">{n}</span></div>"
        )?;
    }
    if bars.len() > MAX_BARS {
        let rest = &bars[MAX_BARS..];
        let failures: usize = rest.iter().map(|(_, n)| n).sum();
        writeln!(
            page,
            "<p class=\"more\">…and {} more with {}</p>",
            rest.len(),
            plural(failures, "failure", "failures")
        )?;
    }
    page.push_str("</div></section>\n");
    Ok(())
}

/// The failed, unknown and suppressed results: the most severe first within each outcome.
fn listed(report: &Report) -> Vec<&Finding> {
    let mut found: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| LISTED.contains(&f.outcome) && f.resource.is_some())
        .collect();
    found.sort_by_key(|f| {
        let outcome = LISTED.iter().position(|o| *o == f.outcome);
        (outcome, std::cmp::Reverse(report.severity(f)))
    });
    found
}

fn findings(report: &Report, page: &mut String) -> fmt::Result {
    let found = listed(report);
    page.push_str("<section><h2>Findings</h2>\n");
    if found.is_empty() {
        page.push_str("<p class=\"none\" id=\"no-findings\">No failed, unknown or suppressed results.</p></section>\n");
        return Ok(());
    }
    filters(report, &found, page)?;
    page.push_str(
        "<table class=\"findings\" id=\"findings\"><thead><tr><th>Outcome</th><th>Severity</th><th>Rule</th><th>Resource</th><th>Location</th><th>Expected and found</th><th>Fix</th></tr></thead><tbody>\n",
    );
    for finding in found {
        row(report, finding, page)?;
    }
    page.push_str("</tbody></table>\n<p class=\"none\" id=\"no-match\" hidden>No finding matches the filters.</p></section>\n");
    Ok(())
}

/// Select boxes for severity, rule, file and outcome; the script hides the rows that do not
/// match and keeps the choice in the address's `#fragment`, so a link opens the same view.
fn filters(report: &Report, found: &[&Finding], page: &mut String) -> fmt::Result {
    let severities: BTreeSet<std::cmp::Reverse<Severity>> = found
        .iter()
        .map(|f| std::cmp::Reverse(report.severity(f)))
        .collect();
    let rules: BTreeMap<usize, &Rule> = found.iter().map(|f| (f.rule, report.rule(f))).collect();
    let files: BTreeSet<&str> = found
        .iter()
        .filter_map(|f| f.resource.as_deref())
        .map(|r| &*r.file)
        .collect();
    let outcomes: Vec<Outcome> = LISTED
        .into_iter()
        .filter(|o| found.iter().any(|f| f.outcome == *o))
        .collect();
    page.push_str("<form class=\"filters\" id=\"filters\">\n");
    select(
        page,
        "severity",
        "Severity",
        severities
            .iter()
            .map(|s| (s.0.as_str().to_string(), s.0.as_str().to_string())),
    )?;
    select(
        page,
        "rule",
        "Rule",
        rules.values().map(|r| (r.id.clone(), r.name.clone())),
    )?;
    select(
        page,
        "file",
        "File",
        files.iter().map(|f| (f.to_string(), f.to_string())),
    )?;
    select(
        page,
        "outcome",
        "Outcome",
        outcomes
            .iter()
            .map(|o| (o.as_str().to_string(), o.as_str().to_string())),
    )?;
    writeln!(
        page,
        "<output id=\"shown\">{n} of {n} findings shown</output></form>",
        n = found.len()
    )
}

fn select(
    page: &mut String,
    name: &str,
    label: &str,
    options: impl Iterator<Item = (String, String)>,
) -> fmt::Result {
    write!(
        page,
        "<label>{label} <select id=\"filter-{name}\" data-filter=\"{name}\"><option value=\"\">all</option>"
    )?;
    for (value, text) in options {
        write!(
            page,
            "<option value=\"{}\">{}</option>",
            escape(&value),
            escape(&text)
        )?;
    }
    page.push_str("</select></label>\n");
    Ok(())
}

fn row(report: &Report, finding: &Finding, page: &mut String) -> fmt::Result {
    let rule = report.rule(finding);
    let Some((resource, span)) = finding.location() else {
        return Ok(());
    };
    let outcome = finding.outcome.as_str();
    let severity = rule.severity;
    let file = escape(&resource.file);
    write!(
        page,
        "<tr class=\"{outcome}\" data-outcome=\"{outcome}\" data-severity=\"{severity}\" data-rule=\"{}\" data-file=\"{file}\">\
         <td><span class=\"outcome\">{outcome}</span></td><td><span class=\"sev sev-{severity}\">{severity}</span></td>\
         <td class=\"rule\">{}<br><code>{}</code></td><td><code>{}</code></td><td class=\"loc\"><code>{file}:{}</code></td><td>",
        escape(&rule.id),
        escape(&rule.name),
        escape(&rule.id),
        escape(&resource.address),
        span.line,
    )?;
    details(finding, page)?;
    page.push_str("</td><td>");
    match &rule.remediation {
        Some(fix) => page.push_str(&escape(fix)),
        None => page.push_str("<span class=\"none\">none given</span>"),
    }
    page.push_str("</td></tr>\n");
    Ok(())
}

/// What was expected and what was found, assertion by assertion, with the author's message;
/// for a suppressed result, why it is suppressed first.
fn details(finding: &Finding, page: &mut String) -> fmt::Result {
    if let Some(s) = &finding.suppression {
        let why = s.reason.as_deref().unwrap_or("no reason given");
        let until = s
            .expires
            .map(|d| format!(", until {d}"))
            .unwrap_or_default();
        write!(
            page,
            "<p class=\"why\">Suppressed at {} ({}{until}); it was {}.</p>",
            escape(&s.location),
            escape(why),
            s.original.as_str()
        )?;
    }
    let mut said = false;
    for a in &finding.assertions {
        let lead = match (finding.outcome, a.verdict) {
            (_, Verdict::Pass) => continue,
            // An unknown result's failing assertion fails only if the undecided filter applies.
            (Outcome::Unknown, Verdict::Fail) => "would fail if the rule applies: ",
            _ => "",
        };
        said = true;
        write!(page, "<p>{lead}{}", escape(a.detail()))?;
        if let Some(message) = &a.assertion.message {
            write!(page, "<br><em>{}</em>", escape(message))?;
        }
        page.push_str("</p>");
    }
    if !said {
        write!(page, "<p>{}</p>", escape(&finding.message()))?;
    }
    Ok(())
}

/// Every rule with its outcome and how many resources it passed and failed on, folded away:
/// passes are most of a scan and need no reading, only counting.
fn rule_summary(report: &Report, page: &mut String) -> fmt::Result {
    let outcomes = report.rule_outcomes();
    writeln!(
        page,
        "<section><details id=\"rules\"><summary>All {} rules and their results</summary>\
         <table class=\"rules\"><thead><tr><th>Rule</th><th>Severity</th><th>Result</th><th>Passed</th><th>Failed</th><th>Unknown</th><th>Suppressed</th></tr></thead><tbody>",
        report.rules.len()
    )?;
    for (index, (rule, outcome)) in report.rules.iter().zip(outcomes).enumerate() {
        let findings = report.findings_of(index);
        let n = |o: Outcome| findings.iter().filter(|f| f.outcome == o).count();
        let result = match outcome {
            Outcome::Skipped => format!(
                "skipped: {}",
                findings.first().map(Finding::message).unwrap_or_default()
            ),
            Outcome::Suppressed => "pass".to_string(),
            other => other.as_str().to_string(),
        };
        writeln!(
            page,
            "<tr><td>{}<br><code>{}</code></td><td><span class=\"sev sev-{sev}\">{sev}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&rule.name),
            escape(&rule.id),
            escape(&result),
            n(Outcome::Pass),
            n(Outcome::Fail),
            n(Outcome::Unknown),
            n(Outcome::Suppressed),
            sev = rule.severity,
        )?;
    }
    page.push_str("</tbody></table></details></section>\n");
    Ok(())
}

/// Every control of the `--compliance` framework with its status, and the findings that
/// decided a failed or unknown control.
fn compliance_section(report: &Report, page: &mut String) -> fmt::Result {
    let Some(compliance) = compliance::of(report) else {
        return Ok(());
    };
    writeln!(
        page,
        "<section><details id=\"compliance\" open><summary>Compliance with {}: {}</summary>\
         <table class=\"rules\"><thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Findings</th></tr></thead><tbody>",
        escape(&compliance.framework.name),
        escape(&compliance.summary())
    )?;
    for control in &compliance.controls {
        let findings: Vec<String> = control
            .findings
            .iter()
            .filter_map(|finding| {
                let (resource, span) = finding.location()?;
                Some(format!(
                    "<code>{}</code> {}:{} <code>{}</code>",
                    escape(&resource.address),
                    escape(&resource.file),
                    span.line,
                    escape(&report.rule(finding).id)
                ))
            })
            .collect();
        writeln!(
            page,
            "<tr class=\"control-{}\"><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            control.status.as_str().replace(' ', "-"),
            escape(control.id),
            escape(control.title),
            control.status_words(),
            findings.join("<br>")
        )?;
    }
    page.push_str("</tbody></table></details></section>\n");
    Ok(())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Everything up to the verdict. The policy allows the page's own inline style and script and
/// nothing else, so a report opened from an artifact never reaches the network.
const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>riveter report</title>
<style>
:root { --fail: #b42318; --pass: #067647; --warn: #b54708; --muted: #667085; --line: #e4e7ec; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #101828; background: #f9fafb; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
h1 { margin: 0 0 4px; font-size: 24px; }
h2 { margin: 0 0 12px; font-size: 17px; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.verdict { border-radius: 8px; padding: 16px 20px; color: #fff; }
.verdict p { margin: 4px 0 0; }
.verdict.passed { background: var(--pass); }
.verdict.failed { background: var(--fail); }
.verdict.incomplete { background: var(--warn); }
.scope { opacity: .85; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
table.counts { width: auto; }
table.counts td { text-align: right; min-width: 80px; }
td.hot { color: var(--fail); font-weight: 600; }
tr.total th, tr.total td { font-weight: 600; border-bottom: 0; }
.sev { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.sev-critical { background: #7a271a; } .sev-high { background: #d92d20; } .sev-medium { background: #dc6803; }
.sev-low { background: #1570ef; } .sev-info { background: #667085; }
.outcome { font-weight: 600; }
tr.fail .outcome { color: var(--fail); } tr.unknown .outcome { color: var(--warn); } tr.suppressed .outcome { color: var(--muted); }
tr.suppressed td { color: var(--muted); }
td p { margin: 0 0 4px; } p.why { font-style: italic; }
/* Fixed columns: a long address or detail wraps inside its cell instead of widening the page. */
table.findings { table-layout: fixed; }
table.findings td { overflow-wrap: anywhere; }
table.findings td:nth-child(-n+2) { overflow-wrap: normal; }
table.findings th:nth-child(1) { width: 104px; } table.findings th:nth-child(2) { width: 96px; }
table.findings th:nth-child(3) { width: 15%; } table.findings th:nth-child(4) { width: 14%; }
table.findings th:nth-child(5) { width: 13%; } table.findings th:nth-child(6) { width: 27%; }
.chart .bar { display: grid; grid-template-columns: minmax(120px, 38%) 1fr 48px; gap: 10px; align-items: center; margin: 4px 0; }
.chart .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chart .track { background: #f2f4f7; border-radius: 4px; height: 18px; }
.chart .fill { display: block; height: 100%; background: var(--fail); border-radius: 4px; }
.chart .n { text-align: right; font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 12px; }
.filters select { margin-left: 4px; max-width: 320px; }
#shown { color: var(--muted); margin-left: auto; }
.none, .more { color: var(--muted); }
summary { cursor: pointer; font-weight: 600; }
details table { margin-top: 12px; }
footer { color: var(--muted); text-align: center; font-size: 12px; }
</style>
</head>
<body>
<main>
"#;

/// The filters: each select box narrows the rows by its `data-` attribute. The choice lives in
/// the address's fragment (`#severity=high&file=main.tf`), read on load and written on change.
const SCRIPT: &str = r#"
(function () {
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
  var shown = document.getElementById('shown');
  var noMatch = document.getElementById('no-match');
  function apply() {
    var n = 0;
    rows.forEach(function (row) {
      var match = selects.every(function (s) {
        return s.value === '' || row.getAttribute('data-' + s.dataset.filter) === s.value;
      });
      row.hidden = !match;
      if (match) { n += 1; }
    });
    if (shown) { shown.textContent = n + ' of ' + rows.length + ' findings shown'; }
    if (noMatch) { noMatch.hidden = n !== 0; }
  }
  function fromHash() {
    var wanted = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0) {
        wanted[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
      }
    });
    selects.forEach(function (s) {
      var value = wanted[s.dataset.filter] || '';
      // A value the report does not have (a stale link) shows everything rather than nothing.
      var known = Array.prototype.some.call(s.options, function (o) { return o.value === value; });
      s.value = known ? value : '';
    });
  }
  function toHash() {
    var parts = selects.filter(function (s) { return s.value !== ''; }).map(function (s) {
      return encodeURIComponent(s.dataset.filter) + '=' + encodeURIComponent(s.value);
    });
    history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search);
  }
  selects.forEach(function (s) {
    s.addEventListener('change', function () { toHash(); apply(); });
  });
  window.addEventListener('hashchange', function () { fromHash(); apply(); });
  fromHash();
  apply();
})();
"#;
