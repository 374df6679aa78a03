//! Seeded hostile variants of the project's fixtures: each case takes one to three Terraform
//! files from tests/fixtures and examples, mutates them (splices of other fixtures and of
//! exploding expressions, nesting, control characters and `::` in strings and labels, huge
//! numbers, cuts and repeats), and scans them beside kms.tf with the same properties as every
//! attack (hostile.rs). A mutated file that no longer parses must not change the verdict on
//! kms.tf, and its error must name the file and a line.
//!
//! The generator is a xorshift seeded per case, so a failure is reproduced from its seed and
//! index alone, on any machine:
//!
//! - `RIVETER_FUZZ_CASES` (default 300): how many cases;
//! - `RIVETER_FUZZ_SEED` (decimal or 0x hex): another seed;
//! - `RIVETER_FUZZ_ONLY`: only the case of this index;
//! - `RIVETER_FUZZ_MAX_FAILURES` (default 25): stop starting cases after this many failed;
//! - `RIVETER_FUZZ_KEEP=1`: keep the failing cases' folders and print where they are;
//! - `RIVETER_FUZZ_VERBOSE=1`: print every case, how it was made and its parse errors.

use super::attack::{Attack, Run, attack, clip};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// "riveter!" in ASCII.
const DEFAULT_SEED: u64 = 0x7269_7665_7465_7221;
const DEFAULT_CASES: usize = 300;
const DEFAULT_MAX_FAILURES: usize = 25;

/// xorshift64*, seeded through splitmix64 so that neighbouring seeds diverge at once.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The fixtures' Terraform files (`.tf`, `.tf.json`), in a fixed order.
fn corpus() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::from("tests/fixtures"), PathBuf::from("examples")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if let Some(name) = path.file_name().and_then(|n| n.to_str())
                && (name.ends_with(".tf") || name.ends_with(".tf.json"))
            {
                let text = fs::read_to_string(&path).unwrap_or_else(|e| {
                    panic!("fixture {} is not readable text: {e}", path.display())
                });
                files.push((path.display().to_string(), text));
            }
        }
    }
    files.sort();
    assert!(files.len() > 100, "the fixtures hold {} files", files.len());
    files
}

/// Text that breaks out of a string, a label or a line: workflow commands, Markdown, HTML,
/// control characters, XML's forbidden characters, bidirectional overrides.
const INJECTIONS: &[&str] = &[
    "\\n::stop-commands::pwned\\n",
    "\n::error file=kms.tf,line=1::forged\n",
    "\\r::add-mask::x",
    "::set-output name=x::y",
    "\\n# ✅ all checks passed\\n",
    "@octocat",
    "<details>PWNED",
    "</script><script>PWNED",
    "x` @octocat `y",
    "\\u001b[2J\\u001b[H",
    "\u{1b}]8;;http://x\u{7}",
    "\\uFFFE",
    "\u{FFFE}\u{FFFF}",
    "\u{0}\u{1}\u{8}",
    "\u{202E}fdp.exe",
    "\u{FEFF}",
    "\u{2028}::error::z",
    "\r\n",
    "%0A::error::encoded",
    "${",
    "%{",
    "\"",
    "\\",
];

const HUGE_NUMBERS: &[&str] = &[
    "1e999999",
    "99999999999999999999999999999999999999999999999999999999999999999999999999999999",
    "1.7976931348623157e309",
    "0.1e-99999",
    "-0",
    "18446744073709551616",
    "-9223372036854775809",
    "1e-400",
    "4294967296",
];

/// Nesting depths the parser accepts: hcl-edit rejects more than 64 levels (a parse error
/// with its line, which the cases that break files cover).
const PARSED_DEPTHS: &[usize] = &[2, 16, 60];

/// Whether `text`, put between the quotes of an HCL string or label, leaves it one string:
/// escapes only as HCL has them, no quote, no interpolation, no raw control character.
fn stays_a_string(text: &str) -> bool {
    let escapes_ok = text
        .match_indices('\\')
        .all(|(i, _)| matches!(text.as_bytes().get(i + 1), Some(b'n' | b'r' | b'u')));
    escapes_ok
        && !text.contains('"')
        && !text.contains("${")
        && !text.contains("%{")
        && !text.chars().any(char::is_control)
}

/// An injection; one that stays a string when the file is to keep parsing.
fn injection(rng: &mut Rng, parses: bool) -> &'static str {
    let pool: Vec<&'static str> = INJECTIONS
        .iter()
        .copied()
        .filter(|t| !parses || stays_a_string(t))
        .collect();
    pool[rng.below(pool.len())]
}

/// A top-level fragment that explodes, reads outside the tree, or carries text meant for
/// another reader; `id` keeps its names apart from the others'. Some need a file beside them.
/// With `parses`, the fragment is valid HCL.
fn fragment(rng: &mut Rng, id: usize, parses: bool) -> (String, String, Vec<(String, String)>) {
    let n = *rng.pick(&[10usize, 300, 1000, 3000]);
    let mut extra = Vec::new();
    let (what, text) = match rng.below(14) {
        0 => (
            format!("nested range {n}x{n}"),
            format!(
                "locals {{\n  pad_{id} = [for a in range({n}) : [for b in range({n}) : \"x\"]]\n}}\nresource \"aws_s3_bucket\" \"pad_{id}\" {{\n  bucket = \"p-${{length(local.pad_{id})}}\"\n}}\n"
            ),
        ),
        1 => {
            let k = *rng.pick(&[10usize, 24, 40, 64]);
            let mut t = format!("locals {{\n  s{id}_0 = \"0123456789abcdef\"\n");
            for i in 1..=k {
                t.push_str(&format!(
                    "  s{id}_{i} = \"${{local.s{id}_{}}}${{local.s{id}_{}}}\"\n",
                    i - 1,
                    i - 1
                ));
            }
            t.push_str(&format!(
                "}}\nresource \"aws_kms_key\" \"s_{id}\" {{\n  enable_key_rotation = local.s{id}_{k}\n}}\n"
            ));
            (format!("string doubled {k} times"), t)
        }
        2 => {
            let depth = *rng.pick(if parses {
                PARSED_DEPTHS
            } else {
                &[100usize, 1000, 10_000, 50_000]
            });
            let (open, close) = *rng.pick(&[
                ("[", "]"),
                ("(", ")"),
                ("{a=", "}"),
                ("upper(", ")"),
                ("[for x in ", " : x]"),
                ("-", ""),
                ("!", ""),
            ]);
            let balanced = parses || rng.chance(70);
            let closing = if balanced {
                close.repeat(depth)
            } else {
                String::new()
            };
            (
                format!("nesting {open:?} {depth} deep, balanced {balanced}"),
                format!(
                    "resource \"aws_kms_key\" \"deep_{id}\" {{\n  enable_key_rotation = {}true{closing}\n}}\n",
                    open.repeat(depth)
                ),
            )
        }
        3 => {
            let k = *rng.pick(&[10usize, 500, 5000]);
            let mut t = String::from("locals {\n");
            for i in (1..k).rev() {
                t.push_str(&format!("  c{id}_{i} = local.c{id}_{}\n", i - 1));
            }
            t.push_str(&format!(
                "  c{id}_0 = false\n}}\nresource \"aws_kms_key\" \"c_{id}\" {{\n  enable_key_rotation = local.c{id}_{}\n}}\n",
                k - 1
            ));
            (format!("chain of {k} locals"), t)
        }
        4 => {
            let read = *rng.pick(&[
                "file(\"${path.module}/../.git/config\")",
                "file(\"../.git/config\")",
                "file(\".git/config\")",
                "file(\"/etc/passwd\")",
                "file(\"${path.module}/../sibling/secret.txt\")",
                "file(\"${path.module}/../../sibling/secret.txt\")",
                "filebase64(\"${path.module}/../sibling/secret.txt\")",
                "file(pathexpand(\"~/secret.txt\"))",
                "templatefile(\"${path.module}/../.git/config\", {})",
                "jsonencode(fileset(\"${path.module}/..\", \"**\"))",
                "file(\"/proc/self/environ\")",
                "file(\"/dev/zero\")",
                "file(\"/dev/urandom\")",
                "file(\"${path.module}\")",
            ]);
            (
                format!("read {read}"),
                format!(
                    "resource \"aws_kms_key\" \"read_{id}\" {{\n  enable_key_rotation = {read}\n}}\n"
                ),
            )
        }
        5 => {
            let text = injection(rng, parses);
            let t = match rng.below(3) {
                0 => format!(
                    "resource \"aws_kms_key\" \"{text}\" {{\n  enable_key_rotation = false\n}}\n"
                ),
                1 => format!(
                    "resource \"aws_kms_key\" \"inj_{id}\" {{\n  for_each            = toset([\"{text}\"])\n  enable_key_rotation = each.key\n}}\n"
                ),
                _ => format!(
                    "resource \"aws_kms_key\" \"inj_{id}\" {{\n  enable_key_rotation = \"{text}\"\n}}\n"
                ),
            };
            (format!("injection {text:?}"), t)
        }
        6 => {
            let number = *rng.pick(HUGE_NUMBERS);
            let t = match rng.below(4) {
                0 => format!(
                    "resource \"aws_kms_key\" \"num_{id}\" {{\n  count               = {number}\n  enable_key_rotation = false\n}}\n"
                ),
                1 => format!(
                    "resource \"aws_kms_key\" \"num_{id}\" {{\n  enable_key_rotation     = {number}\n  deletion_window_in_days = {number}\n}}\n"
                ),
                2 => format!(
                    "locals {{\n  r{id} = range({number})\n}}\nresource \"aws_s3_bucket\" \"num_{id}\" {{\n  bucket = \"n-${{length(local.r{id})}}\"\n}}\n"
                ),
                _ => format!(
                    "resource \"aws_kms_key\" \"num_{id}\" {{\n  description = format(\"%0{number}d\", 1)\n}}\n"
                ),
            };
            (format!("huge number {number}"), t)
        }
        7 => (
            "decimal count".to_string(),
            format!(
                "resource \"aws_kms_key\" \"dec_{id}\" {{\n  count               = 0.1 + 0.2 == 0.3 ? 1 : 0\n  enable_key_rotation = false\n}}\n"
            ),
        ),
        8 => (
            "unclosed suppression reason".to_string(),
            format!(
                "# riveter:ignore aws-kms-rotation reason=\"never closed\nresource \"aws_kms_key\" \"sup_{id}\" {{\n  enable_key_rotation = false\n}}\n"
            ),
        ),
        9 => {
            let keys = n * n.min(34);
            let map = *rng.pick(&[
                "zipmap(KEYS, KEYS)",
                "merge([for k in KEYS : { (k) = k }]...)",
                "{ for k in KEYS : k => k }",
                "{ for k in KEYS : \"same\" => k... }",
                "transpose({ for k in KEYS : k => KEYS })",
                "distinct(concat(KEYS, KEYS))",
                "setproduct(KEYS, KEYS)",
            ]);
            let map = map.replace("KEYS", &format!("local.k{id}"));
            (
                format!("map of {keys} keys: {map}"),
                format!(
                    "locals {{\n  k{id} = [for i in range({keys}) : \"k${{i}}\"]\n  m{id} = {map}\n}}\nresource \"aws_s3_bucket\" \"m_{id}\" {{\n  bucket = \"n-${{length(local.m{id})}}\"\n}}\n"
                ),
            )
        }
        10 => {
            let k = *rng.pick(&[100usize, 5000, 20_000]);
            (
                format!("{k} duplicate keys"),
                format!(
                    "locals {{\n  d{id} = {{\n{}  }}\n}}\nresource \"aws_s3_bucket\" \"d_{id}\" {{\n  bucket = \"n-${{length(local.d{id})}}\"\n}}\n",
                    "    a = 1\n".repeat(k)
                ),
            )
        }
        11 => {
            extra.push((
                format!("self_{id}.tftpl"),
                "again ${templatefile(self, { self = self })}\n".to_string(),
            ));
            (
                "template including itself".to_string(),
                format!(
                    "resource \"aws_kms_key\" \"t_{id}\" {{\n  description = templatefile(\"${{path.module}}/self_{id}.tftpl\", {{ self = \"${{path.module}}/self_{id}.tftpl\" }})\n}}\n"
                ),
            )
        }
        12 => {
            let width = *rng.pick(&[1000usize, 1_000_000, 100_000_000]);
            let f = *rng.pick(&[
                "format(\"%0WIDTHd\", 1)",
                "indent(WIDTH, \"a\\nb\")",
                "formatlist(\"%s\", range(WIDTH))",
                "join(\",\", range(WIDTH))",
                "substr(\"abc\", 0, WIDTH)",
                "chunklist(range(1000), 0)",
                "regex(\"(a*)*b\", \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")",
            ]);
            let f = f.replace("WIDTH", &width.to_string());
            (
                format!("function {f}"),
                format!("resource \"aws_kms_key\" \"f_{id}\" {{\n  description = {f}\n}}\n"),
            )
        }
        _ => (
            "self reference".to_string(),
            format!(
                "locals {{\n  a{id} = local.b{id}\n  b{id} = [local.a{id}]\n}}\nresource \"aws_kms_key\" \"r_{id}\" {{\n  enable_key_rotation = local.a{id}\n  description         = aws_kms_key.r_{id}.arn\n}}\n"
            ),
        ),
    };
    (what, text, extra)
}

/// The nearest char boundary at or before `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn random_position(rng: &mut Rng, text: &str) -> usize {
    boundary(text, rng.below(text.len() + 1))
}

/// Byte offsets just after each `"` of `text` (the start of a string or label, or the end of
/// one).
fn string_starts(text: &str) -> Vec<usize> {
    text.match_indices('"').map(|(i, _)| i + 1).collect()
}

/// The content of simple one-line strings: every other `"` of a line that has no escaped
/// quote and no interpolation (whose quotes would not pair up), as byte ranges.
fn simple_strings(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if !line.contains("\\\"") && !line.contains("${") && !line.contains("%{") {
            let quotes: Vec<usize> = line.match_indices('"').map(|(i, _)| offset + i).collect();
            found.extend(quotes.chunks_exact(2).map(|pair| (pair[0] + 1, pair[1])));
        }
        offset += line.len();
    }
    found
}

/// Values of `key = value` lines that are whole on their line (brackets balanced, no
/// heredoc), as byte ranges.
fn whole_values(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(eq) = line.find(" = ") {
            let value = line[eq + 3..].trim_end();
            let depth = value.chars().fold(0i64, |d, c| match c {
                '[' | '{' | '(' => d + 1,
                ']' | '}' | ')' => d - 1,
                _ => d,
            });
            let comment = value.contains('#') || value.contains("//");
            if !value.is_empty() && depth == 0 && !value.contains("<<") && !comment {
                let start = offset + eq + 3;
                found.push((start, start + value.len()));
            }
        }
        offset += line.len();
    }
    found
}

/// Applies one mutation to `text`; says what it did. With `parses`, only mutations that keep
/// HCL parsing (as far as a line-based look can tell): appended fragments, nested values,
/// huge numbers and injections inside strings.
fn mutate(
    rng: &mut Rng,
    text: &mut String,
    corpus: &[(String, String)],
    id: usize,
    extra: &mut Vec<(String, String)>,
    parses: bool,
) -> String {
    let kind = if parses {
        *rng.pick(&[0, 0, 0, 4, 4, 6, 6, 9, 9, 9])
    } else {
        rng.below(10)
    };
    match kind {
        0 | 1 => {
            let (what, fragment, files) = fragment(rng, id, parses);
            extra.extend(files);
            text.push('\n');
            text.push_str(&fragment);
            format!("appended {what}")
        }
        2 => {
            let (what, fragment, files) = fragment(rng, id, parses);
            extra.extend(files);
            let at = random_position(rng, text);
            text.insert_str(at, &fragment);
            format!("inserted {what} at byte {at}")
        }
        3 => {
            let (name, other) = rng.pick(corpus);
            let from = random_position(rng, other);
            let to = boundary(other, from + rng.below(2048));
            let at = random_position(rng, text);
            text.insert_str(at, &other[from..to]);
            format!("spliced {name}[{from}..{to}] at byte {at}")
        }
        4 => {
            // Nest the value of an attribute: `key = VALUE` becomes `key = [[…VALUE…]]`.
            let (start, end) = if parses {
                let values = whole_values(text);
                if values.is_empty() {
                    return "no attribute to nest".into();
                }
                *rng.pick(&values)
            } else {
                let assignments: Vec<usize> =
                    text.match_indices(" = ").map(|(i, _)| i + 3).collect();
                if assignments.is_empty() {
                    return "no attribute to nest".into();
                }
                let start = *rng.pick(&assignments);
                (
                    start,
                    text[start..].find('\n').map_or(text.len(), |e| start + e),
                )
            };
            let depth = *rng.pick(if parses {
                PARSED_DEPTHS
            } else {
                &[2usize, 64, 1000, 20_000]
            });
            let (open, close) =
                *rng.pick(&[("[", "]"), ("(", ")"), ("{x = ", "}"), ("tolist([", "])")]);
            let value = text[start..end].to_string();
            text.replace_range(
                start..end,
                &format!("{}{value}{}", open.repeat(depth), close.repeat(depth)),
            );
            format!("nested the value at byte {start} in {open:?} {depth} deep")
        }
        5 => {
            let injection = injection(rng, parses);
            let starts = string_starts(text);
            let at = if !starts.is_empty() && rng.chance(70) {
                *rng.pick(&starts)
            } else {
                random_position(rng, text)
            };
            text.insert_str(at, injection);
            format!("inserted {injection:?} at byte {at}")
        }
        6 => {
            let digits: Vec<usize> = text
                .char_indices()
                .filter(|(i, c)| {
                    c.is_ascii_digit() && !text[..*i].ends_with(|p: char| p.is_ascii_alphanumeric())
                })
                .map(|(i, _)| i)
                .collect();
            if digits.is_empty() {
                return "no number to enlarge".into();
            }
            let start = *rng.pick(&digits);
            let len = text[start..]
                .find(|c: char| !c.is_ascii_digit() && c != '.')
                .unwrap_or(text.len() - start);
            let number = *rng.pick(HUGE_NUMBERS);
            text.replace_range(start..start + len, number);
            format!("replaced the number at byte {start} with {number}")
        }
        7 => {
            let from = random_position(rng, text);
            let to = boundary(text, from + 1 + rng.below(200));
            text.replace_range(from..to, "");
            format!("cut bytes {from}..{to}")
        }
        8 => {
            let lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return "no line to repeat".into();
            }
            let from = rng.below(lines.len());
            let to = (from + 1 + rng.below(10)).min(lines.len());
            let times = *rng.pick(&[2usize, 10, 1000]);
            let block = lines[from..to].join("\n");
            let mut out: Vec<String> = lines[..to].iter().map(|l| l.to_string()).collect();
            for _ in 1..times {
                out.push(block.clone());
            }
            out.extend(lines[to..].iter().map(|l| l.to_string()));
            *text = out.join("\n");
            format!("repeated lines {from}..{to} {times} times")
        }
        _ => {
            // Replace a string's (or a label's) text with an injection.
            let (start, end) = if parses {
                let strings = simple_strings(text);
                if strings.is_empty() {
                    return "no string to replace".into();
                }
                *rng.pick(&strings)
            } else {
                let starts = string_starts(text);
                if starts.len() < 2 {
                    return "no string to replace".into();
                }
                let start = *rng.pick(&starts);
                (
                    start,
                    text[start..]
                        .find(['"', '\n'])
                        .map_or(text.len(), |e| start + e),
                )
            };
            let injection = injection(rng, parses);
            text.replace_range(start..end, injection);
            format!("replaced the string at byte {start} with {injection:?}")
        }
    }
}

/// File names a pull request can add, besides ordinary ones.
const HOSTILE_NAMES: &[&str] = &[
    "evil\n::warning::pwned\n.tf",
    "# ✅ all checks passed.tf",
    "@octocat.tf",
    "<details>PWNED.tf",
    "a\rb.tf",
    "--output=x.tf",
    "\u{202E}fdp.tf",
    "x,y:z%0A.tf",
];

/// Case `index` of the run seeded with `seed`: the attack and what was done to make it.
fn generate(seed: u64, index: usize, corpus: &[(String, String)]) -> (Attack, Vec<String>) {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut case = attack(&format!("generated #{index} (seed {seed:#x})"));
    let mut log = Vec::new();
    let mut id = 0;
    // Half the cases keep every file parsing, so that evaluation and the reports see the
    // attacks; the other half break files anywhere.
    let parses = rng.chance(50);
    log.push(if parses {
        "mutations that keep HCL parsing".to_string()
    } else {
        "any mutation".to_string()
    });
    let hcl: Vec<(String, String)> = corpus
        .iter()
        .filter(|(name, _)| name.ends_with(".tf"))
        .cloned()
        .collect();
    for file in 0..1 + rng.below(3) {
        let (source, original) = rng.pick(if parses { &hcl } else { corpus });
        let mut text = original.clone();
        let mut extra = Vec::new();
        log.push(format!("file {file}: {source}"));
        for _ in 0..1 + rng.below(4) {
            id += 1;
            let did = mutate(&mut rng, &mut text, corpus, id, &mut extra, parses);
            log.push(format!("  {did}"));
        }
        let suffix = if source.ends_with(".tf.json") {
            ".tf.json"
        } else {
            ".tf"
        };
        let base = Path::new(source)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(suffix)
            .to_string();
        let name = if rng.chance(5) {
            format!(
                "{}{file}{suffix}",
                rng.pick(HOSTILE_NAMES).trim_end_matches(".tf")
            )
        } else {
            format!("f{file}_{base}{suffix}")
        };
        let folder = if rng.chance(20) {
            case = case.file(
                format!("call_m{file}.tf"),
                format!("module \"m{file}\" {{\n  source = \"./modules/m{file}\"\n}}\n"),
            );
            format!("modules/m{file}/")
        } else {
            String::new()
        };
        log.push(format!("  written as {:?}", format!("{folder}{name}")));
        case = case.file(format!("{folder}{name}"), text);
        for (extra_name, extra_text) in extra {
            case = case.file(format!("{folder}{extra_name}"), extra_text);
        }
    }
    if rng.chance(10) {
        let jobs = rng.pick(&["1", "3", "64"]);
        case = case.args(&["--jobs", jobs]);
        log.push(format!("--jobs {jobs}"));
    }
    (case, log)
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Err(_) => default,
        Ok(v) => {
            let parsed = match v.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => v.parse(),
            };
            parsed.unwrap_or_else(|_| panic!("{name}={v:?} is not a number"))
        }
    }
}

struct Failure {
    index: usize,
    log: Vec<String>,
    violations: Vec<String>,
    kept: Option<PathBuf>,
}

/// Generates and scans every case, on as many threads as there are cores; fails with every
/// failing case, its violations and how it was made.
pub fn run_all() {
    let seed = env_number("RIVETER_FUZZ_SEED", DEFAULT_SEED);
    let cases = env_number("RIVETER_FUZZ_CASES", DEFAULT_CASES as u64) as usize;
    let max_failures =
        env_number("RIVETER_FUZZ_MAX_FAILURES", DEFAULT_MAX_FAILURES as u64) as usize;
    let only = std::env::var("RIVETER_FUZZ_ONLY")
        .ok()
        .map(|_| env_number("RIVETER_FUZZ_ONLY", 0) as usize);
    let keep = std::env::var_os("RIVETER_FUZZ_KEEP").is_some();
    let verbose = std::env::var_os("RIVETER_FUZZ_VERBOSE").is_some();
    let corpus = corpus();
    let indices: Vec<usize> = match only {
        Some(i) => vec![i],
        None => (0..cases).collect(),
    };

    let next = AtomicUsize::new(0);
    // How many cases left a file that does not parse: the generator is meant to give both.
    let unparsed = AtomicUsize::new(0);
    let failures: Mutex<Vec<Failure>> = Mutex::new(Vec::new());
    let started = Instant::now();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    if failures.lock().unwrap().len() >= max_failures {
                        break;
                    }
                    let Some(&index) = indices.get(next.fetch_add(1, Ordering::SeqCst)) else {
                        break;
                    };
                    let (case, log) = generate(seed, index, &corpus);
                    let run: Run = case.run();
                    let violations = run.violations();
                    if verbose {
                        let errors: Vec<String> = run
                            .json()
                            .and_then(|j| j["errors"].as_array().cloned())
                            .unwrap_or_default()
                            .iter()
                            .map(|e| clip(&e.to_string(), 200))
                            .collect();
                        eprintln!(
                            "#{index}: {} violation(s)\n    {}\n  errors: {errors:#?}",
                            violations.len(),
                            log.join("\n    ")
                        );
                    }
                    if run
                        .json()
                        .is_some_and(|j| j["errors"].as_array().is_some_and(|e| !e.is_empty()))
                    {
                        unparsed.fetch_add(1, Ordering::SeqCst);
                    }
                    if !violations.is_empty() {
                        let kept = keep.then(|| run.tmp.keep());
                        failures.lock().unwrap().push(Failure {
                            index,
                            log,
                            violations,
                            kept,
                        });
                    }
                }
            });
        }
    });
    let ran = next.load(Ordering::SeqCst).min(indices.len());
    let mut failures = failures.into_inner().unwrap();
    failures.sort_by_key(|f| f.index);
    eprintln!(
        "generated attacks: seed {seed:#x}, {ran} of {} run in {:.1} s ({} with a file that does not parse), {} failed",
        indices.len(),
        started.elapsed().as_secs_f64(),
        unparsed.load(Ordering::SeqCst),
        failures.len()
    );
    if failures.is_empty() {
        return;
    }
    let mut message = format!(
        "{} of the generated attacks failed (seed {seed:#x}; {ran} of {} run; reproduce one with RIVETER_FUZZ_SEED={seed:#x} RIVETER_FUZZ_ONLY=<index>):\n",
        failures.len(),
        indices.len()
    );
    for failure in &failures {
        message.push_str(&format!("\n#{}:\n", failure.index));
        for line in &failure.log {
            message.push_str(&format!("    {}\n", clip(line, 200)));
        }
        for violation in &failure.violations {
            message.push_str(&format!("  ✗ {}\n", clip(violation, 300)));
        }
        if let Some(path) = &failure.kept {
            message.push_str(&format!("  kept in {}\n", path.display()));
        }
    }
    panic!("{message}");
}
