//! Terraform written to attack the reports: labels, file names and values holding line breaks
//! and workflow commands, Markdown and HTML, terminal escapes, bidirectional overrides and
//! characters XML forbids, scanned by the binary in every format. Nothing of it may act: no
//! line of standard output or error starts a workflow command riveter did not write, the
//! Markdown has no heading, mention, link or HTML of the Terraform's, the JUnit file is
//! well-formed XML, the HTML page has no tag of the Terraform's, and the JSON reports parse.

use crate::util::{riveter, stderr, stdout};
use std::fs;
use std::path::Path;

/// One resource whose label and value hold everything, and one in a file whose name does.
const MAIN_TF: &str = r#"resource "aws_kms_key" "k\n::stop-commands::x\n" {
  description         = "\n## ✅ all checks passed ##[error]legacy\n@octocat <details><!-- hide --> <img src=x> [link](https://e.example) ![i](https://e.example/i.png) | a | `b` \u001b[31m red \u202e evil ##[warning]again \r::error::cr \u2028::error::ls \ufffe end"
  enable_key_rotation = false
}

resource "aws_kms_key" "bidi\u202e<b>@octocat</b>\ufffe" {
  enable_key_rotation = false
}
"#;

const RULES: &str = r#"rules:
  - id: kms-rotation
    name: "KMS keys must rotate"
    severity: high
    resource_type: aws_kms_key
    assertions:
      - { key: enable_key_rotation, operator: equals, value: true }
      - { key: description, operator: equals, value: "x" }
    remediation: "Set enable_key_rotation = true."
"#;

/// A file name (Linux allows anything but `/` and NUL) with a workflow command, a tag and a
/// mention; and one that does not parse, so its name reaches the error paths.
const EVIL_FILE: &str = "evil\n::error::injected <img src=x> @octocat\r\u{1b}[2J.tf";
const BROKEN_FILE: &str = "bad\n::warning::parse <details>.tf";

fn hostile_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), MAIN_TF).unwrap();
    fs::write(
        dir.path().join(EVIL_FILE),
        "resource \"aws_kms_key\" \"second\" {\n  enable_key_rotation = false\n}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join(BROKEN_FILE),
        "resource \"aws_kms_key\" \"broken\" {\n  x = \n",
    )
    .unwrap();
    fs::write(dir.path().join("rules.yml"), RULES).unwrap();
    dir
}

/// Lines as GitHub's runner reads them: it splits at `\n` and at `\r`.
fn runner_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\r'])
}

/// The workflow commands riveter writes itself: an annotation with every property escaped.
fn is_riveters_annotation(line: &str) -> bool {
    let Some(rest) = ["::error ", "::warning ", "::notice "]
        .iter()
        .find_map(|level| line.strip_prefix(level))
    else {
        return false;
    };
    let Some((properties, _message)) = rest.split_once("::") else {
        return false;
    };
    let names: Vec<&str> = properties
        .split(',')
        .map(|p| p.split_once('=').map_or("", |(name, _)| name))
        .collect();
    names == ["file", "line", "endLine", "col", "endColumn", "title"]
}

/// No line starts a workflow command (after the white space the runner trims) unless it is one
/// of riveter's annotations, no line holds an old-style `##[` command, and nothing but line
/// feeds (and `\r`, which would be a line break to the runner) is a control character.
fn assert_no_injected_commands(what: &str, text: &str, own_commands: bool) {
    for line in runner_lines(text) {
        let trimmed = line.trim_start();
        if trimmed.starts_with("::") {
            assert!(
                own_commands && is_riveters_annotation(trimmed),
                "{what}: a line starts a workflow command riveter did not write: {line:?}"
            );
        }
        assert!(
            !line.contains("##["),
            "{what}: an old-style command: {line:?}"
        );
        // JSON keeps characters that break no line (bidi marks, U+2028) raw inside its
        // strings, as serde_json writes them; it escapes every control character.
        let json = ["json", "sarif", "gitlab"].contains(&what);
        assert!(
            !line
                .chars()
                .any(|c| riveter::escape::is_hidden(c) && (!json || c.is_control())),
            "{what}: a raw hidden character: {line:?}"
        );
    }
    assert!(!text.contains('\r'), "{what}: a raw carriage return");
}

#[test]
fn no_output_line_starts_a_workflow_command_of_the_terraform() {
    let dir = hostile_tree();
    let table = riveter(dir.path(), &["scan", "-r", "rules.yml"]);
    // The broken file makes the scan incomplete; the others are still reported.
    assert_eq!(table.status.code(), Some(2), "{}", stderr(&table));
    let out = stdout(&table);
    assert!(out.contains("k\\n::stop-commands::x\\n"), "{out}");
    assert!(out.contains("evil\\n::error::injected"), "{out}");
    assert_no_injected_commands("table", &out, false);
    assert_no_injected_commands("table's stderr", &stderr(&table), false);

    let github = riveter(
        dir.path(),
        &["scan", "-r", "rules.yml", "--format", "github"],
    );
    let out = stdout(&github);
    // The parse error and both resources of the two files that parse: all annotated.
    let commands = runner_lines(&out).filter(|l| l.starts_with("::")).count();
    assert_eq!(commands, 4, "{out}");
    assert_no_injected_commands("workflow commands", &out, true);
    assert_no_injected_commands("workflow commands' stderr", &stderr(&github), false);
    for line in out.lines() {
        let (properties, _) = line.split_once(' ').unwrap().1.split_once("::").unwrap();
        for property in properties.split(',') {
            let value = property.split_once('=').unwrap().1;
            assert!(!value.contains([':', ',', '\n', '\r']), "{property:?}");
        }
    }
}

#[test]
fn no_report_printed_to_the_log_carries_a_command() {
    let dir = hostile_tree();
    for format in ["json", "sarif", "gitlab", "junit", "html", "markdown"] {
        let run = riveter(dir.path(), &["scan", "-r", "rules.yml", "--format", format]);
        assert_eq!(run.status.code(), Some(2), "{format}: {}", stderr(&run));
        let out = stdout(&run);
        // The value's `##[error]` is in every report, shown.
        assert!(out.contains("legacy"), "{format}: {out}");
        assert_no_injected_commands(format, &out, false);
    }
}

/// The Markdown riveter writes around the findings: its headline, section headings, the
/// `<details>` that folds unknowns and suppressions, and `<br>`/`<sub>` inside cells.
const OWN_TAGS: [&str; 7] = [
    "<br>",
    "<sub>",
    "</sub>",
    "<details>",
    "</details>",
    "<summary>",
    "</summary>",
];

#[test]
fn markdown_shows_the_terraforms_markup_without_reading_it() {
    let dir = hostile_tree();
    let run = riveter(
        dir.path(),
        &["scan", "-r", "rules.yml", "--markdown", "summary.md"],
    );
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    let md = fs::read_to_string(dir.path().join("summary.md")).unwrap();
    for line in md.lines() {
        if line.starts_with('#') {
            assert!(
                line.starts_with("## ⚠️ riveter:")
                    || line == "### Files that could not be read"
                    || line == "### Failures",
                "a heading that riveter did not write: {line:?}"
            );
        }
        // Every row of a table has the header's number of cells.
        if line.starts_with('|') {
            let cells = line.replace("\\|", "").matches('|').count();
            assert!(cells == 6 || cells == 8, "a row broken apart: {line:?}");
        }
    }
    // A mention pings when `@` is followed by a name; riveter puts a zero-width space between.
    // GitHub reads no mention or HTML inside a code span.
    let prose = outside_code_spans(&md);
    let mentions = prose.match_indices('@').filter(|(at, _)| {
        prose[at + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    });
    assert_eq!(mentions.count(), 0, "{md}");
    let mut without_own_tags = outside_code_spans(&md);
    for tag in OWN_TAGS {
        without_own_tags = without_own_tags.replace(tag, "");
    }
    assert!(!without_own_tags.contains('<'), "raw HTML: {md}");
    assert!(!md.contains("]("), "a link: {md}");
    assert!(!md.contains("\u{202e}") && !md.contains('\u{1b}'), "{md}");
    // What the Terraform held is there, shown.
    assert!(md.contains("&lt;img src\\=x&gt;"), "{md}");
    assert!(md.contains("@\u{200b}octocat"), "{md}");
}

/// The text outside code spans: a span opens with a run of backticks and closes with a run
/// of the same length.
fn outside_code_spans(md: &str) -> String {
    let mut out = String::new();
    let mut rest = md;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        let fence_len = rest[start..].len() - rest[start..].trim_start_matches('`').len();
        let fence = &rest[start..start + fence_len];
        let after = &rest[start + fence_len..];
        // The closing run must be exactly as long as the opening one.
        let close = after.match_indices(fence).find(|(at, _)| {
            !after[at + fence_len..].starts_with('`') && (*at == 0 || !after[..*at].ends_with('`'))
        });
        match close {
            Some((at, _)) => rest = &after[at + fence_len..],
            None => {
                out.push_str(fence);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A strict reading of XML 1.0 (roxmltree checks characters, character references, entities,
/// tags and the single root), and riveter's own list of the characters XML allows.
fn assert_well_formed_xml(xml: &str) {
    let forbidden = xml.chars().find(|c| !riveter::escape::xml::allowed(*c));
    assert_eq!(forbidden, None, "a character XML 1.0 forbids");
    if let Err(e) = roxmltree::Document::parse(xml) {
        panic!("not well-formed: {e}");
    }
}

#[test]
fn every_file_report_stays_valid() {
    let dir = hostile_tree();
    let run = riveter(
        dir.path(),
        &[
            "scan",
            "-r",
            "rules.yml",
            "--junit",
            "junit.xml",
            "--html",
            "page.html",
            "--json",
            "report.json",
            "--sarif",
            "report.sarif",
            "--gitlab",
            "gitlab.json",
        ],
    );
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap();

    let junit = read("junit.xml");
    assert_well_formed_xml(&junit);
    // Shown, not dropped: the label's line breaks and the noncharacter are escapes.
    assert!(junit.contains("k\\n::stop-commands::x\\n"), "{junit}");
    assert!(
        junit.contains("bidi\\u{202e}&lt;b&gt;@octocat&lt;/b&gt;\\u{fffe}"),
        "{junit}"
    );

    let html = read("page.html");
    for raw in [
        "<img",
        "<details><!--",
        "<!-- hide",
        "<b>",
        "\u{202e}",
        "\u{1b}",
    ] {
        assert!(!html.contains(raw), "raw {raw:?} in the page");
    }
    assert!(html.contains("&lt;img src=x&gt;"));

    for name in ["report.json", "report.sarif", "gitlab.json"] {
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(&read(name));
        assert!(parsed.is_ok(), "{name}: {parsed:?}");
    }
}

#[test]
fn a_strict_xml_check_finds_what_xml_forbids() {
    // The check above must be able to fail.
    assert_well_formed_xml("<a x=\"1\">&lt;ok&#10;</a>");
    for bad in [
        "<a>\u{1}</a>",
        "<a>\u{fffe}</a>",
        "<a>&#1;</a>",
        "<a><b></a>",
        "<a/><b/>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_well_formed_xml(bad));
        assert!(caught.is_err(), "{bad:?} passed");
    }
}

#[test]
fn a_revision_that_git_would_read_as_an_option_is_refused() {
    let dir = hostile_tree();
    let run = riveter(
        dir.path(),
        &[
            "scan",
            "-r",
            "rules.yml",
            "--changed-since=--output=written-by-git",
        ],
    );
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("--changed-since: the git revision"),
        "{}",
        stderr(&run)
    );
    assert!(!Path::new(&dir.path().join("written-by-git")).exists());
}

#[test]
fn a_terraform_file_whose_name_is_not_utf8_is_scanned_as_terraform_loads_it() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"k\xff.tf");
    fs::write(
        dir.path().join(name),
        "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = false\n}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("rules.yml"),
        "rules:\n  - id: rot\n    resource_type: aws_kms_key\n    assertions: [{key: enable_key_rotation, operator: equals, value: true}]\n",
    )
    .unwrap();
    let out = riveter(dir.path(), &["scan", "-r", "rules.yml", "--color", "never"]);
    let table = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{table}{}", stderr(&out));
    assert!(table.contains("✗ aws_kms_key.k  k\u{fffd}.tf:2"), "{table}");
}
