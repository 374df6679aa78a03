//! Where each planned instance is declared: its module's folder on disk, found by following
//! module calls from the folder the plan was made in, and its block there. Addresses drop
//! their instance keys (`module.data["eu"].aws_s3_bucket.raw[0]` is declared as
//! `aws_s3_bucket.raw` in the folder `module.data` calls).

use super::document::ConfigModule;
use crate::terraform::{BlockKind, Resource};
use crate::value::Value;
use std::collections::HashMap;

/// The source's blocks by folder (relative to the scan root, `/`-separated; `""` for the root
/// itself) and address within their module.
pub struct SourceIndex<'s> {
    blocks: HashMap<(&'s str, &'s str), &'s Resource>,
}

impl<'s> SourceIndex<'s> {
    pub fn new(resources: &'s [Resource]) -> SourceIndex<'s> {
        let blocks = resources
            .iter()
            .map(|r| ((folder_of(&r.file), r.local_address()), r))
            .collect();
        SourceIndex { blocks }
    }

    pub fn block(&self, folder: &str, address: &str) -> Option<&'s Resource> {
        self.blocks.get(&(folder, address)).copied()
    }

    /// The folder a plan or state was made in: the one that declares most of its root module's
    /// blocks (`wanted`, addresses within the module); ties go to the shortest path. `None`
    /// when no folder declares any.
    pub fn root_folder(&self, wanted: &[String]) -> Option<&'s str> {
        let wanted: std::collections::HashSet<&str> = wanted.iter().map(String::as_str).collect();
        let mut scores: HashMap<&'s str, usize> = HashMap::new();
        for &(folder, declared) in self.blocks.keys() {
            if wanted.contains(declared) {
                *scores.entry(folder).or_default() += 1;
            }
        }
        scores
            .into_iter()
            .max_by(|(fa, a), (fb, b)| {
                a.cmp(b)
                    .then_with(|| fb.len().cmp(&fa.len()))
                    .then_with(|| fb.cmp(fa))
            })
            .map(|(folder, _)| folder)
    }
}

fn folder_of(file: &str) -> &str {
    file.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// Where a module instance's blocks are declared.
#[derive(Debug, Clone, Default)]
pub struct ModulePlace<'s> {
    /// The module's folder, when its source is on disk.
    pub folder: Option<String>,
    /// The innermost `module` block on disk on the way to it, which findings point at when
    /// the module's own source is not on disk (a registry module).
    pub call: Option<&'s Resource>,
    /// The source of the first module on the way that is not on disk, for messages.
    pub remote: Option<String>,
}

/// Follows the module calls `path` (names, from the root module down) from `root`. The calls'
/// sources come from the plan's configuration when there is one, else from the `module` blocks
/// of the source itself (a state).
pub fn locate<'s>(
    index: &SourceIndex<'s>,
    root: &str,
    configuration: Option<&ConfigModule>,
    path: &[String],
) -> ModulePlace<'s> {
    let mut place = ModulePlace {
        folder: Some(root.to_string()),
        ..ModulePlace::default()
    };
    let mut configuration = configuration;
    for name in path {
        let call_address = format!("module.{name}");
        let call = place
            .folder
            .as_deref()
            .and_then(|folder| index.block(folder, &call_address));
        if call.is_some() {
            place.call = call;
        }
        let configured = configuration.and_then(|c| c.module_calls.get(name));
        let source = match configured {
            Some(c) => c.source.clone(),
            None => call.and_then(written_source),
        };
        configuration = configured.and_then(|c| c.module.as_ref());
        place.folder = match (&place.folder, &source) {
            (Some(folder), Some(source)) if is_local(source) => joined(folder, source),
            _ => None,
        };
        if place.folder.is_none() && place.remote.is_none() {
            place.remote = Some(source.unwrap_or_else(|| call_address.clone()));
        }
    }
    place
}

/// A `module` block's `source`, when the source scan knew it.
fn written_source(call: &Resource) -> Option<String> {
    if call.kind != BlockKind::Module {
        return None;
    }
    let Value::Map(fields) = &call.body.value else {
        return None;
    };
    fields.iter().find_map(|(k, n)| match (&**k, &n.value) {
        ("source", Value::String(s)) => Some(s.clone()),
        _ => None,
    })
}

/// Terraform reads a module source starting with `./` or `../` from disk; anything else is
/// fetched (registry, git, archives).
fn is_local(source: &str) -> bool {
    source.starts_with("./") || source.starts_with("../")
}

/// `folder/source` resolved lexically; `None` when it leaves the scan root, which no reported
/// file can be in.
fn joined(folder: &str, source: &str) -> Option<String> {
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

/// The module names of a module address: `module.a["x"].module.b` is `[a, b]`.
pub fn module_path(address: &str) -> Result<Vec<String>, String> {
    let bad = || format!("`{address}` is not a module address");
    let mut names = Vec::new();
    let mut rest = address;
    while !rest.is_empty() {
        rest = rest.strip_prefix("module.").ok_or_else(bad)?;
        let end = rest.find(['.', '[']).unwrap_or(rest.len());
        names.push(rest[..end].to_string());
        rest = &rest[end..];
        if rest.starts_with('[') {
            rest = &rest[key_length(rest).ok_or_else(bad)?..];
        }
        if !rest.is_empty() {
            rest = rest.strip_prefix('.').ok_or_else(bad)?;
        }
    }
    Ok(names)
}

/// The length of an instance key `[0]` or `["a.b"]` at the start of `text`, escapes included.
fn key_length(text: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            ']' if !in_string => return Some(i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_addresses_give_their_names_whatever_their_keys() {
        assert_eq!(module_path("").unwrap(), Vec::<String>::new());
        assert_eq!(module_path("module.data").unwrap(), ["data"]);
        assert_eq!(
            module_path(r#"module.a["x.y]\"z"].module.b[0]"#).unwrap(),
            ["a", "b"]
        );
        assert!(module_path("aws_s3_bucket.x").is_err());
        assert!(module_path("module.a[\"x").is_err());
    }

    #[test]
    fn local_sources_resolve_inside_the_root_only() {
        assert_eq!(
            joined("", "./modules/data").as_deref(),
            Some("modules/data")
        );
        assert_eq!(
            joined("envs/prod", "../../modules/x").as_deref(),
            Some("modules/x")
        );
        assert_eq!(joined("", "../elsewhere"), None);
        assert!(!is_local("terraform-aws-modules/vpc/aws"));
    }
}
