//! The compliance frameworks the built-in packs map checks to. Each has its full list of controls
//! in `rule-packs/frameworks/<id>.yml`: its full name (the pack docs), the short title a
//! finding's line shows (`CIS AWS 2.1.1 · PCI DSS 3.5.1`), and every control with a title, so
//! that `riveter packs coverage` can say which controls no check covers. A framework a user's
//! rule names that has no list is shown by its own name.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// `(framework id, its list's YAML)`, written by build.rs from `rule-packs/frameworks/`.
const LISTS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/frameworks.rs"));

/// A framework's full list of controls.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlList {
    pub framework: String,
    pub name: String,
    pub short: String,
    /// What the list holds: "every recommendation of the benchmark", "the base controls".
    pub scope: String,
    pub controls: Vec<ListedControl>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListedControl {
    pub id: String,
    pub title: String,
}

/// Every framework's list, read once, when first asked for; a list that does not read is an
/// error naming its file (the test suite reads them all).
pub fn lists() -> Result<&'static [ControlList], &'static str> {
    static LISTS_READ: OnceLock<Result<Vec<ControlList>, String>> = OnceLock::new();
    LISTS_READ
        .get_or_init(|| LISTS.iter().map(|(id, yaml)| read_list(id, yaml)).collect())
        .as_deref()
        .map_err(String::as_str)
}

fn read_list(id: &str, yaml: &str) -> Result<ControlList, String> {
    let file = format!("rule-packs/frameworks/{id}.yml");
    let list: ControlList = serde_saphyr::from_str(yaml).map_err(|e| {
        let line = e.location().map_or(0, |l| l.line());
        format!(
            "{file}:{line}: {}",
            e.to_string().lines().next().unwrap_or_default()
        )
    })?;
    if list.framework != id {
        return Err(format!(
            "{file}: `framework: {}` must be the file's name, {id}",
            list.framework
        ));
    }
    Ok(list)
}

/// The list of one framework, if riveter has it.
pub fn list(id: &str) -> Option<&'static ControlList> {
    lists().ok()?.iter().find(|l| l.framework == id)
}

/// The short title of a framework, or its id when riveter does not know it.
pub fn title(id: &str) -> &str {
    list(id).map_or(id, |l| l.short.as_str())
}

/// The full name of a framework, or its id when riveter does not know it.
pub fn full_name(id: &str) -> &str {
    list(id).map_or(id, |l| l.name.as_str())
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
    fn every_list_reads_and_names_each_control_once() {
        let lists = lists().unwrap();
        assert!(!lists.is_empty());
        for list in lists {
            assert!(
                !list.controls.is_empty(),
                "{} lists no control",
                list.framework
            );
            let mut seen = std::collections::BTreeSet::new();
            for control in &list.controls {
                assert!(
                    seen.insert(control.id.as_str()),
                    "{} lists {} twice",
                    list.framework,
                    control.id
                );
                assert!(
                    !control.title.trim().is_empty(),
                    "{} {} has no title",
                    list.framework,
                    control.id
                );
            }
        }
    }

    #[test]
    fn a_list_that_does_not_read_names_its_file_and_line() {
        let error = read_list(
            "soc2",
            "framework: soc2\nname: x\nshort: y\nscope: z\ncontrols:\n- {id: A}\n",
        )
        .unwrap_err();
        assert!(
            error.starts_with("rule-packs/frameworks/soc2.yml:6:"),
            "{error}"
        );
        let error = read_list(
            "pci",
            "framework: soc2\nname: x\nshort: y\nscope: z\ncontrols: []\n",
        )
        .unwrap_err();
        assert!(error.contains("must be the file's name, pci"), "{error}");
    }

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
