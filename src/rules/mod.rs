//! Rules: the model, loading both rule shapes, keys, operators, built-in packs.

mod absence;
pub mod catalog;
pub mod frameworks;
mod key;
mod load;
mod model;
mod operator;
pub mod pack_docs;
mod packed;
pub mod packs;
mod pattern;
mod relation;
mod verdict;
mod yaml;
mod yaml_value;

pub use absence::{
    depends_on, differs_by_instance, verdict_on_resolution, verdict_where_set, why_absent,
};
pub use key::{Key, Reach, Resolution, Segment, Through, ValuePath};
pub use load::{Diagnostic, PackEntry, PackMetadata, RuleFile, load_str, slug};

use catalog::{Catalog, CatalogAt, Selection};
use load::load_tree;
pub use model::{Assertion, Origin, Relation, Rule, Severity, TypeSelector};
pub use operator::{
    ElementMatch, Operator, Verdict, and_list, equal, matching_element, verdict_on,
};
pub use pattern::{BACKTRACK_LIMIT, GaveUp, Pattern};
pub use relation::{DEFAULT_IDENTIFIED_BY, RelationKind};

use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Every rule a scan evaluates, in load order.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub warnings: Vec<Diagnostic>,
}

/// Where rules come from: files (or folders of them) and packs (built-in names or files).
#[derive(Debug, Default, Clone)]
pub struct RuleSources {
    pub files: Vec<String>,
    pub packs: Vec<String>,
}

impl RuleSet {
    /// Loads every source. Errors from all files are collected, so a user fixes them in one go.
    pub fn load(sources: &RuleSources) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        // Files load in parallel and merge in order.
        let sources = read_sources(sources, &mut errors);
        let loaded: Vec<_> = sources
            .par_iter()
            .map(|(name, source, _)| match source {
                Source::Text(src) => load_str(name, src),
                Source::Parsed(doc) => load_tree(name, doc),
            })
            .collect();
        let mut catalogs: HashMap<CatalogAt, Option<Catalog>> = HashMap::new();
        let mut selection = Selection::default();
        for ((name, _, at), result) in sources.iter().zip(loaded) {
            match result {
                Ok(file) => {
                    set.warnings.extend(file.warnings);
                    let Some(entries) = file.checks else {
                        set.rules.extend(file.rules);
                        continue;
                    };
                    // A catalog that does not load is reported once, however many packs use it.
                    let catalog = catalogs
                        .entry(at.clone())
                        .or_insert_with(|| Catalog::load(at).map_err(|e| errors.extend(e)).ok());
                    if let Some(catalog) = catalog {
                        let pack = file
                            .metadata
                            .map(|m| m.name)
                            .filter(|n| !n.is_empty())
                            .unwrap_or_else(|| pack_name(name));
                        selection.add(&pack, name, &entries, catalog, &mut set.rules, &mut errors);
                    }
                }
                Err(e) => errors.extend(e),
            }
        }
        errors.extend(duplicate_ids(&set.rules));
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(errors)
        }
    }

    /// Keeps the rules whose id matches an include glob (when any is given) and no exclude glob.
    pub fn select(&mut self, include: &[String], exclude: &[String]) -> Result<(), String> {
        let include = globs(&with_bare_trivy_ids(include))?;
        let exclude = globs(&with_bare_trivy_ids(exclude))?;
        // A check's former ids and its peers' ids select it too, so patterns written for a
        // pack's copies, for another scanner or for the Python riveter still work; a peer id
        // that is also a rule's own id names that rule only.
        let own: HashSet<String> = self
            .rules
            .iter()
            .flat_map(|r| r.ids().map(str::to_string))
            .collect();
        let answers = |rule: &Rule, patterns: &GlobSet| {
            rule.ids().any(|id| patterns.is_match(id))
                || rule
                    .peer_ids()
                    .any(|id| !own.contains(id) && patterns.is_match(id))
        };
        self.rules.retain(|rule| {
            (include.is_empty() || answers(rule, &include)) && !answers(rule, &exclude)
        });
        Ok(())
    }
}

/// Older trivy releases printed `AVD-AWS-0107` for what trivy 0.76 prints `AWS-0107`, the form
/// the catalog records: a pattern in the old form also matches the new one.
fn with_bare_trivy_ids(patterns: &[String]) -> Vec<String> {
    // Only where an id follows (`AVD-AWS-0107`, `AVD-AWS-*`): `AVD-*` must not become `*`.
    let bare = patterns
        .iter()
        .filter_map(|p| p.strip_prefix("AVD-"))
        .filter(|bare| {
            bare.split_once('-').is_some_and(|(provider, _)| {
                !provider.is_empty() && provider.chars().all(|c| c.is_ascii_uppercase())
            })
        });
    patterns
        .iter()
        .map(String::clone)
        .chain(bare.map(str::to_string))
        .collect()
}

fn globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder
            .add(Glob::new(p).map_err(|e| format!("invalid rule pattern \"{p}\": {}", e.kind()))?);
    }
    builder.build().map_err(|e| e.to_string())
}

/// A rule file to load: text read from disk, or a built-in pack parsed at build time.
enum Source {
    Text(String),
    Parsed(yaml::Yaml),
}

/// A pack's name from its display name: `<pack NAME>` or the file's stem.
fn pack_name(display: &str) -> String {
    display
        .strip_prefix("<pack ")
        .and_then(|rest| rest.strip_suffix('>'))
        .map(str::to_string)
        .unwrap_or_else(|| {
            Path::new(display)
                .file_stem()
                .map_or_else(|| display.to_string(), |s| s.to_string_lossy().into_owned())
        })
}

/// `(display name, source, catalog its checks come from)` of every rule file the sources name.
fn read_sources(
    sources: &RuleSources,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(String, Source, CatalogAt)> {
    let mut out = Vec::new();
    let mut fail = |file: &str, message: String| {
        errors.push(Diagnostic {
            file: file.to_string(),
            line: 0,
            rule: None,
            message,
        })
    };
    for pack in &sources.packs {
        if let Some(doc) = packs::builtin(pack) {
            out.push((
                format!("<pack {pack}>"),
                Source::Parsed(doc),
                CatalogAt::Builtin,
            ));
        } else if Path::new(pack).is_file() {
            read_file(Path::new(pack), &mut out, &mut fail);
        } else {
            let known = packs::names();
            let known = if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            };
            fail(
                pack,
                format!(
                    "no built-in rule pack has this name and no such file exists (built-in packs: {known})"
                ),
            );
        }
    }
    for file in &sources.files {
        let path = Path::new(file);
        if path.is_dir() {
            match rule_files_in(path) {
                Ok(entries) => entries
                    .iter()
                    .for_each(|entry| read_file(entry, &mut out, &mut fail)),
                Err(e) => fail(file, format!("could not read the rule folder: {e}")),
            }
        } else {
            read_file(path, &mut out, &mut fail);
        }
    }
    out
}

fn read_file(
    path: &Path,
    out: &mut Vec<(String, Source, CatalogAt)>,
    fail: &mut impl FnMut(&str, String),
) {
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(src) => out.push((name, Source::Text(src), CatalogAt::beside(path))),
        Err(e) => fail(&name, format!("could not read the rule file: {e}")),
    }
}

/// The `.yml` / `.yaml` files of a folder, sorted.
fn rule_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|x| x == "yml" || x == "yaml") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Ids (and former ids) that name two rules: a suppression or baseline could not say which.
fn duplicate_ids(rules: &[Rule]) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, &Rule> = HashMap::new();
    let mut errors = Vec::new();
    for rule in rules {
        for id in rule.ids() {
            if let Some(earlier) = first.get(id) {
                errors.push(Diagnostic {
                    file: rule.origin.file.clone(),
                    line: rule.origin.line,
                    rule: Some(rule.name.clone()),
                    message: format!(
                        "duplicate rule id `{id}` (first defined at {}:{})",
                        earlier.origin.file, earlier.origin.line
                    ),
                });
            } else {
                first.insert(id, rule);
            }
        }
    }
    errors
}
