//! Which files a change touched, and which findings are therefore the change's: those on
//! resources whose values the changed files can affect (docs/usage.md, "What a change puts in
//! scope"). A finding outside the changed files says why it is in scope.

mod reach;

use crate::findings::{Finding, Outcome, Report};
use crate::scan;
use crate::terraform::{CommandLineVariable, display_path};
use reach::Cause;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

/// Changed files, relative to the repository root with `/` separators. A renamed file counts
/// under both its names, a deleted one under its old name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangedFiles {
    files: BTreeSet<String>,
}

/// The files that decide every verdict, by their path relative to the repository root: rule
/// files and folders, pack files, the config file, the baseline, and the `--var-file` files
/// every module is given. A change to one puts every resource in scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Judges {
    files: Vec<(String, &'static str)>,
    /// Folders of rule files: their own `.yml` and `.yaml` files are loaded.
    rule_folders: Vec<String>,
}

impl Judges {
    /// The files a scan with these options is judged by: its rule files and folders, pack
    /// files, config file, baseline and `--var-file` files.
    pub fn of(options: &scan::Options) -> Judges {
        let mut judges = Judges::default();
        let name = |path: &Path| {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            display_path(&absolute, &options.root)
        };
        for rules in &options.rules.files {
            let path = Path::new(rules);
            if path.is_dir() {
                judges.add_rule_folder(&name(path));
            } else {
                judges.add_file(&name(path), "a rule file");
            }
        }
        // A built-in pack's name is not a file; a pack given as a file is.
        for pack in options.rules.packs.iter().map(Path::new) {
            if pack.is_file() {
                judges.add_file(&name(pack), "a rule pack");
            }
        }
        if let Some(config) = &options.config {
            judges.add_file(&name(config), "the config file");
        }
        if let Some(baseline) = options
            .suppressions
            .as_ref()
            .and_then(|s| s.baseline.as_ref())
        {
            judges.add_file(&name(baseline), "the baseline");
        }
        for variables in &options.variables {
            if let CommandLineVariable::File(file) = variables {
                judges.add_file(&name(file), "a --var-file every module is given");
            }
        }
        judges
    }

    /// `what` names the kind of file in messages: "a rule file", "the baseline".
    pub fn add_file(&mut self, path: &str, what: &'static str) {
        self.files.push((normalized(path), what));
    }

    pub fn add_rule_folder(&mut self, path: &str) {
        self.rule_folders.push(normalized(path));
    }

    /// The first judging file the change touched.
    fn changed(&self, changed: &ChangedFiles) -> Option<Cause> {
        let file = self.files.iter().find_map(|(path, what)| {
            changed
                .contains(path)
                .then(|| Cause::everything(path, what))
        });
        file.or_else(|| {
            changed
                .files
                .iter()
                .find(|file| {
                    (file.ends_with(".yml") || file.ends_with(".yaml"))
                        && self
                            .rule_folders
                            .iter()
                            .any(|folder| reach::folder_of(file) == folder)
                })
                .map(|file| Cause::everything(file, "a rule file"))
        })
    }
}

fn normalized(path: &str) -> String {
    let path = path.trim().replace('\\', "/");
    let path = path.trim_start_matches("./").trim_end_matches('/');
    if path == "." {
        String::new()
    } else {
        path.to_string()
    }
}

impl ChangedFiles {
    pub fn new(paths: impl IntoIterator<Item = String>) -> ChangedFiles {
        ChangedFiles {
            files: paths
                .into_iter()
                .map(|p| normalized(&p))
                .filter(|p| !p.is_empty())
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Whether the file itself changed.
    pub fn contains(&self, file: &str) -> bool {
        self.files.contains(file)
    }

    /// The report restricted to findings on resources the change can affect; parse errors
    /// stay, since a file that does not parse makes the whole scan untrustworthy. A finding
    /// outside the changed files says why it is in scope; a rule with nothing left in scope
    /// is skipped and says so.
    pub fn scope(&self, report: &Report, judges: &Judges) -> Report {
        let everything = judges
            .changed(self)
            .map(|cause| Arc::<str>::from(cause.explain()));
        let modules: BTreeMap<String, Arc<str>> = reach::reached(&report.modules, &self.files)
            .into_iter()
            .map(|(folder, cause)| (folder, cause.explain().into()))
            .collect();
        // Why a resource's file is in scope: `Some(None)` for a changed file itself.
        let why = |file: &str| -> Option<Option<Arc<str>>> {
            if self.contains(file) {
                return Some(None);
            }
            if let Some(cause) = &everything {
                return Some(Some(cause.clone()));
            }
            modules.get(reach::folder_of(file)).map(|c| Some(c.clone()))
        };
        // Only the kept findings are copied: a monorepo's scan has hundreds of thousands, and
        // a pull request touches a few files.
        let mut findings: Vec<Finding> = Vec::new();
        let mut by_file: BTreeMap<&str, Option<Option<Arc<str>>>> = BTreeMap::new();
        let mut rule_kept = vec![false; report.rules.len()];
        for finding in &report.findings {
            let kept = match &finding.resource {
                // A rule that applied to nothing in the whole scan applies to nothing here.
                None => Some(None),
                Some(resource) => by_file
                    .entry(&resource.file)
                    .or_insert_with(|| why(&resource.file))
                    .clone(),
            };
            match kept {
                Some(because) => {
                    rule_kept[finding.rule] = true;
                    let mut finding = finding.clone();
                    finding.in_scope_because = because;
                    findings.push(finding);
                }
                None => {
                    if !rule_kept[finding.rule] && is_last_of_rule(report, finding) {
                        rule_kept[finding.rule] = true;
                        findings.push(out_of_scope(report, finding.rule));
                    }
                }
            }
        }
        Report {
            rules: report.rules.clone(),
            findings,
            errors: report.errors.clone(),
            files: report.files,
            resources: report.resources,
            model: report.model.clone(),
            modules: report.modules.clone(),
        }
    }
}

/// Whether `finding` is its rule's last (findings are in rule order).
fn is_last_of_rule(report: &Report, finding: &Finding) -> bool {
    let all = report.findings_of(finding.rule);
    all.last().is_some_and(|last| std::ptr::eq(last, finding))
}

/// The finding of a rule whose resources are all outside the change's scope.
fn out_of_scope(report: &Report, rule: usize) -> Finding {
    let types: Vec<String> = report.rules[rule]
        .resource_types
        .iter()
        .map(|t| t.to_string())
        .collect();
    Finding {
        rule,
        resource: None,
        resource_index: None,
        outcome: Outcome::Skipped,
        note: Some(
            format!(
                "no {} resource in scope: the change cannot affect the ones the scan found",
                types.join(" | ")
            )
            .into(),
        ),
        assertions: Vec::new(),
        suppression: None,
        in_scope_because: None,
    }
}

/// `git diff --name-only BASE...HEAD` in `repo`: the files changed since the merge base.
/// Without rename detection a renamed file is listed as deleted and added: both names count.
///
/// Both revisions come from outside (`--changed-since`, a CI event), so neither may be taken
/// for an option: each is checked by `revision`, and `--end-of-options` ends git's options.
///
/// `trusted`: a checkout the caller vouches for although another user may own it (the
/// Action's workspace, which the runner's user checked out and the container's root reads).
/// git refuses such a repository unless it is a `safe.directory`; this says so for this one
/// command (`-c`, which git honours as it does its global config) and writes no config file.
pub fn from_git(
    repo: &Path,
    base: &str,
    head: &str,
    trusted: Option<&Path>,
) -> Result<ChangedFiles, String> {
    let range = format!("{}...{}", revision(base)?, revision(head)?);
    let mut git = Command::new("git");
    if let Some(dir) = trusted {
        let mut setting = std::ffi::OsString::from("safe.directory=");
        setting.push(dir);
        git.arg("-c").arg(setting);
    }
    let out = git
        .arg("-C")
        .arg(repo)
        // Paths relative to the folder git runs in, which is the root reports are relative to.
        .args(["diff", "--name-only", "--no-renames", "--relative"])
        .arg("--end-of-options")
        .arg(&range)
        // No paths: everything after `--` would be one.
        .arg("--")
        .output()
        .map_err(|e| format!("could not run git: {e}"))?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr);
        return Err(format!("git diff {range} failed: {}", message.trim()));
    }
    Ok(ChangedFiles::new(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string),
    ))
}

/// A revision to give git, refused when git could read it as something else: one starting
/// with `-` would be an option (`--output=FILE` writes a file), an empty one would mean HEAD.
pub fn revision(name: &str) -> Result<&str, String> {
    if name.is_empty() {
        return Err("an empty git revision was given; name a branch, tag or commit".into());
    }
    if name.starts_with('-') {
        return Err(format!(
            "the git revision {name:?} starts with `-`, which git would take for an option; \
             name a branch, tag or commit"
        ));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::{ChangedFiles, Judges, from_git, revision};
    use std::path::Path;

    #[test]
    fn a_revision_git_could_take_for_an_option_is_refused() {
        assert_eq!(revision("main"), Ok("main"));
        assert_eq!(revision("a1b2c3"), Ok("a1b2c3"));
        for bad in ["-p", "--output=/tmp/x", "-", ""] {
            let refused = revision(bad).unwrap_err();
            assert!(refused.contains("git revision"), "{refused}");
        }
        // Refused before git runs, whichever side it is on.
        let refused =
            from_git(Path::new("."), "--output=/tmp/riveter-x", "HEAD", None).unwrap_err();
        assert!(refused.contains("starts with `-`"), "{refused}");
        let refused = from_git(Path::new("."), "main", "-p", None).unwrap_err();
        assert!(refused.contains("starts with `-`"), "{refused}");
    }

    #[test]
    fn paths_are_taken_as_the_repository_names_them() {
        let changed = ChangedFiles::new([
            "envs/prod/terraform.tfvars".to_string(),
            "./main.tf".to_string(),
        ]);
        assert!(changed.contains("main.tf"));
        assert!(changed.contains("envs/prod/terraform.tfvars"));
        assert!(!changed.contains("envs/prod/network.tf"));
    }

    #[test]
    fn a_changed_rule_file_or_a_file_in_a_rule_folder_judges_everything() {
        let mut judges = Judges::default();
        judges.add_file("./rules.yml", "a rule file");
        judges.add_rule_folder("policies/");
        let cause = |files: &[&str]| {
            judges
                .changed(&ChangedFiles::new(files.iter().map(|f| f.to_string())))
                .map(|c| c.explain())
        };
        assert_eq!(
            cause(&["main.tf", "rules.yml"]).as_deref(),
            Some("in scope because rules.yml (a rule file) changed")
        );
        assert_eq!(
            cause(&["policies/kms.yml"]).as_deref(),
            Some("in scope because policies/kms.yml (a rule file) changed")
        );
        let unrelated = ["policies-old/kms.yml", "rules.yml.bak", "policies/a/b.yml"];
        assert_eq!(cause(&unrelated), None);
    }
}
