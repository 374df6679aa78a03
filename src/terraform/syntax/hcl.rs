//! Reads a `.tf` file: hcl-edit's syntax tree, and the declarations in it.

use super::agreement::duplicate_keys;
use super::agreement::expression_newlines;
use super::agreement::for_newlines;
use super::agreement::heredoc_delimiters;
use super::agreement::legacy_indexes;
use super::agreement::nesting;
use super::agreement::number_literals;
use super::agreement::string_newlines;
pub use super::agreement::syntax_error::SyntaxError;
use super::agreement::template_text;
use super::agreement::traversal_newlines;
use super::declarations::BodyRef;
use super::declarations::Constraint;
use super::declarations::{BlockDecl, Declarations, VariableDecl};
use super::source::SourceFile;
use crate::terraform::resource::BlockKind;
use hcl::edit::Span as _;
use hcl::edit::structure::Body;

/// The most text re-parsed while repairing one file: each repair renames the duplicate keys
/// of one object or joins the `for` bodies once, and costs a parse of the whole file, so a
/// file with duplicates in thousands of objects would otherwise cost thousands of parses.
/// Past it the file is reported as not read, naming the limit.
const MAX_REPAIR_BYTES: usize = 256 << 20;

/// Parses a body as Terraform does. A file hcl-edit accepts costs one parse, plus a look at its
/// number literals when an invalid one is possible. A file it rejects is repaired where hcl-edit
/// disagrees with Terraform (newlines in `for` bodies, keys defined twice) and parsed again;
/// the error reported is the one left after every repair that applied, so it points at what
/// Terraform rejects, not at a construct a repair handled.
pub fn parse(src: &str) -> Result<Body, SyntaxError> {
    if let Some(error) = nesting::too_deep(src) {
        return Err(error);
    }
    let (mut body, superseded) = match hcl::edit::parser::parse_body(src) {
        Ok(body) => (body, Vec::new()),
        Err(error) => repaired(src, error)?,
    };
    first_error(src, &body)?;
    if !superseded.is_empty() {
        // Checked like every other item, then set aside: the last definition of a key wins.
        duplicate_keys::remove_items(&mut body, &superseded);
    }
    Ok(body)
}

/// What Terraform rejects in a tree hcl-edit accepted.
fn first_error(src: &str, body: &Body) -> Result<(), SyntaxError> {
    let number = number_literals::first_invalid(src, body);
    let dot = traversal_newlines::first_invalid(src, body);
    let ended = expression_newlines::first_invalid(src, body);
    // A heredoc that no line closes makes the rest of the file its text, where Terraform
    // reports the text's first mistake and reads no number.
    let open_heredoc = heredoc_delimiters::first_unclosed(src, body);
    let unterminated =
        open_heredoc.map(|start| template_text::open_to_the_end(src.as_bytes(), start));
    let number = number.filter(|&n| open_heredoc.is_none_or(|heredoc| n < heredoc));
    let fraction = legacy_indexes::first_invalid(src, body);
    let split_string = string_newlines::first_invalid(src, body);
    // Whichever comes first is what Terraform reports.
    let first = [dot, ended, unterminated, fraction, split_string]
        .into_iter()
        .flatten()
        .min_by_key(|&(at, _)| at);
    match (number, first) {
        (Some(n), f) if f.is_none_or(|(at, _)| n < at) => Err(SyntaxError::invalid_number(src, n)),
        (_, Some((at, message))) => Err(SyntaxError::at(src, at, message.into())),
        _ => Ok(()),
    }
}

/// The tree of a repaired source, and the offsets of the object keys whose definitions a later
/// one supersedes.
fn repaired(
    src: &str,
    mut error: hcl::edit::parser::Error,
) -> Result<(Body, Vec<usize>), SyntaxError> {
    let mut text = src.to_string();
    let mut joined = false;
    let mut superseded = Vec::new();
    let mut reparsed = 0;
    loop {
        let offset = error.location().offset();
        let next = if error.message().contains("redefined object key") {
            duplicate_keys::rename_earlier_definitions(&text, offset).map(|(text, renamed)| {
                superseded.extend(renamed);
                text
            })
        } else if !joined {
            joined = true;
            for_newlines::join_for_lines(&text)
        } else {
            None
        };
        let Some(next) = next else { break };
        reparsed += next.len();
        if reparsed > MAX_REPAIR_BYTES {
            return Err(SyntaxError::at(
                src,
                offset,
                format!(
                    "too many objects define a key twice: reading them would parse the file more than {} times, riveter's limit",
                    MAX_REPAIR_BYTES / src.len().max(1)
                ),
            ));
        }
        text = next;
        match hcl::edit::parser::parse_body(&text) {
            Ok(body) => return Ok((body, superseded)),
            Err(e) => error = e,
        }
    }
    Err(SyntaxError::from_hcl_edit(
        src,
        error.location().offset(),
        error.message(),
    ))
}

/// The top-level blocks: variables, locals, and those that rules can select (docs/rules.md,
/// "What a rule applies to").
/// Outputs are read for the module's callers; `terraform`, `moved`, `import`, `removed` and `check` blocks are not resources.
pub fn declarations<'t>(body: &'t Body, file: &SourceFile) -> Declarations<'t> {
    let mut out = Declarations::default();
    for block in body.blocks() {
        let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
        let (kind, resource_type, name) = match (block.ident.as_str(), labels.as_slice()) {
            ("variable", [name]) => {
                out.variables.push(VariableDecl {
                    name: name.to_string(),
                    default: block.body.get_attribute("default").map(|a| &a.value),
                    ty: Constraint::of(
                        block.body.get_attribute("type").map(|a| &a.value),
                        block.body.get_attribute("nullable").map(|a| &a.value),
                    ),
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
            ("output", [name]) => {
                if let Some(value) = block.body.get_attribute("value") {
                    out.outputs.push((name.to_string(), &value.value));
                }
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
