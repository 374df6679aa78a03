//! `# riveter:ignore rule-id[,rule-id...] reason="..." expires=YYYY-MM-DD` comments (also `//`
//! and `/* */`). On the lines right above a block, or on or above an attribute line inside it,
//! a directive belongs to that resource. What the settings mean is the suppression module's.

use crate::terraform::Resource;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub file: String,
    /// The comment's line.
    pub line: u32,
    pub rule_ids: Vec<String>,
    /// `key=value` settings as written (`reason`, `expires`).
    pub settings: Vec<(String, String)>,
    /// The resource it belongs to, once attached.
    pub address: Option<String>,
    /// In a scan of a plan or state: the addresses of the block's instances
    /// (`aws_s3_bucket.b[0]`), which it applies to as well.
    pub instances: Vec<String>,
    /// What is wrong with the comment itself (no rule id).
    pub problem: Option<String>,
    /// A mistake that makes the comment unreadable (a quote never closed, which would swallow
    /// the settings after it): an error of the file at this line, and nothing is suppressed.
    pub error: Option<String>,
}

const MARKER: &str = "riveter:ignore";

/// Every directive in a file's text.
pub fn parse(file: &str, text: &str) -> Vec<Directive> {
    // Most files have none: one SIMD search of the text instead of a string search set up for
    // every line.
    if memchr::memmem::find(text.as_bytes(), MARKER.as_bytes()).is_none() {
        return Vec::new();
    }
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let at = line.find(MARKER)?;
            let before = line[..at].trim_end();
            // Only inside a comment: `# riveter:ignore`, `// riveter:ignore`, `/* riveter:ignore`.
            if !(before.ends_with('#') || before.ends_with("//") || before.ends_with("/*")) {
                return None;
            }
            let rest = line[at + MARKER.len()..]
                .trim()
                .trim_end_matches("*/")
                .trim();
            Some(directive(file, i as u32 + 1, rest))
        })
        .collect()
}

fn directive(file: &str, line: u32, text: &str) -> Directive {
    let mut d = Directive {
        file: file.to_string(),
        line,
        rule_ids: Vec::new(),
        settings: Vec::new(),
        address: None,
        instances: Vec::new(),
        problem: None,
        error: None,
    };
    let (ids, mut rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    d.rule_ids = ids
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if d.rule_ids.is_empty() || ids.contains('=') {
        d.problem = Some("names no rule id (riveter:ignore <rule-id>[,<rule-id>] reason=\"...\" expires=YYYY-MM-DD)".into());
        return d;
    }
    while let Some((key, after)) = rest.trim_start().split_once('=') {
        let (value, remaining) = match after.strip_prefix('"') {
            Some(quoted) => match quoted.split_once('"') {
                Some((value, remaining)) => (value.to_string(), remaining),
                // Read to the end of the line, the value would take `expires=` with it and
                // the suppression would never end.
                None => {
                    d.error = Some(format!(
                        "riveter:ignore {}=\" is never closed; close the quote (the comment suppresses nothing)",
                        key.trim()
                    ));
                    return d;
                }
            },
            None => {
                let (value, remaining) =
                    after.split_once(char::is_whitespace).unwrap_or((after, ""));
                (value.to_string(), remaining)
            }
        };
        d.settings.push((key.trim().to_string(), value));
        rest = remaining;
    }
    d
}

/// Attaches each directive to the resource it belongs to: the one whose block contains its
/// line (a comment on or above an attribute), or the one whose block starts right after it and
/// the comment lines that follow it.
pub fn attach(directives: &mut [Directive], resources: &[Resource], text: &str) {
    // Most files have no directive; their lines need not be split.
    if directives.is_empty() {
        return;
    }
    let lines: Vec<&str> = text.lines().collect();
    for d in directives.iter_mut() {
        let inside = resources
            .iter()
            .position(|r| r.span.line < d.line && d.line <= r.span.end_line);
        let below = || {
            let mut next = d.line as usize; // the line after the comment, 0-based
            while next < lines.len() && is_comment(lines[next]) {
                next += 1;
            }
            resources
                .iter()
                .position(|r| r.span.line as usize == next + 1)
        };
        if let Some(index) = inside.or_else(below) {
            d.address = Some(resources[index].address.clone());
        }
    }
}

fn is_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('#') || t.starts_with("//") || t.starts_with("/*") || t.starts_with('*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_comment_form() {
        let text = "# riveter:ignore a,b reason=\"legacy bucket\" expires=2027-01-31\n// riveter:ignore c\n/* riveter:ignore d reason=\"x\" */\nname = \"riveter:ignore not-a-comment\"\n";
        let found = parse("main.tf", text);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].rule_ids, ["a", "b"]);
        let settings = |i: usize| {
            found[i]
                .settings
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(settings(0), ["reason=legacy bucket", "expires=2027-01-31"]);
        assert_eq!(
            (found[1].line, found[1].rule_ids.clone()),
            (2, vec!["c".to_string()])
        );
        assert_eq!(settings(2), ["reason=x"]);
    }

    #[test]
    fn an_unclosed_quote_is_an_error_and_swallows_nothing() {
        let found = parse(
            "main.tf",
            "# riveter:ignore a reason=\"legacy expires=2020-01-01\n",
        );
        assert_eq!(
            found[0].error.as_deref(),
            Some(
                "riveter:ignore reason=\" is never closed; close the quote (the comment suppresses nothing)"
            )
        );
        assert!(found[0].settings.is_empty(), "{found:?}");
    }

    #[test]
    fn a_directive_without_a_rule_id_says_why() {
        let found = parse("f", "# riveter:ignore reason=\"x\"\n");
        assert!(
            found[0]
                .problem
                .as_deref()
                .unwrap()
                .starts_with("names no rule id")
        );
    }
}
