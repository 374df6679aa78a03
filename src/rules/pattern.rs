//! Regular expressions of the `matches`, `not_matches` and `regex` operators (docs/rules.md,
//! "Regular expressions").
//!
//! Rule files written for the Python riveter use Python's `re` syntax, look-around included
//! (`^(?!.*"Action":\s*"\*").*$`). The `regex` crate cannot express look-around, so a pattern it
//! rejects is compiled by `fancy-regex`, a backtracking engine made for this. Backtracking can
//! take exponential time on some patterns, so that engine runs with a bound on its steps: a match
//! that exceeds it is an unknown verdict that says so, never a hang.

use super::verdict::Verdict;
use crate::value::TextPart;
use regex_automata::dfa::{Automaton, StartKind, dense};
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::{Anchored, MatchKind};
use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// The most backtracking steps one match may take before it gives up. Matching a policy
/// document of a few kilobytes with the look-ahead patterns of the Python riveter's packs takes
/// a few thousand; a pathological pattern reaches the bound in milliseconds.
pub const BACKTRACK_LIMIT: usize = 1_000_000;

/// The largest DFA built to read text with unknown parts; a pattern that needs more leaves such
/// text unknown.
const DFA_SIZE_LIMIT: usize = 4 << 20;

#[derive(Clone)]
pub struct Pattern {
    /// The pattern as the rule wrote it, for messages.
    written: String,
    /// What the engines compile: anchored and translated for the Python riveter's patterns.
    source: String,
    engine: Engine,
    /// Built the first time text with unknown parts meets the pattern; `None` when the pattern
    /// has no DFA (look-around, or too large).
    dfa: Arc<OnceLock<Option<dense::DFA<Vec<u32>>>>>,
}

#[derive(Clone)]
enum Engine {
    /// The `regex` crate: linear time, every pattern without look-around or back-references.
    /// Its syntax is checked when the rule loads, its matcher built on first use: building the
    /// matchers of every pack's patterns was most of a small scan's time. `None`: the matcher
    /// could not be built (past the crate's size limits).
    Linear(Arc<OnceLock<Option<regex::Regex>>>),
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
            format!("^(?:{})", python_to_rust(written, multi_line(written)))
        } else {
            written.to_string()
        };
        let engine = match regex_syntax::Parser::new().parse(&source) {
            Ok(_) => Engine::Linear(Arc::new(OnceLock::new())),
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
            source,
            engine,
            dfa: Arc::new(OnceLock::new()),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.written
    }

    pub fn is_match(&self, text: &str) -> Result<bool, GaveUp> {
        match &self.engine {
            Engine::Linear(built) => {
                match built.get_or_init(|| regex::Regex::new(&self.source).ok()) {
                    Some(re) => Ok(re.is_match(text)),
                    None => Err(GaveUp),
                }
            }
            Engine::Backtracking(re) => re.is_match(text).map_err(|_| GaveUp),
        }
    }

    /// Whether text with unknown parts matches: decided when its known parts decide, whatever
    /// the unknown parts hold, else unknown. The pattern's DFA reads the known parts; at an
    /// unknown part it goes on from every state that some text can reach. The text matches when
    /// every way through ends in a match, and does not when none does.
    pub fn is_match_with_unknowns(&self, parts: &[TextPart]) -> Verdict {
        let dfa = self.dfa.get_or_init(|| {
            dense::Builder::new()
                .configure(
                    dense::Config::new()
                        .start_kind(StartKind::Unanchored)
                        .match_kind(MatchKind::All)
                        .dfa_size_limit(Some(DFA_SIZE_LIMIT))
                        .determinize_size_limit(Some(DFA_SIZE_LIMIT)),
                )
                .build(&self.source)
                .ok()
        });
        let Some(dfa) = dfa else {
            return Verdict::Unknown;
        };
        walk_with_unknowns(dfa, parts).unwrap_or(Verdict::Unknown)
    }
}

/// A state of the walk: where the DFA is, and whether a match was already seen on the way.
type Walk = (StateID, bool);

/// `None` where the DFA cannot say (it quit on a byte it does not handle, such as a non-ASCII
/// letter next to `\b`).
fn walk_with_unknowns(dfa: &dense::DFA<Vec<u32>>, parts: &[TextPart]) -> Option<Verdict> {
    let config = start::Config::new().anchored(Anchored::No);
    let start = dfa.start_state(&config).ok()?;
    let mut walks: HashSet<Walk> = HashSet::from([(start, false)]);
    for part in parts {
        walks = match part {
            TextPart::Known(text) => {
                let mut next = HashSet::new();
                for &(mut state, mut matched) in &walks {
                    for &byte in text.as_bytes() {
                        state = dfa.next_state(state, byte);
                        if dfa.is_quit_state(state) {
                            return None;
                        }
                        matched |= dfa.is_match_state(state);
                    }
                    next.insert((state, matched));
                }
                next
            }
            TextPart::Any(_) => reachable(dfa, walks)?,
        };
    }
    let mut outcomes = walks
        .iter()
        .map(|&(state, matched)| matched || dfa.is_match_state(dfa.next_eoi_state(state)));
    let first = outcomes.next()?;
    Some(if outcomes.all(|o| o == first) {
        if first { Verdict::Pass } else { Verdict::Fail }
    } else {
        Verdict::Unknown
    })
}

/// Every walk that some text, the empty text included, leads to from `walks`. Text is UTF-8:
/// the walk follows the bytes of whole characters only, or `.` would seem to stop at a byte no
/// string holds.
fn reachable(dfa: &dense::DFA<Vec<u32>>, walks: HashSet<Walk>) -> Option<HashSet<Walk>> {
    // Each walk with where it stands inside a character (`utf8_step`).
    let mut seen: HashSet<(Walk, u8)> = walks.iter().map(|&w| (w, 0)).collect();
    let mut pending: Vec<(Walk, u8)> = seen.iter().copied().collect();
    while let Some(((state, matched), needed)) = pending.pop() {
        for byte in 0..=u8::MAX {
            let Some(still_needed) = utf8_step(needed, byte) else {
                continue;
            };
            let next = dfa.next_state(state, byte);
            if dfa.is_quit_state(next) {
                return None;
            }
            let walk = ((next, matched || dfa.is_match_state(next)), still_needed);
            if seen.insert(walk) {
                pending.push(walk);
            }
        }
    }
    Some(
        seen.into_iter()
            .filter(|&(_, needed)| needed == 0)
            .map(|(walk, _)| walk)
            .collect(),
    )
}

/// Where a walk stands inside a UTF-8 character after `byte`: 0 between characters, 1 to 3
/// continuation bytes still needed, and 4 to 7 for the first continuation byte of the lead bytes
/// whose next byte has a narrower range (E0, ED, F0, F4). `None` where UTF-8 has no such byte.
fn utf8_step(state: u8, byte: u8) -> Option<u8> {
    match (state, byte) {
        (0, 0x00..=0x7F) => Some(0),
        (0, 0xC2..=0xDF) => Some(1),
        (0, 0xE0) => Some(4),
        (0, 0xE1..=0xEC | 0xEE..=0xEF) => Some(2),
        (0, 0xED) => Some(5),
        (0, 0xF0) => Some(6),
        (0, 0xF1..=0xF3) => Some(3),
        (0, 0xF4) => Some(7),
        (1..=3, 0x80..=0xBF) => Some(state - 1),
        (4, 0xA0..=0xBF) | (5, 0x80..=0x9F) => Some(1),
        (6, 0x90..=0xBF) | (7, 0x80..=0x8F) => Some(2),
        _ => None,
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "/{}/", self.written)
    }
}

/// Whether the pattern turns on multi-line mode (`(?m)`, `(?im)`, ...) anywhere.
fn multi_line(pattern: &str) -> bool {
    pattern.match_indices("(?").any(|(at, _)| {
        pattern[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .any(|c| c == 'm')
    })
}

/// The regex crate's errors are several lines with the pattern drawn out; the last says why.
fn last_line(message: &str) -> String {
    message.lines().last().unwrap_or("").trim().to_string()
}

/// Python's `$` (without MULTILINE) matches at the end and before a newline that ends the text;
/// Rust's matches at the end only. `\Z` is Python's end of text, `\z` Rust's. Everything inside
/// a character class, and every other escape, is left as written.
fn python_to_rust(pattern: &str, multi_line: bool) -> String {
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
            // With `(?m)`, `$` is the end of any line in both syntaxes.
            '$' if !in_class && !multi_line => out.push_str("(?:\\n?\\z)"),
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
        // Multi-line mode keeps `$` as the end of every line.
        assert!(matches("(?m)a$\nb", true, "a\nb"));
    }

    fn with_unknowns(pattern: &str, python: bool, parts: &[Option<&str>]) -> Verdict {
        let parts: Vec<TextPart> = parts
            .iter()
            .map(|p| match p {
                Some(text) => TextPart::Known(text.to_string()),
                None => TextPart::Any("${var.x}".into()),
            })
            .collect();
        Pattern::compile(pattern, python)
            .unwrap()
            .is_match_with_unknowns(&parts)
    }

    #[test]
    fn text_with_unknown_parts_matches_where_the_known_parts_decide() {
        use Verdict::*;
        let arn = [Some("arn:aws:s3:::"), None, Some("/*")];
        assert_eq!(with_unknowns("^arn:aws:s3:::", false, &arn), Pass);
        assert_eq!(with_unknowns(r"\*", false, &arn), Pass);
        assert_eq!(with_unknowns("^arn:aws:iam::", false, &arn), Fail);
        assert_eq!(with_unknowns("^arn:aws:s3:::prod-", false, &arn), Unknown);
        assert_eq!(with_unknowns("/[*]$", false, &arn), Pass);
        // A wildcard could be in the unknown part of a policy without one in its known text.
        let policy = [Some(r#"{"Action":""#), None, Some(r#"","Effect":"Allow"}"#)];
        assert_eq!(with_unknowns(r".*\*.*", false, &policy), Unknown);
        assert_eq!(with_unknowns("Allow", false, &policy), Pass);
        assert_eq!(with_unknowns("Deny", false, &policy), Unknown);
        // Anchors at both ends, and the Python riveter's anchoring.
        let a_to_z = [Some("a"), None, Some("z")];
        assert_eq!(with_unknowns("(?s)^a.*z$", false, &a_to_z), Pass);
        // `.` stops at a newline, which the unknown part may hold.
        assert_eq!(with_unknowns("^a.*z$", false, &a_to_z), Unknown);
        assert_eq!(with_unknowns("b", true, &[Some("a"), None]), Fail);
        assert_eq!(with_unknowns(".*b", true, &[Some("a"), None]), Unknown);
        // The whole text unknown: only a pattern that matches every text decides.
        assert_eq!(with_unknowns("", false, &[None]), Pass);
        assert_eq!(with_unknowns("x", false, &[None]), Unknown);
    }

    #[test]
    fn patterns_with_look_around_leave_text_with_unknown_parts_unknown() {
        assert_eq!(
            with_unknowns("^(?!x)", false, &[Some("y"), None]),
            Verdict::Unknown
        );
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
