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
            layout: *self,
        };
        value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))?;
        Ok(())
    }

    /// A line break and the indentation of `depth`, when pretty.
    pub fn push_break(&self, out: &mut Vec<u8>, depth: usize) {
        if self.pretty {
            out.push(b'\n');
            for _ in 0..depth {
                out.extend_from_slice(b"  ");
            }
        }
    }

    /// What comes before a line at `depth`: a line break and its indentation, when pretty.
    pub fn line_break(&self, depth: usize) -> Vec<u8> {
        let mut out = Vec::new();
        self.push_break(&mut out, depth);
        out
    }

    /// What follows a field's name.
    fn colon(&self) -> &'static [u8] {
        if self.pretty { b": " } else { b":" }
    }

    /// A JSON array whose items stand `depth` levels in (`[]` when empty). The items are
    /// rendered side by side a window at a time and written in order: a report's hundreds of
    /// thousands of results are neither rendered on one core nor held whole.
    /// `render` writes one item at `depth`.
    pub fn write_array<'i, T: Sync>(
        &self,
        out: &mut impl Write,
        depth: usize,
        items: &'i [T],
        render: impl Fn(&mut Vec<u8>, &'i T) -> io::Result<()> + Sync,
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
                        render(&mut piece, value)?;
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
        [
            b",".as_slice(),
            &self.line_break(1),
            format!("\"{name}\"").as_bytes(),
            self.colon(),
        ]
        .concat()
    }
}

/// An object written field by field `depth` levels in, laid out as serde_json lays it out: for
/// a report that writes hundreds of thousands of objects with the same fields, whose names
/// it writes as they are instead of escaping them every time.
pub struct Object<'b> {
    out: &'b mut Vec<u8>,
    layout: Layout,
    depth: usize,
    empty: bool,
}

impl<'b> Object<'b> {
    pub fn open(out: &'b mut Vec<u8>, layout: Layout, depth: usize) -> Object<'b> {
        out.push(b'{');
        Object {
            out,
            layout,
            depth,
            empty: true,
        }
    }

    /// Starts the next field, named by a plain identifier, and gives where its value goes.
    pub fn key(&mut self, name: &'static str) -> &mut Vec<u8> {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.layout.push_break(self.out, self.depth + 1);
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'"');
        self.out.extend_from_slice(self.layout.colon());
        self.out
    }

    /// A field whose value is JSON text already laid out at the field's depth.
    pub fn raw(&mut self, name: &'static str, json: &[u8]) {
        self.key(name).extend_from_slice(json);
    }

    /// A field whose value is a plain word written in quotes as it is (a status, a severity).
    pub fn word(&mut self, name: &'static str, word: &'static str) {
        let out = self.key(name);
        out.push(b'"');
        out.extend_from_slice(word.as_bytes());
        out.push(b'"');
    }

    pub fn value(&mut self, name: &'static str, value: &impl Serialize) -> io::Result<()> {
        let (layout, depth) = (self.layout, self.depth + 1);
        layout.write(self.key(name), depth, value)
    }

    pub fn close(self) {
        if !self.empty {
            self.layout.push_break(self.out, self.depth);
        }
        self.out.push(b'}');
    }
}

/// serde_json's pretty layout (two spaces a level, `": "` after keys) starting `depth` levels
/// in, so a part of the document can be rendered on its own and written where it belongs;
/// or, when not `pretty`, its compact layout.
struct Nested {
    depth: usize,
    has_value: bool,
    layout: Layout,
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
        if self.layout.pretty {
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
        out.write_all(self.layout.colon())
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Layout, Object};

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

    #[test]
    fn an_object_written_field_by_field_is_laid_out_like_serde_json() {
        let inner = serde_json::json!({"k": [1, {}]});
        let expected = serde_json::json!({"id": "a", "status": "pass", "inner": inner, "n": 3});
        for pretty in [true, false] {
            let layout = Layout { pretty };
            let mut out = Vec::new();
            let mut object = Object::open(&mut out, layout, 2);
            object.raw("id", b"\"a\"");
            object.word("status", "pass");
            object.value("inner", &inner).unwrap();
            object.value("n", &3).unwrap();
            object.close();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                nested(&expected, 2, pretty)
            );
        }
    }
}
