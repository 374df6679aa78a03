//! `data "aws_iam_policy_document"` rendered into the policy the AWS provider produces:
//! statements merged with `source_policy_documents` and `override_policy_documents` by `sid`, a
//! single value as a string and several as a list in the provider's order, principals and
//! conditions as maps. The text is compact JSON with sorted keys, as Terraform's `jsonencode`
//! writes it, not the provider's indented `json` (docs/evaluation.md, "Policy documents").

use crate::terraform::eval::json_text::json;
use crate::value::{Node, Unknown, Value};

/// The policy JSON for a document block's evaluated body (or the reason it cannot be known).
pub fn render(body: &Value) -> Result<String, Box<Unknown>> {
    let mut statements: Vec<Value> = Vec::new();
    for source in documents(body.get("source_policy_documents"))? {
        merge(&mut statements, source);
    }
    merge(
        &mut statements,
        blocks(body.get("statement"))
            .iter()
            .map(statement)
            .collect(),
    );
    for overriding in documents(body.get("override_policy_documents"))? {
        merge(&mut statements, overriding);
    }
    let mut doc = Vec::new();
    let version = text(body.get("version")).unwrap_or_else(|| "2012-10-17".into());
    doc.push(("Version".to_string(), Node::bare(Value::String(version))));
    if let Some(id) = text(body.get("policy_id")) {
        doc.push(("Id".to_string(), Node::bare(Value::String(id))));
    }
    if !statements.is_empty() {
        doc.push((
            "Statement".to_string(),
            Node::bare(Value::List(
                statements.into_iter().map(Node::bare).collect(),
            )),
        ));
    }
    // One line, so that a pattern whose `.` stops at a newline reads all of it, and the same
    // text as `jsonencode` gives for the same policy, so that one rule reads both.
    Ok(json(&Value::Map(doc)))
}

/// A statement with a `Sid` that is already there replaces it; others are appended.
fn merge(statements: &mut Vec<Value>, incoming: Vec<Value>) {
    for statement in incoming {
        let sid = statement.get("Sid").and_then(|n| match &n.value {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            _ => None,
        });
        let existing = sid.as_ref().and_then(|sid| {
            statements.iter().position(|s| {
                s.get("Sid")
                    .is_some_and(|n| n.value == Value::String(sid.clone()))
            })
        });
        match existing {
            Some(i) => statements[i] = statement,
            None => statements.push(statement),
        }
    }
}

/// The statements of other documents, given as JSON text.
fn documents(value: Option<&Node>) -> Result<Vec<Vec<Value>>, Box<Unknown>> {
    let Some(node) = value else {
        return Ok(Vec::new());
    };
    let items = match &node.value {
        Value::List(items) => items.clone(),
        Value::Unknown(u) => return Err(u.clone()),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for item in items {
        match &item.value {
            Value::String(text) => {
                let parsed: serde_json::Value = serde_json::from_str(text).map_err(|e| {
                    Unknown::new(
                        text.clone(),
                        format!("a source policy document that is not JSON ({e})"),
                    )
                })?;
                let statements = match Value::from_json(&parsed)
                    .get("Statement")
                    .map(|n| n.value.clone())
                {
                    Some(Value::List(items)) => items.into_iter().map(|n| n.value).collect(),
                    Some(single @ Value::Map(_)) => vec![single],
                    _ => Vec::new(),
                };
                out.push(statements);
            }
            Value::Unknown(u) => return Err(u.clone()),
            _ => {}
        }
    }
    Ok(out)
}

fn blocks(value: Option<&Node>) -> Vec<Value> {
    match value.map(|n| &n.value) {
        Some(Value::List(items)) => items.iter().map(|n| n.value.clone()).collect(),
        Some(single @ Value::Map(_)) => vec![single.clone()],
        _ => Vec::new(),
    }
}

fn text(value: Option<&Node>) -> Option<String> {
    match value.map(|n| &n.value) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Unknown(u)) => Some(u.rendered()),
        _ => None,
    }
}

/// One `statement` block as the provider writes it (the text sorts its fields).
fn statement(block: &Value) -> Value {
    let mut out: Vec<(String, Node)> = Vec::new();
    let mut put = |key: &str, value: Value| out.push((key.to_string(), Node::bare(value)));
    if let Some(sid) = text(block.get("sid")) {
        put("Sid", Value::String(sid));
    }
    put(
        "Effect",
        Value::String(text(block.get("effect")).unwrap_or_else(|| "Allow".into())),
    );
    for (field, key) in [
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ] {
        if let Some(list) = string_list(block.get(field)) {
            put(key, list);
        }
    }
    for (field, key) in [
        ("principals", "Principal"),
        ("not_principals", "NotPrincipal"),
    ] {
        if let Some(principals) = principals(block.get(field)) {
            put(key, principals);
        }
    }
    if let Some(conditions) = conditions(block.get("condition")) {
        put("Condition", conditions);
    }
    Value::Map(out)
}

/// One value as a string, several as a list in reverse lexical order (the provider's order);
/// an unknown list keeps its `${source}` text.
fn string_list(value: Option<&Node>) -> Option<Value> {
    let items: Vec<String> = match &value?.value {
        Value::List(items) => items
            .iter()
            .filter_map(|n| text(Some(n)).or_else(|| scalar(&n.value)))
            .collect(),
        Value::Unknown(u) => vec![u.rendered()],
        other => vec![scalar(other)?],
    };
    decoded(items)
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.text()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn decoded(mut items: Vec<String>) -> Option<Value> {
    items.dedup();
    match items.len() {
        0 => None,
        1 => Some(Value::String(items.remove(0))),
        _ => {
            items.sort_by(|a, b| b.cmp(a));
            items.dedup();
            Some(Value::List(
                items
                    .into_iter()
                    .map(|s| Node::bare(Value::String(s)))
                    .collect(),
            ))
        }
    }
}

/// `{"Service": "lambda.amazonaws.com"}`; a `*` principal of type `*` is the string `"*"`.
/// Blocks of one type are joined in block order, each block's identifiers in the provider's
/// order.
fn principals(value: Option<&Node>) -> Option<Value> {
    let mut by_type: Vec<Keyed> = Vec::new();
    for block in blocks(value) {
        let kind = text(block.get("type")).unwrap_or_default();
        let ids = string_list(block.get("identifiers"));
        match by_type.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, existing)) => *existing = joined(existing.take(), ids),
            None => by_type.push((kind, ids)),
        }
    }
    if let [(kind, Some(Value::String(id)))] = by_type.as_slice()
        && kind == "*"
        && id == "*"
    {
        return Some(Value::String("*".into()));
    }
    keyed(by_type)
}

/// `{"StringEquals": {"aws:SourceAccount": "123"}}`, tests and variables in key order.
fn conditions(value: Option<&Node>) -> Option<Value> {
    let mut by_test: Vec<(String, Vec<Keyed>)> = Vec::new();
    for block in blocks(value) {
        let test = text(block.get("test")).unwrap_or_default();
        let variable = text(block.get("variable")).unwrap_or_default();
        let values = string_list(block.get("values"));
        let variables = match by_test.iter().position(|(t, _)| *t == test) {
            Some(i) => &mut by_test[i].1,
            None => {
                by_test.push((test, Vec::new()));
                &mut by_test.last_mut().expect("just pushed").1
            }
        };
        match variables.iter_mut().find(|(v, _)| *v == variable) {
            Some((_, existing)) => *existing = joined(existing.take(), values),
            None => variables.push((variable, values)),
        }
    }
    let tests = by_test
        .into_iter()
        .filter_map(|(test, vars)| Some((test, keyed(vars)?)))
        .map(|(t, v)| (t, Some(v)))
        .collect();
    keyed(tests)
}

/// A key and its decoded value (a string, or a list in the provider's order).
type Keyed = (String, Option<Value>);

/// Two decoded values of one key, joined into a list.
fn joined(a: Option<Value>, b: Option<Value>) -> Option<Value> {
    let items = |v: Option<Value>| match v {
        Some(Value::List(items)) => items,
        Some(other) => vec![Node::bare(other)],
        None => Vec::new(),
    };
    let all: Vec<Node> = items(a).into_iter().chain(items(b)).collect();
    (!all.is_empty()).then_some(Value::List(all))
}

/// A map in key order (Go writes map keys sorted), without empty entries.
fn keyed(mut entries: Vec<Keyed>) -> Option<Value> {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let kept: Vec<(String, Node)> = entries
        .into_iter()
        .filter_map(|(k, v)| Some((k, Node::bare(v?))))
        .collect();
    (!kept.is_empty()).then_some(Value::Map(kept))
}
