//! Text that came from the scanned Terraform (resource labels, file names, addresses, values,
//! and the messages and rule texts that echo them) escaped for the sink it is written to. The
//! Terraform is a stranger's pull request: a label may hold a newline and a workflow command,
//! a file name may hold `<img>`, a value may hold `@someone`. Each sink has one module here,
//! and every report and message that writes to that sink uses it (docs/reports.md, "Escaping").
//!
//! Common to every sink: characters that change how text is shown rather than being shown
//! (`is_hidden`) are written as visible escapes (`\n`, `\u{1b}`), never raw.

pub mod html;
pub mod json;
pub mod markdown;
pub mod terminal;
pub mod workflow;
pub mod xml;

use std::borrow::Cow;

/// Characters that are never written as themselves: C0 and C1 control characters (line
/// breaks, ESC that starts terminal sequences, NEL) and DEL, the Unicode line and paragraph
/// separators, the bidirectional marks and overrides that make text read in another order
/// than it is stored, and the noncharacters U+FFFE and U+FFFF, which XML 1.0 forbids.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{fffe}'
                | '\u{ffff}'
        )
}

/// Which hidden characters a sink keeps as they are: the line breaks riveter's own multi-line
/// texts are made of, where the sink has a safe way to write them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Nothing,
    /// `\n` stays a line break.
    LineFeed,
    /// `\n` and `\r` stay (GitHub's workflow commands encode both).
    LineBreaks,
}

impl Keep {
    fn keeps(self, c: char) -> bool {
        match self {
            Keep::Nothing => false,
            Keep::LineFeed => c == '\n',
            Keep::LineBreaks => c == '\n' || c == '\r',
        }
    }
}

/// `text` with every hidden character it does not keep written as an escape, in Rust's
/// notation: `\n`, `\r`, `\t`, and `\u{1b}` for the rest. Borrowed when nothing changes,
/// which is nearly always.
pub fn visible(text: &str, keep: Keep) -> Cow<'_, str> {
    let shown = |c: char| !is_hidden(c) || keep.keeps(c);
    // Printable ASCII is never hidden: most text is checked a byte at a time.
    let plain = text.bytes().all(|b| matches!(b, b' '..=b'~'));
    if plain || text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if shown(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::{Keep, visible};

    #[test]
    fn hidden_characters_are_shown_as_escapes() {
        assert_eq!(visible("plain text", Keep::Nothing), "plain text");
        assert_eq!(
            visible("k\n::stop-commands::x\r\t", Keep::Nothing),
            "k\\n::stop-commands::x\\r\\t"
        );
        assert_eq!(
            visible("\u{1b}[31mred\u{7}\u{7f}\u{85}\u{9b}", Keep::Nothing),
            "\\u{1b}[31mred\\u{7}\\u{7f}\\u{85}\\u{9b}"
        );
        assert_eq!(
            visible(
                "a\u{2028}b\u{2029}c\u{202e}d\u{2066}e\u{200f}f",
                Keep::Nothing
            ),
            "a\\u{2028}b\\u{2029}c\\u{202e}d\\u{2066}e\\u{200f}f"
        );
        assert_eq!(
            visible("\u{fffe}\u{ffff}", Keep::Nothing),
            "\\u{fffe}\\u{ffff}"
        );
        assert_eq!(visible("\0", Keep::Nothing), "\\u{0}");
    }

    #[test]
    fn text_that_is_shown_as_it_is_stays_unchanged() {
        for text in ["café ✓ 😀", "arn:aws:iam::123:role/x", "a\\nb", ""] {
            assert_eq!(visible(text, Keep::Nothing), text);
        }
    }

    #[test]
    fn a_sink_keeps_the_line_breaks_it_can_write() {
        assert_eq!(visible("a\nb\rc", Keep::LineFeed), "a\nb\\rc");
        assert_eq!(visible("a\nb\rc\u{b}", Keep::LineBreaks), "a\nb\rc\\u{b}");
    }
}
