//! Which definitions a change altered: each changed file's old and new versions are parsed,
//! and a definition (a variable, a local, an output, a block, one argument of a module call,
//! one entry of a tfvars file) is altered when its content differs, or when it is only in one
//! version. Content is compared as parsed, without comments or layout, and a variable's or an
//! output's `description` is not content: a change to those alone alters nothing.

use super::git::Version;
use crate::terraform::{Defined, Name, defined, is_terraform, is_tfvars};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// A definition the change altered.
#[derive(Debug, Clone)]
pub struct Altered {
    pub folder: String,
    pub name: Name,
    /// A tfvars entry: it sets the variable of the folder judged as a root module only.
    pub root_only: bool,
    /// `variables.tf changed var.region`.
    pub words: Arc<str>,
    /// For a managed resource: what each top-level attribute read in the old version.
    pub old_attributes: Vec<(String, Vec<Name>)>,
    /// For a module call's instances: the folders its local `source` names, in either version
    /// (a folder no longer called is now judged as a root module, one newly called no longer).
    pub call_targets: Vec<String>,
}

/// A folder whose every definition counts as altered, since one of its changed files cannot
/// be read in one of its versions.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub folder: String,
    pub words: Arc<str>,
}

/// What the change altered, folder by folder.
#[derive(Debug, Default)]
pub struct Alterations {
    pub altered: Vec<Altered>,
    pub unreadable: Vec<Unreadable>,
}

/// The kinds of file whose definitions are compared.
pub fn compared(path: &str) -> bool {
    is_terraform(Path::new(path)) || is_tfvars(path)
}

/// The alterations of the changed Terraform and tfvars files, given both versions of each.
pub fn alterations(versions: &BTreeMap<String, (Version, Version)>) -> Alterations {
    let mut by_folder: BTreeMap<&str, Vec<(&str, &Version, &Version)>> = BTreeMap::new();
    for (path, (old, new)) in versions {
        if compared(path) {
            by_folder
                .entry(super::folder_of(path))
                .or_default()
                .push((path, old, new));
        }
    }
    let mut out = Alterations::default();
    for (folder, files) in by_folder {
        let mut old_defs: Vec<(Arc<str>, Defined)> = Vec::new();
        let mut new_defs: Vec<(Arc<str>, Defined)> = Vec::new();
        let mut unreadable = None;
        for (path, old, new) in files {
            for (version, which, defs) in [(old, "old", &mut old_defs), (new, "new", &mut new_defs)]
            {
                let text = match version {
                    Version::Absent => continue,
                    Version::Text(text) => text,
                    Version::Unreadable(why) => {
                        unreadable.get_or_insert(format!(
                            "{path} changed, and its {which} version cannot be read ({why})"
                        ));
                        continue;
                    }
                };
                match defined(path, text) {
                    Ok(found) => {
                        let file: Arc<str> = path.into();
                        defs.extend(found.into_iter().map(|d| (file.clone(), d)));
                    }
                    Err(why) => {
                        unreadable.get_or_insert(format!(
                            "{path} changed, and its {which} version does not parse ({why})"
                        ));
                    }
                }
            }
        }
        if let Some(words) = unreadable {
            out.unreadable.push(Unreadable {
                folder: folder.to_string(),
                words: words.into(),
            });
            continue;
        }
        out.altered.extend(differences(folder, old_defs, new_defs));
    }
    out
}

/// Whether the file a definition is in decides, with its name, which one wins: tfvars files
/// (a later one in Terraform's order sets the variable) and override files. A definition in
/// one is compared with the same file's other version only: renaming the file alters it.
fn order_matters(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name
        .strip_suffix(".tf.json")
        .or_else(|| name.strip_suffix(".tf"))
        .unwrap_or(name);
    is_tfvars(path) || stem == "override" || stem.ends_with("_override")
}

/// What a definition is compared by: its name, whether it is a tfvars entry, and its file
/// where the file decides which definition wins.
type Key = (Name, bool, Option<Arc<str>>);

/// The definitions whose contents differ between the versions, or that only one has. A name
/// defined twice in the folder (a provider with aliases) compares all its contents; moved to
/// another file of the folder, a definition is not altered.
fn differences(
    folder: &str,
    old: Vec<(Arc<str>, Defined)>,
    new: Vec<(Arc<str>, Defined)>,
) -> Vec<Altered> {
    type Side = BTreeMap<Key, Vec<(Arc<str>, Defined)>>;
    let group = |defs: Vec<(Arc<str>, Defined)>, out: &mut Side| {
        for (file, d) in defs {
            let root_only = is_tfvars(&file);
            let by_file = order_matters(&file).then(|| file.clone());
            out.entry((d.name.clone(), root_only, by_file))
                .or_default()
                .push((file, d));
        }
    };
    let (mut olds, mut news) = (Side::new(), Side::new());
    group(old, &mut olds);
    group(new, &mut news);
    let mut keys: Vec<&Key> = olds.keys().chain(news.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut altered = Vec::new();
    for key in keys {
        let before = olds.get(key).map(Vec::as_slice).unwrap_or_default();
        let after = news.get(key).map(Vec::as_slice).unwrap_or_default();
        let contents = |side: &[(Arc<str>, Defined)]| {
            let mut c: Vec<String> = side.iter().map(|(_, d)| d.content.clone()).collect();
            c.sort();
            c
        };
        if contents(before) == contents(after) {
            continue;
        }
        let (name, root_only, _) = key;
        let (verb, file) = match (before.first(), after.first()) {
            (None, Some((file, _))) => ("added", file),
            (Some((file, _)), None) => ("removed", file),
            (Some(_), Some((file, _))) => ("changed", file),
            (None, None) => continue,
        };
        let what = if *root_only {
            format!("the value of var.{}", tfvars_name(name))
        } else {
            name.written()
        };
        altered.push(Altered {
            folder: folder.to_string(),
            name: name.clone(),
            root_only: *root_only,
            words: format!("{file} {verb} {what}").into(),
            old_attributes: before
                .iter()
                .flat_map(|(_, d)| d.attributes.iter().cloned())
                .collect(),
            call_targets: before
                .iter()
                .chain(after)
                .filter_map(|(_, d)| d.source.as_deref())
                .filter_map(|source| local_folder(folder, source))
                .collect(),
        });
    }
    altered
}

/// The folder a local module `source` (`./x`, `../x`) names from `folder`, relative to the
/// scan root; `None` for a registry or remote source, or one above the root.
fn local_folder(folder: &str, source: &str) -> Option<String> {
    if !(source.starts_with("./") || source.starts_with("../")) {
        return None;
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in source.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

fn tfvars_name(name: &Name) -> &str {
    match name {
        Name::Variable(n) => n,
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn altered(old: Option<&str>, new: Option<&str>, path: &str) -> Vec<String> {
        let version = |t: Option<&str>| t.map_or(Version::Absent, |t| Version::Text(t.into()));
        let versions = BTreeMap::from([(path.to_string(), (version(old), version(new)))]);
        let found = alterations(&versions);
        assert!(found.unreadable.is_empty(), "{:?}", found.unreadable);
        found.altered.iter().map(|a| a.words.to_string()).collect()
    }

    #[test]
    fn layout_comments_and_descriptions_alter_nothing() {
        let old = "variable \"region\" {\n  description = \"where\"\n  default = \"eu\"\n}\nlocals {\n  a = var.region\n}\n";
        let new = "# the region\nvariable \"region\" {\n  description = \"where it runs\"\n  default     = \"eu\" # for now\n}\n\nlocals {\n    a = var.region\n}\n";
        assert!(altered(Some(old), Some(new), "m/variables.tf").is_empty());
    }

    #[test]
    fn each_definition_is_compared_apart() {
        let old = "locals {\n  a = 1\n  b = 2\n}\nmodule \"m\" {\n  source = \"./m\"\n  x = 1\n  y = 2\n}\n";
        let new = "locals {\n  a = 1\n  b = 3\n}\nmodule \"m\" {\n  source = \"./m\"\n  x = 1\n  y = 3\n  count = 2\n}\n";
        assert_eq!(
            altered(Some(old), Some(new), "main.tf"),
            [
                "main.tf changed local.b",
                "main.tf changed module.m argument y",
                "main.tf changed module.m (its count, for_each or source)",
            ]
        );
    }

    #[test]
    fn added_removed_and_tfvars_entries() {
        assert_eq!(
            altered(None, Some("resource \"aws_s3_bucket\" \"b\" {}\n"), "s3.tf"),
            ["s3.tf added aws_s3_bucket.b"]
        );
        assert_eq!(
            altered(
                Some("output \"o\" {\n  value = 1\n}\n"),
                None,
                "m/outputs.tf"
            ),
            ["m/outputs.tf removed output.o"]
        );
        assert_eq!(
            altered(
                Some("a = 1\nb = 2\n"),
                Some("a = 1\nb = 3\n"),
                "terraform.tfvars"
            ),
            ["terraform.tfvars changed the value of var.b"]
        );
    }

    #[test]
    fn a_version_that_does_not_parse_makes_its_folder_unreadable() {
        let versions = BTreeMap::from([(
            "app/main.tf".to_string(),
            (
                Version::Text("resource \"x\" {".into()),
                Version::Text("".into()),
            ),
        )]);
        let found = alterations(&versions);
        assert_eq!(found.unreadable.len(), 1);
        assert_eq!(found.unreadable[0].folder, "app");
        assert!(
            found.unreadable[0]
                .words
                .contains("old version does not parse")
        );
    }
}
