//! Byte offsets to lines and columns. hcl-edit gives byte ranges; people read lines.

use crate::value::Span;
use std::ops::Range;

pub struct LineIndex<'a> {
    src: &'a str,
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { src, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.src.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = self.src.get(start..offset).map_or(0, |s| s.chars().count());
        (line as u32 + 1, column as u32 + 1)
    }

    pub fn span(&self, range: Range<usize>) -> Span {
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
    pub fn text(&self, range: Range<usize>) -> &'a str {
        self.src.get(range).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let idx = LineIndex::new("ab\ncdé\r\nf");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(4), (2, 2));
        // é is two bytes but one column.
        assert_eq!(idx.position(9), (3, 1));
    }
}
