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
    /// thousands of results are neither rendered on one core nor held whole. Each window is
    /// written while the next one renders, so writing does not leave the other cores idle.
    /// `render` writes one item at `depth`.
    pub fn write_array<'i, T: Sync>(
        &self,
        out: &mut impl Write,
        depth: usize,
        items: &'i [T],
        render: impl Fn(&mut Vec<u8>, &'i T) -> io::Result<()> + Sync,
    ) -> io::Result<()> {
        const WINDOW: usize = 4_096;
        if items.is_empty() {
            return out.write_all(b"[]");
        }
        let line_break = self.line_break(depth);
        let render_window = |window: &'i [T], pieces: &mut Vec<Vec<u8>>| {
            render_pieces(window, &line_break, &render, pieces)
        };
        out.write_all(b"[")?;
        // Two sets of pieces taking turns, one written while the other is rendered into:
        // their memory is used again rather than freed and faulted in anew every window.
        let (mut pieces, mut next) = (Vec::new(), Vec::new());
        let mut windows = items.chunks(WINDOW);
        if let Some(window) = windows.next() {
            render_window(window, &mut pieces)?;
        }
        // Every item is written after a comma; the first one has none.
        let mut first = true;
        for window in windows {
            // In place: the writing stays on this thread (`out` need not be `Send`), and
            // waiting for the rendering lends this thread to it.
            let mut rendered = Ok(());
            rayon::in_place_scope(|scope| {
                scope.spawn(|_| rendered = render_window(window, &mut next));
                write_pieces(out, &pieces, &mut first)
            })?;
            rendered?;
            std::mem::swap(&mut pieces, &mut next);
        }
        write_pieces(out, &pieces, &mut first)?;
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

/// Items rendered side by side into `pieces` (emptied first), a few hundred to a piece, each
/// item after a comma and a line break.
fn render_pieces<'i, T: Sync>(
    window: &'i [T],
    line_break: &[u8],
    render: &(impl Fn(&mut Vec<u8>, &'i T) -> io::Result<()> + Sync),
    pieces: &mut Vec<Vec<u8>>,
) -> io::Result<()> {
    const PIECE: usize = 256;
    pieces.resize_with(window.len().div_ceil(PIECE), Vec::new);
    window
        .par_chunks(PIECE)
        .zip(pieces.par_iter_mut())
        .try_for_each(|(chunk, piece)| {
            piece.clear();
            piece.reserve(chunk.len() * 1024);
            for value in chunk {
                piece.push(b',');
                piece.extend_from_slice(line_break);
                render(piece, value)?;
            }
            Ok(())
        })
}

/// Rendered pieces in order, the very first item without its comma.
fn write_pieces(out: &mut impl Write, pieces: &[Vec<u8>], first: &mut bool) -> io::Result<()> {
    for piece in pieces {
        out.write_all(if *first { &piece[1..] } else { piece })?;
        *first = false;
    }
    Ok(())
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

    /// Enough items for several windows and a last, shorter one, in both layouts: the same
    /// text as serde_json writes for the whole array, whatever the windows and pieces.
    #[test]
    fn an_array_written_window_by_window_is_laid_out_like_serde_json() {
        for count in [0, 1, 4_096, 9_000] {
            let items: Vec<serde_json::Value> = (0..count)
                .map(|i| serde_json::json!({"i": i, "tags": ["a", i % 7]}))
                .collect();
            for pretty in [true, false] {
                let layout = Layout { pretty };
                let mut out = Vec::new();
                layout
                    .write_array(&mut out, 2, &items, |piece, item| {
                        layout.write(piece, 2, item)
                    })
                    .unwrap();
                let expected = nested(&serde_json::Value::from(items.clone()), 1, pretty);
                assert_eq!(String::from_utf8(out).unwrap(), expected, "{count} items");
            }
        }
    }

    #[test]
    fn an_item_that_fails_to_render_fails_the_array() {
        let items: Vec<usize> = (0..9_000).collect();
        let layout = Layout { pretty: false };
        let failed = layout.write_array(&mut Vec::new(), 1, &items, |piece, &item| {
            if item == 8_500 {
                return Err(std::io::Error::other("item 8500"));
            }
            layout.write(piece, 1, &item)
        });
        assert_eq!(failed.unwrap_err().to_string(), "item 8500");
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
