//! Keys (docs/rules.md, "Keys"): `a.b.0.c`, `a[0]`, `*`, quoted segments, and walking a value
//! with them.

use crate::value::{Node, Unknown, Value};
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
    ///
    /// The walk goes on into a value that may be absent (docs/rules.md, "Values that may be
    /// absent"), through what it is when it is there, and into each candidate of an unknown
    /// (the value each instance has); what it reaches so is marked with what it went through.
    pub fn resolve<'a>(&self, root: &'a Node) -> Resolution<'a> {
        let mut current = Reached::default();
        current.push(root, Some(ValuePath::ROOT), None);
        let mut next = Reached::default();
        let mut nearest = root;
        let mut partly_unset = false;
        for segment in &self.segments {
            next.clear();
            for at in 0..current.nodes.len() {
                let here = At {
                    path: current.paths[at],
                    through: current.through[at],
                };
                let before = next.nodes.len();
                step(current.nodes[at], here, segment, &mut next);
                // A block that is surely there and does not set what its siblings set.
                partly_unset |= next.nodes.len() == before
                    && here.through.is_none()
                    && matches!(current.nodes[at].value, Value::Map(_));
            }
            partly_unset |= next.unset;
            if let Some(first) = next.nodes.first() {
                nearest = first;
            }
            next.undecided = next.undecided.or(current.undecided);
            std::mem::swap(&mut current, &mut next);
        }
        let reached = current.nodes.len();
        current.drop_nulls();
        partly_unset |= current.nodes.len() < reached;
        Resolution {
            partly_unset: partly_unset && !current.nodes.is_empty(),
            path: match current.paths.as_slice() {
                [one] => *one,
                _ => None,
            },
            values: current.nodes,
            through: current.through,
            undecided: current.undecided,
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
    /// For each value, what it was reached through when it may not be there: `None` for a
    /// value reached for certain.
    pub through: Reach<Option<Through<'a>>>,
    /// A dynamic block whose `for_each` is not known, before the block an index asks for: how
    /// many blocks stand before it is not known, so neither is what the index reaches.
    pub undecided: Option<&'a Unknown>,
    pub nearest: &'a Node,
    /// Where the value stands when the key reached exactly one, if its path is short enough
    /// to keep.
    pub path: Option<ValuePath>,
    /// Some of the elements a `*` (or a name over a list of blocks) walked do not set the key,
    /// while others do: for those the attribute is not set.
    pub partly_unset: bool,
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

/// What a value was reached through, when it may not be there.
#[derive(Debug, Clone, Copy)]
pub enum Through<'a> {
    /// A value that may be absent: the value is there only when it is.
    Absent(&'a Unknown),
    /// A candidate of an unknown (the value one instance has): the value is there only in
    /// that instance.
    Candidate(&'a Unknown, usize),
}

/// Where a step starts: the path so far and what the walk went through.
#[derive(Clone, Copy)]
struct At<'a> {
    path: Option<ValuePath>,
    through: Option<Through<'a>>,
}

impl<'a> At<'a> {
    fn child(self, index: usize) -> At<'a> {
        At {
            path: self.path.and_then(|p| p.child(index)),
            ..self
        }
    }

    /// Inside an unknown: no path leads there, and what is reached is reached through it.
    fn through(through: Through<'a>) -> At<'a> {
        At {
            path: None,
            through: Some(through),
        }
    }
}

/// The nodes one step of a resolution reached, each with its path (`None` once too long) and
/// what it was reached through.
#[derive(Default)]
struct Reached<'a> {
    nodes: Reach<&'a Node>,
    paths: Reach<Option<ValuePath>>,
    through: Reach<Option<Through<'a>>>,
    undecided: Option<&'a Unknown>,
    /// A block of a list a name walked (`container.image`) that does not set the name.
    unset: bool,
}

impl<'a> Reached<'a> {
    fn push(&mut self, node: &'a Node, path: Option<ValuePath>, through: Option<Through<'a>>) {
        self.nodes.push(node);
        self.paths.push(path);
        self.through.push(through);
    }

    fn reach(&mut self, node: &'a Node, at: At<'a>) {
        self.push(node, at.path, at.through);
    }

    fn child(&mut self, node: &'a Node, at: At<'a>, index: usize) {
        self.reach(node, at.child(index));
    }

    fn clear(&mut self) {
        self.nodes.clear();
        self.paths.clear();
        self.through.clear();
        self.undecided = None;
        self.unset = false;
    }

    fn drop_nulls(&mut self) {
        let mut kept = 0;
        for i in 0..self.nodes.len() {
            if !self.nodes[i].value.is_null() {
                self.nodes[kept] = self.nodes[i];
                self.paths[kept] = self.paths[i];
                self.through[kept] = self.through[i];
                kept += 1;
            }
        }
        self.nodes.truncate(kept);
        self.paths.truncate(kept);
        self.through.truncate(kept);
    }
}

/// The blocks of a dynamic block that may be absent, when `node` is one in a list of blocks.
fn absent_blocks(node: &Node) -> Option<(&Unknown, &[Node])> {
    let Value::Unknown(unknown) = &node.value else {
        return None;
    };
    match unknown.absence() {
        Some(absence) if absence.blocks => match &absence.present.value {
            Value::List(blocks) => Some((unknown, blocks)),
            _ => None,
        },
        _ => None,
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
fn step<'a>(node: &'a Node, at: At<'a>, segment: &Segment, out: &mut Reached<'a>) {
    step_in(&node.value, node, at, segment, out);
}

/// One step from `value`; `holder` is reached when the value itself is the answer: the
/// value's node, or, for a candidate of an unknown, the unknown's.
fn step_in<'a>(
    value: &'a Value,
    holder: &'a Node,
    at: At<'a>,
    segment: &Segment,
    out: &mut Reached<'a>,
) {
    match (value, segment) {
        // Each instance's value: the walk goes on in each.
        (Value::Unknown(unknown), _) if !unknown.candidates.is_empty() => {
            for (i, candidate) in unknown.candidates.iter().enumerate() {
                let at = At::through(Through::Candidate(unknown, i));
                step_in(candidate, holder, at, segment, out);
            }
        }
        // A value that may be absent: the walk goes on in what it is when it is there.
        (Value::Unknown(unknown), _) if let Some(absence) = unknown.absence() => {
            let at = At::through(Through::Absent(unknown));
            step_in(&absence.present.value, &absence.present, at, segment, out);
        }
        // Nothing can be walked into any other unknown: the unknown itself is the answer.
        (Value::Unknown(_), _) => out.reach(holder, at),
        (Value::Map(_), Segment::Name(name)) => {
            if let Some((index, child)) = value.entry(name) {
                out.child(child, at, index);
            }
        }
        // A name applied to a list of blocks walks every block, as if `*` stood before it.
        (Value::List(items), Segment::Name(_)) => {
            for (index, item) in items.iter().enumerate() {
                let before = out.nodes.len();
                step(item, at.child(index), segment, out);
                out.unset |= out.nodes.len() == before
                    && at.through.is_none()
                    && matches!(item.value, Value::Map(_));
            }
        }
        (Value::List(items), Segment::Index(i)) => index_blocks(items, *i, at, out),
        (Value::Map(_), Segment::Index(i)) => {
            match value.entry(&i.to_string()) {
                Some((index, child)) => out.child(child, at, index),
                // Terraform's JSON syntax may write a single block as an object: its `.0` is
                // itself.
                None if *i == 0 => out.reach(holder, at),
                None => {}
            }
        }
        (Value::List(items), Segment::Wildcard) => {
            for (index, item) in items.iter().enumerate() {
                match absent_blocks(item) {
                    Some((unknown, blocks)) => {
                        let at = At::through(Through::Absent(unknown));
                        blocks.iter().for_each(|block| out.reach(block, at));
                    }
                    None => out.child(item, at, index),
                }
            }
        }
        (Value::Map(entries), Segment::Wildcard) => {
            for (index, (_, value)) in entries.iter().enumerate() {
                out.child(value, at, index);
            }
        }
        _ => {}
    }
}

/// Item `i` of a list, which may hold the blocks of a dynamic block that may be absent. Before
/// them the positions are known; in them, the item is one of their blocks, there when they
/// are; after them, where an item stands is not known.
fn index_blocks<'a>(items: &'a [Node], i: usize, at: At<'a>, out: &mut Reached<'a>) {
    let mut position = 0;
    for (index, item) in items.iter().enumerate() {
        // A block whose instances differ in how many blocks they have: where the next one
        // stands is not known.
        if let Value::Unknown(unknown) = &item.value
            && unknown
                .candidates
                .iter()
                .any(|c| matches!(c, Value::Unknown(u) if u.absence().is_some_and(|a| a.blocks)))
        {
            if position <= i {
                out.undecided = out.undecided.or(Some(unknown));
            }
            return;
        }
        let Some((unknown, blocks)) = absent_blocks(item) else {
            if position == i {
                out.child(item, at, index);
                return;
            }
            position += 1;
            continue;
        };
        if index + 1 < items.len() {
            out.undecided = out.undecided.or(Some(unknown));
            return;
        }
        let any_number = unknown.absence().is_some_and(|a| a.any_number);
        let block = if any_number {
            blocks.last()
        } else {
            blocks.get(i - position)
        };
        if let Some(block) = block {
            out.reach(block, At::through(Through::Absent(unknown)));
        }
        return;
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
