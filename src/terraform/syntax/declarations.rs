//! What a parsed file declares: variables, locals, outputs and the blocks that become resources. Both
//! syntaxes (HCL and Terraform's JSON) give the same declarations.

use super::source::SourceFile;
use crate::terraform::resource::BlockKind;
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

/// A block body in either syntax.
#[derive(Clone, Copy)]
pub enum BodyRef<'t> {
    Hcl(&'t Body),
    /// Terraform's JSON syntax: the block is an object.
    Json(&'t Expression),
}

impl BodyRef<'_> {
    /// Where the body stands in `file`.
    pub fn span(&self, file: &SourceFile) -> crate::value::Span {
        use hcl::edit::Span as _;
        match self {
            BodyRef::Hcl(body) => file.span(body.span()),
            BodyRef::Json(expr) => file.span(expr.span()),
        }
    }
}

/// What a `variable` block says of the values it takes: its `type` and its `nullable`.
///
/// One value for both, and `Type::parse` reads both, because the module loader that declares
/// variables turns a declaration's constraint into a `Type` in one call; whether a variable may
/// be null is part of what `Type::convert` does with a value given to it, as it is in
/// Terraform's own conversion of input variables.
#[derive(Debug, Clone, Copy, Default)]
pub struct Constraint<'t> {
    pub ty: Option<&'t Expression>,
    pub nullable: Option<&'t Expression>,
}

impl<'t> Constraint<'t> {
    /// The constraint of a variable that writes `type` or `nullable`; `None` when it writes
    /// neither.
    pub fn of(ty: Option<&'t Expression>, nullable: Option<&'t Expression>) -> Option<Self> {
        (ty.is_some() || nullable.is_some()).then_some(Constraint { ty, nullable })
    }
}
