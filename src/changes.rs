//! Which files a change touched, and which findings are therefore the change's. A changed
//! `.tfvars` file changes the values of its whole module, so every file of its folder counts.

use crate::findings::Report;
use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

/// Changed files, relative to the repository root with `/` separators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangedFiles {
    files: HashSet<String>,
    /// Folders whose variables changed (a `.tfvars` file in them).
    folders: HashSet<String>,
}

impl ChangedFiles {
    pub fn new(paths: impl IntoIterator<Item = String>) -> ChangedFiles {
        let mut changed = ChangedFiles::default();
        for path in paths {
            let path = path.trim().trim_start_matches("./").replace('\\', "/");
            if path.ends_with(".tfvars") || path.ends_with(".tfvars.json") {
                changed.folders.insert(parent(&path).to_string());
            }
            changed.files.insert(path);
        }
        changed
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn contains(&self, file: &str) -> bool {
        self.files.contains(file) || self.folders.contains(parent(file))
    }

    /// The report restricted to findings in changed files; parse errors stay, since a file
    /// that does not parse makes the whole scan untrustworthy.
    pub fn scope(&self, report: &Report) -> Report {
        // Only the kept findings are copied: a monorepo's scan has hundreds of thousands, and
        // a pull request touches a few files.
        let findings = report
            .findings
            .iter()
            .filter(|f| f.resource.as_ref().is_some_and(|r| self.contains(&r.file)))
            .cloned()
            .collect();
        Report {
            rules: report.rules.clone(),
            findings,
            errors: report.errors.clone(),
            files: report.files,
            resources: report.resources,
            model: report.model.clone(),
        }
    }
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// `git diff --name-only BASE...HEAD` in `repo`: the files changed since the merge base.
pub fn from_git(repo: &Path, base: &str, head: &str) -> Result<ChangedFiles, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        // Paths relative to the folder git runs in, which is the root reports are relative to.
        .args(["diff", "--name-only", "--no-renames", "--relative"])
        .arg(format!("{base}...{head}"))
        .output()
        .map_err(|e| format!("could not run git: {e}"))?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "git diff {base}...{head} failed: {}",
            message.trim()
        ));
    }
    Ok(ChangedFiles::new(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string),
    ))
}

#[cfg(test)]
mod tests {
    use super::ChangedFiles;

    #[test]
    fn a_changed_tfvars_changes_its_module() {
        let changed = ChangedFiles::new([
            "envs/prod/terraform.tfvars".to_string(),
            "./main.tf".to_string(),
        ]);
        assert!(changed.contains("main.tf"));
        assert!(changed.contains("envs/prod/network.tf"));
        assert!(!changed.contains("envs/dev/network.tf"));
        assert!(!changed.contains("envs/prod/sub/x.tf"));
    }
}
