//! Reads a `.tf` file into resources, keeping the line of every block and attribute.

use super::for_newlines;
use super::lines::LineIndex;
use super::literal;
use super::resource::{BlockKind, FileError, Resource};
use crate::value::{Node, Value};
use hcl::edit::Span as _;
use hcl::edit::structure::{Block, Body, Structure};
use std::sync::Arc;

pub fn parse(file: &Arc<str>, src: &str) -> Result<Vec<Resource>, FileError> {
    // hcl-edit fails at 1:1 on a byte-order mark; editors on Windows write one.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let body = parse_body(src).map_err(|e| FileError {
        file: file.to_string(),
        line: e.location().line() as u32,
        column: e.location().column() as u32,
        message: format!("invalid HCL: {}", e.message()),
    })?;
    // Lines and source text come from the original: the fallback below keeps every offset.
    let lines = LineIndex::new(src);
    Ok(body
        .blocks()
        .filter_map(|block| top_level_resource(block, file, &lines))
        .collect())
}

/// Parses a body; on failure, retries with newlines joined inside `for` bodies, which Terraform
/// accepts and hcl-edit does not. The original error stands when the retry fails too.
fn parse_body(src: &str) -> Result<Body, hcl::edit::parser::Error> {
    hcl::edit::parser::parse_body(src).or_else(|error| {
        for_newlines::join_for_lines(src)
            .and_then(|joined| hcl::edit::parser::parse_body(&joined).ok())
            .ok_or(error)
    })
}

/// The top-level blocks that rules can select (RULES.md §2); the rest (variables, locals,
/// outputs, terraform, moved, import, check) are not resources.
fn top_level_resource(block: &Block, file: &Arc<str>, lines: &LineIndex) -> Option<Resource> {
    let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
    let (kind, resource_type, name) = match (block.ident.as_str(), labels.as_slice()) {
        ("resource", [t, n]) => (BlockKind::Managed, *t, n.to_string()),
        ("data", [t, n]) => (BlockKind::Data, *t, n.to_string()),
        ("module", [n]) => (BlockKind::Module, "module", n.to_string()),
        ("provider", [p]) => (BlockKind::Provider, *p, provider_alias(&block.body)),
        _ => return None,
    };
    let span = block.span().map(|r| lines.span(r)).unwrap_or_default();
    let body = Node::new(body_value(&block.body, lines), span);
    Some(Resource::new(
        kind,
        resource_type,
        &name,
        file.clone(),
        span,
        body,
    ))
}

fn provider_alias(body: &Body) -> String {
    match body.get_attribute("alias").map(|a| &a.value) {
        Some(hcl::edit::expr::Expression::String(s)) => s.value().clone(),
        _ => String::new(),
    }
}

/// A body is a map: attributes by name, nested blocks as a list per block type (as in
/// Terraform state), so `rule.0.transition` walks them.
fn body_value(body: &Body, lines: &LineIndex) -> Value {
    let mut entries: Vec<(String, Node)> = Vec::new();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attr) => {
                let mut node = literal::expression(&attr.value, lines);
                // The attribute's line is where its key is, which is where a user looks.
                if let Some(range) = attr.span() {
                    node.span = lines.span(range);
                }
                entries.push((attr.key.as_str().to_string(), node));
            }
            Structure::Block(block) => {
                let (block_type, node) = nested_block(block, lines);
                push_block(&mut entries, block_type, node);
            }
        }
    }
    Value::Map(entries)
}

/// A `dynamic "x"` block stands for the `x` blocks it generates: its `content` is their body,
/// and values that depend on the iterator stay unknown.
fn nested_block(block: &Block, lines: &LineIndex) -> (String, Node) {
    let span = block.span().map(|r| lines.span(r)).unwrap_or_default();
    let ident = block.ident.as_str();
    if ident == "dynamic"
        && let Some(label) = block.labels.first()
    {
        let content = block.body.get_blocks("content").next();
        let value = content.map_or(Value::Map(Vec::new()), |c| body_value(&c.body, lines));
        return (label.as_str().to_string(), Node::new(value, span));
    }
    (
        ident.to_string(),
        Node::new(body_value(&block.body, lines), span),
    )
}

fn push_block(entries: &mut Vec<(String, Node)>, block_type: String, node: Node) {
    if let Some((_, existing)) = entries.iter_mut().find(|(k, _)| *k == block_type)
        && let Value::List(blocks) = &mut existing.value
    {
        blocks.push(node);
        return;
    }
    let span = node.span;
    entries.push((block_type, Node::new(Value::List(vec![node]), span)));
}
