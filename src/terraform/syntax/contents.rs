//! Each definition of one version of a file, with its content in a form that ignores layout
//! and comments: what the pull-request scope compares between a file's two versions to tell
//! which definitions a change altered. Named as `references` names what reads them.

use super::declarations::{BodyRef, Declarations, ParsedFile, Syntax};
use super::json::key_text;
use super::parse::{declarations, parse_text};
use super::references::{self, CALL_META_ARGUMENTS, Name};
use crate::terraform::resource::BlockKind;
use hcl::edit::expr::Expression;
use hcl::edit::structure::{Body, Structure};

/// One definition of one version of a file, with its content in a form that ignores layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Defined {
    pub name: Name,
    /// A variable's or an output's `description` is not content.
    pub content: String,
    /// For a managed resource: what each top-level attribute reads (relations).
    pub attributes: Vec<(String, Vec<Name>)>,
    /// For a module call's instances: its `source`, when it is a string.
    pub source: Option<String>,
}

/// Whether a file is one of the tfvars files Terraform reads in a root module's folder.
pub fn is_tfvars(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name == "terraform.tfvars"
        || name == "terraform.tfvars.json"
        || name.ends_with(".auto.tfvars")
        || name.ends_with(".auto.tfvars.json")
}

/// Every definition of one version of a file.
pub fn defined(path: &str, text: &str) -> Result<Vec<Defined>, String> {
    let (source, syntax) = parse_text(path.into(), text.to_string())
        .map_err(|e| format!("line {}: {}", e.line, e.message))?;
    if is_tfvars(path) {
        return Ok(tfvars_entries(&syntax));
    }
    let file = ParsedFile {
        source,
        syntax,
        targeted: true,
    };
    let decls = declarations(&file);
    Ok(of_declarations(&decls))
}

/// A tfvars file's entries: each sets the variable of its name.
fn tfvars_entries(syntax: &Syntax) -> Vec<Defined> {
    let entry = |name: String, expr: &Expression| Defined {
        name: Name::Variable(name),
        content: content(expr),
        attributes: Vec::new(),
        source: None,
    };
    match syntax {
        Syntax::Hcl(body) => body
            .iter()
            .map(|structure| match structure {
                Structure::Attribute(a) => entry(a.key.as_str().to_string(), &a.value),
                // Terraform rejects blocks in a tfvars file; one still counts as content.
                Structure::Block(b) => Defined {
                    name: Name::Variable(b.ident.as_str().to_string()),
                    content: body_content(&b.body),
                    attributes: Vec::new(),
                    source: None,
                },
            })
            .collect(),
        Syntax::Json(Expression::Object(object)) => object
            .iter()
            .map(|(key, value)| entry(key_text(key), value.expr()))
            .collect(),
        Syntax::Json(other) => vec![entry(String::new(), other)],
    }
}

/// The definitions of a module file, named as `references` names what reads them.
fn of_declarations(decls: &Declarations) -> Vec<Defined> {
    let mut out = Vec::new();
    let plain = |name: Name, content: String| Defined {
        name,
        content,
        attributes: Vec::new(),
        source: None,
    };
    for variable in &decls.variables {
        let parts = [
            variable.default,
            variable.ty.and_then(|c| c.ty),
            variable.ty.and_then(|c| c.nullable),
        ];
        let content = parts
            .iter()
            .map(|p| p.map(content).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\u{0}");
        out.push(plain(Name::Variable(variable.name.clone()), content));
    }
    for (name, expr) in &decls.locals {
        out.push(plain(Name::Local(name.clone()), content(expr)));
    }
    for (name, expr) in &decls.outputs {
        out.push(plain(Name::Output(name.clone()), content(expr)));
    }
    // What each resource's attributes read, as the scan records it.
    let read = references::definitions(std::slice::from_ref(decls));
    for block in &decls.blocks {
        match block.kind {
            BlockKind::Managed => {
                let name = Name::Managed(block.resource_type.clone(), block.name.clone());
                let attributes = read
                    .iter()
                    .find(|d| d.name == name)
                    .map(|d| d.attributes.clone())
                    .unwrap_or_default();
                out.push(Defined {
                    name,
                    content: block_content(block.body),
                    attributes,
                    source: None,
                });
            }
            BlockKind::Data => out.push(plain(
                Name::Data(block.resource_type.clone(), block.name.clone()),
                block_content(block.body),
            )),
            BlockKind::Provider => out.push(plain(
                Name::Provider(block.resource_type.clone()),
                block_content(block.body),
            )),
            BlockKind::Module => {
                let mut instances = Vec::new();
                for (key, text) in entries(block.body) {
                    if CALL_META_ARGUMENTS.contains(&key.as_str()) {
                        instances.push(format!("{key}={text}"));
                    } else {
                        out.push(plain(Name::CallArgument(block.name.clone(), key), text));
                    }
                }
                instances.sort();
                let mut call = plain(
                    Name::CallInstances(block.name.clone()),
                    instances.join("\u{0}"),
                );
                call.source = call_source(block.body);
                out.push(call);
            }
        }
    }
    out
}

/// A `module` block's `source`, when it is a string.
fn call_source(body: BodyRef) -> Option<String> {
    let expr = match body {
        BodyRef::Hcl(body) => body.get_attribute("source").map(|a| &a.value),
        BodyRef::Json(Expression::Object(object)) => object
            .iter()
            .find(|(key, _)| key_text(key) == "source")
            .map(|(_, value)| value.expr()),
        BodyRef::Json(_) => None,
    };
    match expr {
        Some(Expression::String(s)) => Some(s.value().clone()),
        _ => None,
    }
}

/// A module block's entries, each with its content.
fn entries(body: BodyRef) -> Vec<(String, String)> {
    match body {
        BodyRef::Hcl(body) => body
            .iter()
            .map(|structure| match structure {
                Structure::Attribute(a) => (a.key.as_str().to_string(), content(&a.value)),
                Structure::Block(b) => (b.ident.as_str().to_string(), body_content(&b.body)),
            })
            .collect(),
        BodyRef::Json(Expression::Object(object)) => object
            .iter()
            .map(|(key, value)| (key_text(key), content(value.expr())))
            .collect(),
        BodyRef::Json(other) => vec![(String::new(), content(other))],
    }
}

/// An expression's content: its parsed form, without comments or layout.
fn content(expr: &Expression) -> String {
    format!("{:?}", hcl::Expression::from(expr.clone()))
}

fn body_content(body: &Body) -> String {
    format!("{:?}", hcl::Body::from(body.clone()))
}

fn block_content(body: BodyRef) -> String {
    match body {
        BodyRef::Hcl(body) => body_content(body),
        BodyRef::Json(expr) => content(expr),
    }
}
