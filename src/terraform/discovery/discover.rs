//! Finds the Terraform files named by `-t`: files, directories (walked recursively, hidden
//! folders and `.terraform/` skipped) and globs, and the scanned tree they make (`confine`).
//!
//! Ignore files (`.gitignore`, `.ignore`, git's exclude files) never hide silently what
//! `terraform apply` would apply (docs/usage.md, "Which files are read"): an ignored Terraform
//! file is scanned anyway, with a warning naming the file and the ignore file's entry. Hidden
//! folders are skipped, and followed after all when a scanned module calls them
//! (`modules::module::evaluate_all`).

use super::confine::ScannedTree;
use crate::terraform::resource::FileError;
use globset::{GlobBuilder, GlobMatcher};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiscoverError {
    Missing(String),
    NotTerraform(String),
    NoMatch(String),
    BadGlob(String, String),
}

impl fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiscoverError::Missing(p) => write!(f, "{p}: no such file or directory"),
            DiscoverError::NotTerraform(p) => {
                write!(f, "{p}: not a Terraform file (expected .tf or .tf.json)")
            }
            DiscoverError::NoMatch(p) => write!(f, "{p}: the pattern matches no Terraform file"),
            DiscoverError::BadGlob(p, e) => write!(f, "{p}: invalid pattern: {e}"),
        }
    }
}

impl std::error::Error for DiscoverError {}

pub fn is_terraform(path: &Path) -> bool {
    // By bytes: Terraform loads a `.tf` file whatever the rest of its name, so a name that is
    // not UTF-8 is read too (and reported under its name made readable).
    let name = path.file_name().map_or(&[][..], |n| n.as_encoded_bytes());
    name.ends_with(b".tf") || name.ends_with(b".tf.json")
}

/// What the targets name: the Terraform files, and the folders that could not be read.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Sorted and without duplicates.
    pub files: Vec<PathBuf>,
    pub errors: Vec<FileError>,
    /// The folders the targets name (a file's folder, a glob's literal folder): the only
    /// place the scanned code may read from.
    pub tree: ScannedTree,
    /// The folders walked (folder targets and globs' folders): a module call into one of
    /// their hidden or ignored folders is followed, as Terraform follows it.
    pub walked: ScannedTree,
    /// Ignored Terraform files scanned anyway, each with a warning.
    pub warnings: Vec<String>,
}

/// A target that does not exist is an error; a folder that cannot be read inside a walk is
/// reported with the files and does not stop the scan.
pub fn discover(targets: &[String]) -> Result<Discovered, DiscoverError> {
    let mut files = Vec::new();
    let mut walks = Walks::default();
    let mut folders: Vec<PathBuf> = Vec::new();
    let mut walked: Vec<PathBuf> = Vec::new();
    for target in targets {
        let path = Path::new(target);
        if path.is_file() {
            if !is_terraform(path) {
                return Err(DiscoverError::NotTerraform(target.clone()));
            }
            files.push(clean(path));
            folders.push(path.parent().map(Path::to_path_buf).unwrap_or_default());
        } else if path.is_dir() {
            files.extend(walks.walk(path, None));
            folders.push(path.to_path_buf());
            walked.push(path.to_path_buf());
        } else if is_glob(target) {
            let (base, found) = glob(target, &mut walks)?;
            if found.is_empty() {
                return Err(DiscoverError::NoMatch(target.clone()));
            }
            files.extend(found);
            folders.push(base.clone());
            walked.push(base);
        } else {
            return Err(DiscoverError::Missing(target.clone()));
        }
    }
    let loaded = walks.ignored();
    files.extend(loaded.iter().map(|(file, _)| file.clone()));
    // A walk lists a folder's files already in path order; sorting is for several targets.
    // Paths compare component by component, which a monorepo's ten thousand files made a
    // visible part of finding them when each was inserted into a sorted set.
    if !files.is_sorted() {
        files.sort();
    }
    files.dedup();
    Ok(Discovered {
        files,
        errors: walks.errors,
        tree: ScannedTree::of_folders(folders.iter().map(PathBuf::as_path)),
        walked: ScannedTree::of_folders(walked.iter().map(PathBuf::as_path)),
        warnings: loaded.into_iter().map(|(_, warning)| warning).collect(),
    })
}

fn is_glob(target: &str) -> bool {
    target.contains(['*', '?', '[', '{'])
}

/// `./a/b.tf` and `a/b.tf` are the same file.
fn clean(path: &Path) -> PathBuf {
    path.strip_prefix(".").unwrap_or(path).to_path_buf()
}

/// A glob is walked from its longest literal directory prefix, so `modules/**/*.tf` reads only
/// `modules/`.
fn glob(pattern: &str, walks: &mut Walks) -> Result<(PathBuf, Vec<PathBuf>), DiscoverError> {
    let bad = |e: globset::Error| DiscoverError::BadGlob(pattern.to_string(), e.kind().to_string());
    let pattern_clean = pattern.strip_prefix("./").unwrap_or(pattern);
    let matcher = GlobBuilder::new(pattern_clean)
        .literal_separator(true)
        .build()
        .map_err(bad)?
        .compile_matcher();
    let segments: Vec<&str> = pattern_clean.split('/').collect();
    let literal: Vec<&str> = segments
        .iter()
        .copied()
        .take_while(|s| !is_glob(s))
        .collect();
    // Without `**` the pattern cannot reach deeper than its own segments.
    let depth = (!pattern_clean.contains("**")).then_some(segments.len() - literal.len());
    let base = if literal.is_empty() {
        ".".to_string()
    } else {
        literal.join("/")
    };
    let base = PathBuf::from(base);
    if !base.is_dir() {
        return Ok((base, Vec::new()));
    }
    let found = walks.walk(&base, Some((&matcher, depth)));
    Ok((base, found))
}

/// The walks of the folder targets: what they found with the ignore files applied, and the
/// Terraform files the ignore files hid.
#[derive(Default)]
struct Walks {
    errors: Vec<FileError>,
    /// Terraform files only a walk without ignore files finds, with the folder walked.
    hidden_by_ignore_files: BTreeMap<PathBuf, PathBuf>,
}

impl Walks {
    /// The Terraform files under `dir`, ignore files applied; the ones they hide are kept
    /// aside for `ignored`.
    fn walk(&mut self, dir: &Path, glob: Option<(&GlobMatcher, Option<usize>)>) -> Vec<PathBuf> {
        let files = self.list(dir, glob, true);
        // A second listing without the ignore files: the directories were just read, so it
        // costs little, and it is the only way the `ignore` crate tells what its rules hid.
        let every = self.list(dir, glob, false);
        let found: BTreeSet<&PathBuf> = files.iter().collect();
        for file in every {
            if !found.contains(&file) {
                self.hidden_by_ignore_files.insert(file, dir.to_path_buf());
            }
        }
        files
    }

    fn list(
        &mut self,
        dir: &Path,
        glob: Option<(&GlobMatcher, Option<usize>)>,
        ignore_files: bool,
    ) -> Vec<PathBuf> {
        let walker = ignore::WalkBuilder::new(dir)
            .standard_filters(ignore_files)
            // Hidden folders are not modules Terraform loads; a call into one is followed.
            .hidden(true)
            .max_depth(glob.and_then(|(_, depth)| depth))
            // .gitignore applies even outside a git checkout (a copied or unpacked tree).
            .require_git(false)
            .filter_entry(|entry| entry.file_name() != ".terraform")
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        let mut files = Vec::new();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                // The same folder fails both listings: reported once.
                Err(e) if ignore_files => {
                    self.errors.push(walk_error(dir, e));
                    continue;
                }
                Err(_) => continue,
            };
            let path = clean(entry.path());
            // Terraform loads a `.tf` file that is a link too; one leading out of the scanned
            // tree is then an error of that file (`syntax::parse::parse_file`), never read.
            let is_file = entry
                .file_type()
                .is_some_and(|t| t.is_file() || (t.is_symlink() && path.is_file()));
            if is_file && is_terraform(&path) && glob.is_none_or(|(m, _)| m.is_match(&path)) {
                files.push(path);
            }
        }
        files
    }

    /// The files the ignore files hid, each with a warning: every one is scanned. An ignore
    /// file is the pull request's to write, and an entry naming `kms.tf` must not take a
    /// misconfigured key out of the gate; Terraform applies what ignore files name.
    fn ignored(&self) -> Vec<(PathBuf, String)> {
        self.hidden_by_ignore_files
            .iter()
            .map(|(file, walked)| {
                let entry = ignore_entry(file, walked);
                let warning = format!(
                    "{} is hidden by {entry}, but ignore files never hide Terraform, which applies it: it is scanned",
                    file.display()
                );
                (file.clone(), warning)
            })
            .collect()
    }
}

/// The ignore file entry that hides `file`, as `dir/.gitignore (\`*.tf\`)`: the `.ignore` and
/// `.gitignore` files of its folders up to the one walked are asked, nearest first; a rule
/// from elsewhere (git's exclude files) is named as such.
fn ignore_entry(file: &Path, walked: &Path) -> String {
    let mut folder = file.parent();
    while let Some(dir) = folder {
        for name in [".ignore", ".gitignore"] {
            let path = dir.join(name);
            if !path.is_file() {
                continue;
            }
            let (matcher, _) = ignore::gitignore::Gitignore::new(&path);
            // The file is under `dir`, which the matcher requires.
            let relative = file.strip_prefix(dir).unwrap_or(file);
            if let ignore::Match::Ignore(glob) =
                matcher.matched_path_or_any_parents(relative, false)
            {
                return format!("{} (`{}`)", path.display(), glob.original());
            }
        }
        if dir == walked || dir.as_os_str().is_empty() {
            break;
        }
        folder = dir.parent();
    }
    "an ignore rule (git's exclude files or an ignore file above the scanned folder)".into()
}

fn walk_error(dir: &Path, error: ignore::Error) -> FileError {
    FileError {
        file: error_path(&error).unwrap_or(dir).display().to_string(),
        line: 0,
        column: 0,
        message: format!("could not be read: {}", innermost(&error)),
    }
}

fn error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// The cause without the path that the report already names.
fn innermost(error: &ignore::Error) -> &ignore::Error {
    match error {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => innermost(err),
        other => other,
    }
}
