//! Terraform as the oracle: `terraform fmt` parses a file's native syntax and fails on a syntax
//! error without providers, state or network. One process reads a whole directory of inputs
//! (one process per input would take minutes), and its diagnostics are split per file.
//!
//! Its answers are kept in `DECISIONS`, so the test checks every input without Terraform too.

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::Path;
use std::process::Command;

use super::inputs::Input;

pub const DECISIONS: &str = "tests/fixtures/terraform-agreement/decisions.txt";

/// Terraform's answer for one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Accept,
    /// The first diagnostic: its line, the columns its subject covers on that line (the end is
    /// past the line when the subject runs on; both are 0 when the snippet does not show the
    /// subject's line, see `underlined`), and its summary.
    Reject {
        line: u32,
        start: u32,
        end: u32,
        summary: String,
    },
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Accept => write!(f, "A"),
            Decision::Reject {
                line,
                start,
                end,
                summary,
            } => write!(f, "R {line} {start} {end} {summary}"),
        }
    }
}

impl Decision {
    fn parse(text: &str) -> Option<Decision> {
        if text == "A" {
            return Some(Decision::Accept);
        }
        let mut parts = text.strip_prefix("R ")?.splitn(4, ' ');
        Some(Decision::Reject {
            line: parts.next()?.parse().ok()?,
            start: parts.next()?.parse().ok()?,
            end: parts.next()?.parse().ok()?,
            summary: parts.next()?.to_string(),
        })
    }
}

/// The stored answers by input hash.
pub fn stored() -> BTreeMap<String, Decision> {
    let Ok(text) = fs::read_to_string(DECISIONS) else {
        return BTreeMap::new();
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (hash, decision) = l.split_once(' ').expect("a line of hash and decision");
            let decision =
                Decision::parse(decision).unwrap_or_else(|| panic!("bad stored decision: {l}"));
            (hash.to_string(), decision)
        })
        .collect()
}

pub fn store(decisions: &BTreeMap<String, Decision>) {
    let mut text = String::from(
        "# Terraform's answers for the differential parser test (tests/terraform_agreement.rs):\n\
         # input hash, then A (accepted) or R line start-column end-column summary.\n",
    );
    for (hash, decision) in decisions {
        text.push_str(&format!("{hash} {decision}\n"));
    }
    fs::create_dir_all(Path::new(DECISIONS).parent().unwrap()).unwrap();
    fs::write(DECISIONS, text).unwrap();
}

/// Whether `terraform` can be run.
pub fn available() -> bool {
    Command::new("terraform")
        .arg("version")
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .env("CHECKPOINT_DISABLE", "1")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Files per folder: `terraform fmt` slows down sharply on one folder of many thousands.
const FOLDER_SIZE: usize = 1000;

/// Asks Terraform about every input at once: each input is a file of a temporary directory,
/// and `terraform fmt -check` reads them all in one process.
pub fn ask(inputs: &[Input]) -> BTreeMap<String, Decision> {
    let dir = tempfile::tempdir().unwrap();
    for (n, chunk) in inputs.chunks(FOLDER_SIZE).enumerate() {
        let folder = dir.path().join(n.to_string());
        fs::create_dir(&folder).unwrap();
        for input in chunk {
            fs::write(folder.join(format!("{}.tf", input.hash)), &input.text).unwrap();
        }
    }
    let folders: Vec<_> = (0..inputs.len().div_ceil(FOLDER_SIZE))
        .map(|n| dir.path().join(n.to_string()))
        .collect();
    // One process per folder, as many at once as there are cores.
    let stderr: String = folders
        .par_iter()
        .map(|folder| {
            let output = Command::new("terraform")
                .args(["fmt", "-check", "-list=false", "-recursive"])
                .arg(folder)
                .env("TF_CLI_CONFIG_FILE", "/dev/null")
                // No version check over the network: the oracle needs none.
                .env("CHECKPOINT_DISABLE", "1")
                .output()
                .expect("terraform runs");
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            // 0: every file formatted; 3: some need formatting; 2: some do not parse.
            assert!(
                matches!(output.status.code(), Some(0 | 2 | 3)),
                "terraform fmt failed: {:?}\n{stderr}",
                output.status
            );
            stderr
        })
        .collect();
    let mut decisions: BTreeMap<String, Decision> = inputs
        .iter()
        .map(|i| (i.hash.clone(), Decision::Accept))
        .collect();
    for (file, decision) in diagnostics(&stderr) {
        let hash = Path::new(&file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let entry = decisions
            .get_mut(&hash)
            .unwrap_or_else(|| panic!("terraform named a file that is not an input: {file}"));
        // The first diagnostic of a file is its answer.
        if *entry == Decision::Accept {
            *entry = decision;
        }
    }
    decisions
}

const UNDERLINE: &str = "\u{1b}[4m";
const RESET: &str = "\u{1b}[0m";

/// A diagnostic being read: its summary, then the file it names and its subject.
struct Pending {
    summary: String,
    /// The file and line of the `on FILE line N` header.
    file: Option<(String, u32)>,
    at: Option<(u32, u32, u32)>,
}

impl Pending {
    fn finish(self) -> (String, Decision) {
        let (file, line) = self
            .file
            .unwrap_or_else(|| panic!("a diagnostic without a file: {}", self.summary));
        let (underlined_line, start, end) = self
            .at
            .unwrap_or_else(|| panic!("a diagnostic without a subject in {file}"));
        // The header's line is where the subject starts. After a heredoc Terraform's snippet can
        // number its lines otherwise (it skips blank lines it printed), and then the underline's
        // columns belong to another line: only the line is compared.
        let (start, end) = if underlined_line == line {
            (start, end)
        } else {
            (0, 0)
        };
        let decision = Decision::Reject {
            line,
            start,
            end,
            summary: self.summary,
        };
        (file, decision)
    }
}

/// The error diagnostics of Terraform's coloured output: the file each names, and where its
/// subject is underlined in the source snippet.
fn diagnostics(output: &str) -> Vec<(String, Decision)> {
    let mut out = Vec::new();
    let mut current: Option<Pending> = None;
    for raw in output.lines() {
        let plain = strip_ansi(raw);
        let body = plain.trim_start_matches(['│', '╷', '╵']).trim_start();
        if let Some(summary) = body.strip_prefix("Error: ") {
            out.extend(current.take().map(Pending::finish));
            current = Some(Pending {
                summary: summary.trim().to_string(),
                file: None,
                at: None,
            });
            continue;
        }
        let Some(pending) = current.as_mut() else {
            continue;
        };
        if pending.file.is_none()
            && let Some(rest) = body.strip_prefix("on ")
            && let Some((name, line)) = rest.split_once(" line ")
            && let Some(line) = line
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|n| n.parse().ok())
        {
            pending.file = Some((name.to_string(), line));
        } else if pending.at.is_none()
            && let Some(found) = underlined(raw)
        {
            pending.at = Some(found);
        }
    }
    out.extend(current.map(Pending::finish));
    out
}

/// A snippet line `  12: code` whose code holds the start of the underlined subject: its line
/// number, and the subject's first and past-the-end columns on that line.
fn underlined(raw: &str) -> Option<(u32, u32, u32)> {
    let at = raw.find(UNDERLINE)?;
    // The snippet's own text follows the box drawing and the `NN: ` gutter.
    let before = strip_ansi(&raw[..at]);
    let before = before.trim_start_matches(['│', ' ']);
    let (number, code_before) = before.split_once(": ")?;
    let line: u32 = number.trim().parse().ok()?;
    let after = &raw[at + UNDERLINE.len()..];
    let subject = match after.find(RESET) {
        Some(end) => strip_ansi(&after[..end]).chars().count(),
        // The subject runs on to the next line.
        None => strip_ansi(after).chars().count() + 1,
    };
    let start = code_before.chars().count() as u32 + 1;
    Some((line, start, start + subject as u32))
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
