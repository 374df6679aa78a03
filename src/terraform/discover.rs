//! Finds the Terraform files named by `-t`: files, directories (walked recursively, `.gitignore`
//! respected, hidden folders and `.terraform/` skipped) and globs.

use super::resource::FileError;
use globset::{GlobBuilder, GlobMatcher};
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
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".tf") || name.ends_with(".tf.json")
}

/// What the targets name: the Terraform files, and the folders that could not be read.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Sorted and without duplicates.
    pub files: Vec<PathBuf>,
    pub errors: Vec<FileError>,
}

/// A target that does not exist is an error; a folder that cannot be read inside a walk is
/// reported with the files and does not stop the scan.
pub fn discover(targets: &[String]) -> Result<Discovered, DiscoverError> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for target in targets {
        let path = Path::new(target);
        if path.is_file() {
            if !is_terraform(path) {
                return Err(DiscoverError::NotTerraform(target.clone()));
            }
            files.push(clean(path));
        } else if path.is_dir() {
            files.extend(walk(path, None, &mut errors));
        } else if is_glob(target) {
            let found = glob(target, &mut errors)?;
            if found.is_empty() {
                return Err(DiscoverError::NoMatch(target.clone()));
            }
            files.extend(found);
        } else {
            return Err(DiscoverError::Missing(target.clone()));
        }
    }
    // A walk lists a folder's files already in path order; sorting is for several targets.
    // Paths compare component by component, which a monorepo's ten thousand files made a
    // visible part of finding them when each was inserted into a sorted set.
    if !files.is_sorted() {
        files.sort();
    }
    files.dedup();
    Ok(Discovered { files, errors })
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
fn glob(pattern: &str, errors: &mut Vec<FileError>) -> Result<Vec<PathBuf>, DiscoverError> {
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
    let base = Path::new(&base);
    if !base.is_dir() {
        return Ok(Vec::new());
    }
    Ok(walk(base, Some((&matcher, depth)), errors))
}

fn walk(
    dir: &Path,
    glob: Option<(&GlobMatcher, Option<usize>)>,
    errors: &mut Vec<FileError>,
) -> Vec<PathBuf> {
    let walker = ignore::WalkBuilder::new(dir)
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
            Err(e) => {
                errors.push(walk_error(dir, e));
                continue;
            }
        };
        let path = clean(entry.path());
        let is_file = entry.file_type().is_some_and(|t| t.is_file());
        if is_file && is_terraform(&path) && glob.is_none_or(|(m, _)| m.is_match(&path)) {
            files.push(path);
        }
    }
    files
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
