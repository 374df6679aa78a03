//! Blocks with a known `count` or `for_each`. A block stays one resource (docs/rules.md, "What a
//! rule applies to"), but Terraform knows each instance's `each.key`, `each.value` and
//! `count.index` before `plan`, so the body is evaluated once per instance and the results
//! merged: what every instance agrees on is known; what differs stays unknown, carrying each
//! instance's value as a candidate.

use crate::terraform::eval::{BodyRef, Evaluator, Scope, values_equal};
use crate::terraform::syntax::source::SourceFile;
use crate::value::{Node, Number, Value};
use hcl::edit::expr::Expression;

/// More instances than this are not expanded; the block is evaluated once, as written.
const MAX_INSTANCES: usize = 256;

/// What Terraform would create of a block before `plan`.
pub enum Instances {
    /// One resource as written: no `count` or `for_each`, one whose value is unknown, or more
    /// instances than are expanded.
    AsWritten,
    /// `count = 0` or a `for_each` over an empty collection: Terraform creates nothing, so the
    /// block is not judged.
    None,
    /// The binding of each instance: `each = {key, value}` or `count = {index}`.
    Each(Vec<(&'static str, Value)>),
}

pub fn instances(scope: &Scope, file: &SourceFile, body: BodyRef) -> Instances {
    let bindings = bindings(scope, file, body);
    match bindings {
        Some(bindings) if bindings.is_empty() => Instances::None,
        Some(bindings) => Instances::Each(bindings),
        None => Instances::AsWritten,
    }
}

/// The binding of each instance, `None` when the instances are not known (or too many).
fn bindings(scope: &Scope, file: &SourceFile, body: BodyRef) -> Option<Vec<(&'static str, Value)>> {
    let attribute = |name: &str| -> Option<Value> {
        let expr: &Expression = match body {
            BodyRef::Hcl(body) => &body.get_attribute(name)?.value,
            BodyRef::Json(_) => return None,
        };
        Some(Evaluator::new(scope, file).attribute(expr).value)
    };
    let instance = |key: Value, value: Value| {
        Value::Map(vec![
            ("key".into(), Node::bare(key)),
            ("value".into(), Node::bare(value)),
        ])
    };
    Some(match (attribute("for_each"), attribute("count")) {
        (Some(Value::Map(entries)), _) if entries.len() <= MAX_INSTANCES => entries
            .into_iter()
            .map(|(k, v)| ("each", instance(Value::String(k), v.value)))
            .collect(),
        // A set of strings: each key is its value.
        (Some(Value::List(items)), _)
            if items.len() <= MAX_INSTANCES
                && items.iter().all(|n| matches!(n.value, Value::String(_))) =>
        {
            items
                .into_iter()
                .map(|n| ("each", instance(n.value.clone(), n.value)))
                .collect()
        }
        (None, Some(Value::Number(n)))
            if n.to_i64()
                .is_some_and(|n| (0..=MAX_INSTANCES as i64).contains(&n)) =>
        {
            (0..n.to_i64().unwrap_or(0) as usize)
                .map(|i| {
                    let index = Node::bare(Value::Number(Number::count(i)));
                    ("count", Value::Map(vec![("index".into(), index)]))
                })
                .collect()
        }
        _ => return None,
    })
}

/// The body as written (`base`, where instance values are unknown) merged with the bodies of
/// the instances.
pub fn merge(base: Node, instances: &[Value]) -> Node {
    if instances.is_empty() {
        return base;
    }
    let refs: Vec<&Value> = instances.iter().collect();
    Node::new(merge_value(base.value, &refs), base.span)
}

fn merge_value(base: Value, instances: &[&Value]) -> Value {
    let agreed = instances
        .iter()
        .all(|v| v.first_unknown().is_none() && values_equal(v, instances[0]));
    match base {
        // Where every instance has the same known value, it is known.
        _ if agreed && !matches!(instances[0], Value::Map(_) | Value::List(_)) => {
            instances[0].clone()
        }
        Value::Map(entries) if instances.iter().all(|v| matches!(v, Value::Map(_))) => Value::Map(
            entries
                .into_iter()
                .map(|(key, node)| {
                    let values: Option<Vec<&Value>> = instances
                        .iter()
                        .map(|v| v.get(&key).map(|n| &n.value))
                        .collect();
                    let merged = match values {
                        Some(values) => merge_value(node.value, &values),
                        None => node.value,
                    };
                    (key, Node::new(merged, node.span))
                })
                .collect(),
        ),
        Value::List(items)
            if instances
                .iter()
                .all(|v| matches!(v, Value::List(l) if l.len() == items.len())) =>
        {
            Value::List(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, node)| {
                        let values: Vec<&Value> = instances
                            .iter()
                            .filter_map(|v| match v {
                                Value::List(l) => l.get(i).map(|n| &n.value),
                                _ => None,
                            })
                            .collect();
                        Node::new(merge_value(node.value, &values), node.span)
                    })
                    .collect(),
            )
        }
        Value::Unknown(mut unknown) => {
            unknown.candidates = instances.iter().map(|v| (*v).clone()).collect();
            Value::Unknown(unknown)
        }
        other => other,
    }
}
