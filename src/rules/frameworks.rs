//! The compliance frameworks the built-in packs map checks to: the short title a finding's line
//! shows (`CIS AWS 2.1.1 · PCI DSS 3.5.1`) and the full name the pack docs give. A framework a
//! user's rule names that is not listed here is shown by its own name.

use std::collections::BTreeMap;

/// `(id as rule files write it, short title, full name)`.
const KNOWN: &[(&str, &str, &str)] = &[
    (
        "aws-well-architected",
        "AWS Well-Architected",
        "AWS Well-Architected Framework, security and reliability pillars",
    ),
    (
        "cis-aws-2.0",
        "CIS AWS",
        "CIS Amazon Web Services Foundations Benchmark v2.0.0",
    ),
    (
        "cis-azure-2.0",
        "CIS Azure",
        "CIS Microsoft Azure Foundations Benchmark v2.0.0",
    ),
    (
        "cis-gcp-2.0",
        "CIS GCP",
        "CIS Google Cloud Platform Foundation Benchmark v2.0.0",
    ),
    (
        "cis-kubernetes",
        "CIS Kubernetes",
        "CIS Kubernetes Benchmark",
    ),
    (
        "hipaa",
        "HIPAA",
        "HIPAA Security Rule (45 CFR Part 164, Subpart C)",
    ),
    (
        "nist-800-190",
        "NIST 800-190",
        "NIST SP 800-190, Application Container Security Guide",
    ),
    (
        "nist-800-53",
        "NIST 800-53",
        "NIST SP 800-53 Rev. 5, Security and Privacy Controls",
    ),
    ("pci-dss-4.0", "PCI DSS", "PCI DSS v4.0"),
    (
        "soc2",
        "SOC 2",
        "SOC 2 Trust Services Criteria (2017, revised 2022)",
    ),
];

/// The short title of a framework, or its id when riveter does not know it.
pub fn title(id: &str) -> &str {
    KNOWN
        .iter()
        .find(|(known, _, _)| *known == id)
        .map_or(id, |(_, title, _)| title)
}

/// The full name of a framework, or its id when riveter does not know it.
pub fn full_name(id: &str) -> &str {
    KNOWN
        .iter()
        .find(|(known, _, _)| *known == id)
        .map_or(id, |(_, _, name)| name)
}

/// A rule's controls on one line: `CIS AWS 3.8 · PCI DSS 3.6.1 · SOC 2 CC6.1`.
pub fn summary(frameworks: &BTreeMap<String, Vec<String>>) -> String {
    frameworks
        .iter()
        .map(|(id, controls)| {
            if controls.is_empty() {
                title(id).to_string()
            } else {
                format!("{} {}", title(id), controls.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_frameworks_get_their_title_and_others_keep_their_name() {
        let mut frameworks = BTreeMap::new();
        frameworks.insert("cis-aws-2.0".to_string(), vec!["2.1.1".to_string()]);
        frameworks.insert(
            "pci-dss-4.0".to_string(),
            vec!["3.5.1".to_string(), "3.6.1".to_string()],
        );
        frameworks.insert("soc2".to_string(), vec!["CC6.1".to_string()]);
        frameworks.insert("team-policy".to_string(), vec!["T-4".to_string()]);
        assert_eq!(
            summary(&frameworks),
            "CIS AWS 2.1.1 · PCI DSS 3.5.1, 3.6.1 · SOC 2 CC6.1 · team-policy T-4"
        );
    }
}
