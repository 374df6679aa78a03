//! Keys (docs/rules.md, "Keys"): `a.b.0.c`, `a[0]`, `*`, quoted segments, and walking a value
//! with them.

use crate::value::{Node, Value};
use smallvec::SmallVec;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Name(String),
    Index(usize),
    Wildcard,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// As the user wrote it, for messages and reports.
    pub text: String,
    pub segments: Vec<Segment>,
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Key {
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut segments = Vec::new();
        let mut rest = text.trim();
        if rest.is_empty() {
            return Err("the key is empty".into());
        }
        let mut expect_separator = false;
        while !rest.is_empty() {
            if expect_separator {
                rest = if let Some(r) = rest.strip_prefix('.') {
                    if r.is_empty() || r.starts_with('.') || r.starts_with('[') {
                        return Err(format!("key \"{text}\" has an empty segment"));
                    }
                    r
                } else if rest.starts_with('[') {
                    rest
                } else {
                    return Err(format!(
                        "key \"{text}\": expected `.` or `[` before \"{rest}\""
                    ));
                };
            }
            let (segment, r) = if let Some(r) = rest.strip_prefix('[') {
                bracket(r, text)?
            } else if rest.starts_with(['"', '\'']) {
                let (name, r) = quoted(rest, text)?;
                (Segment::Name(name), r)
            } else {
                let end = rest.find(['.', '[']).unwrap_or(rest.len());
                if end == 0 {
                    return Err(format!("key \"{text}\" has an empty segment"));
                }
                (plain(&rest[..end]), &rest[end..])
            };
            segments.push(segment);
            rest = r;
            expect_separator = true;
        }
        Ok(Key {
            text: text.trim().to_string(),
            segments,
        })
    }

    /// Every value the key reaches, nulls left out (Terraform treats `null` as not set), and the
    /// deepest node reached on the way, which is where a report points when nothing is found.
    pub fn resolve<'a>(&self, root: &'a Node) -> Resolution<'a> {
        let mut current = Reached::default();
        current.push(root, Some(ValuePath::ROOT));
        let mut next = Reached::default();
        let mut nearest = root;
        for segment in &self.segments {
            next.clear();
            for (node, path) in current.nodes.iter().zip(&current.paths) {
                step(node, *path, segment, &mut next);
            }
            if let Some(first) = next.nodes.first() {
                nearest = first;
            }
            std::mem::swap(&mut current, &mut next);
        }
        current.drop_nulls();
        Resolution {
            path: match current.paths.as_slice() {
                [one] => *one,
                _ => None,
            },
            values: current.nodes,
            nearest,
        }
    }
}

/// What one resolution holds: inline up to a few values, as nearly every key reaches one.
/// The engine resolves a key for every assertion on every resource it selects, and the
/// allocations of a `Vec` per step cost more than the walk.
pub type Reach<T> = SmallVec<[T; 4]>;

pub struct Resolution<'a> {
    pub values: Reach<&'a Node>,
    pub nearest: &'a Node,
    /// Where the value stands when the key reached exactly one, if its path is short enough
    /// to keep.
    pub path: Option<ValuePath>,
}

/// Where a value stands in a resource's body: the child taken at each level (an entry of a
/// map, an item of a list). A report finds a passing value again by it without comparing a
/// single name. Kept in eight bytes, as a passing result keeps one; nearly every path in
/// Terraform is that short and that narrow, and a longer or wider one is not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValuePath {
    len: u8,
    steps: [u8; 7],
}

impl ValuePath {
    const ROOT: ValuePath = ValuePath {
        len: 0,
        steps: [0; 7],
    };

    /// The path one child further, or `None` when it would not fit.
    fn child(self, index: usize) -> Option<ValuePath> {
        let mut next = self;
        *next.steps.get_mut(usize::from(self.len))? = u8::try_from(index).ok()?;
        next.len += 1;
        Some(next)
    }

    /// The node the path leads to from `root`, if the value still has that shape.
    pub fn follow<'a>(&self, root: &'a Node) -> Option<&'a Node> {
        let mut node = root;
        for &index in &self.steps[..usize::from(self.len)] {
            let index = usize::from(index);
            node = match &node.value {
                Value::Map(entries) => &entries.get(index)?.1,
                Value::List(items) => items.get(index)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

/// The nodes one step of a resolution reached, each with its path (`None` once too long).
#[derive(Default)]
struct Reached<'a> {
    nodes: Reach<&'a Node>,
    paths: Reach<Option<ValuePath>>,
}

impl<'a> Reached<'a> {
    fn push(&mut self, node: &'a Node, path: Option<ValuePath>) {
        self.nodes.push(node);
        self.paths.push(path);
    }

    fn child(&mut self, node: &'a Node, path: Option<ValuePath>, index: usize) {
        self.push(node, path.and_then(|p| p.child(index)));
    }

    fn clear(&mut self) {
        self.nodes.clear();
        self.paths.clear();
    }

    fn drop_nulls(&mut self) {
        let mut kept = 0;
        for i in 0..self.nodes.len() {
            if !self.nodes[i].value.is_null() {
                self.nodes[kept] = self.nodes[i];
                self.paths[kept] = self.paths[i];
                kept += 1;
            }
        }
        self.nodes.truncate(kept);
        self.paths.truncate(kept);
    }
}

fn plain(segment: &str) -> Segment {
    if segment == "*" {
        Segment::Wildcard
    } else if let Ok(i) = segment.parse::<usize>() {
        Segment::Index(i)
    } else {
        Segment::Name(segment.to_string())
    }
}

/// `[0]`, `[*]`, `["a.b"]` (after the `[`).
fn bracket<'a>(rest: &'a str, text: &str) -> Result<(Segment, &'a str), String> {
    let (segment, rest) = if rest.starts_with(['"', '\'']) {
        let (name, r) = quoted(rest, text)?;
        (Segment::Name(name), r)
    } else {
        let end = rest
            .find(']')
            .ok_or_else(|| format!("key \"{text}\" has an unclosed `[`"))?;
        let inner = rest[..end].trim();
        if inner.is_empty() {
            return Err(format!("key \"{text}\" has an empty `[]`"));
        }
        (plain(inner), &rest[end..])
    };
    let rest = rest
        .strip_prefix(']')
        .ok_or_else(|| format!("key \"{text}\" has an unclosed `[`"))?;
    Ok((segment, rest))
}

fn quoted<'a>(rest: &'a str, text: &str) -> Result<(String, &'a str), String> {
    let quote = rest.chars().next().unwrap_or('"');
    let body = &rest[1..];
    let end = body
        .find(quote)
        .ok_or_else(|| format!("key \"{text}\" has an unclosed quote"))?;
    Ok((body[..end].to_string(), &body[end + 1..]))
}

/// Where one segment leads from a node, added to `out` (every rule resolves its keys on every
/// resource it selects, so nothing is allocated per step).
fn step<'a>(node: &'a Node, path: Option<ValuePath>, segment: &Segment, out: &mut Reached<'a>) {
    match (&node.value, segment) {
        // Nothing can be walked into an unknown: the unknown itself is the answer.
        (Value::Unknown(_), _) => out.push(node, path),
        (Value::Map(_), Segment::Name(name)) => {
            if let Some((at, child)) = node.value.entry(name) {
                out.child(child, path, at);
            }
        }
        // A name applied to a list of blocks walks every block, as if `*` stood before it.
        (Value::List(items), Segment::Name(_)) => {
            for (at, item) in items.iter().enumerate() {
                step(item, path.and_then(|p| p.child(at)), segment, out);
            }
        }
        (Value::List(items), Segment::Index(i)) => {
            if let Some(item) = items.get(*i) {
                out.child(item, path, *i);
            }
        }
        (Value::Map(_), Segment::Index(i)) => {
            match node.value.entry(&i.to_string()) {
                Some((at, child)) => out.child(child, path, at),
                // Terraform's JSON syntax may write a single block as an object: its `.0` is
                // itself.
                None if *i == 0 => out.push(node, path),
                None => {}
            }
        }
        (Value::List(items), Segment::Wildcard) => {
            for (at, item) in items.iter().enumerate() {
                out.child(item, path, at);
            }
        }
        (Value::Map(entries), Segment::Wildcard) => {
            for (at, (_, value)) in entries.iter().enumerate() {
                out.child(value, path, at);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(text: &str) -> Vec<Segment> {
        Key::parse(text).unwrap().segments
    }

    fn name(s: &str) -> Segment {
        Segment::Name(s.into())
    }

    #[test]
    fn dotted_and_indexed_forms_are_the_same() {
        let expected = vec![name("rule"), Segment::Index(0), name("status")];
        assert_eq!(segments("rule.0.status"), expected);
        assert_eq!(segments("rule[0].status"), expected);
        assert_eq!(segments("rule[0][\"status\"]"), expected);
    }

    #[test]
    fn segments_may_hold_any_character_but_a_dot() {
        assert_eq!(
            segments("default_arguments.--enable-continuous-cloudwatch-log"),
            vec![
                name("default_arguments"),
                name("--enable-continuous-cloudwatch-log")
            ]
        );
    }

    #[test]
    fn quoted_segments_keep_their_dots() {
        let expected = vec![name("tags"), name("kubernetes.io/role")];
        assert_eq!(segments("tags.\"kubernetes.io/role\""), expected);
        assert_eq!(segments("tags[\"kubernetes.io/role\"]"), expected);
        assert_eq!(segments("tags['kubernetes.io/role']"), expected);
    }

    #[test]
    fn wildcards() {
        assert_eq!(
            segments("ingress.*.cidr_blocks"),
            vec![name("ingress"), Segment::Wildcard, name("cidr_blocks")]
        );
        assert_eq!(
            segments("ingress[*]"),
            vec![name("ingress"), Segment::Wildcard]
        );
    }

    #[test]
    fn malformed_keys_are_errors() {
        for bad in ["", "a..b", "a.", "a[0", "a[]", "tags.\"x"] {
            assert!(Key::parse(bad).is_err(), "{bad:?} should not parse");
        }
    }

    fn map(entries: Vec<(&str, Value)>) -> Value {
        Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_string(), Node::bare(v)))
                .collect(),
        )
    }

    fn text(s: &str) -> Value {
        Value::String(s.into())
    }

    /// What the path kept by a resolution leads to, read back without the key.
    fn followed(root: &Node, key: &str) -> Option<Value> {
        let resolution = Key::parse(key).unwrap().resolve(root);
        let path = resolution.path?;
        Some(path.follow(root).unwrap().value.clone())
    }

    #[test]
    fn a_single_value_is_found_again_by_its_path() {
        let rules = Value::List(vec![
            Node::bare(map(vec![("status", text("Enabled"))])),
            Node::bare(map(vec![("status", text("Disabled"))])),
        ]);
        let root = Node::bare(map(vec![
            (
                "tags",
                map(vec![("Team", text("a")), ("Env", text("prod"))]),
            ),
            ("rule", rules),
        ]));
        assert_eq!(followed(&root, "tags.Env"), Some(text("prod")));
        assert_eq!(followed(&root, "rule.1.status"), Some(text("Disabled")));
        assert_eq!(followed(&root, "rule[*].status"), None, "two values");
        assert_eq!(followed(&root, "tags.Owner"), None, "no value");
    }

    #[test]
    fn a_path_too_deep_or_too_wide_is_not_kept() {
        let mut deep = text("bottom");
        for _ in 0..8 {
            deep = map(vec![("a", deep)]);
        }
        let root = Node::bare(deep);
        let key = "a.a.a.a.a.a.a.a";
        assert_eq!(Key::parse(key).unwrap().resolve(&root).values.len(), 1);
        assert_eq!(followed(&root, key), None);
        assert_eq!(
            followed(&root, "a.a.a.a.a.a.a"),
            Some(map(vec![("a", text("bottom"))]))
        );

        let wide = Value::List(
            (0..300)
                .map(|i| Node::bare(Value::Number(crate::value::Number::int(i))))
                .collect(),
        );
        let root = Node::bare(map(vec![("items", wide)]));
        assert_eq!(
            followed(&root, "items.255"),
            Some(Value::Number(crate::value::Number::int(255)))
        );
        assert_eq!(followed(&root, "items.256"), None);
    }
}
