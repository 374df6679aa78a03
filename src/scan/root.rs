//! The repository root that report paths are relative to.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `--root`, else the CI's checkout (`GITHUB_WORKSPACE`, `CI_PROJECT_DIR`), else the git top
/// level, else the working directory. Always absolute.
pub fn repository_root(explicit: Option<&Path>) -> Result<PathBuf, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the working directory: {e}"))?;
    let chosen = explicit
        .map(Path::to_path_buf)
        .or_else(|| env_dir("GITHUB_WORKSPACE"))
        .or_else(|| env_dir("CI_PROJECT_DIR"))
        .or_else(git_top_level)
        .unwrap_or_else(|| cwd.clone());
    let absolute = cwd.join(chosen);
    // Symlinked checkouts (/tmp on macOS) must compare equal to the paths walked.
    Ok(absolute.canonicalize().unwrap_or(absolute))
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// `None` outside a git checkout, or when git is not installed.
fn git_top_level() -> Option<PathBuf> {
    let out = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let path = text.trim();
    (!path.is_empty()).then(|| PathBuf::from(path))
}
