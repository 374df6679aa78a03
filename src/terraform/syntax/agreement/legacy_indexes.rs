//! A legacy index step followed by another (`var.list.0.1`): Terraform's scanner reads `0.1`
//! after the dot as one number token, a fraction, and rejects the step ("Invalid legacy index
//! syntax"); hcl-edit reads the steps `.0` and `.1` and accepts the file.
//!
//! Files are looked at only when a dot that does not continue a number is followed by digits,
//! a dot and a digit.

use hcl::edit::Span as _;
use hcl::edit::expr::TraversalOperator;
use hcl::edit::structure::Body;
use hcl::edit::template::ForTemplateExpr;
use hcl::edit::visit::{Visit, visit_body, visit_for_template_expr, visit_traversal_operator};

const FRACTION: &str =
    "Invalid legacy index syntax: a legacy index step is a whole number; use brackets";

/// Where Terraform first rejects a legacy index step read as a fraction, and its message.
pub fn first_invalid(src: &str, body: &Body) -> Option<(usize, &'static str)> {
    let b = src.as_bytes();
    let possible = memchr::memchr_iter(b'.', b)
        .any(|dot| !follows_a_number(b, dot) && is_fraction(b, dot + 1));
    if !possible {
        return None;
    }
    let mut finder = Finder {
        src: b,
        first: None,
    };
    visit_body(&mut finder, body);
    finder.first.map(|at| (at, FRACTION))
}

/// Whether the dot at `dot` continues a number (`1.5.2`) rather than a name (`id10.0.1`) or an
/// index (`a[0].1.2`).
fn follows_a_number(b: &[u8], dot: usize) -> bool {
    let digits = b[..dot]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let before = b[..dot - digits].last();
    digits > 0 && !before.is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_' || c == b'-')
}

/// Digits, a dot and a digit from `start`: what Terraform's scanner reads as a fraction.
fn is_fraction(b: &[u8], start: usize) -> bool {
    let digits = b[start.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    digits > 0
        && b.get(start + digits) == Some(&b'.')
        && b.get(start + digits + 1).is_some_and(u8::is_ascii_digit)
}

struct Finder<'s> {
    src: &'s [u8],
    first: Option<usize>,
}

impl Visit for Finder<'_> {
    fn visit_traversal_operator(&mut self, node: &TraversalOperator) {
        if let TraversalOperator::LegacyIndex(index) = node
            && let Some(span) = index.span()
            && is_fraction(self.src, span.start)
            && self.first.is_none_or(|f| span.start < f)
        {
            self.first = Some(span.start);
        }
        visit_traversal_operator(self, node);
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
    fn two_legacy_index_steps_in_a_row_are_a_fraction_to_terraform() {
        assert_eq!(check("x = var.list.0.1\n"), Some(13));
        assert_eq!(check("x = a[0].10.2.b\n"), Some(9));
        // After a name that ends in digits.
        assert_eq!(check("x = a.id10.0.1\n"), Some(11));
    }

    #[test]
    fn one_legacy_index_step_and_numbers_are_left_alone() {
        assert_eq!(check("x = var.list.0.id\ny = 1.5\nz = \"a.0.1\"\n"), None);
        assert_eq!(check("x = var.list.0[1]\n"), None);
    }
}
