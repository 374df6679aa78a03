//! JSON as Go's encoder writes it, which Terraform's `jsonencode` and the AWS provider's
//! policy documents follow byte for byte: the evaluator's `jsonencode` and `format("%v")` and
//! the policy-document renderer share it.

use crate::value::{Value, number_text};

/// How JSON is laid out.
#[derive(Clone, Copy)]
pub struct JsonStyle {
    /// `None` for compact output.
    pub indent: Option<&'static str>,
    /// Terraform's `jsonencode` sorts keys; a policy document keeps the provider's field order.
    pub sort_keys: bool,
}

/// Compact JSON with sorted keys, as Terraform's `jsonencode` writes it.
pub fn json(value: &Value) -> String {
    json_with(
        value,
        JsonStyle {
            indent: None,
            sort_keys: true,
        },
    )
}

/// JSON as Go's encoder writes it, which Terraform's and the AWS provider's output follow.
pub fn json_with(value: &Value, style: JsonStyle) -> String {
    let mut out = String::new();
    write_json(value, style, 0, &mut out);
    out
}

fn write_json(value: &Value, style: JsonStyle, depth: usize, out: &mut String) {
    let indent = style.indent;
    let newline = |out: &mut String, depth: usize| {
        if let Some(unit) = indent {
            out.push('\n');
            out.push_str(&unit.repeat(depth));
        }
    };
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_text(n)),
        Value::String(s) => json_string(s, out),
        Value::Unknown(u) => json_string(&u.rendered(), out),
        Value::List(items) if items.is_empty() => out.push_str("[]"),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                write_json(&item.value, style, depth + 1, out);
            }
            newline(out, depth);
            out.push(']');
        }
        Value::Map(entries) if entries.is_empty() => out.push_str("{}"),
        Value::Map(entries) => {
            let entries = if style.sort_keys {
                let mut entries = entries.to_vec();
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                entries
            } else {
                entries.clone()
            };
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                json_string(key, out);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_json(&item.value, style, depth + 1, out);
            }
            newline(out, depth);
            out.push('}');
        }
    }
}

/// Go's JSON string escaping, which Terraform's output follows byte for byte.
fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
