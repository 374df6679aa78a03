//! Fingerprints that identify a finding across runs, machines and versions: a SHA-256 of what
//! the finding is about (rule, file, resource, key), never of a line number, so an edit
//! elsewhere in the file does not make it a new finding.

use super::{Finding, Report};
use crate::rules::Verdict;
use sha2::{Digest, Sha256};

/// The hex SHA-256 of the parts, separated so that `("ab", "c")` and `("a", "bc")` differ.
pub fn of_parts(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Rule id, file, resource address and the key that decided the finding.
pub fn of_finding(report: &Report, finding: &Finding) -> String {
    let (file, address) = finding
        .resource
        .as_ref()
        .map_or(("", ""), |r| (&*r.file, r.address.as_str()));
    of_parts(&[
        &report.rule(finding).id,
        file,
        address,
        decisive_key(finding),
    ])
}

/// Rule id, file and resource address: one per finding in a report.
pub fn of_resource(report: &Report, finding: &Finding) -> String {
    let (file, address) = finding
        .resource
        .as_ref()
        .map_or(("", ""), |r| (&*r.file, r.address.as_str()));
    of_parts(&[&report.rule(finding).id, file, address])
}

fn decisive_key(finding: &Finding) -> &str {
    finding
        .assertions
        .iter()
        .find(|a| a.verdict == Verdict::Fail)
        .or_else(|| {
            finding
                .assertions
                .iter()
                .find(|a| a.verdict == Verdict::Unknown)
        })
        .map_or("", |a| a.key())
}

#[cfg(test)]
mod tests {
    use super::of_parts;

    #[test]
    fn parts_are_separated() {
        assert_ne!(of_parts(&["ab", "c"]), of_parts(&["a", "bc"]));
        assert_eq!(of_parts(&["a"]).len(), 64);
    }
}
