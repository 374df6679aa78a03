//! What the built-in packs hold, for people: `riveter packs list|show|coverage|docs`. Every
//! figure is computed from the packs and the catalog themselves, so it cannot drift.

use super::catalog::Catalog;
use super::load::{PackEntry, PackMetadata};
use super::{Rule, frameworks, load_tree, packs};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// A built-in pack: its header and the checks it selects.
struct Pack {
    name: &'static str,
    meta: PackMetadata,
    entries: Vec<PackEntry>,
}

impl Pack {
    /// `(framework, control)` → the checks implementing it, in the pack's order.
    fn controls(&self) -> BTreeMap<(String, Control), Vec<&str>> {
        let mut out: BTreeMap<(String, Control), Vec<&str>> = BTreeMap::new();
        for entry in &self.entries {
            for (framework, controls) in &entry.frameworks {
                for control in controls {
                    let checks = out
                        .entry((framework.clone(), Control(control.clone())))
                        .or_default();
                    if !checks.contains(&entry.check.as_str()) {
                        checks.push(&entry.check);
                    }
                }
            }
        }
        out
    }

    fn frameworks(&self) -> BTreeSet<&str> {
        self.entries
            .iter()
            .flat_map(|e| e.frameworks.keys().map(String::as_str))
            .collect()
    }
}

/// A control id, ordered as people number them: `2.1.10` after `2.1.9`, `CC6.10` after `CC6.9`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Control(String);

impl Control {
    fn parts(&self) -> Vec<(u8, u64, &str)> {
        let mut parts = Vec::new();
        let text = self.0.as_str();
        let mut start = 0;
        let bytes = text.as_bytes();
        while start < bytes.len() {
            let digit = bytes[start].is_ascii_digit();
            let end = bytes[start..]
                .iter()
                .position(|b| b.is_ascii_digit() != digit)
                .map_or(bytes.len(), |n| start + n);
            let piece = &text[start..end];
            parts.push(if digit {
                (0, piece.parse().unwrap_or(u64::MAX), "")
            } else {
                (1, 0, piece)
            });
            start = end;
        }
        parts
    }
}

impl Ord for Control {
    fn cmp(&self, other: &Control) -> std::cmp::Ordering {
        self.parts()
            .cmp(&other.parts())
            .then_with(|| self.0.cmp(&other.0))
    }
}

impl PartialOrd for Control {
    fn partial_cmp(&self, other: &Control) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

fn joined(errors: Vec<super::Diagnostic>) -> String {
    errors
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn load(name: &'static str) -> Result<Pack, String> {
    let doc = packs::builtin(name).ok_or_else(|| {
        format!(
            "no built-in rule pack named \"{name}\" (built-in packs: {})",
            packs::names().join(", ")
        )
    })?;
    let file = load_tree(&format!("<pack {name}>"), &doc).map_err(joined)?;
    Ok(Pack {
        name,
        meta: file.metadata.unwrap_or_default(),
        entries: file.checks.unwrap_or_default(),
    })
}

fn load_named(name: &str) -> Result<Pack, String> {
    let known = packs::names();
    let Some(name) = known.iter().find(|n| **n == name) else {
        return Err(format!(
            "no built-in rule pack named \"{name}\" (built-in packs: {})",
            known.join(", ")
        ));
    };
    load(name)
}

fn all() -> Result<(Vec<Pack>, Catalog), String> {
    let packs = packs::names()
        .into_iter()
        .map(load)
        .collect::<Result<Vec<_>, _>>()?;
    let catalog = Catalog::builtin().map_err(joined)?;
    // Every entry names a check that exists: a scan would refuse the pack otherwise.
    for pack in &packs {
        if let Some(entry) = pack
            .entries
            .iter()
            .find(|e| catalog.get(&e.check).is_none())
        {
            return Err(format!(
                "<pack {}>:{}: the pack names the check `{}`, which the catalog does not define",
                pack.name, entry.line, entry.check
            ));
        }
    }
    Ok((packs, catalog))
}

/// The figures `packs list` and the docs end with.
fn totals(packs: &[Pack], catalog: &Catalog) -> String {
    let selected: BTreeSet<&str> = packs
        .iter()
        .flat_map(|p| p.entries.iter())
        .filter_map(|e| catalog.get(&e.check).map(|c| c.id.as_str()))
        .collect();
    let mappings: usize = packs.iter().map(|p| p.controls().len()).sum();
    format!(
        "{} distinct checks in {} packs, {mappings} (pack, control) mappings",
        selected.len(),
        packs.len()
    )
}

pub fn list() -> Result<String, String> {
    let (packs, catalog) = all()?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<24} {:<8} {:>6} {:>8}  DESCRIPTION",
        "NAME", "VERSION", "CHECKS", "CONTROLS"
    );
    for pack in &packs {
        let _ = writeln!(
            out,
            "{:<24} {:<8} {:>6} {:>8}  {}",
            pack.name,
            pack.meta.version,
            pack.entries.len(),
            pack.controls().len(),
            pack.meta.description
        );
    }
    let _ = writeln!(out, "\n{}", totals(&packs, &catalog));
    Ok(out)
}

/// A pack's checks (id, severity, controls, name), then its controls and the checks
/// implementing each.
pub fn show(name: &str) -> Result<String, String> {
    let pack = load_named(name)?;
    let catalog = Catalog::builtin().map_err(joined)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}: {}\n",
        pack.name, pack.meta.version, pack.meta.description
    );
    for entry in &pack.entries {
        let check = catalog.get(&entry.check).ok_or_else(|| {
            format!(
                "<pack {}>:{}: the pack names the check `{}`, which the catalog does not define",
                pack.name, entry.line, entry.check
            )
        })?;
        let severity = entry.severity.unwrap_or(check.severity);
        let controls = frameworks::summary(&entry.frameworks);
        let _ = writeln!(
            out,
            "{:<44} {:<8} {:<28} {}",
            check.id,
            severity.as_str(),
            controls,
            check.name
        );
    }
    out.push_str("\nCONTROL                          CHECKS\n");
    for ((framework, control), checks) in pack.controls() {
        let label = format!("{} {}", frameworks::title(&framework), control.0);
        let _ = writeln!(out, "{label:<32} {}", checks.join(", "));
    }
    Ok(out)
}

/// Every framework the packs map: each of its controls in the framework's own order, with the
/// checks that cover it, or "not covered".
pub fn coverage() -> Result<String, String> {
    let (packs, catalog) = all()?;
    let by_framework = covering_checks(&packs, &catalog);
    let mut out = String::new();
    for (framework, covered) in &by_framework {
        let Some(list) = frameworks::list(framework) else {
            // A framework without a list: only what the packs map is known.
            let _ = writeln!(
                out,
                "{framework}: {} controls covered by checks (riveter has no list of its controls)",
                covered.len()
            );
            for (control, checks) in covered {
                let checks: Vec<&str> = checks.iter().copied().collect();
                let _ = writeln!(
                    out,
                    "  covered      {:<10} {}",
                    control.0,
                    checks.join(", ")
                );
            }
            out.push('\n');
            continue;
        };
        let count = covered_count(list, covered);
        let _ = writeln!(
            out,
            "{} ({framework}): {count} of {} controls covered by checks; the list holds {}",
            list.name,
            list.controls.len(),
            list.scope
        );
        for control in &list.controls {
            match covered.get(&Control(control.id.clone())) {
                Some(checks) => {
                    let checks: Vec<&str> = checks.iter().copied().collect();
                    let _ = writeln!(
                        out,
                        "  covered      {:<22} {}: {}",
                        control.id,
                        control.title,
                        checks.join(", ")
                    );
                }
                None => {
                    let _ = writeln!(out, "  not covered  {:<22} {}", control.id, control.title);
                }
            }
        }
        out.push('\n');
    }
    Ok(out)
}

/// Each framework the packs map: how many of its controls the checks cover, of how many its
/// list holds (`riveter packs coverage` names them).
fn frameworks_table(out: &mut String, packs: &[Pack], catalog: &Catalog) {
    out.push_str(
        "\n## Frameworks\n\nEach framework's full list of controls is in `rule-packs/frameworks/`; `riveter packs coverage` lists every control, covered (and by which checks) or not.\n\n| Framework | Controls covered | The list holds |\n|---|---|---|\n",
    );
    for (framework, covered) in covering_checks(packs, catalog) {
        let Some(list) = frameworks::list(framework) else {
            let _ = writeln!(out, "| `{framework}` | {} | no list |", covered.len());
            continue;
        };
        let count = covered_count(list, &covered);
        let _ = writeln!(
            out,
            "| {} (`{framework}`) | {count} of {} | {} |",
            list.name,
            list.controls.len(),
            cell(&list.scope)
        );
    }
}

/// How many of a list's controls some check covers.
fn covered_count(
    list: &frameworks::ControlList,
    covered: &BTreeMap<Control, BTreeSet<&str>>,
) -> usize {
    list.controls
        .iter()
        .filter(|c| covered.contains_key(&Control(c.id.clone())))
        .count()
}

/// Framework → control → the checks that the built-in packs map to it.
fn covering_checks<'p>(
    packs: &'p [Pack],
    catalog: &'p Catalog,
) -> BTreeMap<&'p str, BTreeMap<Control, BTreeSet<&'p str>>> {
    let mut by_framework: BTreeMap<&str, BTreeMap<Control, BTreeSet<&str>>> = BTreeMap::new();
    for pack in packs {
        for entry in &pack.entries {
            let Some(check) = catalog.get(&entry.check) else {
                continue;
            };
            for (framework, controls) in &entry.frameworks {
                for control in controls {
                    by_framework
                        .entry(framework)
                        .or_default()
                        .entry(Control(control.clone()))
                        .or_default()
                        .insert(&check.id);
                }
            }
        }
    }
    by_framework
}

/// Markdown for every pack and every check, generated from the packs and the catalog.
pub fn docs() -> Result<String, String> {
    let (packs, catalog) = all()?;
    let mut out = String::from(
        "# Built-in rule packs\n\nGenerated by `riveter packs docs -o docs/rule-packs.md` from `rule-packs/`; a test keeps it current.\n\nA pack selects checks from the catalog (`rule-packs/checks/`) and maps each to its framework's controls. Use a pack with `riveter scan -p NAME`; several `-p` may be combined, and a check that several selected packs name is evaluated once, its findings carrying every selected pack's controls. Every check is tested both ways by `riveter test rule-packs/` (fixtures in `rule-packs/tests/`).\n\nEach pack's table gives the ids trivy, checkov and the Python riveter use for its checks: `--include-rules`, `--exclude-rules` (checkov's `--check` and `--skip-check`) and `riveter:ignore` accept them. What those scanners flag on these fixtures that no riveter check matches is listed, with why, in `rule-packs/peers/not-checked.yml`, which `scripts/check-peers` keeps true ([testing-rules.md](testing-rules.md#against-checkov-and-trivy)).\n\n| Pack | Version | Checks | Controls | Description |\n|---|---|---|---|---|\n",
    );
    for pack in &packs {
        let _ = writeln!(
            out,
            "| [{name}](#{name}) | {} | {} | {} | {} |",
            pack.meta.version,
            pack.entries.len(),
            pack.controls().len(),
            cell(&pack.meta.description),
            name = pack.name,
        );
    }
    let _ = writeln!(out, "\n{}.", totals(&packs, &catalog));
    frameworks_table(&mut out, &packs, &catalog);
    for pack in &packs {
        let _ = write!(out, "\n## {}\n\n{}\n", pack.name, pack.meta.description);
        let names: Vec<String> = pack
            .frameworks()
            .iter()
            .map(|f| format!("{} (`{f}`)", frameworks::full_name(f)))
            .collect();
        if !names.is_empty() {
            let _ = writeln!(out, "\nFrameworks: {}.", names.join(", "));
        }
        pack_checks_table(&mut out, pack, &catalog);
        out.push_str("\n| Control | Checks |\n|---|---|\n");
        for ((framework, control), checks) in pack.controls() {
            let links: Vec<String> = checks.iter().map(|c| format!("[`{c}`](#{c})")).collect();
            let _ = writeln!(
                out,
                "| {} {} | {} |",
                frameworks::title(&framework),
                control.0,
                links.join(" ")
            );
        }
    }
    out.push_str("\n## Checks\n\nEvery check of the catalog, once, with the controls each pack maps it to.\n");
    let mut mapped: BTreeMap<&str, Vec<(&str, &PackEntry)>> = BTreeMap::new();
    for pack in &packs {
        for entry in &pack.entries {
            if let Some(check) = catalog.get(&entry.check) {
                mapped
                    .entry(&check.id)
                    .or_default()
                    .push((pack.name, entry));
            }
        }
    }
    for check in &catalog.checks {
        check_section(&mut out, check, mapped.get(check.id.as_str()));
    }
    Ok(out)
}

fn check_section(out: &mut String, check: &Rule, packs: Option<&Vec<(&str, &PackEntry)>>) {
    let types: Vec<String> = check
        .resource_types
        .iter()
        .map(|t| format!("`{t}`"))
        .collect();
    let _ = write!(
        out,
        "\n### {id}\n\n**{}** ({}; {}). {}\n",
        check.name,
        check.severity,
        types.join(", "),
        check.description.as_deref().unwrap_or(""),
        id = check.id,
    );
    if let Some(fix) = &check.remediation {
        let _ = writeln!(out, "\nFix: {fix}");
    }
    if let Some(packs) = packs {
        let lines: Vec<String> = packs
            .iter()
            .map(|(pack, entry)| {
                let severity = entry
                    .severity
                    .map(|s| format!(", severity {s}"))
                    .unwrap_or_default();
                format!(
                    "`{pack}` ({}{severity})",
                    frameworks::summary(&entry.frameworks)
                )
            })
            .collect();
        let _ = writeln!(out, "\nPacks: {}.", lines.join(", "));
    }
    if !check.aliases.is_empty() {
        let aliases: Vec<String> = check.aliases.iter().map(|a| format!("`{a}`")).collect();
        let _ = writeln!(out, "\nFormer ids: {}.", aliases.join(", "));
    }
    let peers: Vec<String> = PEERS
        .iter()
        .filter_map(|(scanner, title)| {
            let ids = peer_ids(check, scanner);
            (!ids.is_empty()).then(|| format!("{title} {ids}"))
        })
        .collect();
    if !peers.is_empty() {
        let _ = writeln!(out, "\nPeers: {}.", peers.join("; "));
    }
}

/// The scanners whose ids a check records (`peers:`), with the names the docs give them.
const PEERS: [(&str, &str); 3] = [
    ("trivy", "trivy"),
    ("checkov", "checkov"),
    ("python-riveter", "Python riveter"),
];

/// A check's ids for one peer scanner, as code, or the empty string.
fn peer_ids(check: &Rule, scanner: &str) -> String {
    check.peers.get(scanner).map_or(String::new(), |ids| {
        ids.iter()
            .map(|id| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A pack's checks with the ids other scanners give them, so a skip list or a migration can be
/// read off the table.
fn pack_checks_table(out: &mut String, pack: &Pack, catalog: &Catalog) {
    out.push_str(
        "\n| Check | Severity | trivy | checkov | Python riveter |\n|---|---|---|---|---|\n",
    );
    for entry in &pack.entries {
        let Some(check) = catalog.get(&entry.check) else {
            continue;
        };
        let severity = entry.severity.unwrap_or(check.severity);
        let _ = writeln!(
            out,
            "| [`{id}`](#{id}) | {severity} | {} | {} | {} |",
            peer_ids(check, "trivy"),
            peer_ids(check, "checkov"),
            peer_ids(check, "python-riveter"),
            id = check.id,
        );
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::{Control, all, covering_checks, frameworks};

    /// A control a pack maps that its framework does not have is a wrong id, and a framework
    /// without a list could not say what is not covered.
    #[test]
    fn every_mapped_control_is_in_its_frameworks_list() {
        let (packs, catalog) = all().unwrap();
        let mut wrong = Vec::new();
        for (framework, covered) in covering_checks(&packs, &catalog) {
            let Some(list) = frameworks::list(framework) else {
                wrong.push(format!("{framework} has no list in rule-packs/frameworks/"));
                continue;
            };
            for control in covered.keys() {
                if !list.controls.iter().any(|c| c.id == control.0) {
                    wrong.push(format!("{framework} has no control {}", control.0));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn controls_sort_as_people_number_them() {
        let mut controls: Vec<Control> = ["2.1.10", "CC6.10", "2.1.9", "CC6.6", "10.2", "2.1", "A"]
            .map(|c| Control(c.to_string()))
            .to_vec();
        controls.sort();
        let sorted: Vec<&str> = controls.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(
            sorted,
            ["2.1", "2.1.9", "2.1.10", "10.2", "A", "CC6.6", "CC6.10"]
        );
    }
}
