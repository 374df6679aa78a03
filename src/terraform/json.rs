//! Reads a `.tf.json` file (Terraform's JSON syntax) into resources.
//!
//! JSON is parsed as an HCL object expression: HCL accepts `"key": value`, and Terraform's JSON
//! syntax treats strings as templates (`"${var.x}"`) just as HCL does, so one parser gives both
//! the semantics and a line for every value.

use super::lines::LineIndex;
use super::literal;
use super::resource::{BlockKind, FileError, Resource};
use crate::value::{Node, Value};
use std::sync::Arc;

pub fn parse(file: &Arc<str>, src: &str) -> Result<Vec<Resource>, FileError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let error = |line: u32, column: u32, message: String| FileError {
        file: file.to_string(),
        line,
        column,
        message,
    };
    // serde_json first: it is the authority on what is valid JSON, with a precise position.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(src) {
        return Err(error(
            e.line() as u32,
            e.column() as u32,
            format!("invalid JSON: {e}"),
        ));
    }
    // The expression parser stops at the end of the value and rejects a trailing newline; trimming
    // the end keeps every offset, and so every line, as it was.
    let expr = hcl::edit::parser::parse_expr(src.trim_end()).map_err(|e| {
        let loc = e.location();
        error(
            loc.line() as u32,
            loc.column() as u32,
            format!("invalid Terraform JSON: {}", e.message()),
        )
    })?;
    let lines = LineIndex::new(src);
    let root = literal::expression(&expr, &lines);
    let Value::Map(sections) = root.value else {
        return Err(error(
            1,
            1,
            "a Terraform JSON file must hold one object".into(),
        ));
    };
    let mut resources = Vec::new();
    for (section, node) in &sections {
        match section.as_str() {
            "resource" => typed_blocks(node, BlockKind::Managed, file, &mut resources),
            "data" => typed_blocks(node, BlockKind::Data, file, &mut resources),
            "module" => {
                for (name, body) in entries(node) {
                    resources.push(Resource::new(
                        BlockKind::Module,
                        "module",
                        name,
                        file.clone(),
                        body.span,
                        body.clone(),
                    ));
                }
            }
            "provider" => {
                for (provider, body) in entries(node) {
                    let alias = match body.value.get("alias").map(|a| &a.value) {
                        Some(Value::String(s)) => s.as_str(),
                        _ => "",
                    };
                    resources.push(Resource::new(
                        BlockKind::Provider,
                        provider,
                        alias,
                        file.clone(),
                        body.span,
                        body.clone(),
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(resources)
}

/// `{"aws_s3_bucket": {"name": {...}}}`: type, then name, then body.
fn typed_blocks(node: &Node, kind: BlockKind, file: &Arc<str>, out: &mut Vec<Resource>) {
    for (resource_type, by_name) in entries(node) {
        for (name, body) in entries(by_name) {
            out.push(Resource::new(
                kind,
                resource_type,
                name,
                file.clone(),
                body.span,
                body.clone(),
            ));
        }
    }
}

/// The entries of an object. Terraform also accepts an array of objects wherever an object of
/// blocks is expected, and a name may map to an array of bodies; both are flattened.
fn entries(node: &Node) -> Vec<(&str, &Node)> {
    let mut out = Vec::new();
    match &node.value {
        Value::Map(map) => {
            for (key, value) in map {
                match &value.value {
                    Value::List(items) => out.extend(items.iter().map(|item| (key.as_str(), item))),
                    _ => out.push((key.as_str(), value)),
                }
            }
        }
        Value::List(items) => {
            for item in items {
                out.extend(entries(item));
            }
        }
        _ => {}
    }
    out
}
