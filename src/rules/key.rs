//! Keys (RULES.md §3): `a.b.0.c`, `a[0]`, `*`, quoted segments, and walking a value with them.

use crate::value::{Node, Value};
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
        let mut current = vec![root];
        let mut next = Vec::new();
        let mut nearest = root;
        for segment in &self.segments {
            next.clear();
            for node in &current {
                step(node, segment, &mut next);
            }
            if let Some(first) = next.first() {
                nearest = first;
            }
            std::mem::swap(&mut current, &mut next);
        }
        current.retain(|n| !n.value.is_null());
        Resolution {
            values: current,
            nearest,
        }
    }
}

pub struct Resolution<'a> {
    pub values: Vec<&'a Node>,
    pub nearest: &'a Node,
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
fn step<'a>(node: &'a Node, segment: &Segment, out: &mut Vec<&'a Node>) {
    match (&node.value, segment) {
        // Nothing can be walked into an unknown: the unknown itself is the answer.
        (Value::Unknown(_), _) => out.push(node),
        (Value::Map(_), Segment::Name(name)) => out.extend(node.value.get(name)),
        // A name applied to a list of blocks walks every block, as if `*` stood before it.
        (Value::List(items), Segment::Name(_)) => {
            for item in items {
                step(item, segment, out);
            }
        }
        (Value::List(items), Segment::Index(i)) => out.extend(items.get(*i)),
        (Value::Map(_), Segment::Index(i)) => match node.value.get(&i.to_string()) {
            Some(found) => out.push(found),
            // Terraform's JSON syntax may write a single block as an object: its `.0` is itself.
            None if *i == 0 => out.push(node),
            None => {}
        },
        (Value::List(items), Segment::Wildcard) => out.extend(items),
        (Value::Map(entries), Segment::Wildcard) => out.extend(entries.iter().map(|(_, v)| v)),
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
}
