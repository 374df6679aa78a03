//! XML 1.0 (the JUnit report). XML forbids most control characters and U+FFFE and U+FFFF in a
//! document, escaped or not, so a file that holds one is not well-formed and CI rejects the
//! whole report; a writer that drops them hides what the Terraform held. They are shown as
//! escapes instead; `\n` stays, for riveter's multi-line texts. A JUnit report can go to
//! standard output (`--format junit`), so its lines are guarded as every line there is
//! (`terminal`). Markup characters are the XML writer's to escape (`report::junit`).

use super::terminal;
use std::borrow::Cow;

/// Element text that may span lines: riveter's own line feeds stay, each line guarded.
pub fn text(text: &str) -> Cow<'_, str> {
    terminal::block(text)
}

/// One field (a name, a file, an attribute's value): line feeds as escapes too, since a
/// reader turns them into spaces in attributes and they would hide what the field held.
pub fn field(text: &str) -> Cow<'_, str> {
    terminal::text(text)
}

/// Whether XML 1.0 allows the character in a document.
pub fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::{allowed, field, text};

    #[test]
    fn every_character_xml_forbids_is_shown_as_an_escape() {
        let all: String = (0..=0x10ffff_u32).filter_map(char::from_u32).collect();
        let escaped = text(&all);
        assert!(escaped.chars().all(allowed));
        assert_eq!(
            text("a\u{0}b\u{fffe}\u{ffff}"),
            "a\\u{0}b\\u{fffe}\\u{ffff}"
        );
        assert_eq!(text("line\nnext"), "line\nnext");
        assert_eq!(field("k\n::x"), "k\\n::x");
    }
}
