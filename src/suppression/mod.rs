//! Accepting findings on purpose: inline `riveter:ignore` comments (with a reason and an expiry)
//! and baselines of today's failures. Suppressed results stay in every report, marked, and never
//! fail the gate.

pub mod baseline;

pub use baseline::Baseline;

use crate::date::Date;
use crate::findings::{Finding, Outcome, Report, Suppression, SuppressionKind, fingerprint};
use crate::terraform::{Directive, FileError};
use std::collections::HashSet;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub today: Date,
    /// A comment without `reason="..."` does not suppress.
    pub require_reason: bool,
}

/// What the user should hear about suppressions that did not do what they say.
#[derive(Debug, Default)]
pub struct Notes {
    pub warnings: Vec<String>,
    /// Baseline entries that matched no failure: fixed since the baseline was made.
    pub fixed: Vec<baseline::Entry>,
}

/// A comment's settings, checked.
struct Accepted<'d> {
    directive: &'d Directive,
    reason: Option<String>,
    expires: Option<Date>,
}

/// Marks the findings that comments and the baseline accept, and reports expired, invalid and
/// unused suppressions.
pub fn apply(
    report: &mut Report,
    directives: &[Directive],
    baseline: Option<(&Baseline, &str)>,
    options: Options,
) -> Notes {
    let mut notes = Notes::default();
    // A comment that cannot be read is an error of its file: the scan is incomplete until it
    // is fixed, and it suppresses nothing.
    report.errors.extend(directives.iter().filter_map(|d| {
        d.error.as_ref().map(|message| FileError {
            file: d.file.clone(),
            line: d.line,
            // The comment's line is what a user looks for; its column is the line's start.
            column: 1,
            message: message.clone(),
        })
    }));
    let accepted: Vec<Accepted> = directives
        .iter()
        .filter(|d| d.error.is_none())
        .filter_map(|d| check(d, options, &mut notes.warnings))
        .collect();
    let mut used: HashSet<(usize, String)> = HashSet::new();
    // Separate fields: the rules are read while the findings are marked.
    let rules = &report.rules;
    let own: HashSet<&str> = rules.iter().flat_map(|rule| rule.ids()).collect();
    for finding in report
        .findings
        .iter_mut()
        .filter(|f| matches!(f.outcome, Outcome::Fail | Outcome::Unknown))
    {
        let rule = &rules[finding.rule];
        if let Some((i, a, id)) = accepted.iter().enumerate().find_map(|(i, a)| {
            matches(a.directive, finding, |id| rule.known_as(id, &own)).map(|id| (i, a, id))
        }) {
            used.insert((i, id.to_string()));
            suppress(
                finding,
                SuppressionKind::Inline,
                a.reason.clone(),
                a.expires,
                format!("{}:{}", a.directive.file, a.directive.line),
            );
        }
    }
    for (i, a) in accepted.iter().enumerate() {
        for id in &a.directive.rule_ids {
            if !used.contains(&(i, id.clone())) {
                let why = if rules.iter().any(|r| r.known_as(id, &own)) {
                    "the rule does not fail there"
                } else {
                    "no rule with this id was evaluated"
                };
                notes.warnings.push(format!(
                    "{}:{}: riveter:ignore {id} suppresses nothing ({why}); remove it",
                    a.directive.file, a.directive.line
                ));
            }
        }
    }
    if let Some((baseline, path)) = baseline {
        notes.fixed = apply_baseline(report, baseline, path);
    }
    notes
}

fn check<'d>(
    d: &'d Directive,
    options: Options,
    warnings: &mut Vec<String>,
) -> Option<Accepted<'d>> {
    let at = format!("{}:{}", d.file, d.line);
    if let Some(problem) = &d.problem {
        warnings.push(format!("{at}: riveter:ignore {problem}"));
        return None;
    }
    let Some(address) = &d.address else {
        warnings.push(format!("{at}: riveter:ignore is not above a resource or one of its attributes; it suppresses nothing"));
        return None;
    };
    let mut accepted = Accepted {
        directive: d,
        reason: None,
        expires: None,
    };
    for (key, value) in &d.settings {
        match key.as_str() {
            "reason" => accepted.reason = Some(value.clone()),
            "expires" => match Date::parse(value) {
                Some(date) => accepted.expires = Some(date),
                None => {
                    warnings.push(format!("{at}: riveter:ignore expires=\"{value}\" is not a date (YYYY-MM-DD); it suppresses nothing"));
                    return None;
                }
            },
            other => warnings.push(format!(
                "{at}: riveter:ignore setting `{other}` is unknown (expected reason or expires)"
            )),
        }
    }
    if let Some(expires) = accepted.expires
        && expires < options.today
    {
        warnings.push(format!(
            "{at}: the suppression of {} on {address} expired on {expires}; its findings count again",
            d.rule_ids.join(", ")
        ));
        return None;
    }
    if options.require_reason && accepted.reason.is_none() {
        warnings.push(format!(
            "{at}: riveter:ignore needs reason=\"...\" (--require-reason); it suppresses nothing"
        ));
        return None;
    }
    Some(accepted)
}

/// The directive's id that names the finding's rule (its id or a former one), when the
/// directive is on the finding's resource.
fn matches<'d>(
    d: &'d Directive,
    finding: &Finding,
    names_the_rule: impl Fn(&str) -> bool,
) -> Option<&'d str> {
    let resource = finding.resource.as_ref()?;
    // A comment on a block covers every instance a plan or a state made of it.
    // A comment on a block of a called module covers every instance of the module.
    let on_resource = d.address.as_deref() == Some(resource.local_address())
        || d.instances.contains(&resource.address);
    if *resource.file != *d.file || !on_resource {
        return None;
    }
    d.rule_ids
        .iter()
        .find(|id| names_the_rule(id))
        .map(String::as_str)
}

fn suppress(
    finding: &mut Finding,
    kind: SuppressionKind,
    reason: Option<String>,
    expires: Option<Date>,
    location: String,
) {
    finding.suppression = Some(Box::new(Suppression {
        kind,
        reason,
        expires,
        location,
        original: finding.outcome,
    }));
    finding.outcome = Outcome::Suppressed;
}

/// Failures the baseline lists are suppressed; the entries that match nothing are returned.
fn apply_baseline(report: &mut Report, baseline: &Baseline, path: &str) -> Vec<baseline::Entry> {
    let mut matched = HashSet::new();
    // A baseline written before a check replaced a pack's copies holds the copies' ids: the
    // fingerprint under any id the rule answers to matches.
    let prints: Vec<Option<String>> = report
        .findings
        .iter()
        .map(|f| {
            if f.outcome != Outcome::Fail {
                return None;
            }
            report
                .rule(f)
                .ids()
                .map(|id| fingerprint::of_resource_as(id, f))
                .find(|print| baseline.contains(print))
        })
        .collect();
    for (finding, print) in report.findings.iter_mut().zip(prints) {
        let Some(print) = print else { continue };
        {
            matched.insert(print);
            suppress(
                finding,
                SuppressionKind::Baseline,
                Some(format!("accepted in the baseline {path}")),
                None,
                path.to_string(),
            );
        }
    }
    baseline
        .entries
        .iter()
        .filter(|e| !matched.contains(&e.fingerprint))
        .cloned()
        .collect()
}
