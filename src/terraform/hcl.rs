//! Reads a `.tf` file: hcl-edit's syntax tree, and the declarations in it.

use super::code_scan;
use super::declarations::{BlockDecl, Declarations, VariableDecl};
use super::duplicate_keys;
use super::eval::BodyRef;
use super::expression_newlines;
use super::for_newlines;
use super::heredoc_delimiters;
use super::legacy_indexes;
use super::number_literals;
use super::resource::BlockKind;
use super::source::SourceFile;
use super::traversal_newlines;
use hcl::edit::Span as _;
use hcl::edit::structure::Body;

/// A syntax error: where it is in the source, and what Terraform would call it.
#[derive(Debug)]
pub struct SyntaxError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl SyntaxError {
    /// Located by byte offset in the original source: repairs keep offsets, not the text.
    fn at(src: &str, offset: usize, message: String) -> SyntaxError {
        let offset = offset.min(src.len());
        let line_start = src[..offset].rfind('\n').map_or(0, |n| n + 1);
        SyntaxError {
            line: src[..offset].bytes().filter(|&b| b == b'\n').count() as u32 + 1,
            column: src[line_start..offset].chars().count() as u32 + 1,
            message,
        }
    }
}

/// The most repairs tried on one file: each removes one duplicate definition or joins the
/// `for` bodies once, so a file needs at most one per duplicate key.
const MAX_REPAIRS: usize = 10_000;

/// Parses a body as Terraform does. A file hcl-edit accepts costs one parse, plus a look at its
/// number literals when an invalid one is possible. A file it rejects is repaired where hcl-edit
/// disagrees with Terraform (newlines in `for` bodies, keys defined twice) and parsed again;
/// the error reported is the one left after every repair that applied, so it points at what
/// Terraform rejects, not at a construct a repair handled.
pub fn parse(src: &str) -> Result<Body, SyntaxError> {
    let (body, was_repaired) = match hcl::edit::parser::parse_body(src) {
        Ok(body) => (body, false),
        Err(error) => (repaired(src, error)?, true),
    };
    let mut number = number_literals::first_invalid(src, &body);
    if was_repaired {
        // A definition set aside as a duplicate is not in the tree, but Terraform reads it.
        let in_text = number_literals::first_invalid_before(src, src.len());
        number = number.into_iter().chain(in_text).min();
    }
    let dot = traversal_newlines::first_invalid(src, &body);
    let ended = expression_newlines::first_invalid(src, &body);
    let unterminated = heredoc_delimiters::first_invalid(src, &body);
    let fraction = legacy_indexes::first_invalid(src, &body);
    // Whichever comes first is what Terraform reports.
    let first = [dot, ended, unterminated, fraction]
        .into_iter()
        .flatten()
        .min_by_key(|&(at, _)| at);
    match (number, first) {
        (Some(n), f) if f.is_none_or(|(at, _)| n < at) => Err(invalid_number(src, n)),
        (_, Some((at, message))) => Err(SyntaxError::at(src, at, message.into())),
        _ => Ok(body),
    }
}

fn invalid_number(src: &str, offset: usize) -> SyntaxError {
    SyntaxError::at(
        src,
        offset,
        "Invalid number literal: failed to recognize the value of this number literal".into(),
    )
}

fn repaired(src: &str, mut error: hcl::edit::parser::Error) -> Result<Body, SyntaxError> {
    let mut text = src.to_string();
    let mut joined = false;
    for _ in 0..MAX_REPAIRS {
        let offset = error.location().offset();
        let next = if error.message().contains("redefined object key") {
            duplicate_keys::drop_earlier_definitions(&text, offset)
        } else if !joined {
            joined = true;
            for_newlines::join_for_lines(&text)
        } else {
            None
        };
        let Some(next) = next else { break };
        text = next;
        match hcl::edit::parser::parse_body(&text) {
            Ok(body) => return Ok(body),
            Err(e) => error = e,
        }
    }
    let offset = error.location().offset();
    // Terraform reads tokens in order: an invalid number before hcl-edit's error comes first.
    if let Some(number) = number_literals::first_invalid_before(src, offset) {
        return Err(invalid_number(src, number));
    }
    // At the end of the file, the block left open is what Terraform points at.
    if src.as_bytes()[offset.min(src.len())..]
        .trim_ascii()
        .is_empty()
        && let Some(brace) = code_scan::unclosed_block(src.as_bytes())
    {
        return Err(SyntaxError::at(
            src,
            brace,
            "Unclosed configuration block: there is no closing brace for this block before \
             the end of the file"
                .into(),
        ));
    }
    if error.message().contains("object value assignment")
        && let Some(line_end) = key_ended_line(src.as_bytes(), offset)
    {
        // An object key alone on its line: the newline ends the item for Terraform, which
        // points there, where hcl-edit points at the `=` on the next line.
        return Err(SyntaxError::at(
            src,
            line_end,
            "Missing attribute value: an object item's key and its `=` or `:` must be on one \
             line"
                .into(),
        ));
    }
    Err(SyntaxError::at(
        src,
        offset,
        terraform_message(error.message()),
    ))
}

/// Where the line before `at` ends after its last code, when only blank lines (and spaces)
/// stand between that code and `at`: the newline, or the line comment that holds it.
fn key_ended_line(b: &[u8], at: usize) -> Option<usize> {
    let before = &b[..at.min(b.len())];
    let code_end = before.iter().rposition(|c| !c.is_ascii_whitespace())? + 1;
    if !before[code_end..].contains(&b'\n') {
        return None;
    }
    let after_spaces = code_end
        + before[code_end..]
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t'))
            .count();
    Some(after_spaces)
}

/// hcl-edit's message under the summary Terraform gives the same mistake.
fn terraform_message(message: &str) -> String {
    let summary = if message.starts_with("invalid expression") {
        "Invalid expression"
    } else if message.starts_with("invalid block body") {
        "Argument or block definition required"
    } else if message.contains("object value assignment") {
        "Missing key/value separator"
    } else if message.starts_with("invalid traversal operator") {
        "Invalid attribute name"
    } else if message.contains("expected `}`") || message.contains("expected `]`") {
        "Unclosed bracket"
    } else if message.contains("heredoc") {
        "Unterminated template string"
    } else {
        "Invalid syntax"
    };
    format!("{summary}: {message}")
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
