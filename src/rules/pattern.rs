//! Regular expressions of the `matches`, `not_matches` and `regex` operators (docs/rules.md,
//! "Regular expressions").
//!
//! Rule files written for the Python riveter use Python's `re` syntax, look-around included
//! (`^(?!.*"Action":\s*"\*").*$`). The `regex` crate cannot express look-around, so a pattern it
//! rejects is compiled by `fancy-regex`, a backtracking engine made for this. Backtracking can
//! take exponential time on some patterns, so that engine runs with a bound on its steps: a match
//! that exceeds it is an unknown verdict that says so, never a hang.

use std::fmt;

/// The most backtracking steps one match may take before it gives up. Matching a policy
/// document of a few kilobytes with the look-ahead patterns of the Python riveter's packs takes
/// a few thousand; a pathological pattern reaches the bound in milliseconds.
pub const BACKTRACK_LIMIT: usize = 1_000_000;

#[derive(Clone)]
pub struct Pattern {
    /// The pattern as the rule wrote it, for messages.
    written: String,
    engine: Engine,
}

#[derive(Clone)]
enum Engine {
    /// The `regex` crate: linear time, every pattern without look-around or back-references.
    Linear(regex::Regex),
    /// `fancy-regex`, for look-around and back-references, with `BACKTRACK_LIMIT`.
    Backtracking(fancy_regex::Regex),
}

/// A match that could not be decided: the backtracking engine reached its bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GaveUp;

impl fmt::Display for GaveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "matching gave up after {BACKTRACK_LIMIT} backtracking steps"
        )
    }
}

impl Pattern {
    /// Compiles a pattern. `python` gives it the Python riveter's meaning: matched at the start
    /// of the value (`re.match`), `$` also before a final newline and `\Z` at the very end, as
    /// in Python's `re`.
    pub fn compile(written: &str, python: bool) -> Result<Pattern, String> {
        let source = if python {
            format!("^(?:{})", python_to_rust(written))
        } else {
            written.to_string()
        };
        let engine = match regex::Regex::new(&source) {
            Ok(re) => Engine::Linear(re),
            Err(linear_error) => {
                match fancy_regex::RegexBuilder::new(&source)
                    .backtrack_limit(BACKTRACK_LIMIT)
                    .build()
                {
                    Ok(re) => Engine::Backtracking(re),
                    // Neither engine takes it: the backtracking engine's message is the one that
                    // speaks of the pattern as written when look-around was the linear one's
                    // complaint; otherwise the linear engine explains better.
                    Err(fancy_error) => {
                        let linear = last_line(&linear_error.to_string());
                        return Err(if linear.contains("look-around") {
                            fancy_error.to_string()
                        } else {
                            linear
                        });
                    }
                }
            }
        };
        Ok(Pattern {
            written: written.to_string(),
            engine,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.written
    }

    pub fn is_match(&self, text: &str) -> Result<bool, GaveUp> {
        match &self.engine {
            Engine::Linear(re) => Ok(re.is_match(text)),
            Engine::Backtracking(re) => re.is_match(text).map_err(|_| GaveUp),
        }
    }

    /// The linear engine, when the pattern has one: what a search over text with unknown parts
    /// can reason about (`rules::text`).
    pub fn linear(&self) -> Option<&regex::Regex> {
        match &self.engine {
            Engine::Linear(re) => Some(re),
            Engine::Backtracking(_) => None,
        }
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "/{}/", self.written)
    }
}

/// The regex crate's errors are several lines with the pattern drawn out; the last says why.
fn last_line(message: &str) -> String {
    message.lines().last().unwrap_or("").trim().to_string()
}

/// Python's `$` (without MULTILINE) matches at the end and before a newline that ends the text;
/// Rust's matches at the end only. `\Z` is Python's end of text, `\z` Rust's. Everything inside
/// a character class, and every other escape, is left as written.
fn python_to_rust(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('Z') if !in_class => out.push_str("\\z"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` right after `[` or `[^` is a literal in both syntaxes.
                let rest = chars.as_str();
                let skip = if rest.starts_with("^]") {
                    2
                } else if rest.starts_with(']') {
                    1
                } else {
                    0
                };
                for _ in 0..skip {
                    out.extend(chars.next());
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '$' if !in_class => out.push_str("(?:\\n?\\z)"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, python: bool, text: &str) -> bool {
        Pattern::compile(pattern, python)
            .unwrap()
            .is_match(text)
            .unwrap()
    }

    #[test]
    fn look_ahead_patterns_of_the_python_packs_compile_and_match_as_python_does() {
        let no_wildcard = r#"^(?!.*"Action":\s*"\*").*$"#;
        assert!(matches(no_wildcard, true, r#"{"Action": "s3:GetObject"}"#));
        assert!(!matches(no_wildcard, true, r#"{"Action": "*"}"#));
        // Python's `.` stops at a newline, so only the first line is looked at, and `.*$`
        // cannot reach the end of a text of several lines.
        assert!(!matches(no_wildcard, true, "{\n\"Action\": \"*\"\n}"));
        assert!(matches(r"^(?!default\.).*$", true, "custom-pg"));
        assert!(!matches(r"^(?!default\.).*$", true, "default.postgres14"));
    }

    #[test]
    fn python_patterns_match_at_the_start_only() {
        assert!(matches("b", false, "abc"));
        assert!(!matches("b", true, "abc"));
        assert!(matches("a", true, "abc"));
    }

    #[test]
    fn python_dollar_matches_before_a_final_newline_and_backslash_z_does_not() {
        assert!(matches("abc$", true, "abc\n"));
        assert!(!matches(r"abc\Z", true, "abc\n"));
        assert!(matches(r"abc\Z", true, "abc"));
        // In a class, `$` is a character.
        assert!(matches("a[$]", true, "a$"));
        assert!(matches(r"a[\]$]b", true, "a$b"));
    }

    #[test]
    fn patterns_without_look_around_use_the_linear_engine() {
        assert!(Pattern::compile("^abc$", true).unwrap().linear().is_some());
        assert!(Pattern::compile("^(?!x)", true).unwrap().linear().is_none());
    }

    #[test]
    fn a_pattern_neither_engine_takes_is_an_error_that_says_why() {
        let error = Pattern::compile("(unclosed", false).unwrap_err();
        assert!(error.contains("unclosed"), "{error}");
    }

    #[test]
    fn a_pathological_match_gives_up_instead_of_hanging() {
        // A back-reference forces the backtracking engine; nested quantifiers make it explode.
        let pattern = Pattern::compile(r"^(?=(a|aa)+\1)(a|aa)+(a|aa)+b", false).unwrap();
        let text = "a".repeat(60);
        assert_eq!(pattern.is_match(&text), Err(GaveUp));
    }
}
