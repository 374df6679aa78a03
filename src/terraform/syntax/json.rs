//! Reads a `.tf.json` file (Terraform's JSON syntax).
//!
//! JSON is parsed as an HCL object expression: HCL accepts `"key": value`, and Terraform's JSON
//! syntax treats strings as templates (`"${var.x}"`) just as HCL does, so one parser gives both
//! the semantics and a line for every value.

use super::declarations::BodyRef;
use super::declarations::Constraint;
use super::declarations::{BlockDecl, Declarations, VariableDecl};
use super::source::SourceFile;
use crate::terraform::resource::BlockKind;
use hcl::edit::Span as _;
use hcl::edit::expr::{Expression, ObjectKey};

/// The file's single object, or an error with its position.
pub fn parse(src: &str) -> Result<Expression, (u32, u32, String)> {
    // serde_json first: it is the authority on what is valid JSON, with a precise position.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(src) {
        return Err((
            e.line() as u32,
            e.column() as u32,
            format!("invalid JSON: {e}"),
        ));
    }
    // The expression parser stops at the end of the value and rejects a trailing newline;
    // trimming the end keeps every offset, and so every line, as it was.
    // The expression parser rejects leading whitespace too, which JSON allows: the root
    // object's brace moves to the front, so every byte inside it keeps its offset.
    let start = src.len() - src.trim_start().len();
    let moved;
    let text = if start > 0 && src[start..].starts_with('{') {
        moved = format!("{{{}{}", &src[..start], &src[start + 1..]);
        moved.trim_end()
    } else {
        src.trim_end()
    };
    let expr = hcl::edit::parser::parse_expr(text).map_err(|e| {
        let loc = e.location();
        (
            loc.line() as u32,
            loc.column() as u32,
            format!("invalid Terraform JSON: {}", e.message()),
        )
    })?;
    match expr {
        Expression::Object(_) => Ok(expr),
        _ => Err((1, 1, "a Terraform JSON file must hold one object".into())),
    }
}

pub fn declarations<'t>(root: &'t Expression, file: &SourceFile) -> Declarations<'t> {
    let mut out = Declarations::default();
    for (section, value) in entries(root) {
        match section.as_str() {
            "variable" => {
                for (name, decl) in bodies(value) {
                    out.variables.push(VariableDecl {
                        name,
                        default: field(decl, "default"),
                        ty: Constraint::of(field(decl, "type"), field(decl, "nullable")),
                    });
                }
            }
            "locals" => out.locals.extend(entries(value)),
            "output" => {
                for (name, decl) in bodies(value) {
                    if let Some(value) = field(decl, "value") {
                        out.outputs.push((name, value));
                    }
                }
            }
            "resource" => typed_blocks(value, BlockKind::Managed, file, &mut out),
            "data" => typed_blocks(value, BlockKind::Data, file, &mut out),
            "module" => {
                for (name, body) in bodies(value) {
                    out.blocks
                        .push(block(BlockKind::Module, "module", &name, body, file));
                }
            }
            "provider" => {
                for (provider, body) in bodies(value) {
                    out.blocks
                        .push(block(BlockKind::Provider, &provider, "", body, file));
                }
            }
            _ => {}
        }
    }
    out
}

fn block<'t>(
    kind: BlockKind,
    resource_type: &str,
    name: &str,
    body: &'t Expression,
    file: &SourceFile,
) -> BlockDecl<'t> {
    BlockDecl {
        kind,
        resource_type: resource_type.to_string(),
        name: name.to_string(),
        span: file.span(body.span()),
        body: BodyRef::Json(body),
    }
}

/// `{"aws_s3_bucket": {"name": {...}}}`: type, then name, then body.
fn typed_blocks<'t>(
    value: &'t Expression,
    kind: BlockKind,
    file: &SourceFile,
    out: &mut Declarations<'t>,
) {
    for (resource_type, by_name) in bodies(value) {
        for (name, body) in bodies(by_name) {
            out.blocks
                .push(block(kind, &resource_type, &name, body, file));
        }
    }
}

fn field<'t>(object: &'t Expression, name: &str) -> Option<&'t Expression> {
    entries(object)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// The entries of an object; Terraform also accepts an array of objects wherever an object is
/// expected (`"locals": [{...}, {...}]`).
fn entries(expr: &Expression) -> Vec<(String, &Expression)> {
    match expr {
        Expression::Object(object) => object
            .iter()
            .map(|(key, value)| (key_text(key), value.expr()))
            .collect(),
        Expression::Array(items) => items.iter().flat_map(entries).collect(),
        _ => Vec::new(),
    }
}

/// Entries whose values are block bodies: a name may map to an array of bodies.
fn bodies(expr: &Expression) -> Vec<(String, &Expression)> {
    let mut out = Vec::new();
    for (key, value) in entries(expr) {
        match value {
            Expression::Array(items) => out.extend(items.iter().map(|item| (key.clone(), item))),
            other => out.push((key, other)),
        }
    }
    out
}

/// An object key's name as written: an identifier or a string, else its text.
pub(super) fn key_text(key: &ObjectKey) -> String {
    match key {
        ObjectKey::Ident(ident) => ident.as_str().to_string(),
        ObjectKey::Expression(Expression::String(s)) => s.value().clone(),
        ObjectKey::Expression(other) => other.to_string().trim().trim_matches('"').to_string(),
    }
}
