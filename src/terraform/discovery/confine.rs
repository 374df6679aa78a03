//! The scanned tree: the folders the scan was given, and the only place riveter reads a file
//! because the scanned code names it (docs/evaluation.md, "Files riveter reads").
//!
//! The code under scan is hostile input: a pull request's `file("../.git/config")` would put
//! the token that `actions/checkout` stores there into every report. So every path that comes
//! from the code (`file()` and its kin, `templatefile`, `fileset`, a module's `source`, a
//! tfvars file, a Terraform file beside a scanned one) is resolved here first: made absolute,
//! `..` removed, every symbolic link followed, and then refused unless it lies inside one of
//! the scanned folders and outside every `.git` and `.terraform` folder. What is read is the
//! resolved path, never the path as written, so a link cannot be swapped in between.

use crate::terraform::lexical;
use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};

/// Folders no read may enter, even inside the scanned tree: git's own files (the checkout's
/// token, other branches' objects) and Terraform's working folder (backend credentials given
/// to `terraform init`, downloaded modules that are not the code under review).
const PROTECTED: &[&str] = &[".git", ".terraform"];

/// The folders a scan was given, resolved (absolute, every link followed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScannedTree {
    /// Sorted; none inside another.
    roots: Vec<PathBuf>,
}

/// Why a path the code names is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It resolves outside every scanned folder (`..`, an absolute path, a link leading out).
    Outside,
    /// It resolves inside a `.git` or `.terraform` folder.
    Protected(&'static str),
    /// The code was not read from a folder (Terraform held in memory): nothing may be read.
    NoTree,
}

impl Refusal {
    /// Where the path leads, to follow a verb: "reads outside the scanned tree".
    pub fn place(&self) -> String {
        match self {
            Refusal::Outside => "outside the scanned tree".into(),
            Refusal::Protected(folder) => format!("inside a {folder} folder"),
            Refusal::NoTree => "outside any scanned folder (the code was not read from one)".into(),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "reads {}", self.place())
    }
}

impl ScannedTree {
    /// The tree of these folders; a folder that does not resolve (it does not exist) adds
    /// nothing.
    pub fn of_folders<'p>(folders: impl IntoIterator<Item = &'p Path>) -> ScannedTree {
        let mut roots: Vec<PathBuf> = folders
            .into_iter()
            .filter_map(|folder| {
                let folder = if folder.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    folder
                };
                folder.canonicalize().ok()
            })
            .collect();
        roots.sort();
        roots.dedup();
        // A folder inside another adds nothing; sorted, an ancestor comes first.
        let mut kept: Vec<PathBuf> = Vec::with_capacity(roots.len());
        for root in roots {
            if !kept.iter().any(|k| root.starts_with(k)) {
                kept.push(root);
            }
        }
        ScannedTree { roots: kept }
    }

    /// The tree with `folder` added: where a module's `source` may lead, which is the
    /// repository as well as the scanned folders, so that scanning `envs/prod` still follows
    /// its call of `../../modules/x`.
    pub fn with_folder(&self, folder: &Path) -> ScannedTree {
        ScannedTree::of_folders(
            self.roots
                .iter()
                .map(PathBuf::as_path)
                .chain(std::iter::once(folder)),
        )
    }

    /// The scanned folders, resolved.
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// The file or folder `path` names, resolved, when the code may read it.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, Refusal> {
        if self.roots.is_empty() {
            return Err(Refusal::NoTree);
        }
        let absolute = lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
        let resolved = resolve_links(&absolute).ok_or(Refusal::Outside)?;
        let root = self
            .roots
            .iter()
            .find(|root| resolved.starts_with(root))
            .ok_or(Refusal::Outside)?;
        let inside = resolved.strip_prefix(root).unwrap_or(&resolved);
        if let Some(folder) = inside
            .components()
            .find_map(|part| PROTECTED.iter().find(|p| OsStr::new(p) == part.as_os_str()))
        {
            return Err(Refusal::Protected(folder));
        }
        Ok(resolved)
    }

    /// A file the operator names (`--var-file`), resolved. The operator may name a file
    /// anywhere, but not one inside a `.git` or `.terraform` folder, and not a link inside the
    /// scanned tree (which the scanned change may have put there) that leads out of it.
    pub fn resolve_named(&self, path: &Path) -> Result<PathBuf, Refusal> {
        let absolute = lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
        let resolved = resolve_links(&absolute).ok_or(Refusal::Outside)?;
        if let Some(folder) = resolved
            .components()
            .find_map(|part| PROTECTED.iter().find(|p| OsStr::new(p) == part.as_os_str()))
        {
            return Err(Refusal::Protected(folder));
        }
        // Where the name itself lies: its folder resolved, the last part as written.
        let named = match (absolute.parent(), absolute.file_name()) {
            (Some(folder), Some(name)) => resolve_links(folder).map(|f| f.join(name)),
            _ => None,
        };
        if named.is_some_and(|named| self.roots.iter().any(|r| named.starts_with(r))) {
            return self.resolve(path);
        }
        Ok(resolved)
    }

    /// Whether `path` resolves inside the tree.
    pub fn holds(&self, path: &Path) -> bool {
        self.resolve(path).is_ok()
    }

    /// Whether `path` resolves inside the tree below a hidden folder (`.modules/x`), which a
    /// walk of the tree skips.
    pub fn holds_hidden(&self, path: &Path) -> bool {
        let Ok(resolved) = self.resolve(path) else {
            return false;
        };
        self.roots
            .iter()
            .find_map(|root| resolved.strip_prefix(root).ok())
            .is_some_and(|inside| {
                inside
                    .iter()
                    .any(|part| part.to_str().is_some_and(|p| p.starts_with('.')))
            })
    }
}

/// `path` with every symbolic link followed: the longest part of it that exists is resolved
/// by the file system, and the rest (which does not exist, so holds no link) is kept as is.
/// `None` for a link that leads nowhere, whose target cannot be judged.
fn resolve_links(path: &Path) -> Option<PathBuf> {
    let mut existing = path;
    let mut rest: Vec<&OsStr> = Vec::new();
    loop {
        if let Ok(resolved) = existing.canonicalize() {
            return Some(rest.iter().rev().fold(resolved, |p, part| p.join(part)));
        }
        if existing.is_symlink() {
            return None;
        }
        rest.push(existing.file_name()?);
        existing = existing.parent()?;
    }
}

#[cfg(test)]
mod tests {
    use super::{Refusal, ScannedTree};
    use std::fs;

    #[test]
    fn reads_stay_in_the_scanned_folders_and_out_of_git() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        fs::create_dir_all(base.join("repo/infra/.git")).unwrap();
        fs::create_dir_all(base.join("repo/.git")).unwrap();
        fs::write(base.join("repo/.git/config"), "token").unwrap();
        fs::write(base.join("repo/infra/main.tf"), "").unwrap();
        let tree = ScannedTree::of_folders([base.join("repo/infra").as_path()]);
        let infra = base.join("repo/infra");
        assert_eq!(
            tree.resolve(&infra.join("./sub/../main.tf")),
            Ok(infra.join("main.tf"))
        );
        // A file that does not exist yet resolves too (fileexists asks about one).
        assert_eq!(
            tree.resolve(&infra.join("missing.txt")),
            Ok(infra.join("missing.txt"))
        );
        assert_eq!(
            tree.resolve(&infra.join("../.git/config")),
            Err(Refusal::Outside)
        );
        assert_eq!(tree.resolve(&base.join("etc")), Err(Refusal::Outside));
        assert_eq!(
            tree.resolve(&infra.join(".git/HEAD")),
            Err(Refusal::Protected(".git"))
        );
        assert_eq!(
            tree.resolve(&infra.join(".terraform/terraform.tfstate")),
            Err(Refusal::Protected(".terraform"))
        );
        assert_eq!(
            ScannedTree::default().resolve(&infra.join("main.tf")),
            Err(Refusal::NoTree)
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_judged_by_where_it_leads() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        fs::create_dir_all(base.join("repo/infra/data")).unwrap();
        fs::create_dir_all(base.join("repo/infra/.git")).unwrap();
        fs::create_dir_all(base.join("repo/.git")).unwrap();
        fs::write(base.join("repo/.git/config"), "token").unwrap();
        fs::write(base.join("repo/infra/data/policy.json"), "{}").unwrap();
        let infra = base.join("repo/infra");
        std::os::unix::fs::symlink("../.git/config", infra.join("config.txt")).unwrap();
        std::os::unix::fs::symlink("../.git", infra.join("meta")).unwrap();
        std::os::unix::fs::symlink("data/policy.json", infra.join("policy.json")).unwrap();
        std::os::unix::fs::symlink(".git", infra.join("hidden")).unwrap();
        let tree = ScannedTree::of_folders([infra.as_path()]);
        assert_eq!(
            tree.resolve(&infra.join("config.txt")),
            Err(Refusal::Outside)
        );
        assert_eq!(
            tree.resolve(&infra.join("meta/config")),
            Err(Refusal::Outside)
        );
        assert_eq!(
            tree.resolve(&infra.join("policy.json")),
            Ok(infra.join("data/policy.json"))
        );
        assert_eq!(
            tree.resolve(&infra.join("hidden/config")),
            Err(Refusal::Protected(".git"))
        );
        std::os::unix::fs::symlink("../nowhere", infra.join("dangling")).unwrap();
        assert_eq!(
            tree.resolve(&infra.join("dangling/x")),
            Err(Refusal::Outside)
        );
        // The operator's own file outside the tree is read; a link the change put inside the
        // tree is not, nor anything in .git.
        fs::write(base.join("repo/prod.tfvars"), "x = 1").unwrap();
        assert_eq!(
            tree.resolve_named(&base.join("repo/prod.tfvars")),
            Ok(base.join("repo/prod.tfvars"))
        );
        std::os::unix::fs::symlink("../prod.tfvars", infra.join("linked.tfvars")).unwrap();
        assert_eq!(
            tree.resolve_named(&infra.join("linked.tfvars")),
            Err(Refusal::Outside)
        );
        assert_eq!(
            tree.resolve_named(&base.join("repo/.git/config")),
            Err(Refusal::Protected(".git"))
        );
    }
}
