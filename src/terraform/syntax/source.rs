//! A Terraform file's text with its line index: byte offsets (what hcl-edit gives) to lines and
//! columns (what people read), and the exact source text of any expression.

use crate::value::Span;
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug)]
pub struct SourceFile {
    /// Relative to the scan root, `/`-separated: the name reports use.
    pub name: Arc<str>,
    pub text: String,
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
    /// Every character is one byte, so a column is a byte count (most Terraform is ASCII, and
    /// every attribute and value asks for its position).
    ascii: bool,
}

impl SourceFile {
    pub fn new(name: Arc<str>, text: String) -> SourceFile {
        // hcl-edit fails at 1:1 on a byte-order mark; editors on Windows write one.
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        // memchr finds line ends many bytes at a time; a `str` search looks at one byte at a
        // time, on every line of every file.
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        let ascii = text.is_ascii();
        SourceFile {
            name,
            text,
            starts,
            ascii,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = if self.ascii {
            offset - start
        } else {
            self.text
                .get(start..offset)
                .map_or(0, |s| s.chars().count())
        };
        (line as u32 + 1, column as u32 + 1)
    }

    pub fn span(&self, range: Option<Range<usize>>) -> Span {
        let Some(range) = range else {
            return Span::default();
        };
        let (line, column) = self.position(range.start);
        let (end_line, end_column) = self.position(range.end);
        Span {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The exact source text of a byte range (what an unknown value keeps).
    pub fn text_of(&self, range: Option<Range<usize>>) -> &str {
        range.and_then(|r| self.text.get(r)).unwrap_or("").trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let file = SourceFile::new("f".into(), "ab\ncdé\r\nf".into());
        assert_eq!(file.position(0), (1, 1));
        assert_eq!(file.position(4), (2, 2));
        // é is two bytes but one column.
        assert_eq!(file.position(7), (2, 4));
        assert_eq!(file.position(9), (3, 1));
        let ascii = SourceFile::new(
            "f".into(),
            "ab
cd
f"
            .into(),
        );
        assert_eq!(ascii.position(5), (2, 3));
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        let file = SourceFile::new("f".into(), "\u{feff}a\nb".into());
        assert_eq!(file.text, "a\nb");
        assert_eq!(file.position(2), (2, 1));
    }
}
