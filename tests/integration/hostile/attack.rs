//! One attack on the gate: a Terraform tree a stranger controls, scanned as CI scans a pull
//! request (every report asked for, the release binary under a time and an address-space
//! limit), and the properties that must hold whatever the tree holds.
//!
//! The temporary folder is laid out as a CI checkout is:
//!
//! ```text
//! <tmp>/.git/config        a git repository whose config holds a token (actions/checkout
//!                          leaves one there)
//! <tmp>/sibling/           a folder beside the scanned one, with a secret file and a
//!                          .tfvars file; it is also $HOME
//! <tmp>/scan/kms.tf        the scanned folder: one ordinary failing key, and the attack
//! <tmp>/reports/           every report file
//! ```
//!
//! and the environment holds a token too (`GITHUB_TOKEN`).

use crate::github_stand_in::git;
use base64::Engine;
use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The ordinary file every attack sits beside: a key without rotation, which the
/// aws-security pack fails whatever else the tree holds.
pub const KMS_TF: &str = "resource \"aws_kms_key\" \"weak\" {\n  enable_key_rotation = false\n}\n";
/// The aws-security pack's check that fails `KMS_TF` (rule-packs/checks/aws.yml).
pub const ROTATION_CHECK: &str = "aws-kms-rotation";
/// The folder scanned, inside the temporary folder.
pub const SCANNED: &str = "scan";
/// The ordinary key's file, as reports name it (relative to the temporary folder, the root).
pub const KMS_FILE: &str = "scan/kms.tf";

/// A pull request's scan must end well within a CI step's patience.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);
/// The address space the scan may use (`ulimit -v`, KiB): 4 GiB.
pub const MEMORY_LIMIT_KIB: u64 = 4 << 20;
/// The most bytes a report, standard output or standard error may hold: a tree of a few
/// megabytes must not fill a runner's disk or an artifact upload.
pub const OUTPUT_LIMIT: u64 = 64 << 20;

/// A token where actions/checkout leaves one: in the repository's `.git/config`.
pub const SECRET_GIT: &str = "ghs_gitConfigToken0Q7mXW2Lk9Zp";
/// The content of `<tmp>/sibling/secret.txt` and the value of `leak.tfvars`.
pub const SECRET_SIBLING: &str = "sibling-secret-4f1c9e2ab7d3";
/// The runner's token, in the scan's environment.
pub const SECRET_ENV: &str = "ghp_envToken8Hq2Vn5Rt1Yc6Wd0";

/// Every report riveter writes, by the flag that asks for it; `github` is the `--format`
/// written with `-o` while the table goes to standard output.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    Json,
    Sarif,
    Junit,
    Gitlab,
    Markdown,
    Html,
    Github,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Gitlab,
        Format::Markdown,
        Format::Html,
        Format::Github,
    ];

    pub fn file(self) -> &'static str {
        match self {
            Format::Json => "reports/report.json",
            Format::Sarif => "reports/report.sarif",
            Format::Junit => "reports/junit.xml",
            Format::Gitlab => "reports/gitlab.json",
            Format::Markdown => "reports/summary.md",
            Format::Html => "reports/report.html",
            Format::Github => "reports/github.txt",
        }
    }

    fn flags(self) -> [&'static str; 2] {
        match self {
            Format::Json => ["--json", self.file()],
            Format::Sarif => ["--sarif", self.file()],
            Format::Junit => ["--junit", self.file()],
            Format::Gitlab => ["--gitlab", self.file()],
            Format::Markdown => ["--markdown", self.file()],
            Format::Html => ["--html", self.file()],
            Format::Github => ["-o", self.file()],
        }
    }
}

/// A tree to scan and the flags to scan it with, besides the ones every attack uses.
#[derive(Clone, Debug)]
pub struct Attack {
    pub name: String,
    /// Files of the scanned folder besides kms.tf, by path relative to it.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// Symbolic links in the scanned folder: where each is, and what it points at as written.
    pub links: Vec<(PathBuf, PathBuf)>,
    pub args: Vec<String>,
    /// Commit the tree before the scan (for `--changed-since`).
    pub commit: bool,
    /// Text that must appear in no output, besides the planted secrets.
    pub forbidden: Vec<String>,
    pub time_limit: Duration,
}

pub fn attack(name: &str) -> Attack {
    Attack {
        name: name.to_string(),
        files: Vec::new(),
        links: Vec::new(),
        args: Vec::new(),
        commit: false,
        forbidden: Vec::new(),
        time_limit: TIME_LIMIT,
    }
}

impl Attack {
    pub fn file(mut self, path: impl Into<PathBuf>, contents: impl Into<Vec<u8>>) -> Self {
        self.files.push((path.into(), contents.into()));
        self
    }

    pub fn link(mut self, path: impl Into<PathBuf>, target: impl Into<PathBuf>) -> Self {
        self.links.push((path.into(), target.into()));
        self
    }

    pub fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    pub fn committed(mut self) -> Self {
        self.commit = true;
        self
    }

    pub fn forbid(mut self, text: impl Into<String>) -> Self {
        self.forbidden.push(text.into());
        self
    }

    /// Lays the tree out, scans it and gathers everything the scan left.
    pub fn run(&self) -> Run {
        let mut tmp = tempfile::tempdir().expect("a temporary folder");
        // RIVETER_HOSTILE_KEEP=1 keeps every attack's folder, to look at what the scan left.
        tmp.disable_cleanup(std::env::var_os("RIVETER_HOSTILE_KEEP").is_some());
        let root = tmp.path().to_path_buf();
        let forbidden = self.lay_out(&root);
        let before = files_under(&root);

        let mut args: Vec<String> = ["scan", "-p", "aws-security", "-t", SCANNED, "--format"]
            .iter()
            .map(|a| a.to_string())
            .collect();
        args.push("github".into());
        for format in Format::ALL {
            args.extend(format.flags().iter().map(|a| a.to_string()));
        }
        args.extend(self.args.iter().cloned());

        let started = Instant::now();
        let (status, stdout, stderr) = run_limited(&root, &args, self.time_limit);
        let elapsed = started.elapsed();

        let created: Vec<PathBuf> = files_under(&root)
            .difference(&before)
            .filter(|path| !Format::ALL.iter().any(|f| Path::new(f.file()) == *path))
            .cloned()
            .collect();
        let reports = Format::ALL
            .iter()
            .map(|&format| (format, read_report(&root.join(format.file()))))
            .collect();
        Run {
            name: self.name.clone(),
            tmp,
            args,
            status,
            elapsed,
            stdout,
            stderr,
            reports,
            forbidden,
            created,
            written: self.files.iter().map(|(p, _)| p.clone()).collect(),
        }
    }

    /// Writes the repository, the secrets and the scanned tree; gives the strings no output
    /// may contain.
    fn lay_out(&self, root: &Path) -> Vec<(String, String)> {
        git(root, &["init", "-q", "-b", "main"]);
        git(root, &["config", "user.email", "ci@example.com"]);
        git(root, &["config", "user.name", "ci"]);
        let config = root.join(".git/config");
        let mut text = fs::read_to_string(&config).unwrap();
        text.push_str(&format!(
            "[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic {SECRET_GIT}\n"
        ));
        fs::write(&config, &text).unwrap();

        let sibling = root.join("sibling");
        fs::create_dir_all(&sibling).unwrap();
        fs::write(sibling.join("secret.txt"), SECRET_SIBLING).unwrap();
        fs::write(
            sibling.join("leak.tfvars"),
            format!("rotation = \"{SECRET_SIBLING}\"\nleak = \"{SECRET_SIBLING}\"\n"),
        )
        .unwrap();
        fs::create_dir_all(root.join("reports")).unwrap();

        let scanned = root.join(SCANNED);
        fs::create_dir_all(&scanned).unwrap();
        fs::write(scanned.join("kms.tf"), KMS_TF).unwrap();
        for (path, contents) in &self.files {
            let path = scanned.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, contents).unwrap();
        }
        for (path, target) in &self.links {
            let path = scanned.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::os::unix::fs::symlink(target, path).unwrap();
        }
        if self.commit {
            git(root, &["add", "-A"]);
            git(root, &["commit", "-q", "-m", "the pull request"]);
        }

        let base64 = base64::engine::general_purpose::STANDARD;
        let mut forbidden = vec![
            (".git/config".to_string(), SECRET_GIT.to_string()),
            (".git/config, base64".to_string(), base64.encode(&text)),
            ("sibling/secret.txt".to_string(), SECRET_SIBLING.to_string()),
            (
                "sibling/secret.txt, base64".to_string(),
                base64.encode(SECRET_SIBLING),
            ),
            ("GITHUB_TOKEN".to_string(), SECRET_ENV.to_string()),
        ];
        forbidden.extend(
            self.forbidden
                .iter()
                .map(|text| ("text read outside the tree".to_string(), text.clone())),
        );
        forbidden
    }
}

/// How the scan ended.
#[derive(Debug)]
pub enum Ended {
    Exited(ExitStatus),
    /// Killed after the time limit.
    TimedOut,
}

/// Runs the release binary in `dir` with `args`, under `ulimit -v`, killed after `limit`.
/// The environment is only what the scan needs and the planted token. Standard output and
/// error are kept up to `OUTPUT_LIMIT` bytes each (and counted beyond).
fn run_limited(dir: &Path, args: &[String], limit: Duration) -> (Ended, Captured, Captured) {
    let mut child = Command::new("sh")
        // `exec` keeps one process, so the kill below reaches the scan itself; the binary and
        // its arguments pass as "$0" "$@", never through the shell's parsing.
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_riveter"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.join("sibling"))
        .env("CI_PROJECT_DIR", dir)
        .env("GITHUB_TOKEN", SECRET_ENV)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh runs");
    let stdout = capture(child.stdout.take().unwrap());
    let stderr = capture(child.stderr.take().unwrap());
    let deadline = Instant::now() + limit;
    let ended = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Ended::Exited(status);
        }
        if Instant::now() >= deadline {
            child.kill().ok();
            child.wait().ok();
            break Ended::TimedOut;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (ended, stdout.join().unwrap(), stderr.join().unwrap())
}

/// A stream as it was read: its first `OUTPUT_LIMIT` bytes and its whole length.
#[derive(Default)]
pub struct Captured {
    pub bytes: Vec<u8>,
    pub len: u64,
}

fn capture(mut stream: impl Read + Send + 'static) -> std::thread::JoinHandle<Captured> {
    std::thread::spawn(move || {
        let mut captured = Captured::default();
        let mut buffer = vec![0u8; 1 << 16];
        while let Ok(n) = stream.read(&mut buffer) {
            if n == 0 {
                break;
            }
            captured.len += n as u64;
            let room = (OUTPUT_LIMIT as usize).saturating_sub(captured.bytes.len());
            captured.bytes.extend_from_slice(&buffer[..n.min(room)]);
        }
        captured
    })
}

/// A report file as the scan left it.
pub enum ReportFile {
    Missing,
    TooLarge(u64),
    Written(Vec<u8>),
}

fn read_report(path: &Path) -> ReportFile {
    match fs::metadata(path) {
        Err(_) => ReportFile::Missing,
        Ok(meta) if meta.len() > OUTPUT_LIMIT => ReportFile::TooLarge(meta.len()),
        Ok(_) => ReportFile::Written(fs::read(path).unwrap()),
    }
}

/// Every file under `root` (not inside `.git`), relative to it.
fn files_under(root: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path == root.join(".git") {
                continue;
            }
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => folders.push(path),
                _ => {
                    found.insert(path.strip_prefix(root).unwrap().to_path_buf());
                }
            }
        }
    }
    found
}

/// What one scan left: its end, its output, its reports and any other file it wrote.
pub struct Run {
    pub name: String,
    pub tmp: tempfile::TempDir,
    pub args: Vec<String>,
    pub status: Ended,
    pub elapsed: Duration,
    pub stdout: Captured,
    pub stderr: Captured,
    pub reports: Vec<(Format, ReportFile)>,
    /// (where it was planted, the text) for every string no output may contain.
    forbidden: Vec<(String, String)>,
    /// Files that appeared in the temporary folder and are no report.
    created: Vec<PathBuf>,
    /// The attack's own files, relative to the scanned folder.
    written: Vec<PathBuf>,
}

impl Run {
    pub fn report(&self, format: Format) -> Option<&[u8]> {
        self.reports.iter().find_map(|(f, file)| match file {
            ReportFile::Written(bytes) if *f == format => Some(bytes.as_slice()),
            _ => None,
        })
    }

    /// The JSON report, when it was written and parses.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(self.report(Format::Json)?).ok()
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr.bytes).into_owned()
    }

    /// The results of the rotation check on the resource at `address`, as (status, file).
    pub fn rotation_results(&self, address: &str) -> Vec<(String, String)> {
        let Some(json) = self.json() else {
            return Vec::new();
        };
        json["results"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["rule_id"] == ROTATION_CHECK && r["resource"]["address"] == address)
            .map(|r| {
                (
                    r["status"].as_str().unwrap_or("?").to_string(),
                    r["resource"]["file"].as_str().unwrap_or("?").to_string(),
                )
            })
            .collect()
    }

    /// A violation unless the rotation check fails the resource at `address`.
    pub fn expect_rotation_fails(&self, address: &str) -> Vec<String> {
        let found = self.rotation_results(address);
        if found.iter().any(|(status, _)| status == "fail") {
            return Vec::new();
        }
        vec![format!(
            "{address} should fail {ROTATION_CHECK}; the JSON report has {found:?}"
        )]
    }

    /// The properties every attack must leave intact, each violation a line naming its
    /// letter (the same letters as the suite's documentation).
    pub fn violations(&self) -> Vec<String> {
        let mut v = Vec::new();
        self.exit_code(&mut v);
        self.ordinary_key_fails(&mut v);
        self.reports_valid(&mut v);
        self.errors_name_file_and_line(&mut v);
        self.bounded(&mut v);
        self.no_foreign_workflow_commands(&mut v);
        self.no_secret(&mut v);
        self.nothing_else_written(&mut v);
        v
    }

    /// For a command line riveter refuses before it scans (a value that would be a git option,
    /// more threads than it allows): exit code 2 with `reason` on standard error, and every
    /// property but the reports and the ordinary key, which no scan that never ran can give.
    pub fn verify_refused(&self, reason: &str) {
        let mut extra = Vec::new();
        if self.exit_code_number() != Some(2) {
            extra.push(format!(
                "a refused command line must exit 2, not {:?}",
                self.exit_code_number()
            ));
        }
        if !self.stderr_text().contains(reason) {
            extra.push(format!("standard error does not say {reason:?}"));
        }
        let mut all: Vec<String> = self
            .violations()
            .into_iter()
            .filter(|v| !v.starts_with("(b)") && !v.starts_with("(c)"))
            .collect();
        all.extend(extra.into_iter().map(|e| format!("(class) {e}")));
        assert!(
            all.is_empty(),
            "attack {} violates:\n  {}\nstderr:\n{}",
            self.name,
            all.join("\n  "),
            tail(&self.stderr_text(), 8),
        );
    }

    /// Panics with every violation, `extra` (the attack's own expectations) included.
    pub fn verify(&self, extra: Vec<String>) {
        let mut all = self.violations();
        all.extend(extra.into_iter().map(|e| format!("(class) {e}")));
        assert!(
            all.is_empty(),
            "attack {} (in {}) violates {} propert{}:\n  {}\n(riveter {}, {:.1} s)\nstderr (last lines):\n{}",
            self.name,
            self.tmp.path().display(),
            all.len(),
            if all.len() == 1 { "y" } else { "ies" },
            all.join("\n  "),
            self.args.join(" ").escape_debug(),
            self.elapsed.as_secs_f64(),
            tail(&self.stderr_text(), 8),
        );
    }

    fn exit_code(&self, v: &mut Vec<String>) {
        match &self.status {
            Ended::TimedOut => v.push(format!(
                "(d) time: killed after {} s",
                self.elapsed.as_secs()
            )),
            Ended::Exited(status) => match status.code() {
                Some(1 | 2) => {}
                Some(0) => v.push("(a) exit code 0: the gate passed".into()),
                Some(code) => v.push(format!("(a) exit code {code} (only 1 or 2 are verdicts)")),
                None => {
                    use std::os::unix::process::ExitStatusExt;
                    v.push(format!(
                        "(a) killed by signal {}",
                        status.signal().unwrap_or(0)
                    ))
                }
            },
        }
        let stderr = self.stderr_text();
        if stderr.contains("panicked at") {
            v.push(format!(
                "(a) panicked: {}",
                first_line_with(&stderr, "panicked at")
            ));
        }
        if stderr.contains("memory allocation of") {
            v.push(format!(
                "(d) memory: {}",
                first_line_with(&stderr, "memory allocation of")
            ));
        }
        if stderr.contains("has overflowed its stack") {
            v.push(format!(
                "(d) stack: {}",
                first_line_with(&stderr, "overflowed its stack")
            ));
        }
    }

    fn ordinary_key_fails(&self, v: &mut Vec<String>) {
        if self.json().is_none() {
            v.push("(b) no JSON report to find aws_kms_key.weak in".into());
            return;
        }
        let found = self.rotation_results("aws_kms_key.weak");
        if !found
            .iter()
            .any(|(status, file)| status == "fail" && file == KMS_FILE)
        {
            v.push(format!(
                "(b) aws_kms_key.weak ({KMS_FILE}) should fail {ROTATION_CHECK}; the JSON report has {found:?}"
            ));
        }
    }

    fn reports_valid(&self, v: &mut Vec<String>) {
        for (format, file) in &self.reports {
            let bytes = match file {
                ReportFile::Missing => {
                    v.push(format!("(c) {format:?} report not written"));
                    continue;
                }
                ReportFile::TooLarge(len) => {
                    v.push(format!(
                        "(d) {format:?} report is {len} bytes (limit {OUTPUT_LIMIT})"
                    ));
                    continue;
                }
                ReportFile::Written(bytes) => bytes,
            };
            if let Err(why) = valid(*format, bytes, self.exit_code_number()) {
                v.push(format!("(c) {format:?} report invalid: {why}"));
            }
        }
    }

    fn exit_code_number(&self) -> Option<i32> {
        match &self.status {
            Ended::Exited(status) => status.code(),
            Ended::TimedOut => None,
        }
    }

    /// Every entry of the JSON report's `errors` names a file of the tree and, for a file the
    /// attack wrote, a line: a parse error a reviewer cannot find is no help.
    fn errors_name_file_and_line(&self, v: &mut Vec<String>) {
        let Some(json) = self.json() else { return };
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&self.stdout.bytes),
            self.stderr_text()
        );
        for error in json["errors"].as_array().into_iter().flatten() {
            let file = error["file"].as_str().unwrap_or("");
            let line = error["line"].as_u64().unwrap_or(0);
            let path = self.tmp.path().join(file);
            if file.is_empty() || fs::symlink_metadata(&path).is_err() {
                v.push(format!(
                    "(c) a parse error names no file of the tree: {error}"
                ));
                continue;
            }
            let ours = self
                .written
                .iter()
                .any(|w| Path::new(SCANNED).join(w) == Path::new(file));
            let regular = fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
            if ours && regular && line == 0 {
                v.push(format!("(c) a parse error names no line: {error}"));
            }
            // The log shows a file name's control characters escaped (`a\rb.tf`).
            let shown = riveter::escape::terminal::text(file);
            if line > 0
                && !printed.contains(&format!("{file}:{line}"))
                && !printed.contains(&format!("{shown}:{line}"))
            {
                v.push(format!(
                    "(c) the error at {file}:{line} is not shown on standard output or error"
                ));
            }
        }
    }

    fn bounded(&self, v: &mut Vec<String>) {
        for (stream, captured) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            if captured.len > OUTPUT_LIMIT {
                v.push(format!(
                    "(d) {stream} is {} bytes (limit {OUTPUT_LIMIT})",
                    captured.len
                ));
            }
        }
    }

    /// GitHub's runner reads a line starting with `::` (after white space; `\r` ends a line
    /// too) as a command: `::stop-commands::`, `::add-mask::`, `::error::`. Only riveter's own
    /// annotations, in the github report, may be commands.
    fn no_foreign_workflow_commands(&self, v: &mut Vec<String>) {
        for (stream, captured) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            if let Some(line) = runner_lines(&captured.bytes).find(|l| l.starts_with("::")) {
                v.push(format!(
                    "(e) {stream} has a workflow command line: {:?}",
                    clip(&line, 120)
                ));
            }
        }
        if let Some(github) = self.report(Format::Github)
            && let Some(line) = runner_lines(github).find(|l| !l.is_empty() && !is_annotation(l))
        {
            v.push(format!(
                "(e) the github report has a line that is not one of riveter's annotations: {:?}",
                clip(&line, 120)
            ));
        }
    }

    fn no_secret(&self, v: &mut Vec<String>) {
        let mut outputs: Vec<(String, &[u8])> = vec![
            ("stdout".into(), &self.stdout.bytes),
            ("stderr".into(), &self.stderr.bytes),
        ];
        for (format, file) in &self.reports {
            if let ReportFile::Written(bytes) = file {
                outputs.push((format!("{format:?} report"), bytes));
            }
        }
        let created: Vec<(String, Vec<u8>)> = self
            .created
            .iter()
            .map(|p| {
                (
                    p.display().to_string(),
                    fs::read(self.tmp.path().join(p)).unwrap_or_default(),
                )
            })
            .collect();
        outputs.extend(created.iter().map(|(n, b)| (n.clone(), b.as_slice())));
        for (planted, secret) in &self.forbidden {
            for (output, bytes) in &outputs {
                if memchr::memmem::find(bytes, secret.as_bytes()).is_some() {
                    v.push(format!("(f) the secret in {planted} is in {output}"));
                }
            }
        }
    }

    fn nothing_else_written(&self, v: &mut Vec<String>) {
        if !self.created.is_empty() {
            v.push(format!(
                "(g) files written besides the reports: {:?}",
                self.created
            ));
        }
    }
}

/// Lines as GitHub's runner splits them (`\n`, `\r`), without leading white space.
fn runner_lines(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes
        .split(|&b| b == b'\n' || b == b'\r')
        .map(|line| String::from_utf8_lossy(line).trim_start().to_string())
}

/// `::error file=…,line=…::message`, as src/report/github.rs writes each annotation: a
/// level, properties whose `:` and `,` are escaped, and the message.
fn is_annotation(line: &str) -> bool {
    let Some(rest) = ["::error ", "::warning ", "::notice "]
        .iter()
        .find_map(|level| line.strip_prefix(level))
    else {
        return false;
    };
    rest.starts_with("file=") && rest.contains("::")
}

/// Whether `bytes` is a valid report of `format` whose verdict agrees with the exit code.
fn valid(format: Format, bytes: &[u8], code: Option<i32>) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    match format {
        Format::Json => {
            let doc: serde_json::Value =
                serde_json::from_str(text).map_err(|e| format!("JSON: {e}"))?;
            let errors: Vec<String> = json_schema()
                .iter_errors(&doc)
                .take(3)
                .map(|e| format!("{e} at {}", e.instance_path))
                .collect();
            if !errors.is_empty() {
                return Err(format!("schema: {errors:?}"));
            }
            let verdict = doc["verdict"].as_str().unwrap_or("");
            let expected = match code {
                Some(0) => "pass",
                Some(1) => "fail",
                _ => "error",
            };
            if code.is_some() && verdict != expected {
                return Err(format!(
                    "verdict {verdict:?} but exit code {code:?} means {expected:?}"
                ));
            }
        }
        Format::Sarif => {
            let _: serde_sarif::sarif::Sarif =
                serde_json::from_str(text).map_err(|e| format!("SARIF: {e}"))?;
        }
        Format::Gitlab => {
            let doc: serde_json::Value =
                serde_json::from_str(text).map_err(|e| format!("JSON: {e}"))?;
            if !doc.is_array() {
                return Err("not an array of issues".into());
            }
        }
        Format::Junit => {
            let doc = roxmltree::Document::parse(text).map_err(|e| format!("XML: {e}"))?;
            if doc.root_element().tag_name().name() != "testsuites" {
                return Err("the root element is not <testsuites>".into());
            }
        }
        Format::Markdown => {
            if text.trim().is_empty() {
                return Err("empty".into());
            }
        }
        Format::Html => {
            if !text.contains("</html>") {
                return Err("empty or unterminated page".into());
            }
        }
        // Every line is checked as a workflow command with the other outputs.
        Format::Github => {}
    }
    Ok(())
}

/// docs/report.schema.json, compiled once for the whole suite.
fn json_schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let schema: serde_json::Value =
            serde_json::from_str(&fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
        jsonschema::validator_for(&schema).expect("the schema compiles")
    })
}

fn first_line_with(text: &str, needle: &str) -> String {
    clip(text.lines().find(|l| l.contains(needle)).unwrap_or(""), 200)
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..]
        .iter()
        .map(|l| clip(l, 300))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn clip(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    format!("{}…", text.chars().take(chars).collect::<String>())
}
