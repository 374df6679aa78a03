//! Encoders and decoders, with Terraform's exact output: `jsonencode` writes keys sorted and
//! compact, escaping `<`, `>` and `&` as Go does; `yamlencode` writes block style with every
//! string quoted. Unknown leaves are written with `Unknown::rendered`.

use super::{arity, sorted, string};
use crate::terraform::eval::Eval;
use crate::terraform::eval::json_text::json;
use crate::value::{Node, Value, number_text};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

pub(super) fn call(name: &str, args: &[Value]) -> Option<Eval> {
    Some(match name {
        "jsonencode" => arity(args, 1, 1).and_then(|_| {
            // JSON has no infinities; cty refuses them.
            if has_infinity(&args[0]) {
                return Err("cannot serialize infinity as JSON".into());
            }
            Ok(Value::String(json(&args[0])))
        }),
        "jsondecode" => jsondecode(args),
        "yamlencode" => arity(args, 1, 1).map(|_| Value::String(yaml(&args[0]))),
        "base64encode" => {
            arity(args, 1, 1).and_then(|_| Ok(Value::String(STANDARD.encode(string(&args[0])?))))
        }
        "base64decode" => base64decode(args),
        "urlencode" => {
            arity(args, 1, 1).and_then(|_| Ok(Value::String(urlencode(&string(&args[0])?))))
        }
        _ => return None,
    })
}

fn jsondecode(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    let text = string(&args[0])?;
    let parsed: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("invalid JSON: {e}"))?;
    Ok(Value::from_json(&parsed))
}

fn base64decode(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    let bytes = STANDARD
        .decode(string(&args[0])?)
        .map_err(|e| format!("invalid base64: {e}"))?;
    String::from_utf8(bytes)
        .map(Value::String)
        .map_err(|_| "the decoded bytes are not UTF-8".into())
}

fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// YAML as Terraform's `yamlencode` writes it: block style, keys sorted and quoted, strings
/// quoted, multi-line strings as literal blocks.
pub fn yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Map(entries) if !entries.is_empty() => yaml_map(entries, 0, &mut out),
        Value::List(items) if !items.is_empty() => yaml_list(items, 0, &mut out),
        scalar => {
            out.push_str(&yaml_scalar(scalar, 0));
            out.push('\n');
        }
    }
    out
}

fn yaml_map(entries: &[(String, Node)], indent: usize, out: &mut String) {
    for (i, (key, node)) in sorted(entries).iter().enumerate() {
        // The first key of a map inside a list item follows its `- ` on the same line.
        if i > 0 || !out.ends_with("- ") {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&yaml_quoted(key));
        out.push(':');
        yaml_value(&node.value, indent, indent + 2, out);
    }
}

fn yaml_list(items: &[Node], indent: usize, out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !out.ends_with("- ") {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str("- ");
        match &item.value {
            Value::Map(entries) if !entries.is_empty() => yaml_map(entries, indent + 2, out),
            Value::List(inner) if !inner.is_empty() => yaml_list(inner, indent + 2, out),
            scalar => {
                out.push_str(&yaml_scalar(scalar, indent + 2));
                out.push('\n');
            }
        }
    }
}

/// A value after `key:`. Nested maps indent; lists under a key do not (go-yaml's style).
fn yaml_value(value: &Value, list_indent: usize, map_indent: usize, out: &mut String) {
    match value {
        Value::Map(entries) if !entries.is_empty() => {
            out.push('\n');
            yaml_map(entries, map_indent, out);
        }
        Value::List(items) if !items.is_empty() => {
            out.push('\n');
            yaml_list(items, list_indent, out);
        }
        scalar => {
            out.push(' ');
            out.push_str(&yaml_scalar(scalar, map_indent));
            out.push('\n');
        }
    }
}

fn has_infinity(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.is_infinite(),
        Value::List(items) => items.iter().any(|n| has_infinity(&n.value)),
        Value::Map(entries) => entries.iter().any(|(_, n)| has_infinity(&n.value)),
        _ => false,
    }
}

fn yaml_scalar(value: &Value, indent: usize) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_text(n),
        Value::String(s) if s.contains('\n') => yaml_block(s, indent),
        Value::String(s) => yaml_quoted(s),
        Value::Unknown(u) => yaml_quoted(&u.rendered()),
        Value::List(_) => "[]".into(),
        Value::Map(_) => "{}".into(),
    }
}

/// `|-` (no final newline), `|` (one) or `|+` (more), then the lines indented.
fn yaml_block(s: &str, indent: usize) -> String {
    let body = s.trim_end_matches('\n');
    let trailing = s.len() - body.len();
    let chomp = match trailing {
        0 => "|-",
        1 => "|",
        _ => "|+",
    };
    let pad = " ".repeat(indent.max(2));
    let mut out = chomp.to_string();
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    for _ in 1..trailing {
        out.push('\n');
    }
    out
}

fn yaml_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
