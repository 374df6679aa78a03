//! The built-in packs as the YAML trees they parse to, in a compact binary form: build.rs
//! parses `rule-packs/` once and writes it, the binary reads it back. Reading it is many times
//! faster than parsing the YAML, which was most of the cost of a small scan with every pack.
//!
//! A node is its line (u32), a tag, and then: nothing (null, false, true), eight bytes (a
//! number), a length and the bytes (a string), or a count and the nodes (a sequence; a mapping
//! has key and value nodes in turn). Integers are little-endian.

use super::yaml::{Yaml, YamlValue};

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const NUMBER: u8 = 3;
const STRING: u8 = 4;
const SEQUENCE: u8 = 5;
const MAPPING: u8 = 6;

// The binary only reads; build.rs, which includes this file, writes.
#[allow(dead_code)]
pub fn encode(node: &Yaml, out: &mut Vec<u8>) {
    out.extend_from_slice(&node.line.to_le_bytes());
    match &node.value {
        YamlValue::Null => out.push(NULL),
        YamlValue::Bool(false) => out.push(FALSE),
        YamlValue::Bool(true) => out.push(TRUE),
        YamlValue::Number(n) => {
            out.push(NUMBER);
            out.extend_from_slice(&n.to_le_bytes());
        }
        YamlValue::String(s) => {
            out.push(STRING);
            length(s.len(), out);
            out.extend_from_slice(s.as_bytes());
        }
        YamlValue::Seq(items) => {
            out.push(SEQUENCE);
            length(items.len(), out);
            items.iter().for_each(|item| encode(item, out));
        }
        YamlValue::Map(entries) => {
            out.push(MAPPING);
            length(entries.len(), out);
            for (key, value) in entries {
                encode(key, out);
                encode(value, out);
            }
        }
    }
}

#[allow(dead_code)]
fn length(n: usize, out: &mut Vec<u8>) {
    let n = u32::try_from(n).expect("a rule pack is far smaller than 4 GB");
    out.extend_from_slice(&n.to_le_bytes());
}

/// The tree, or `None` when the bytes are not one whole encoded node.
pub fn decode(bytes: &[u8]) -> Option<Yaml> {
    let mut reader = Reader { bytes, at: 0 };
    let node = reader.node()?;
    (reader.at == bytes.len()).then_some(node)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(taken)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn node(&mut self) -> Option<Yaml> {
        let line = self.u32()?;
        let value = match *self.take(1)?.first()? {
            NULL => YamlValue::Null,
            FALSE => YamlValue::Bool(false),
            TRUE => YamlValue::Bool(true),
            NUMBER => YamlValue::Number(f64::from_le_bytes(self.take(8)?.try_into().ok()?)),
            STRING => {
                let len = self.u32()? as usize;
                YamlValue::String(String::from_utf8(self.take(len)?.to_vec()).ok()?)
            }
            SEQUENCE => {
                let count = self.u32()?;
                YamlValue::Seq((0..count).map(|_| self.node()).collect::<Option<_>>()?)
            }
            MAPPING => {
                let count = self.u32()?;
                YamlValue::Map(
                    (0..count)
                        .map(|_| Some((self.node()?, self.node()?)))
                        .collect::<Option<_>>()?,
                )
            }
            _ => return None,
        };
        Some(Yaml { value, line })
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};
    use crate::rules::yaml::parse;

    #[test]
    fn a_tree_comes_back_whole_with_its_lines() {
        let doc = parse(
            "rules:\n  - id: a\n    n: 1.5\n    on: true\n    off: false\n    none: ~\n    list: [x, 'ü']\n",
        )
        .unwrap();
        let mut bytes = Vec::new();
        encode(&doc, &mut bytes);
        assert_eq!(decode(&bytes), Some(doc));
    }

    #[test]
    fn truncated_or_padded_bytes_are_refused() {
        let mut bytes = Vec::new();
        encode(&parse("a: [1, 2]\n").unwrap(), &mut bytes);
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None);
        bytes.push(0);
        assert_eq!(decode(&bytes), None);
    }
}
