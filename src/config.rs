//! The config file the Python riveter reads: `riveter.yml`, `riveter.yaml`, `riveter.json` (or
//! the same names with a leading dot) in the working directory, or `-c FILE`. Its settings add
//! to the command line's.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize, PartialEq)]
pub struct Config {
    #[serde(default)]
    pub rule_packs: Vec<String>,
    /// Folders (or files) of rule files.
    #[serde(default)]
    pub rule_dirs: Vec<String>,
    #[serde(default)]
    pub include_rules: Vec<String>,
    #[serde(default)]
    pub exclude_rules: Vec<String>,
    pub output_format: Option<String>,
    /// Where the `output_format` report goes, as `-o`.
    pub output_file: Option<PathBuf>,
    /// As `--debug`.
    #[serde(default)]
    pub debug: bool,
    /// Settings this version does not read, reported as warnings.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde::de::IgnoredAny>,
}

/// The Python riveter's names, in its order. A JSON file is read as YAML, of which JSON is a part.
pub const DEFAULT_NAMES: [&str; 6] = [
    "riveter.yml",
    "riveter.yaml",
    ".riveter.yml",
    ".riveter.yaml",
    "riveter.json",
    ".riveter.json",
];

/// The config file to read: the one named, else the first default one that exists.
pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
    match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => DEFAULT_NAMES
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file()),
    }
}

/// The config file `explicit` names, else the default one found, read; `None` when there is
/// none. Settings this version does not read are warned about on standard error.
pub fn read(explicit: Option<&Path>) -> Result<Option<(PathBuf, Config)>, String> {
    let Some(path) = locate(explicit) else {
        return Ok(None);
    };
    let config = load(&path)?;
    for key in config.other.keys() {
        eprintln!("warning: config: unknown setting `{key}` is ignored");
    }
    Ok(Some((path, config)))
}

pub fn load(path: &Path) -> Result<Config, String> {
    let src = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: could not read the config file: {e}", path.display()))?;
    if src.trim().is_empty() {
        return Ok(Config::default());
    }
    serde_saphyr::from_str(&src).map_err(|e| {
        let line = e.location().map_or(0, |l| l.line());
        let message = e.to_string();
        let first = message.lines().next().unwrap_or("").trim().to_string();
        format!("{}:{line}: invalid config file: {first}", path.display())
    })
}
