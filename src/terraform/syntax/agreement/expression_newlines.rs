//! A newline that ends an expression for Terraform but not for hcl-edit. In an argument's value
//! and in an object item's value Terraform reads newlines as tokens: the expression ends at
//! the first newline outside brackets, strings and heredocs, so an operator, a `?`/`:` or a
//! `.attr` on the next line is an error. hcl-edit reads on across the newline and accepts the
//! file.
//!
//! Terraform points at the newline when the expression is unfinished there (after an operator,
//! or inside a conditional waiting for its `:`), and at the next token otherwise.
//! Only values that hold a newline are looked at, so a file of one-line values costs a search
//! for a newline byte per value.

use super::code_scan::{skip, skip_blank};
use hcl::edit::Span as _;
use hcl::edit::expr::{Expression, ObjectKey, ObjectValue};
use hcl::edit::structure::{Attribute, Body};
use hcl::edit::visit::{Visit, visit_attr, visit_body, visit_object_item};

/// Where Terraform would reject an expression that runs on past a newline, and its message.
pub fn first_invalid(src: &str, body: &Body) -> Option<(usize, &'static str)> {
    let mut finder = Finder {
        src: src.as_bytes(),
        first: None,
    };
    visit_body(&mut finder, body);
    finder.first
}

struct Finder<'s> {
    src: &'s [u8],
    first: Option<(usize, &'static str)>,
}

/// Where the value sits: what Terraform says when something follows its end.
#[derive(Clone, Copy)]
enum Context {
    Argument,
    ObjectItem,
}

impl Finder<'_> {
    fn check(&mut self, expr: &Expression, context: Context) {
        let Some(span) = expr.span() else { return };
        let end = span.end.min(self.src.len());
        if memchr::memchr(b'\n', &self.src[span.start..end]).is_none() {
            return;
        }
        if let Some(found) = ended_early(self.src, span.start, end, context)
            && self.first.is_none_or(|(at, _)| found.0 < at)
        {
            self.first = Some(found);
        }
    }
}

impl Visit for Finder<'_> {
    fn visit_attr(&mut self, node: &Attribute) {
        self.check(&node.value, Context::Argument);
        visit_attr(self, node);
    }

    fn visit_object_item(&mut self, key: &ObjectKey, value: &ObjectValue) {
        self.check(value.expr(), Context::ObjectItem);
        visit_object_item(self, key, value);
    }
}

/// The first newline at the top level of the expression between `start` and `end` that has
/// code after it, judged as Terraform would.
fn ended_early(
    b: &[u8],
    start: usize,
    end: usize,
    context: Context,
) -> Option<(usize, &'static str)> {
    let mut pos = start;
    // The last code byte at the top level, and the conditionals still waiting for a `:`.
    let mut last = None;
    let mut open_conditionals = 0usize;
    while pos < end {
        let c = b[pos];
        let line_break = c == b'\n' || c == b'#' || (c == b'/' && b.get(pos + 1) == Some(&b'/'));
        if line_break {
            let next = skip_blank(b, pos);
            if next >= end {
                return None;
            }
            let unfinished = open_conditionals > 0 || last.is_some_and(is_operator);
            return Some(if unfinished {
                let message = if open_conditionals > 0 {
                    "Missing false expression in conditional: the expression ends at this newline"
                } else {
                    "Invalid expression: the expression ends at this newline"
                };
                (pos, message)
            } else {
                match context {
                    Context::Argument => (
                        next,
                        "Argument or block definition required: the argument's value ended on \
                         the line before",
                    ),
                    Context::ObjectItem => next_item_key(b, next),
                }
            });
        }
        match c {
            b' ' | b'\t' | b'\r' => pos += 1,
            b'?' => {
                open_conditionals += 1;
                last = Some(c);
                pos += 1;
            }
            b':' => {
                open_conditionals = open_conditionals.saturating_sub(1);
                last = Some(c);
                pos += 1;
            }
            b'/' if b.get(pos + 1) == Some(&b'*') => pos = skip(b, pos),
            // The star of an attribute-only splat (`a.*`) is an operand, not a product.
            b'*' if last == Some(b'.') => {
                last = Some(b'a');
                pos += 1;
            }
            _ => {
                let next = skip(b, pos);
                // A group, a string or a heredoc is an operand; its last byte says so.
                last = Some(if next > pos + 1 { b')' } else { c });
                pos = next;
            }
        }
    }
    None
}

/// What Terraform says of the line after an object item's value, which it reads as the next
/// item's key (an expression that ends at the line's end) followed by its `=`.
fn next_item_key(b: &[u8], start: usize) -> (usize, &'static str) {
    let mut end = start;
    while end < b.len() && !matches!(b[end], b'\n' | b'#' | b',' | b'}') {
        if b[end..].starts_with(b"//") {
            break;
        }
        end = skip(b, end);
    }
    let key = std::str::from_utf8(&b[start..end.min(b.len())]).unwrap_or_default();
    // A token that cannot start an expression (`!=`, `.attr`, `*`) is the error itself.
    let starts_an_expression = key.starts_with(|c: char| {
        c.is_alphanumeric() || matches!(c, '_' | '"' | '<' | '(' | '[' | '{' | '-' | '!')
    }) && !key.starts_with("!=");
    if !starts_an_expression {
        return (
            start,
            "Invalid expression: the object item's value ended on the line before",
        );
    }
    match hcl::edit::parser::parse_expr(key.trim_end()) {
        Ok(_) if b.get(end) == Some(&b'}') => (
            end,
            "Missing key/value separator: the object item's value ended on the line before, and \
             this line is read as the next item's key",
        ),
        Ok(_) => (
            end,
            "Missing attribute value: the object item's value ended on the line before, and this \
             line is read as the next item's key",
        ),
        Err(e) => (
            start + e.location().offset(),
            "Invalid expression: the object item's value ended on the line before",
        ),
    }
}

fn is_operator(c: u8) -> bool {
    matches!(
        c,
        b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'=' | b'!' | b'<' | b'>' | b'?' | b':'
    )
}

#[cfg(test)]
mod tests {
    use crate::terraform::syntax::hcl::parse;

    /// The line, column and message of the error Terraform would give, as riveter reports it.
    fn error(src: &str) -> (u32, u32, String) {
        let e = parse(src).expect_err("rejected");
        (e.line, e.column, e.message)
    }

    #[test]
    fn an_unfinished_conditional_ends_at_the_newline() {
        let src =
            "id = try(each.value.node, false) ? var\n.node_id : lookup(each.value, \"id\", null)\n";
        let (line, column, message) = error(src);
        assert_eq!((line, column), (1, 39));
        assert!(message.starts_with("Missing false expression"), "{message}");
    }

    #[test]
    fn what_follows_a_finished_expression_is_the_error() {
        let (line, column, message) =
            error("x = {for k, v in true : k => var.x...} # why\n.attr\n");
        assert_eq!((line, column), (2, 1));
        assert!(
            message.starts_with("Argument or block definition required"),
            "{message}"
        );
        let src =
            "locals {\n  x = {\n    k = {for k, v in null : k => \"s\"}\n != ( var.l.0 )\n  }\n}\n";
        let (line, column, message) = error(src);
        assert_eq!((line, column), (4, 2));
        assert!(message.starts_with("Invalid expression"), "{message}");
    }

    #[test]
    fn the_line_after_an_object_item_is_read_as_the_next_key() {
        let src = "x = {\n  k = upper(var.s)\n[*].id\n}\n";
        let (line, column, message) = error(src);
        assert_eq!((line, column), (3, 2));
        assert!(message.starts_with("Invalid expression"), "{message}");
        let src = "x = {\n  k = f(a)\n - g(b) * 2 # why\n}\n";
        let (line, column, message) = error(src);
        assert_eq!((line, column), (3, 13));
        assert!(message.starts_with("Missing attribute value"), "{message}");
    }

    #[test]
    fn an_attribute_splat_at_the_end_of_a_line_is_finished() {
        let (line, column, message) = error("x = a.* # why\n.id\n");
        assert_eq!((line, column), (2, 1));
        assert!(
            message.starts_with("Argument or block definition required"),
            "{message}"
        );
    }

    #[test]
    fn newlines_in_brackets_strings_and_heredocs_are_fine() {
        for src in [
            "x = f(a,\n b)\ny = [\n 1,\n]\n",
            "x = (a +\n b)\n",
            "x = <<EOT\nhi\nEOT\ny = 1\n",
            "x = <<-EOT\n  x ${<<EOT\n${a}\nEOT\n} y\n  EOT\n",
            "x = {\n  a = 1\n  b = 2\n}\n",
            "x = a /* why\n */ + b\n",
        ] {
            assert!(parse(src).is_ok(), "{src}");
        }
    }
}
