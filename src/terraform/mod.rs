//! Terraform: finding files, parsing HCL and `.tf.json`, evaluating what can be known before
//! `plan`, and the resource model.

mod discovery;
pub mod eval;
mod modules;
pub mod planned;
mod resource;
mod syntax;

pub use discovery::confine::{Refusal, ScannedTree};
pub use discovery::discover::{DiscoverError, Discovered, discover, is_terraform};
pub use modules::module::Absent;
pub use modules::module_graph::{ModuleGraph, ModuleNode};
pub use modules::variables::{self, CommandLineVariable, VariableInputs};
pub use resource::{
    BlockKind, CallSite, FileError, ModuleInstance, Origin, Provenance, Resource, local_address,
};
pub use syntax::contents::{Defined, defined, is_tfvars};
pub use syntax::ignore_comments::Directive;
pub use syntax::references::{Definition, Name};

use modules::module;
use syntax::parse;

use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

/// Everything read from the scanned files.
#[derive(Debug, Default)]
pub struct Terraform {
    /// In file order (files sorted by path), then in source order.
    pub resources: Vec<Resource>,
    /// The managed resources and module calls of files the scan did not target but whose
    /// folder it did: no rule judges them, but relations see them (docs/rules.md, "Rules that
    /// see other resources"). In file order, then source order.
    pub context: Vec<Resource>,
    /// Files read, whether they parsed or not.
    pub files: usize,
    /// Files that could not be read or parsed; the others are still scanned.
    pub errors: Vec<FileError>,
    /// Things the user should know that do not make the scan untrustworthy (a cycle of locals,
    /// an unreadable tfvars file).
    pub warnings: Vec<String>,
    /// The `riveter:ignore` comments of the scanned files.
    pub directives: Vec<Directive>,
    /// Which module folders were read, what each calls and which other files each reads.
    pub modules: ModuleGraph,
    /// Blocks of the targeted files of which Terraform would create nothing (`count = 0`),
    /// with why: a rule that finds nothing to judge names them.
    pub absent: Vec<Absent>,
}

/// Reads, parses and evaluates the files. `root` is what reported paths are relative to.
pub fn load(discovered: Discovered, root: &Path, inputs: &VariableInputs) -> Terraform {
    load_counting(discovered, root, inputs, &AtomicUsize::new(0))
}

/// As `load`, counting in `files_read` the files read so far, which a progress line shows
/// while the scan goes on.
pub fn load_counting(
    discovered: Discovered,
    root: &Path,
    inputs: &VariableInputs,
    files_read: &AtomicUsize,
) -> Terraform {
    let module_sources = discovered.tree.with_folder(root);
    // Files read by `file()` or through a link are named as canonical paths; the root may not
    // be one.
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let reading = module::Reading {
        root,
        canonical_root: &canonical_root,
        tree: &discovered.tree,
        module_sources: &module_sources,
        inputs,
    };
    let evaluated =
        module::evaluate_all(&discovered.files, reading, &discovered.walked, files_read);
    let modules = evaluated.modules;
    // The files of folders followed into (hidden or ignored, and called) are scanned too, in
    // path order with the others.
    let mut files: Vec<String> = discovered
        .files
        .par_iter()
        .chain(evaluated.followed.par_iter())
        .map(|f| display_path(f, root))
        .collect();
    files.sort();
    files.dedup();
    let order: HashMap<String, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.clone(), i))
        .collect();
    let mut terraform = Terraform {
        files: files.len(),
        errors: discovered.errors,
        warnings: discovered.warnings,
        ..Terraform::default()
    };
    // Room for every resource at once: grown by doubling, a monorepo's tens of thousands of
    // resources were copied over and over into fresh memory, on one core.
    terraform
        .resources
        .reserve_exact(modules.values().map(|m| m.resources.len()).sum());
    for (dir, result) in modules {
        let node = ModuleNode {
            reads: result
                .reads
                .iter()
                .map(|file| match file.strip_prefix(&canonical_root) {
                    Ok(_) => display_path(file, &canonical_root),
                    Err(_) => display_path(file, root),
                })
                .collect(),
            named_calls: result
                .calls
                .iter()
                .map(|call| (call.name.clone(), display_path(&call.target, root)))
                .collect(),
            definitions: result.definitions,
            links: result
                .links
                .iter()
                .map(|file| display_path(file, &canonical_root))
                .collect(),
        };
        terraform.modules.insert(display_path(&dir, root), node);
        terraform.resources.extend(result.resources);
        terraform.context.extend(result.context);
        terraform.errors.extend(result.errors);
        terraform.warnings.extend(result.warnings);
        terraform.directives.extend(result.directives);
        terraform.absent.extend(result.absent);
    }
    // Modules are evaluated folder by folder; reports list files in path order. The sort is
    // stable, so each file keeps its source order, and looks each file up once (hashing a
    // path at every comparison was a visible serial step on a monorepo).
    // The instances of one block of a called module stand together, in the order their
    // calls were evaluated.
    terraform.resources.sort_by_cached_key(|r| {
        let file = order.get(&*r.file).copied().unwrap_or(usize::MAX);
        (file, r.span.line, r.span.column)
    });
    terraform
        .errors
        .sort_by_cached_key(|e| order.get(&e.file).copied().unwrap_or(usize::MAX));
    terraform
}

/// Parses and evaluates Terraform source held in memory as a module of one file; `file`
/// decides the syntax (`.tf.json` or HCL).
pub fn parse_source(file: &Arc<str>, src: &str) -> Result<Vec<Resource>, FileError> {
    let (source, syntax) = parse::parse_text(file.clone(), src.to_string())?;
    Ok(module::evaluate_single(source, syntax))
}

/// Parses Terraform source held in memory without evaluating it: the syntax check alone, the
/// decision `terraform fmt` makes about the same text.
pub fn check_syntax(file: &Arc<str>, src: &str) -> Result<(), FileError> {
    parse::parse_text(file.clone(), src.to_string()).map(|_| ())
}

/// The path relative to `root` with `/` separators; a file outside `root` keeps its path.
pub fn display_path(path: &Path, root: &Path) -> String {
    match plainly_under(path, root) {
        Some(relative) => relative.to_string(),
        None => by_components(path, root),
    }
}

/// The text after `root/` when `path` is a plain absolute path under `root`: no `.` part and
/// no doubled `/`, so that comparing components would give the same. Every file of a scan is
/// named this way twice, and the component walk cost more than reading a small file.
fn plainly_under<'p>(path: &'p Path, root: &Path) -> Option<&'p str> {
    if !cfg!(unix) || !path.is_absolute() {
        return None;
    }
    let rest = path
        .to_str()?
        .strip_prefix(root.to_str()?)?
        .strip_prefix('/')?;
    let plain = rest.split('/').all(|part| !part.is_empty() && part != ".");
    plain.then_some(rest)
}

fn by_components(path: &Path, root: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| PathBuf::from(path));
    let relative = absolute.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| match c {
            // Joined with `/` below, so an absolute path keeps exactly one leading `/`.
            Component::RootDir => String::new(),
            c => c.as_os_str().to_string_lossy().into_owned(),
        })
        .collect();
    parts.join("/")
}

/// `a/b/../c` as `a/c`, without touching the file system.
pub(crate) fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{by_components, display_path};
    use std::path::Path;

    #[test]
    fn the_plain_path_shortcut_names_files_as_components_do() {
        let cases = [
            ("/repo/main.tf", "/repo"),
            ("/repo/envs/prod/main.tf", "/repo"),
            ("/repo/envs/./prod/main.tf", "/repo"),
            ("/repo//envs/main.tf", "/repo"),
            ("/repo/../other/main.tf", "/repo"),
            ("/repo/main.tf", "/repo/"),
            ("/repository/main.tf", "/repo"),
            ("/elsewhere/main.tf", "/repo"),
            ("/repo/main.tf", "/"),
        ];
        for (path, root) in cases {
            let (path, root) = (Path::new(path), Path::new(root));
            assert_eq!(
                display_path(path, root),
                by_components(path, root),
                "{path:?} under {root:?}"
            );
        }
        assert_eq!(
            display_path(Path::new("/repo/envs/prod/main.tf"), Path::new("/repo")),
            "envs/prod/main.tf"
        );
    }
}
