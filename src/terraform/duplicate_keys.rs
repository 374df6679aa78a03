//! A repair for valid Terraform that hcl-edit rejects: an object constructor that defines the
//! same key twice (`{ a = 1, a = 2 }`, common in large maps of locals, also inside an
//! interpolation). Terraform accepts it
//! and the last definition wins; hcl-edit stops at the second definition.
//!
//! `drop_earlier_definitions` blanks every earlier definition of the key hcl-edit stopped at,
//! so the last one is what remains, as in Terraform. Blanked bytes become spaces and newlines
//! stay, so every other byte keeps its offset, line and column.

use super::code_scan::{skip, skip_blank};

/// The source with the earlier definitions of the key at `at` (the start of its second
/// definition) blanked, or `None` when `at` is not an object key defined before.
pub fn drop_earlier_definitions(src: &str, at: usize) -> Option<String> {
    let b = src.as_bytes();
    let open = enclosing_brace(b, at)?;
    let items = items(b, open);
    let key = items.iter().find(|item| item.start == at)?.key(b);
    let mut out = b.to_vec();
    let mut changed = false;
    for item in items.iter().filter(|i| i.start < at && i.key(b) == key) {
        for byte in &mut out[item.start..item.end] {
            if !matches!(*byte, b'\n' | b'\r') {
                *byte = b' ';
            }
        }
        changed = true;
    }
    // Only whole items (ASCII delimiters around them) were blanked, so the text is UTF-8.
    changed.then(|| String::from_utf8(out).ok()).flatten()
}

/// One `key = value` of an object, through its comma if one follows.
struct Item {
    start: usize,
    key_end: usize,
    end: usize,
}

impl Item {
    /// The key as Terraform names it: a bare identifier and the same name quoted are one key.
    fn key<'b>(&self, b: &'b [u8]) -> &'b [u8] {
        let key = &b[self.start..self.key_end];
        // A comment between the key and its `=` is not part of it.
        let key = memchr::memmem::find(key, b"/*").map_or(key, |c| &key[..c]);
        let key = key.trim_ascii();
        match key {
            [b'"', inner @ .., b'"'] if !inner.contains(&b'\\') && !inner.contains(&b'$') => inner,
            _ => key,
        }
    }
}

/// The offset of the `{` whose object holds `at` directly, if any.
fn enclosing_brace(b: &[u8], at: usize) -> Option<usize> {
    let mut open = None;
    let (mut pos, mut end) = (0, b.len());
    'descend: loop {
        while pos < end {
            if pos == at {
                return open;
            }
            let next = skip(b, pos);
            if next > at {
                // The element holding `at`: go inside it.
                match b[pos] {
                    b'{' | b'[' | b'(' => {
                        open = (b[pos] == b'{').then_some(pos);
                        (pos, end) = (pos + 1, next - 1);
                        continue 'descend;
                    }
                    // A template: go into the interpolation or directive that holds `at`.
                    b'"' | b'<' => {
                        let (inner, close) = interpolation_holding(b, pos + 1, next, at)?;
                        open = None;
                        (pos, end) = (inner, close);
                        continue 'descend;
                    }
                    _ => return None,
                }
            }
            pos = next;
        }
        return None;
    }
}

/// The code of the `${ … }` or `%{ … }` between `from` and `to` (a template's text) that holds
/// `at`: from after its `{` to its `}`.
fn interpolation_holding(b: &[u8], from: usize, to: usize, at: usize) -> Option<(usize, usize)> {
    let mut pos = from;
    while pos + 1 < to {
        match b[pos] {
            b'\\' => pos += 2,
            // `$${` and `%%{` are literal text.
            b'$' | b'%' if b[pos + 1] == b[pos] => pos += 2,
            b'$' | b'%' if b[pos + 1] == b'{' => {
                let next = skip(b, pos + 1);
                if at > pos + 1 && at < next {
                    return Some((pos + 2, next - 1));
                }
                pos = next;
            }
            _ => pos += 1,
        }
    }
    None
}

/// The items of the object whose `{` is at `open`.
fn items(b: &[u8], open: usize) -> Vec<Item> {
    let mut out = Vec::new();
    let mut pos = open + 1;
    while pos < b.len() {
        pos = skip_blank(b, pos);
        match b.get(pos) {
            None | Some(b'}') => break,
            Some(b',') => {
                pos += 1;
                continue;
            }
            _ => {}
        }
        let start = pos;
        let mut key_end = None;
        while pos < b.len() && !matches!(b[pos], b'\n' | b',' | b'}') {
            if key_end.is_none()
                && (b[pos] == b':'
                    || (b[pos] == b'=' && !matches!(b.get(pos + 1), Some(b'=' | b'>'))))
            {
                key_end = Some(pos);
            }
            if b[pos] == b'#' || b[pos..].starts_with(b"//") {
                break;
            }
            pos = skip(b, pos);
        }
        if b.get(pos) == Some(&b',') {
            pos += 1;
        }
        out.push(Item {
            start,
            key_end: key_end.unwrap_or(pos),
            end: pos,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::drop_earlier_definitions;

    #[test]
    fn the_earlier_definition_is_blanked_and_offsets_are_kept() {
        let src = "x = { a = 1, b = 2, a = 3 }\n";
        let at = src.rfind("a =").unwrap();
        let out = drop_earlier_definitions(src, at).unwrap();
        // `a = 1,` and the spaces around it: eight spaces before `b`.
        assert_eq!(out, format!("x = {{{}b = 2, a = 3 }}\n", " ".repeat(8)));
    }

    #[test]
    fn multi_line_objects_keep_their_newlines() {
        let src = "m = {\n  a = { for k in l : k => k }\n  \"a\" = 2 # again\n}\n";
        let at = src.find("\"a\"").unwrap();
        let out = drop_earlier_definitions(src, at).unwrap();
        assert_eq!(out.len(), src.len());
        assert_eq!(out.lines().nth(1).unwrap().trim(), "");
        assert!(out.contains("\"a\" = 2 # again"));
    }

    #[test]
    fn a_key_without_an_earlier_definition_is_left_alone() {
        assert_eq!(drop_earlier_definitions("x = { a = 1 }\n", 6), None);
    }

    #[test]
    fn a_key_defined_twice_inside_an_interpolation() {
        let src = "x = \"a-${{a = 1, a = 2}}-b\"\n";
        let at = src.rfind("a = 2").unwrap();
        assert_eq!(
            drop_earlier_definitions(src, at).unwrap(),
            "x = \"a-${{       a = 2}}-b\"\n"
        );
    }

    #[test]
    fn a_comment_after_the_key_is_not_part_of_it() {
        let src = "x = {a = 1, a /* why */ = 2}\n";
        let at = src.rfind("a /*").unwrap();
        assert_eq!(
            drop_earlier_definitions(src, at).unwrap(),
            "x = {       a /* why */ = 2}\n"
        );
    }
}
