//! Writing a part of a JSON document on its own, laid out as serde_json lays out the whole,
//! so reports can render their many results side by side and write them where they belong.

use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// Where line breaks go: serde_json's pretty layout or none.
#[derive(Clone, Copy)]
pub struct Layout {
    pub pretty: bool,
}

impl Layout {
    /// A value written as if it stood `depth` levels into the document.
    pub fn write(
        &self,
        out: &mut impl Write,
        depth: usize,
        value: &impl Serialize,
    ) -> io::Result<()> {
        let formatter = Nested {
            depth,
            has_value: false,
            pretty: self.pretty,
        };
        value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))?;
        Ok(())
    }

    /// What comes before a line at `depth`: a line break and its indentation, when pretty.
    pub fn line_break(&self, depth: usize) -> Vec<u8> {
        if self.pretty {
            [b"\n".as_slice(), &b"  ".repeat(depth)].concat()
        } else {
            Vec::new()
        }
    }

    /// A JSON array whose items stand `depth` levels in (`[]` when empty). The items are
    /// rendered side by side a window at a time and written in order: a report's hundreds of
    /// thousands of results are neither rendered on one core nor held whole.
    pub fn write_array<'i, T: Sync, S: Serialize>(
        &self,
        out: &mut impl Write,
        depth: usize,
        items: &'i [T],
        item: impl Fn(&'i T) -> S + Sync,
    ) -> io::Result<()> {
        const WINDOW: usize = 4_096;
        const PIECE: usize = 256;
        if items.is_empty() {
            return out.write_all(b"[]");
        }
        let line_break = self.line_break(depth);
        out.write_all(b"[")?;
        let mut first = true;
        for window in items.chunks(WINDOW) {
            let pieces: Vec<Vec<u8>> = window
                .par_chunks(PIECE)
                .map(|chunk| {
                    let mut piece = Vec::with_capacity(chunk.len() * 1024);
                    for value in chunk {
                        piece.push(b',');
                        piece.extend_from_slice(&line_break);
                        self.write(&mut piece, depth, &item(value))?;
                    }
                    Ok(piece)
                })
                .collect::<io::Result<_>>()?;
            for piece in &pieces {
                // Every item is written after a comma; the first one has none.
                out.write_all(if first { &piece[1..] } else { piece })?;
                first = false;
            }
        }
        out.write_all(&self.line_break(depth - 1))?;
        out.write_all(b"]")
    }

    /// `,"name": ` for a field of the document itself.
    pub fn field(&self, name: &str) -> Vec<u8> {
        let colon: &[u8] = if self.pretty { b": " } else { b":" };
        [
            b",".as_slice(),
            &self.line_break(1),
            format!("\"{name}\"").as_bytes(),
            colon,
        ]
        .concat()
    }
}

/// serde_json's pretty layout (two spaces a level, `": "` after keys) starting `depth` levels
/// in, so a part of the document can be rendered on its own and written where it belongs;
/// or, when not `pretty`, its compact layout.
struct Nested {
    depth: usize,
    has_value: bool,
    pretty: bool,
}

impl Nested {
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        // An empty array or object stays on one line: `[]`, `{}`.
        if self.has_value {
            self.line_break(out)?;
        }
        out.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.line_break(out)
    }

    fn line_break<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        if self.pretty {
            out.write_all(b"\n")?;
            for _ in 0..self.depth {
                out.write_all(b"  ")?;
            }
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(if self.pretty { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Layout;

    fn nested(value: &serde_json::Value, depth: usize, pretty: bool) -> String {
        let mut out = Vec::new();
        Layout { pretty }.write(&mut out, depth, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn lays_out_like_serde_json_at_any_depth() {
        let value = serde_json::json!({
            "empty_list": [], "empty_map": {}, "text": "a\nb",
            "list": [1, [2, []], {"k": {}}], "map": {"inner": {"deeper": [null, true]}}
        });
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(nested(&value, 0, true), pretty);
        assert_eq!(nested(&value, 2, true), pretty.replace('\n', "\n    "));
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(nested(&value, 0, false), compact);
        assert_eq!(nested(&value, 2, false), compact);
    }
}
