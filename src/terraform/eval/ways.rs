//! The ways a body holding dynamic blocks that may be absent can be: each such dynamic block's
//! blocks there or not. For what turns a whole body into one value (a policy document's JSON),
//! which cannot itself say that some of it may not be there: it is made once for each way, and
//! a rule decides on it what it decides on every one (docs/rules.md, "Values that may be
//! absent").

use crate::value::{Absence, Node, Value};

/// The most ways a body is made. Each dynamic block that may be absent doubles them.
pub const MAX_WAYS: usize = 16;

pub enum Ways {
    /// No block in it may be absent.
    One,
    /// Every way it can be, and why blocks in it may be absent.
    Several(Vec<Value>, Vec<String>),
    /// More than `MAX_WAYS`, and why blocks in it may be absent.
    TooMany(Vec<String>),
}

pub fn ways(body: &Value) -> Ways {
    let mut why = Vec::new();
    if !holds_absent_blocks(body, &mut why) {
        return Ways::One;
    }
    match expand(body) {
        Some(ways) => Ways::Several(ways, why),
        None => Ways::TooMany(why),
    }
}

/// The blocks of a dynamic block that may be absent, when `node` stands for them in a list.
fn absent_blocks(node: &Node) -> Option<(&Absence, &[Node])> {
    let Value::Unknown(unknown) = &node.value else {
        return None;
    };
    let absence = unknown.absence().filter(|a| a.blocks)?;
    match &absence.present.value {
        Value::List(blocks) => Some((absence, blocks)),
        _ => None,
    }
}

/// Whether `value` holds blocks that may be absent, with why they may be added to `why`.
fn holds_absent_blocks(value: &Value, why: &mut Vec<String>) -> bool {
    match value {
        Value::Map(entries) => entries.iter().fold(false, |held, (_, node)| {
            holds_absent_blocks(&node.value, why) || held
        }),
        Value::List(items) => items.iter().fold(false, |held, item| {
            let here = match absent_blocks(item) {
                Some((absence, blocks)) => {
                    if !why.contains(&absence.why) {
                        why.push(absence.why.clone());
                    }
                    blocks.iter().for_each(|b| {
                        holds_absent_blocks(&b.value, why);
                    });
                    true
                }
                None => holds_absent_blocks(&item.value, why),
            };
            here || held
        }),
        _ => false,
    }
}

/// Every way `value` can be; `None` past `MAX_WAYS`.
fn expand(value: &Value) -> Option<Vec<Value>> {
    match value {
        Value::Map(entries) => {
            let mut ways: Vec<Vec<(String, Node)>> = vec![Vec::with_capacity(entries.len())];
            for (key, node) in entries {
                let options: Vec<Vec<(String, Node)>> = expand(&node.value)?
                    .into_iter()
                    .map(|v| vec![(key.clone(), Node::new(v, node.span))])
                    .collect();
                ways = product(ways, &options)?;
            }
            Some(ways.into_iter().map(Value::Map).collect())
        }
        Value::List(items) => {
            let mut ways: Vec<Vec<Node>> = vec![Vec::with_capacity(items.len())];
            for item in items {
                let options: Vec<Vec<Node>> = match absent_blocks(item) {
                    // Not there, or there (each of its own ways).
                    Some((_, blocks)) => {
                        let there = expand(&Value::List(blocks.to_vec()))?;
                        std::iter::once(Vec::new())
                            .chain(there.into_iter().map(|list| match list {
                                Value::List(blocks) => blocks,
                                other => vec![Node::new(other, item.span)],
                            }))
                            .collect()
                    }
                    None => expand(&item.value)?
                        .into_iter()
                        .map(|v| vec![Node::new(v, item.span)])
                        .collect(),
                };
                ways = product(ways, &options)?;
            }
            Some(ways.into_iter().map(Value::List).collect())
        }
        other => Some(vec![other.clone()]),
    }
}

/// Each way so far followed by each option; `None` past `MAX_WAYS`.
fn product<T: Clone>(ways: Vec<Vec<T>>, options: &[Vec<T>]) -> Option<Vec<Vec<T>>> {
    if let [only] = options {
        return Some(
            ways.into_iter()
                .map(|mut way| {
                    way.extend(only.iter().cloned());
                    way
                })
                .collect(),
        );
    }
    if ways.len() * options.len() > MAX_WAYS {
        return None;
    }
    Some(
        ways.iter()
            .flat_map(|way| {
                options
                    .iter()
                    .map(move |option| way.iter().chain(option).cloned().collect())
            })
            .collect(),
    )
}
