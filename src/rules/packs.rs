//! Built-in rule packs, embedded in the binary at build time from `rule-packs/`.

/// `(name, YAML source)` of every built-in pack, in the order `riveter packs list` shows them.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "aws-security",
        include_str!("../../rule-packs/aws-security.yml"),
    ),
    (
        "soc2-security",
        include_str!("../../rule-packs/soc2-security.yml"),
    ),
    ("cis-aws", include_str!("../../rule-packs/cis-aws.yml")),
    ("aws-hipaa", include_str!("../../rule-packs/aws-hipaa.yml")),
    (
        "aws-pci-dss",
        include_str!("../../rule-packs/aws-pci-dss.yml"),
    ),
    (
        "aws-well-architected",
        include_str!("../../rule-packs/aws-well-architected.yml"),
    ),
    (
        "azure-security",
        include_str!("../../rule-packs/azure-security.yml"),
    ),
    ("cis-azure", include_str!("../../rule-packs/cis-azure.yml")),
    (
        "gcp-security",
        include_str!("../../rule-packs/gcp-security.yml"),
    ),
    ("cis-gcp", include_str!("../../rule-packs/cis-gcp.yml")),
    (
        "kubernetes-security",
        include_str!("../../rule-packs/kubernetes-security.yml"),
    ),
    (
        "multi-cloud-security",
        include_str!("../../rule-packs/multi-cloud-security.yml"),
    ),
];

pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, src)| *src)
}

pub fn names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(n, _)| *n).collect()
}
