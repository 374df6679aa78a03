//! The status of every control of one framework after a scan (`--compliance FRAMEWORK`), as an
//! auditor asks for it: each control passes, fails, cannot be decided before `plan`, or is
//! covered by no check the scan ran. The table, JSON, Markdown and HTML reports each render it.

use crate::findings::{Finding, Outcome, Report};
use crate::rules::frameworks::ControlList;

/// A control's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// A check mapped to it failed a resource (and the failure is not suppressed).
    Fail,
    /// No check failed, and one could not decide a resource before `plan`.
    Unknown,
    /// Every check mapped to it passed: `judged` says on how many resources, since a check
    /// that found nothing to judge passes too.
    Pass,
    /// No check the scan ran is mapped to it.
    NotCovered,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Fail => "fail",
            Status::Unknown => "unknown",
            Status::Pass => "pass",
            Status::NotCovered => "not covered",
        }
    }
}

/// One control of the framework, with the checks the scan ran for it and the findings that
/// decided a fail or an unknown.
pub struct ControlStatus<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub status: Status,
    /// The ids of the checks mapped to it, in the scan's rule order.
    pub checks: Vec<&'a str>,
    /// The failures, or (when none failed) the unknowns, in rule then resource order.
    pub findings: Vec<&'a Finding>,
    /// How many (check, resource) pairs its checks judged.
    pub judged: usize,
}

pub struct Compliance<'a> {
    pub framework: &'a ControlList,
    pub controls: Vec<ControlStatus<'a>>,
}

impl ControlStatus<'_> {
    /// The status as a report's cell says it: a pass whose checks judged nothing says so.
    pub fn status_words(&self) -> &'static str {
        if self.status == Status::Pass && self.judged == 0 {
            "pass (no resource to judge)"
        } else {
            self.status.as_str()
        }
    }
}

impl Compliance<'_> {
    /// How many controls have the status.
    pub fn count(&self, status: Status) -> usize {
        self.controls.iter().filter(|c| c.status == status).count()
    }

    /// `4 pass, 2 fail, 1 unknown, 57 not covered`.
    pub fn summary(&self) -> String {
        [
            Status::Pass,
            Status::Fail,
            Status::Unknown,
            Status::NotCovered,
        ]
        .iter()
        .map(|s| format!("{} {}", self.count(*s), s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// The report's framework, when `--compliance` asked for one, control by control in the list's
/// order. A control's checks are the scan's rules that any selected pack (or the rule itself)
/// maps to it; a suppressed failure was accepted on purpose and does not fail it.
pub fn of(report: &Report) -> Option<Compliance<'_>> {
    let framework = report.compliance?;
    let controls = framework
        .controls
        .iter()
        .map(|control| {
            let rules: Vec<usize> = report
                .rules
                .iter()
                .enumerate()
                .filter(|(_, rule)| {
                    rule.frameworks
                        .get(&framework.framework)
                        .is_some_and(|ids| ids.contains(&control.id))
                })
                .map(|(i, _)| i)
                .collect();
            let with = |outcome: Outcome| -> Vec<&Finding> {
                rules
                    .iter()
                    .flat_map(|&rule| report.findings_of(rule))
                    .filter(|f| f.outcome == outcome && f.resource.is_some())
                    .collect()
            };
            let failures = with(Outcome::Fail);
            let judged = rules
                .iter()
                .flat_map(|&rule| report.findings_of(rule))
                .filter(|f| f.resource.is_some() && f.outcome != Outcome::Skipped)
                .count();
            let (status, findings) = if rules.is_empty() {
                (Status::NotCovered, Vec::new())
            } else if !failures.is_empty() {
                (Status::Fail, failures)
            } else {
                let unknowns = with(Outcome::Unknown);
                if unknowns.is_empty() {
                    (Status::Pass, unknowns)
                } else {
                    (Status::Unknown, unknowns)
                }
            };
            ControlStatus {
                id: &control.id,
                title: &control.title,
                status,
                checks: rules.iter().map(|&r| report.rules[r].id.as_str()).collect(),
                findings,
                judged,
            }
        })
        .collect();
    Some(Compliance {
        framework,
        controls,
    })
}
