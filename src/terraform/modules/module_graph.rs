//! How the scanned modules connect: the folders read, the local modules each calls and the
//! other files each reads. This is what a change to a file can affect beyond the file itself
//! (the changed-files scope, docs/usage.md).

use crate::terraform::syntax::references::Definition;
use std::collections::{BTreeMap, BTreeSet};

/// Module folders by their path relative to the scan root (`""` for the root itself), with
/// `/` separators, as reports name files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModuleGraph {
    modules: BTreeMap<String, ModuleNode>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModuleNode {
    /// Files other than its Terraform files that its expressions read (`file`, `templatefile`).
    pub reads: BTreeSet<String>,
    /// Its local module calls by name (`app` for `module "app"`), with the folder each calls,
    /// whether or not it exists.
    pub named_calls: BTreeMap<String, String>,
    /// What each of its definitions reads; `None` when a file of it could not be parsed.
    pub definitions: Option<Vec<Definition>>,
    /// The files its Terraform or tfvars files lead to through a symbolic link.
    pub links: BTreeSet<String>,
}

impl ModuleGraph {
    pub fn insert(&mut self, folder: String, node: ModuleNode) {
        self.modules.insert(folder, node);
    }

    /// Every module folder of the scan, with what it calls and reads, in path order.
    pub fn modules(&self) -> impl Iterator<Item = (&str, &ModuleNode)> {
        self.modules.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The folder's node, if the scan read it.
    pub fn get(&self, folder: &str) -> Option<&ModuleNode> {
        self.modules.get(folder)
    }

    /// The module folders that read `file` through a symbolic link, as one of their own.
    pub fn linking_to<'a>(&'a self, file: &'a str) -> impl Iterator<Item = &'a str> {
        self.modules
            .iter()
            .filter(move |(_, node)| node.links.contains(file))
            .map(|(folder, _)| folder.as_str())
    }

    /// The module folders that read `file`, or list a folder it is in (`fileset`).
    pub fn readers_of<'a>(&'a self, file: &'a str) -> impl Iterator<Item = &'a str> {
        let mut places = vec![file];
        let mut rest = file;
        while let Some((folder, _)) = rest.rsplit_once('/') {
            places.push(folder);
            rest = folder;
        }
        places.push("");
        self.modules
            .iter()
            .filter(move |(_, node)| places.iter().any(|p| node.reads.contains(*p)))
            .map(|(reader, _)| reader.as_str())
    }
}
