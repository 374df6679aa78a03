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
    // Written digit by digit: formatting each byte made a string of its own, and a report
    // makes a fingerprint for every failure, twice over for SARIF.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(64);
    for byte in hasher.finalize() {
        hex.push(char::from(DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    hex
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

/// Rule id, file, the block's address within its module and the decisive key: the same for
/// every instance of a called module's block, which one SARIF result stands for.
pub fn of_block(report: &Report, finding: &Finding) -> String {
    let (file, address) = finding
        .resource
        .as_ref()
        .map_or(("", ""), |r| (&*r.file, r.local_address()));
    of_parts(&[
        &report.rule(finding).id,
        file,
        address,
        decisive_key(finding),
        "instances",
    ])
}

/// Rule id, file and resource address: one per finding in a report.
pub fn of_resource(report: &Report, finding: &Finding) -> String {
    of_resource_as(&report.rule(finding).id, finding)
}

/// `of_resource` with the rule under another id it answers to (a former id), as a baseline
/// written before the rule was renamed holds it.
pub fn of_resource_as(rule_id: &str, finding: &Finding) -> String {
    let (file, address) = finding
        .resource
        .as_ref()
        .map_or(("", ""), |r| (&*r.file, r.address.as_str()));
    of_parts(&[rule_id, file, address])
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

    #[test]
    fn a_fingerprint_is_the_lowercase_hex_sha256_of_its_parts() {
        // sha256(b"abc\0"), as Python's hashlib gives it.
        assert_eq!(
            of_parts(&["abc"]),
            "dc1114cd074914bd872cc1f9a23ec910ea2203bc79779ab2e17da25782a624fc"
        );
    }
}
