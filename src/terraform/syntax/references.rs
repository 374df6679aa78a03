//! What each definition of a module reads, from its syntax alone: `var.region`, `local.tags`,
//! `module.naming.prefix`, `aws_s3_bucket.logs`. A change to a definition can alter the value of
//! everything that reads it, directly or through a chain, and nothing else; the pull-request
//! scope follows these reads (docs/usage.md, "What a change puts in scope").
//!
//! Every reference written in an expression counts, whichever branch of a conditional it is in
//! and whatever index follows it, so the reads are a superset of what an evaluation reads. A
//! reference whose target cannot be named (`var` alone, `data.x` with no name) reads
//! `Name::Anything`: the whole module.

use super::declarations::{BodyRef, Declarations};
use super::json::key_text;
use crate::terraform::resource::BlockKind;
use hcl::edit::expr::{Expression, ObjectKey, TraversalOperator};
use hcl::edit::structure::{Body, Structure};
use hcl::edit::template::{Directive, Element, Template};

/// Something a module defines, or reads, by the name its expressions use.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Name {
    /// `var.NAME`: the variable's value, whoever sets it.
    Variable(String),
    /// `local.NAME`.
    Local(String),
    /// `output "NAME"`: what the module's callers read.
    Output(String),
    /// A managed resource, `TYPE.NAME`.
    Managed(String, String),
    /// `data.TYPE.NAME`.
    Data(String, String),
    /// One argument of `module "CALL"`: the called module's variable of that name.
    CallArgument(String, String),
    /// What decides the instances of `module "CALL"` and where they come from: `count`,
    /// `for_each`, `source`, `version`, `providers`, `depends_on`.
    CallInstances(String),
    /// `module.CALL.OUTPUT`; `None` when the whole module object is read (`module.CALL`, or
    /// an output picked by an index).
    CallOutput(String, Option<String>),
    /// The configuration of a provider, by its local name (`aws`), whatever its alias: what
    /// it adds to the resources it manages (`default_tags`).
    Provider(String),
    /// The files the module's functions read (`file`, `templatefile`).
    Files,
    /// A reference riveter cannot name: everything the module defines.
    Anything,
}

impl Name {
    /// The name as Terraform code writes it: `var.region`, `module.naming.prefix`.
    pub fn written(&self) -> String {
        match self {
            Name::Variable(n) => format!("var.{n}"),
            Name::Local(n) => format!("local.{n}"),
            Name::Output(n) => format!("output.{n}"),
            Name::Managed(t, n) => format!("{t}.{n}"),
            Name::Data(t, n) => format!("data.{t}.{n}"),
            Name::CallArgument(call, arg) => format!("module.{call} argument {arg}"),
            Name::CallInstances(call) => format!("module.{call} (its count, for_each or source)"),
            Name::CallOutput(call, Some(output)) => format!("module.{call}.{output}"),
            Name::CallOutput(call, None) => format!("module.{call}"),
            Name::Provider(p) => format!("provider {p}"),
            Name::Files => "a function that reads files".into(),
            Name::Anything => "a reference riveter cannot follow".into(),
        }
    }
}

/// One definition and what it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub name: Name,
    pub reads: Vec<Name>,
    /// For a managed resource: what each of its top-level attributes reads (a nested or
    /// `dynamic` block under the type of block it makes), for the rules that read only some of
    /// them and the relations whose attribute refers to another resource. In Terraform's JSON
    /// syntax, `dynamic` is one entry for all its blocks.
    pub attributes: Vec<(String, Vec<Name>)>,
}

/// The arguments of a `module` block that are not the called module's variables.
pub const CALL_META_ARGUMENTS: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

/// Every definition of a module's files and what it reads.
pub fn definitions(files: &[Declarations]) -> Vec<Definition> {
    let mut out = Vec::new();
    for decls in files {
        for variable in &decls.variables {
            let mut reads = Vec::new();
            let constraint = variable.ty.iter().flat_map(|c| [c.ty, c.nullable]);
            for expr in std::iter::once(variable.default)
                .chain(constraint)
                .flatten()
            {
                expression(expr, &mut reads);
            }
            out.push(definition(Name::Variable(variable.name.clone()), reads));
        }
        for (name, expr) in &decls.locals {
            out.push(definition(Name::Local(name.clone()), of(expr)));
        }
        for (name, expr) in &decls.outputs {
            out.push(definition(Name::Output(name.clone()), of(expr)));
        }
        for block in &decls.blocks {
            match block.kind {
                BlockKind::Managed => {
                    let attributes: Vec<(String, Vec<Name>)> = entries(block.body)
                        .into_iter()
                        .map(|(key, reads)| match key.as_str() {
                            // `provider = aws.west` names a configuration, not a resource.
                            "provider" => (key, vec![provider_argument(block.body)]),
                            _ => (key, reads),
                        })
                        .collect();
                    let mut reads: Vec<Name> =
                        attributes.iter().flat_map(|(_, r)| r.clone()).collect();
                    reads.push(Name::Provider(provider_of(&block.resource_type)));
                    let mut found = definition(
                        Name::Managed(block.resource_type.clone(), block.name.clone()),
                        reads,
                    );
                    found.attributes = attributes;
                    out.push(found);
                }
                BlockKind::Data => out.push(definition(
                    Name::Data(block.resource_type.clone(), block.name.clone()),
                    body_reads(block.body),
                )),
                BlockKind::Provider => out.push(definition(
                    Name::Provider(block.resource_type.clone()),
                    body_reads(block.body),
                )),
                BlockKind::Module => {
                    let mut instances = Vec::new();
                    for (key, reads) in entries(block.body) {
                        if CALL_META_ARGUMENTS.contains(&key.as_str()) {
                            instances.extend(reads);
                        } else {
                            out.push(definition(
                                Name::CallArgument(block.name.clone(), key),
                                reads,
                            ));
                        }
                    }
                    out.push(definition(
                        Name::CallInstances(block.name.clone()),
                        instances,
                    ));
                }
            }
        }
    }
    out
}

fn definition(name: Name, mut reads: Vec<Name>) -> Definition {
    reads.sort();
    reads.dedup();
    Definition {
        name,
        reads,
        attributes: Vec::new(),
    }
}

/// The provider a resource type belongs to when its block names none: `aws` for
/// `aws_s3_bucket`. A `provider` argument is a reference and is read as one.
fn provider_of(resource_type: &str) -> String {
    resource_type
        .split_once('_')
        .map_or(resource_type, |(p, _)| p)
        .to_string()
}

/// The configuration a `provider` argument names: `aws` for `aws.west`, `aws` or `"aws.west"`
/// (Terraform's JSON syntax).
fn provider_argument(body: BodyRef) -> Name {
    let written = match body {
        BodyRef::Hcl(body) => body.get_attribute("provider").map(|a| &a.value),
        BodyRef::Json(Expression::Object(object)) => object
            .iter()
            .find(|(key, _)| key_text(key) == "provider")
            .map(|(_, value)| value.expr()),
        BodyRef::Json(_) => None,
    };
    let name = match written {
        Some(Expression::Variable(name)) => Some(name.as_str().to_string()),
        Some(Expression::Traversal(t)) => match &t.expr {
            Expression::Variable(name) => Some(name.as_str().to_string()),
            _ => None,
        },
        Some(Expression::String(s)) => s.value().split('.').next().map(str::to_string),
        _ => None,
    };
    name.map_or(Name::Anything, Name::Provider)
}

/// A block body's top-level entries, each with what it reads; a nested block (`dynamic`,
/// `versioning`) is an entry under its type.
fn entries(body: BodyRef) -> Vec<(String, Vec<Name>)> {
    match body {
        BodyRef::Hcl(body) => body
            .iter()
            .map(|structure| match structure {
                Structure::Attribute(a) => (a.key.as_str().to_string(), of(&a.value)),
                Structure::Block(b) => {
                    let mut reads = Vec::new();
                    block_body(&b.body, &mut reads);
                    // `dynamic "ingress"` makes `ingress` blocks: the attribute it sets.
                    let label = b.labels.first().map(|l| l.as_str());
                    match (b.ident.as_str(), label) {
                        ("dynamic", Some(label)) => (label.to_string(), reads),
                        (ident, _) => (ident.to_string(), reads),
                    }
                }
            })
            .collect(),
        BodyRef::Json(Expression::Object(object)) => object
            .iter()
            .map(|(key, value)| {
                let mut reads = Vec::new();
                if let ObjectKey::Expression(key) = key {
                    expression(key, &mut reads);
                }
                let name = key_text(key);
                expression(value.expr(), &mut reads);
                (name, reads)
            })
            .collect(),
        // Terraform's JSON syntax also takes an array of bodies.
        BodyRef::Json(other) => vec![(String::new(), of(other))],
    }
}

/// Everything a block body reads.
pub fn body_reads(body: BodyRef) -> Vec<Name> {
    let mut reads = Vec::new();
    match body {
        BodyRef::Hcl(body) => block_body(body, &mut reads),
        BodyRef::Json(expr) => expression(expr, &mut reads),
    }
    reads
}

/// Everything an expression reads.
pub fn of(expr: &Expression) -> Vec<Name> {
    let mut reads = Vec::new();
    expression(expr, &mut reads);
    reads
}

fn block_body(body: &Body, reads: &mut Vec<Name>) {
    for structure in body.iter() {
        match structure {
            Structure::Attribute(a) => expression(&a.value, reads),
            Structure::Block(b) => block_body(&b.body, reads),
        }
    }
}

/// The functions that read files: a change to a file the module reads reaches what calls them.
fn reads_files(function: &str) -> bool {
    function.starts_with("file") || function == "templatefile"
}

fn expression(expr: &Expression, reads: &mut Vec<Name>) {
    match expr {
        Expression::Null(_) | Expression::Bool(_) | Expression::Number(_) => {}
        Expression::String(_) => {}
        Expression::Array(items) => items.iter().for_each(|e| expression(e, reads)),
        Expression::Object(object) => {
            for (key, value) in object.iter() {
                if let ObjectKey::Expression(key) = key {
                    expression(key, reads);
                }
                expression(value.expr(), reads);
            }
        }
        Expression::StringTemplate(t) => template(t, reads),
        Expression::HeredocTemplate(h) => template(&h.template, reads),
        Expression::Parenthesis(p) => expression(p.inner(), reads),
        Expression::Variable(root) => {
            // A namespace read whole: Terraform rejects most of these, but what they would read
            // cannot be named.
            if matches!(root.as_str(), "var" | "local" | "module" | "data") {
                reads.push(Name::Anything);
            }
        }
        Expression::Traversal(traversal) => {
            for op in &traversal.operators {
                if let TraversalOperator::Index(index) = op.value() {
                    expression(index, reads);
                }
            }
            match &traversal.expr {
                Expression::Variable(root) => {
                    let attr = |i: usize| match traversal.operators.get(i).map(|o| o.value()) {
                        Some(TraversalOperator::GetAttr(name)) => Some(name.as_str().to_string()),
                        _ => None,
                    };
                    reads.extend(reference(root.as_str(), attr(0), attr(1)));
                }
                other => expression(other, reads),
            }
        }
        Expression::Conditional(c) => {
            expression(&c.cond_expr, reads);
            expression(&c.true_expr, reads);
            expression(&c.false_expr, reads);
        }
        Expression::FuncCall(call) => {
            if reads_files(call.name.name.as_str()) {
                reads.push(Name::Files);
            }
            call.args.iter().for_each(|e| expression(e, reads));
        }
        Expression::UnaryOp(op) => expression(&op.expr, reads),
        Expression::BinaryOp(op) => {
            expression(&op.lhs_expr, reads);
            expression(&op.rhs_expr, reads);
        }
        Expression::ForExpr(f) => {
            expression(&f.intro.collection_expr, reads);
            if let Some(key) = &f.key_expr {
                expression(key, reads);
            }
            expression(&f.value_expr, reads);
            if let Some(cond) = &f.cond {
                expression(&cond.expr, reads);
            }
        }
    }
}

/// What a traversal rooted at `root` reads, given its first two attribute names; `None` for
/// what no definition of the module gives.
fn reference(root: &str, first: Option<String>, second: Option<String>) -> Option<Name> {
    Some(match (root, first) {
        ("var", Some(name)) => Name::Variable(name),
        ("local", Some(name)) => Name::Local(name),
        ("module", Some(call)) => Name::CallOutput(call, second),
        ("data", Some(data_type)) => match second {
            Some(name) => Name::Data(data_type, name),
            None => Name::Anything,
        },
        ("var" | "local" | "module" | "data", None) => Name::Anything,
        // Names bound by Terraform for each instance, or fixed for the scan.
        ("count" | "each" | "self" | "path" | "terraform", _) => return None,
        (_, Some(name)) => Name::Managed(root.to_string(), name),
        // A name alone: a `for` expression's variable, or something Terraform rejects.
        (_, None) => return None,
    })
}

fn template(template: &Template, reads: &mut Vec<Name>) {
    for element in template.iter() {
        match element {
            Element::Literal(_) => {}
            Element::Interpolation(i) => expression(&i.expr, reads),
            Element::Directive(directive) => match directive.as_ref() {
                Directive::If(d) => {
                    expression(&d.if_expr.cond_expr, reads);
                    self::template(&d.if_expr.template, reads);
                    if let Some(e) = &d.else_expr {
                        self::template(&e.template, reads);
                    }
                }
                Directive::For(d) => {
                    expression(&d.for_expr.collection_expr, reads);
                    self::template(&d.for_expr.template, reads);
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terraform::syntax::declarations::ParsedFile;
    use crate::terraform::syntax::parse::{declarations, parse_text};

    fn read(name: &str, text: &str) -> Vec<(Name, Vec<Name>)> {
        let (source, syntax) = parse_text(name.into(), text.into()).unwrap();
        let file = ParsedFile {
            source,
            syntax,
            targeted: true,
        };
        definitions(&[declarations(&file)])
            .into_iter()
            .map(|d| (d.name, d.reads))
            .collect()
    }

    fn var(n: &str) -> Name {
        Name::Variable(n.into())
    }

    #[test]
    fn every_reference_counts_whichever_branch_or_index() {
        let found = read(
            "main.tf",
            "locals {\n  size = var.big ? local.sizes[var.env] : module.naming.small\n  all = [for k, v in module.net[0].ids : \"${k}-${data.aws_region.r.name}\"]\n}\n",
        );
        assert_eq!(
            found,
            [
                (
                    Name::Local("size".into()),
                    vec![
                        var("big"),
                        var("env"),
                        Name::Local("sizes".into()),
                        Name::CallOutput("naming".into(), Some("small".into())),
                    ]
                ),
                (
                    Name::Local("all".into()),
                    vec![
                        Name::Data("aws_region".into(), "r".into()),
                        Name::CallOutput("net".into(), None),
                    ]
                ),
            ]
        );
    }

    #[test]
    fn a_resource_reads_its_provider_and_a_call_splits_its_arguments() {
        let found = read(
            "main.tf",
            "resource \"aws_s3_bucket\" \"b\" {\n  provider = aws.west\n  bucket   = \"${var.name}-${path.module}\"\n  dynamic \"tag\" {\n    for_each = local.tags\n    content { key = tag.key }\n  }\n}\nmodule \"m\" {\n  source = \"./m\"\n  count  = var.n\n  x      = file(\"x.json\")\n}\n",
        );
        assert_eq!(
            found,
            [
                (
                    Name::Managed("aws_s3_bucket".into(), "b".into()),
                    // A dynamic block's iterator reads like a resource of its name, which no
                    // module defines: more than is read, never less.
                    vec![
                        var("name"),
                        Name::Local("tags".into()),
                        Name::Managed("tag".into(), "key".into()),
                        Name::Provider("aws".into()),
                    ]
                ),
                (
                    Name::CallArgument("m".into(), "x".into()),
                    vec![Name::Files]
                ),
                (Name::CallInstances("m".into()), vec![var("n")]),
            ]
        );
    }

    #[test]
    fn the_json_syntax_reads_its_templates() {
        let found = read(
            "main.tf.json",
            r#"{"resource": {"aws_kms_key": {"k": {"enable_key_rotation": "${var.rotate}", "provider": "aws.east"}}}}"#,
        );
        assert_eq!(
            found,
            [(
                Name::Managed("aws_kms_key".into(), "k".into()),
                vec![var("rotate"), Name::Provider("aws".into())]
            )]
        );
    }
}
