//! Turns hcl-edit expressions into values. Literals (and strings and collections built from
//! them) are known; every other expression is an unknown that keeps its source text.
//! Evaluation of variables, locals and functions replaces the unknowns it can resolve.

use super::lines::LineIndex;
use crate::value::{Node, Unknown, Value};
use hcl::edit::Span as _;
use hcl::edit::expr::{Expression, ObjectKey};
use hcl::edit::template::{Element, Template};

pub fn expression(expr: &Expression, lines: &LineIndex) -> Node {
    let span = expr.span().map(|r| lines.span(r)).unwrap_or_default();
    Node::new(value(expr, lines), span)
}

fn value(expr: &Expression, lines: &LineIndex) -> Value {
    match expr {
        Expression::Null(_) => Value::Null,
        Expression::Bool(b) => Value::Bool(*b.value()),
        Expression::Number(n) => Value::Number(n.value().as_f64().unwrap_or(f64::NAN)),
        Expression::String(s) => Value::String(s.value().clone()),
        Expression::Array(items) => {
            Value::List(items.iter().map(|e| expression(e, lines)).collect())
        }
        Expression::Object(object) => Value::Map(
            object
                .iter()
                .map(|(k, v)| (object_key(k, lines), expression(v.expr(), lines)))
                .collect(),
        ),
        Expression::StringTemplate(t) => template(t, lines),
        Expression::HeredocTemplate(h) => template(&h.template, lines),
        Expression::Parenthesis(p) => value(p.inner(), lines),
        other => unknown(other.span(), lines),
    }
}

fn unknown(range: Option<std::ops::Range<usize>>, lines: &LineIndex) -> Value {
    let source = range
        .map(|r| lines.text(r).trim().to_string())
        .unwrap_or_default();
    Value::Unknown(Unknown { source })
}

/// Object keys are names, strings, or (rarely) expressions in parentheses.
fn object_key(key: &ObjectKey, lines: &LineIndex) -> String {
    match key {
        ObjectKey::Ident(ident) => ident.as_str().to_string(),
        ObjectKey::Expression(expr) => match value(expr, lines) {
            Value::String(s) => s,
            Value::Unknown(u) => u.as_text(),
            other => other.to_string(),
        },
    }
}

/// A template that is exactly one interpolation (`"${var.x}"`) is that expression's value, as in
/// Terraform. Otherwise the literal parts are kept and each interpolation or directive is written
/// as its source text, so the string is known and its unknown parts read `${source}`.
fn template(template: &Template, lines: &LineIndex) -> Value {
    let elements: Vec<&Element> = template.iter().collect();
    if let [Element::Interpolation(interp)] = elements.as_slice() {
        return value(&interp.expr, lines);
    }
    let mut text = String::new();
    for element in elements {
        match element {
            Element::Literal(literal) => text.push_str(literal.value()),
            other => {
                if let Some(range) = other.span() {
                    text.push_str(lines.text(range));
                }
            }
        }
    }
    Value::String(text)
}
