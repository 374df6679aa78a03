//! Findings of one rule on the instances of one block that came out the same way, which the
//! reports a person reads (the table, annotations, the pull-request comment) show as one entry
//! listing the instances: a module called thirty times is one line, not thirty.

use super::{Finding, Outcome};
use crate::rules::Verdict;
use std::collections::HashMap;

/// One entry of a report a person reads: a finding, and the other instances of its block that
/// failed (or stayed unknown) the same way.
pub struct Group<'r> {
    pub findings: Vec<&'r Finding>,
}

impl<'r> Group<'r> {
    pub fn first(&self) -> &'r Finding {
        self.findings[0]
    }

    /// More than one instance.
    pub fn is_many(&self) -> bool {
        self.findings.len() > 1
    }

    /// The entry's heading: the block's address within its module and how many instances, or
    /// the one finding's address.
    pub fn address(&self) -> String {
        let Some(resource) = self.first().resource.as_deref() else {
            return String::new();
        };
        if !self.is_many() {
            return resource.address.clone();
        }
        format!(
            "{} in {} module instances",
            resource.local_address(),
            self.findings.len()
        )
    }

    /// Each instance's address, with where its decisive value was set when elsewhere:
    /// `module.weak (var.rotate, set by module.weak at app/main.tf:3)`.
    pub fn instances(&self) -> Vec<String> {
        self.findings
            .iter()
            .filter_map(|f| {
                let resource = f.resource.as_deref()?;
                let from = f.assertions.iter().find_map(|a| {
                    let found = a.found.as_deref()?;
                    let p = found.provenance.as_ref()?;
                    Some(format!(" ({}, {})", p.reference, p.origin))
                });
                let instance = resource
                    .instance
                    .as_ref()
                    .map_or(resource.address.as_str(), |i| i.address.as_str());
                Some(format!("{instance}{}", from.unwrap_or_default()))
            })
            .collect()
    }

    /// The first finding's message without where its values were set, which differs from
    /// instance to instance and `instances` lists.
    pub fn message(&self) -> String {
        let first = self.first();
        if !self.is_many() {
            return first.message().into_owned();
        }
        let mut message = first.message().into_owned();
        for a in &first.assertions {
            if let Some(found) = a.found.as_deref()
                && found.provenance.is_some()
            {
                message = message.replace(&found.detail, found.plain_detail());
            }
        }
        message
    }
}

/// The findings, in their order, with the failing and unknown findings on instances of one
/// block that came out the same way put together (at the first one's place).
pub fn groups<'r>(findings: impl IntoIterator<Item = &'r Finding>) -> Vec<Group<'r>> {
    let mut groups: Vec<Group<'r>> = Vec::new();
    let mut by_block: HashMap<(usize, &str, &str, Outcome), Vec<usize>> = HashMap::new();
    for finding in findings {
        let groupable = matches!(finding.outcome, Outcome::Fail | Outcome::Unknown);
        let Some(resource) = finding
            .resource
            .as_deref()
            .filter(|r| groupable && r.instance.is_some())
        else {
            groups.push(Group {
                findings: vec![finding],
            });
            continue;
        };
        let key = (
            finding.rule,
            &*resource.file,
            resource.local_address(),
            finding.outcome,
        );
        let candidates = by_block.entry(key).or_default();
        match candidates
            .iter()
            .find(|&&g| same_way(groups[g].first(), finding))
        {
            Some(&g) => groups[g].findings.push(finding),
            None => {
                candidates.push(groups.len());
                groups.push(Group {
                    findings: vec![finding],
                });
            }
        }
    }
    groups
}

/// The same verdict on every assertion, with the same values found and the same words, and
/// the same doubt about the instance's existence.
fn same_way(a: &Finding, b: &Finding) -> bool {
    let unsure = |f: &Finding| {
        f.resource
            .as_deref()
            .and_then(|r| r.instance.as_ref())
            .and_then(|i| i.unsure.clone())
            .is_some()
    };
    unsure(a) == unsure(b)
        && a.assertions.len() == b.assertions.len()
        && a.assertions.iter().zip(&b.assertions).all(|(x, y)| {
            x.verdict == y.verdict
                && (x.verdict == Verdict::Pass
                    || match (x.found.as_deref(), y.found.as_deref()) {
                        (Some(x), Some(y)) => {
                            x.actual == y.actual && x.plain_detail() == y.plain_detail()
                        }
                        (None, None) => true,
                        _ => false,
                    })
        })
}
