//! What a parsed file declares: variables, locals, outputs and the blocks that become resources. Both
//! syntaxes (HCL and Terraform's JSON) give the same declarations.

use super::eval::BodyRef;
use super::eval::types::Constraint;
use super::resource::BlockKind;
use super::source::SourceFile;
use crate::value::Span;
use hcl::edit::expr::Expression;
use hcl::edit::structure::Body;

pub enum Syntax {
    Hcl(Body),
    /// Terraform's JSON syntax, parsed as one HCL object expression.
    Json(Expression),
}

pub struct ParsedFile {
    pub source: SourceFile,
    pub syntax: Syntax,
    /// Named by `-t` (its resources are reported), or only read for its module's variables and
    /// locals.
    pub targeted: bool,
}

pub struct VariableDecl<'t> {
    pub name: String,
    pub default: Option<&'t Expression>,
    /// Its `type` and `nullable`, when it writes either.
    pub ty: Option<Constraint<'t>>,
}

/// A `resource`, `data`, `module` or `provider` block.
pub struct BlockDecl<'t> {
    pub kind: BlockKind,
    pub resource_type: String,
    pub name: String,
    pub span: Span,
    pub body: BodyRef<'t>,
}

#[derive(Default)]
pub struct Declarations<'t> {
    pub variables: Vec<VariableDecl<'t>>,
    pub locals: Vec<(String, &'t Expression)>,
    /// `output "name" { value = ... }`: what a caller of the module reads as `module.x.name`.
    pub outputs: Vec<(String, &'t Expression)>,
    pub blocks: Vec<BlockDecl<'t>>,
}
