//! What git says of a change: the files it touched, and both versions of each, read from git's
//! objects (never through the checkout, whose links could lead out of the scanned tree).
//!
//! Both revisions come from outside (`--changed-since`, a CI event), so neither may be taken
//! for an option: each is checked by `revision`, and `--end-of-options` ends git's options.

use super::ChangedFiles;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The most bytes of one version of one changed file that are read: a larger one counts as
/// unreadable, and its module as wholly changed.
pub const MAX_VERSION_BYTES: u64 = 64 << 20;

/// Where the two versions of the changed files are: the merge base and the head, as commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versions {
    repo: PathBuf,
    trusted: Option<PathBuf>,
    base: String,
    head: String,
}

/// One version of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Version {
    /// The file is not in that commit (added or deleted by the change).
    Absent,
    Text(String),
    /// Why it cannot be read: too large, not text, not a file.
    Unreadable(String),
}

/// A change as git gives it: the files, and their versions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub files: ChangedFiles,
    /// `None` when the versions cannot be read (a shallow checkout without the base).
    pub versions: Option<Versions>,
    /// Changed paths that are symbolic links or submodules in either version, with what they
    /// are: what they lead to is not followed.
    pub special: Vec<(String, &'static str)>,
}

fn git(repo: &Path, trusted: Option<&Path>) -> Command {
    let mut git = Command::new("git");
    // A checkout the caller vouches for although another user may own it (the Action's
    // workspace, which the runner's user checked out and the container's root reads). git
    // refuses such a repository unless it is a `safe.directory`; this says so for this one
    // command (`-c`, which git honours as it does its global config) and writes no config file.
    if let Some(dir) = trusted {
        let mut setting = std::ffi::OsString::from("safe.directory=");
        setting.push(dir);
        git.arg("-c").arg(setting);
    }
    git.arg("-C").arg(repo);
    git
}

fn run(command: &mut Command, what: &str) -> Result<String, String> {
    let out = command
        .output()
        .map_err(|e| format!("could not run git: {e}"))?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr);
        return Err(format!("{what} failed: {}", message.trim()));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The files changed between the merge base of `base` and `head`, and where their versions
/// are. Without rename detection a renamed file is listed as deleted and added: both names
/// count. `trusted`: see `git`.
pub fn from_git(
    repo: &Path,
    base: &str,
    head: &str,
    trusted: Option<&Path>,
) -> Result<Change, String> {
    let range = format!("{}...{}", revision(base)?, revision(head)?);
    let (files, special) = raw_diff(repo, trusted, &range)?;
    Ok(Change {
        files: ChangedFiles::new(files),
        versions: versions(repo, base, head, trusted).ok(),
        special,
    })
}

/// `git diff --raw` over `range`: each changed path, and those that are links or submodules.
/// NUL-separated, so no file name can break the list.
type Listed = (Vec<String>, Vec<(String, &'static str)>);

fn raw_diff(repo: &Path, trusted: Option<&Path>, range: &str) -> Result<Listed, String> {
    let listed = run(
        git(repo, trusted)
            // Paths relative to the folder git runs in, which is the root reports are
            // relative to.
            .args([
                "diff",
                "--raw",
                "-z",
                "--no-renames",
                "--relative",
                "--no-abbrev",
            ])
            .arg("--end-of-options")
            .arg(range)
            // No paths: everything after `--` would be one.
            .arg("--"),
        &format!("git diff {range}"),
    )?;
    let mut files = Vec::new();
    let mut special = Vec::new();
    let mut fields = listed.split('\0');
    // `:OLDMODE NEWMODE OLDSHA NEWSHA STATUS`, then the path.
    while let Some(header) = fields.next() {
        if header.is_empty() {
            continue;
        }
        let Some(path) = fields.next() else { break };
        let modes: Vec<&str> = header.trim_start_matches(':').split(' ').take(2).collect();
        if modes.contains(&"120000") {
            special.push((path.to_string(), "a symbolic link"));
        } else if modes.contains(&"160000") {
            special.push((path.to_string(), "a submodule"));
        }
        files.push(path.to_string());
    }
    Ok((files, special))
}

/// The commits of the merge base of `base` and `head`, and of `head`.
pub fn versions(
    repo: &Path,
    base: &str,
    head: &str,
    trusted: Option<&Path>,
) -> Result<Versions, String> {
    let merge_base = run(
        git(repo, trusted)
            .args(["merge-base", "--end-of-options"])
            .arg(revision(base)?)
            .arg(revision(head)?),
        "git merge-base",
    )?;
    let head_commit = run(
        git(repo, trusted)
            .args(["rev-parse", "--verify", "--end-of-options"])
            .arg(format!("{}^{{commit}}", revision(head)?)),
        "git rev-parse",
    )?;
    Ok(Versions {
        repo: repo.to_path_buf(),
        trusted: trusted.map(Path::to_path_buf),
        base: merge_base.trim().to_string(),
        head: head_commit.trim().to_string(),
    })
}

impl Versions {
    /// The changed paths that are links or submodules in either version.
    pub fn special(&self) -> Result<Vec<(String, &'static str)>, String> {
        let range = format!("{}..{}", self.base, self.head);
        raw_diff(&self.repo, self.trusted.as_deref(), &range).map(|(_, special)| special)
    }

    /// Each path's version at the merge base and at the head, read in one git process.
    pub fn read(&self, paths: &[&str]) -> Result<BTreeMap<String, (Version, Version)>, String> {
        let mut requests = Vec::new();
        for path in paths {
            for commit in [&self.base, &self.head] {
                // `./` makes the path relative to the folder git runs in, as the list's are.
                requests.extend_from_slice(format!("{commit}:./{path}").as_bytes());
                requests.push(0);
            }
        }
        let mut child = git(&self.repo, self.trusted.as_deref())
            .args(["cat-file", "--batch", "-Z"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not run git: {e}"))?;
        let mut stdin = child.stdin.take().ok_or("git cat-file has no input")?;
        // Written from another thread: git answers as it reads, and a full pipe each way
        // would stop both.
        let writer = std::thread::spawn(move || stdin.write_all(&requests));
        let stdout = child.stdout.take().ok_or("git cat-file has no output")?;
        let mut reader = BufReader::new(stdout);
        let mut found = BTreeMap::new();
        let mut problem = None;
        for path in paths {
            let base = object(&mut reader);
            let head = object(&mut reader);
            match (base, head) {
                (Ok(base), Ok(head)) => {
                    found.insert(path.to_string(), (base, head));
                }
                (Err(e), _) | (_, Err(e)) => {
                    problem = Some(e);
                    break;
                }
            }
        }
        drop(reader);
        let _ = writer.join();
        let _ = child.kill();
        let _ = child.wait();
        match problem {
            Some(e) => Err(format!("git cat-file: {e}")),
            None => Ok(found),
        }
    }
}

/// One answer of `git cat-file --batch -Z`: `<oid> blob <size>\0<content>\0`, or
/// `<request> missing\0`.
fn object(reader: &mut impl BufRead) -> Result<Version, String> {
    let mut header = Vec::new();
    reader
        .read_until(0, &mut header)
        .map_err(|e| e.to_string())?;
    if header.pop() != Some(0) {
        return Err("the answer ended early".into());
    }
    let header = String::from_utf8_lossy(&header);
    if header.ends_with(" missing") || header.ends_with(" ambiguous") {
        return Ok(Version::Absent);
    }
    let mut fields = header.rsplitn(3, ' ');
    let size: u64 = fields
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("unexpected answer {header:?}"))?;
    let kind = fields.next().unwrap_or_default().to_string();
    // The content and the delimiter after it, read or skipped.
    let mut content = Vec::new();
    let keep = kind == "blob" && size <= MAX_VERSION_BYTES;
    if keep {
        reader
            .take(size)
            .read_to_end(&mut content)
            .map_err(|e| e.to_string())?;
    } else {
        std::io::copy(&mut reader.take(size), &mut std::io::sink()).map_err(|e| e.to_string())?;
    }
    let mut delimiter = [0u8; 1];
    reader
        .read_exact(&mut delimiter)
        .map_err(|e| e.to_string())?;
    if kind != "blob" {
        return Ok(Version::Unreadable(format!("it is a {kind}, not a file")));
    }
    if !keep {
        return Ok(Version::Unreadable(format!(
            "it is larger than riveter's limit of {} MiB",
            MAX_VERSION_BYTES >> 20
        )));
    }
    match String::from_utf8(content) {
        Ok(text) => Ok(Version::Text(text)),
        Err(_) => Ok(Version::Unreadable("it is not UTF-8 text".into())),
    }
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
    use super::{from_git, revision};
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
}
