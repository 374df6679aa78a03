//! A quoted string split over lines (`"b` then `"` on the next line): Terraform's quoted
//! strings end on their line (only an interpolation's code may run over lines), and it rejects
//! the file ("Invalid multi-line string") at the newline. hcl-edit accepts such a string when
//! it closes on a later line, and a block label split so.
//!
//! Only arguments whose value runs over lines are looked into, and only the strings whose
//! source holds a newline are looked at closely.

use super::code_scan::quoted_string_newline;
use hcl::edit::Span as _;
use hcl::edit::expr::Expression;
use hcl::edit::structure::{Attribute, BlockLabel, Body};
use hcl::edit::template::{ForTemplateExpr, StringTemplate};
use hcl::edit::visit::{
    Visit, visit_attr, visit_body, visit_for_template_expr, visit_string_template,
};

pub const MULTI_LINE: &str = "Invalid multi-line string: quoted strings may not be split over \
     multiple lines; use a heredoc or the \"\\n\" escape";

/// Where Terraform rejects the first quoted string that a line end interrupts.
pub fn first_invalid(src: &str, body: &Body) -> Option<(usize, &'static str)> {
    let b = src.as_bytes();
    let mut finder = Finder {
        src: b,
        first: None,
    };
    visit_body(&mut finder, body);
    finder.first.map(|at| (at, MULTI_LINE))
}

struct Finder<'s> {
    src: &'s [u8],
    first: Option<usize>,
}

impl Finder<'_> {
    fn check(&mut self, span: Option<std::ops::Range<usize>>) {
        let Some(span) = span else { return };
        let text = &self.src[span.start.min(self.src.len())..span.end.min(self.src.len())];
        if memchr::memchr(b'\n', text).is_none() {
            return;
        }
        if let Some(quote) = memchr::memchr(b'"', text)
            && let Some(newline) = quoted_string_newline(self.src, span.start + quote)
            && self.first.is_none_or(|first| newline < first)
        {
            self.first = Some(newline);
        }
    }
}

impl Visit for Finder<'_> {
    fn visit_block_label(&mut self, node: &BlockLabel) {
        if let BlockLabel::String(label) = node {
            self.check(label.span());
        }
    }

    fn visit_attr(&mut self, node: &Attribute) {
        let runs_over_lines = node.value.span().is_some_and(|span| {
            let end = span.end.min(self.src.len());
            memchr::memchr(b'\n', &self.src[span.start.min(end)..end]).is_some()
        });
        if runs_over_lines {
            visit_attr(self, node);
        }
    }

    fn visit_expr(&mut self, node: &Expression) {
        if let Expression::String(string) = node {
            self.check(string.span());
        }
        hcl::edit::visit::visit_expr(self, node);
    }

    fn visit_string_template(&mut self, node: &StringTemplate) {
        self.check(node.span());
        visit_string_template(self, node);
    }

    // hcl-edit's visitor skips the collection of a `%{for}` directive.
    fn visit_for_template_expr(&mut self, node: &ForTemplateExpr) {
        self.visit_expr(&node.collection_expr);
        visit_for_template_expr(self, node);
    }
}

#[cfg(test)]
mod tests {
    use super::first_invalid;

    fn check(src: &str) -> Option<usize> {
        let body = hcl::edit::parser::parse_body(src).unwrap();
        first_invalid(src, &body).map(|(at, _)| at)
    }

    #[test]
    fn a_string_split_over_lines_in_brackets_is_rejected_at_its_newline() {
        let src = "x = [\"a\",\n  \"b\n\"]\n";
        assert_eq!(check(src), Some(src.find("b\n").unwrap() + 1));
    }

    #[test]
    fn a_block_label_split_over_lines_is_rejected_at_its_newline() {
        let src = "resource \"aws_s3\nbucket\" \"b\" {\n}\n";
        assert_eq!(check(src), Some(src.find('\n').unwrap()));
    }

    #[test]
    fn newlines_in_interpolations_and_heredocs_are_fine() {
        assert_eq!(check("x = [\"a ${\n  b\n} c\"]\n"), None);
        assert_eq!(check("x = [<<EOT\na\nb\nEOT\n]\n"), None);
        assert_eq!(check("x = [\"a\",\n  \"b\"]\n"), None);
    }
}
