//! The catalog of checks: every check written once, as a rule (`rule-packs/checks/*.yml`), and
//! packs that select checks by id and map them to their framework's controls. Selecting several
//! packs evaluates each check once, with every selected pack's controls and the highest of
//! their severities.

use super::load::{Diagnostic, PackEntry, RuleFile, load_str, load_tree};
use super::model::Rule;
use super::packs;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where a pack's checks are defined.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum CatalogAt {
    /// The catalog embedded in the binary, for built-in packs and pack files with no catalog
    /// of their own.
    Builtin,
    /// A `checks/` folder beside the pack file.
    Dir(PathBuf),
}

impl CatalogAt {
    /// The catalog of a pack file: the `checks/` folder beside it, else the built-in one.
    pub(super) fn beside(pack: &Path) -> CatalogAt {
        let dir = pack.parent().unwrap_or(Path::new(".")).join("checks");
        if dir.is_dir() {
            CatalogAt::Dir(dir)
        } else {
            CatalogAt::Builtin
        }
    }
}

/// The checks of one catalog, by id and by former id.
#[derive(Debug, Default)]
pub struct Catalog {
    pub checks: Vec<Rule>,
    index: HashMap<String, usize>,
}

impl Catalog {
    pub(super) fn load(at: &CatalogAt) -> Result<Catalog, Vec<Diagnostic>> {
        match at {
            CatalogAt::Builtin => Catalog::builtin(),
            CatalogAt::Dir(dir) => Catalog::from_dir(dir),
        }
    }

    /// The catalog embedded in the binary.
    pub fn builtin() -> Result<Catalog, Vec<Diagnostic>> {
        let files = packs::catalog()
            .into_iter()
            .map(|(name, tree)| {
                let file = load_tree(&name, &tree);
                (name, file)
            })
            .collect();
        Catalog::from_files(files)
    }

    /// The `.yml` files of a catalog folder.
    pub fn from_dir(dir: &Path) -> Result<Catalog, Vec<Diagnostic>> {
        let fail = |message: String| Diagnostic {
            file: dir.display().to_string(),
            line: 0,
            rule: None,
            message,
        };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| vec![fail(format!("could not read the catalog folder: {e}"))])?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yml" || x == "yaml"))
            .collect();
        paths.sort();
        let files = paths
            .iter()
            .map(|path| {
                let name = path.display().to_string();
                let file = match std::fs::read_to_string(path) {
                    Ok(src) => load_str(&name, &src),
                    Err(e) => Err(vec![Diagnostic {
                        file: name.clone(),
                        line: 0,
                        rule: None,
                        message: format!("could not read the catalog file: {e}"),
                    }]),
                };
                (name, file)
            })
            .collect();
        Catalog::from_files(files)
    }

    fn from_files(
        files: Vec<(String, Result<RuleFile, Vec<Diagnostic>>)>,
    ) -> Result<Catalog, Vec<Diagnostic>> {
        let mut catalog = Catalog::default();
        let mut errors = Vec::new();
        for (name, file) in files {
            match file {
                Ok(file) if file.checks.is_some() => errors.push(Diagnostic {
                    file: name,
                    line: 0,
                    rule: None,
                    message: "a catalog file defines checks under `rules:`; a pack's `checks:` list belongs in a pack".into(),
                }),
                Ok(file) => catalog.checks.extend(file.rules),
                Err(e) => errors.extend(e),
            }
        }
        for (i, check) in catalog.checks.iter().enumerate() {
            for id in check.ids() {
                if let Some(&earlier) = catalog.index.get(id) {
                    let first = &catalog.checks[earlier];
                    errors.push(at(
                        check,
                        format!(
                            "the id `{id}` is already taken by the check `{}` ({}:{}): a check id or former id names one check only",
                            first.id, first.origin.file, first.origin.line
                        ),
                    ));
                } else {
                    catalog.index.insert(id.to_string(), i);
                }
            }
        }
        errors.extend(copies(&catalog.checks));
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    /// The check with this id or former id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.index.get(id).map(|&i| &self.checks[i])
    }
}

fn at(rule: &Rule, message: String) -> Diagnostic {
    Diagnostic {
        file: rule.origin.file.clone(),
        line: rule.origin.line,
        rule: Some(rule.id.clone()),
        message,
    }
}

/// What a check tests: its resource types, filters and assertions, a relation's own included
/// (not its words). Two checks with one signature are one check written twice. Written with
/// separators no key, operator or value shows, since every scan with a pack signs every check.
fn signature(rule: &Rule) -> String {
    let mut types: Vec<String> = rule.resource_types.iter().map(|t| t.to_string()).collect();
    types.sort();
    let mut out = types.join("\u{1f}");
    sign(&mut out, "where", &rule.filters);
    sign(&mut out, "assert", &rule.assertions);
    out
}

fn sign(out: &mut String, part: &str, tests: &[std::sync::Arc<super::Assertion>]) {
    use std::fmt::Write as _;
    let _ = write!(out, "\u{1e}{part}");
    for test in tests {
        let expected = test
            .expected
            .as_ref()
            .map(|v| v.to_string())
            .unwrap_or_default();
        let _ = write!(
            out,
            "\u{1f}{} {} {expected}",
            test.key,
            test.operator.name()
        );
        if let Some(relation) = &test.relation {
            let _ = write!(
                out,
                "\u{1d}{} {} {}",
                relation.kind.name(),
                relation.resource_type,
                relation.attribute
            );
            sign(out, "relation", &relation.assertions);
        }
    }
}

/// A diagnostic for every check that repeats an earlier one.
fn copies(checks: &[Rule]) -> Vec<Diagnostic> {
    let mut seen: HashMap<String, &Rule> = HashMap::new();
    let mut errors = Vec::new();
    for check in checks {
        let signature = signature(check);
        match seen.get(&signature) {
            Some(first) => errors.push(at(
                check,
                format!(
                    "tests the same resource types, filters and assertions as the check `{}` ({}:{}): select that check in the pack instead of copying it",
                    first.id, first.origin.file, first.origin.line
                ),
            )),
            None => {
                seen.insert(signature, check);
            }
        }
    }
    errors
}

/// The rules of the packs selected so far: one per check, whichever packs name it.
#[derive(Debug, Default)]
pub(super) struct Selection {
    /// Check id to its place in the rule list being built.
    placed: HashMap<String, usize>,
}

impl Selection {
    /// Adds a pack's checks to `rules`: a check met before gains this pack's controls and, if
    /// this pack rates it higher, its severity.
    pub(super) fn add(
        &mut self,
        pack: &str,
        file: &str,
        entries: &[PackEntry],
        catalog: &Catalog,
        rules: &mut Vec<Rule>,
        errors: &mut Vec<Diagnostic>,
    ) {
        for entry in entries {
            let Some(check) = catalog.get(&entry.check) else {
                errors.push(Diagnostic {
                    file: file.to_string(),
                    line: entry.line,
                    rule: None,
                    message: format!(
                        "the pack names the check `{}`, which its catalog does not define",
                        entry.check
                    ),
                });
                continue;
            };
            let severity = entry.severity.unwrap_or(check.severity);
            let rule = match self.placed.get(&check.id) {
                Some(&i) => {
                    let rule = &mut rules[i];
                    if signature(rule) != signature(check) {
                        errors.push(Diagnostic {
                            file: file.to_string(),
                            line: entry.line,
                            rule: None,
                            message: format!(
                                "the check `{}` is defined differently in {} and {}",
                                check.id, rule.origin.file, check.origin.file
                            ),
                        });
                        continue;
                    }
                    rule.severity = rule.severity.max(severity);
                    rule
                }
                None => {
                    self.placed.insert(check.id.clone(), rules.len());
                    let mut rule = check.clone();
                    rule.severity = severity;
                    rules.push(rule);
                    rules.last_mut().expect("just pushed")
                }
            };
            if !rule.packs.iter().any(|p| p == pack) {
                rule.packs.push(pack.to_string());
            }
            for (framework, controls) in &entry.frameworks {
                let merged = rule.frameworks.entry(framework.clone()).or_default();
                for control in controls {
                    if !merged.contains(control) {
                        merged.push(control.clone());
                    }
                }
            }
        }
    }
}
