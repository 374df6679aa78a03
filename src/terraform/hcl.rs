//! Reads a `.tf` file: hcl-edit's syntax tree, and the declarations in it.

use super::declarations::{BlockDecl, Declarations, VariableDecl};
use super::eval::BodyRef;
use super::for_newlines;
use super::resource::BlockKind;
use super::source::SourceFile;
use hcl::edit::Span as _;
use hcl::edit::structure::Body;

/// Parses a body; on failure, retries with newlines joined inside `for` bodies, which Terraform
/// accepts and hcl-edit does not. The original error stands when the retry fails too.
pub fn parse(src: &str) -> Result<Body, hcl::edit::parser::Error> {
    hcl::edit::parser::parse_body(src).or_else(|error| {
        for_newlines::join_for_lines(src)
            .and_then(|joined| hcl::edit::parser::parse_body(&joined).ok())
            .ok_or(error)
    })
}

/// The top-level blocks: variables, locals, and those that rules can select (docs/rules.md,
/// "What a rule applies to").
/// Outputs, `terraform`, `moved`, `import`, `removed` and `check` blocks are not resources.
pub fn declarations<'t>(body: &'t Body, file: &SourceFile) -> Declarations<'t> {
    let mut out = Declarations::default();
    for block in body.blocks() {
        let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
        let (kind, resource_type, name) = match (block.ident.as_str(), labels.as_slice()) {
            ("variable", [name]) => {
                out.variables.push(VariableDecl {
                    name: name.to_string(),
                    default: block.body.get_attribute("default").map(|a| &a.value),
                    ty: block.body.get_attribute("type").map(|a| &a.value),
                });
                continue;
            }
            ("locals", []) => {
                out.locals.extend(
                    block
                        .body
                        .attributes()
                        .map(|a| (a.key.as_str().to_string(), &a.value)),
                );
                continue;
            }
            ("resource", [t, n]) => (BlockKind::Managed, *t, *n),
            ("data", [t, n]) => (BlockKind::Data, *t, *n),
            ("module", [n]) => (BlockKind::Module, "module", *n),
            // A provider's name is its alias, read once the body is evaluated.
            ("provider", [p]) => (BlockKind::Provider, *p, ""),
            _ => continue,
        };
        out.blocks.push(BlockDecl {
            kind,
            resource_type: resource_type.to_string(),
            name: name.to_string(),
            span: file.span(block.span()),
            body: BodyRef::Hcl(&block.body),
        });
    }
    out
}
