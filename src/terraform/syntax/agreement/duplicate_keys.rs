//! A repair for valid Terraform that hcl-edit rejects: an object constructor that defines the
//! same key twice (`{ a = 1, a = 2 }`, common in large maps of locals, also inside an
//! interpolation). Terraform accepts it and the last definition wins; hcl-edit stops at the
//! second definition.
//!
//! `rename_earlier_definitions` gives every earlier definition of the key hcl-edit stopped at a
//! fresh name of the same length, so hcl-edit reads them (Terraform does: a syntax error inside
//! one is still an error) and every byte keeps its offset, line and column. The caller removes
//! the renamed items from the tree once it is checked, so the last definition is what remains,
//! as in Terraform.

use super::code_scan::{enclosing_group, skip, skip_blank};
use hcl::edit::Span as _;
use hcl::edit::expr::{Object, ObjectKey};
use hcl::edit::structure::Body;
use hcl::edit::visit_mut::{VisitMut, visit_body_mut, visit_object_mut};
use std::collections::{HashMap, HashSet};

/// The source with the earlier definitions of every key that the object holding `at` (the
/// start of a key's second definition) defines more than once renamed, and the offsets of the
/// renamed keys; `None` when `at` is not an object key defined before. Every duplicate of the
/// object is renamed at once, so an object that defines thousands of keys twice costs one more
/// parse, not thousands.
pub fn rename_earlier_definitions(src: &str, at: usize) -> Option<(String, Vec<usize>)> {
    let b = src.as_bytes();
    let open = enclosing_brace(b, at)?;
    let items = items(b, open);
    let key = items.iter().find(|item| item.start == at)?.key(b);
    if !items.iter().any(|i| i.start < at && i.key(b) == key) {
        return None;
    }
    let mut last: HashMap<&[u8], usize> = HashMap::new();
    for item in &items {
        last.insert(item.key(b), item.start);
    }
    let mut taken: HashSet<Vec<u8>> = items.iter().map(|i| i.key(b).to_vec()).collect();
    let mut out = b.to_vec();
    let mut renamed = Vec::new();
    let mut counters: HashMap<usize, u64> = HashMap::new();
    for item in items.iter().filter(|i| last[i.key(b)] != i.start) {
        let short = item.key_text(b).len();
        let long = item.renameable_len(b);
        let name = fresh_name(short, &taken, counters.entry(short).or_default())
            .or_else(|| fresh_name(long, &taken, counters.entry(long).or_default()))?;
        out[item.start..item.start + name.len()].copy_from_slice(&name);
        taken.insert(name);
        renamed.push(item.start);
    }
    // Only whole keys (and the blanks after them) were replaced by ASCII names, so the text
    // is UTF-8.
    let text = String::from_utf8(out).ok()?;
    (!renamed.is_empty()).then_some((text, renamed))
}

/// Removes the object items whose keys start at the `renamed` offsets.
pub fn remove_items(body: &mut Body, renamed: &[usize]) {
    struct Remover<'r>(&'r [usize]);
    impl VisitMut for Remover<'_> {
        fn visit_object_mut(&mut self, node: &mut Object) {
            let superseded: Vec<ObjectKey> = node
                .iter()
                .map(|(key, _)| key)
                .filter(|key| key.span().is_some_and(|s| self.0.contains(&s.start)))
                .cloned()
                .collect();
            for key in &superseded {
                node.remove(key);
            }
            visit_object_mut(self, node);
        }
    }
    visit_body_mut(&mut Remover(renamed), body);
}

/// An identifier of `len` bytes that no key of the object has. Longer names start with `_`,
/// so none is a keyword (`for`, `if`, `null`, `true`, ...); a one-byte name is a letter or `_`.
/// `counter` is where the search for a longer name goes on from, so that naming thousands of
/// duplicates does not try the names already given again each time.
fn fresh_name(len: usize, taken: &HashSet<Vec<u8>>, counter: &mut u64) -> Option<Vec<u8>> {
    const FIRST: &[u8] = b"_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const REST: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
    if len == 1 {
        return FIRST
            .iter()
            .map(|&c| vec![c])
            .find(|name| !taken.contains(name));
    }
    // `_` and then the digits of a counter in base 63: far more names than any object has keys.
    let base = REST.len() as u64;
    let last = *counter + taken.len() as u64 + 1;
    while *counter < last {
        let mut n = *counter;
        *counter += 1;
        let mut name = vec![b'_'; len];
        for byte in name[1..].iter_mut().rev() {
            *byte = REST[(n % base) as usize];
            n /= base;
        }
        if n == 0 && !taken.contains(&name) {
            return Some(name);
        }
    }
    None
}

/// One `key = value` of an object: where it starts, and where its key ends.
struct Item {
    start: usize,
    key_end: usize,
}

impl Item {
    /// The key as written, without the blanks and comment between it and its `=`.
    fn key_text<'b>(&self, b: &'b [u8]) -> &'b [u8] {
        let key = &b[self.start..self.key_end];
        let key = memchr::memmem::find(key, b"/*").map_or(key, |c| &key[..c]);
        key.trim_ascii()
    }

    /// How many bytes a new name may take once the key's own length has no name left: the
    /// key and the blanks after it, so that a one-letter key defined a hundred times still
    /// finds fresh names (`a = 1` becomes `_0= 1`).
    fn renameable_len(&self, b: &[u8]) -> usize {
        let key = self.key_text(b).len();
        let blanks = b[self.start + key..self.key_end]
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
        key + blanks
    }

    /// The key as Terraform names it: a bare identifier and the same name quoted are one key.
    fn key<'b>(&self, b: &'b [u8]) -> &'b [u8] {
        let key = self.key_text(b);
        match key {
            [b'"', inner @ .., b'"'] if !inner.contains(&b'\\') && !inner.contains(&b'$') => inner,
            _ => key,
        }
    }
}

/// The offset of the `{` whose object holds `at` directly, if any.
fn enclosing_brace(b: &[u8], at: usize) -> Option<usize> {
    enclosing_group(b, at).filter(|&open| b[open] == b'{')
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
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::rename_earlier_definitions;

    fn renamed(src: &str, second: &str) -> (String, Vec<usize>) {
        rename_earlier_definitions(src, src.rfind(second).unwrap()).unwrap()
    }

    #[test]
    fn the_earlier_definition_is_renamed_and_offsets_are_kept() {
        let (out, at) = renamed("x = { a = 1, b = 2, a = 3 }\n", "a =");
        assert_eq!(out, "x = { _ = 1, b = 2, a = 3 }\n");
        assert_eq!(at, vec![6]);
    }

    #[test]
    fn every_earlier_definition_gets_its_own_name() {
        let (out, at) = renamed("x = { ab = 1, _0 = 2, ab = 3, ab = 4 }\n", "ab = 4");
        assert_eq!(out, "x = { _1 = 1, _0 = 2, _2 = 3, ab = 4 }\n");
        assert_eq!(at, vec![6, 22]);
    }

    #[test]
    fn a_quoted_key_is_the_same_key_and_keeps_its_length() {
        let src = "m = {\n  a = { for k in l : k => k }\n  \"a\" = 2 # again\n}\n";
        let (out, _) = renamed(src, "\"a\"");
        assert_eq!(out.len(), src.len());
        assert_eq!(out.lines().nth(1).unwrap(), "  _ = { for k in l : k => k }");
        let (out, _) = renamed("m = { \"key\" = 1, key = 2 }\n", "key = 2");
        assert_eq!(out, "m = { _0000 = 1, key = 2 }\n");
    }

    #[test]
    fn a_key_without_an_earlier_definition_is_left_alone() {
        assert_eq!(rename_earlier_definitions("x = { a = 1 }\n", 6), None);
    }

    #[test]
    fn a_key_defined_twice_inside_an_interpolation() {
        let (out, _) = renamed("x = \"a-${{a = 1, a = 2}}-b\"\n", "a = 2");
        assert_eq!(out, "x = \"a-${{_ = 1, a = 2}}-b\"\n");
    }

    #[test]
    fn a_comment_after_the_key_is_not_part_of_it() {
        let (out, _) = renamed("x = {ab /* why */ = 1, ab = 2}\n", "ab = 2");
        assert_eq!(out, "x = {_0 /* why */ = 1, ab = 2}\n");
    }

    #[test]
    fn a_one_letter_key_defined_a_hundred_times_takes_the_blank_after_it() {
        let items: String = (0..100).map(|i| format!("a = {i}, ")).collect();
        let src = format!("x = {{ {items}b = 1 }}\n");
        let (out, at) = renamed(&src, "a = 99");
        assert_eq!(at.len(), 99);
        assert_eq!(out.len(), src.len());
        assert!(out.contains("a = 99"), "{out}");
        assert_eq!(out.matches("a = ").count(), 1, "{out}");
    }

    #[test]
    fn a_long_key_defined_thousands_of_times_gets_a_name_for_each() {
        let items: String = (0..5000).map(|i| format!("key = {i}\n")).collect();
        let src = format!("x = {{\n{items}}}\n");
        let (out, at) = renamed(&src, "key = 4999");
        assert_eq!(at.len(), 4999);
        assert_eq!(out.len(), src.len());
        assert_eq!(out.matches("key = ").count(), 1);
    }

    #[test]
    fn every_key_defined_twice_is_renamed_at_once() {
        let (out, at) = renamed("x = { ab = 1, cd = 2, ab = 3, cd = 4 }\n", "ab = 3");
        assert_eq!(out, "x = { _0 = 1, _1 = 2, ab = 3, cd = 4 }\n");
        assert_eq!(at, vec![6, 14]);
    }

    #[test]
    fn names_run_out_only_past_every_one_byte_name() {
        let keys: String = ('a'..='z')
            .chain('A'..='Z')
            .map(|c| format!("{c}=1, "))
            .collect();
        let src = format!("x = {{ _=0, {keys}a=2, a=3 }}\n");
        // `a` is defined three times, with no blank after it; two fresh one-byte names are
        // needed and none is left.
        assert_eq!(
            rename_earlier_definitions(&src, src.rfind("a=3").unwrap()),
            None
        );
    }
}
