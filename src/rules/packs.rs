//! Built-in rule packs and the catalog of checks they select, embedded in the binary: each
//! `rule-packs/NAME.yml` and `rule-packs/checks/AREA.yml` as build.rs parsed it (`packed.rs`),
//! so a scan reads the trees instead of parsing the YAML again.

use super::packed;
use super::yaml::Yaml;

macro_rules! pack {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".packed")),
        )
    };
}

/// `(name, parsed pack)` of every built-in pack, in the order `riveter packs list` shows them.
const BUILTIN: &[(&str, &[u8])] = &[
    pack!("aws-security"),
    pack!("soc2-security"),
    pack!("cis-aws"),
    pack!("aws-hipaa"),
    pack!("aws-pci-dss"),
    pack!("aws-well-architected"),
    pack!("azure-security"),
    pack!("cis-azure"),
    pack!("azure-hipaa"),
    pack!("azure-well-architected"),
    pack!("gcp-security"),
    pack!("cis-gcp"),
    pack!("gcp-well-architected"),
    pack!("kubernetes-security"),
    pack!("multi-cloud-security"),
    pack!("companion-resources"),
];

/// The pack's rule file, as parsed at build time.
pub(super) fn builtin(name: &str) -> Option<Yaml> {
    let (_, bytes) = BUILTIN.iter().find(|(n, _)| *n == name)?;
    // Written by build.rs with `packed::encode` into this very binary.
    Some(packed::decode(bytes).expect("the packs embedded at build time decode"))
}

/// `(area, parsed catalog file)` of the catalog's files, by name.
const CATALOG: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// The catalog's files as `(display name, tree)`, in name order.
pub(super) fn catalog() -> Vec<(String, Yaml)> {
    CATALOG
        .iter()
        .map(|(area, bytes)| {
            // Written by build.rs with `packed::encode` into this very binary.
            let tree = packed::decode(bytes).expect("the catalog embedded at build time decodes");
            (format!("<catalog {area}>"), tree)
        })
        .collect()
}

pub fn names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(n, _)| *n).collect()
}
