//! Terraform: finding files, parsing HCL and `.tf.json`, and the resource model.

mod discover;
mod for_newlines;
mod hcl;
mod json;
mod lines;
mod literal;
mod resource;

pub use discover::{DiscoverError, Discovered, discover, is_terraform};
pub use resource::{BlockKind, FileError, Resource};

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Everything read from the scanned files.
#[derive(Debug, Default)]
pub struct Terraform {
    /// In file order (files sorted by path), then in source order.
    pub resources: Vec<Resource>,
    /// Files read, whether they parsed or not.
    pub files: usize,
    /// Files that could not be read or parsed; the others are still scanned.
    pub errors: Vec<FileError>,
}

/// Reads and parses the files. `root` is what reported paths are relative to.
pub fn load(discovered: Discovered, root: &Path) -> Terraform {
    let mut terraform = Terraform {
        files: discovered.files.len(),
        errors: discovered.errors,
        ..Terraform::default()
    };
    for path in &discovered.files {
        match parse_file(path, root) {
            Ok(resources) => terraform.resources.extend(resources),
            Err(error) => terraform.errors.push(error),
        }
    }
    terraform
}

/// Parses one file. Each file is parsed once and its syntax tree dropped at once: only the
/// compact resource model is kept.
pub fn parse_file(path: &Path, root: &Path) -> Result<Vec<Resource>, FileError> {
    let name: Arc<str> = display_path(path, root).into();
    let src = std::fs::read_to_string(path).map_err(|e| FileError {
        file: name.to_string(),
        line: 0,
        column: 0,
        message: format!("could not be read: {e}"),
    })?;
    parse_source(&name, &src)
}

/// Parses Terraform source held in memory; `file` decides the syntax (`.tf.json` or HCL).
pub fn parse_source(file: &Arc<str>, src: &str) -> Result<Vec<Resource>, FileError> {
    if file.ends_with(".json") {
        json::parse(file, src)
    } else {
        hcl::parse(file, src)
    }
}

/// The path relative to `root` with `/` separators; a file outside `root` keeps its path.
pub fn display_path(path: &Path, root: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| PathBuf::from(path));
    let relative = absolute.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| match c {
            // Joined with `/` below, so an absolute path keeps exactly one leading `/`.
            std::path::Component::RootDir => String::new(),
            c => c.as_os_str().to_string_lossy().into_owned(),
        })
        .collect();
    parts.join("/")
}
