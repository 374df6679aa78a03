//! A newline after the dot of an attribute access (`aws_iam_role.\nrole.id`): hcl-edit skips
//! newlines and comments between a dot and the name after it everywhere, while Terraform does
//! so only where newlines mean nothing: inside parentheses, brackets, function arguments,
//! `for` expressions and template interpolations. In an argument's value or an object
//! constructor's item, the newline (or a line comment, which ends with one) ends the
//! expression, and Terraform rejects the file ("Invalid attribute name").
//!
//! A full splat's `[*]` is one token sequence to Terraform where newlines count: a newline (or
//! a line comment) between the `[` and the `*` makes the `*` an invalid expression, and one
//! between the `*` and the `]` leaves the splat without its closing bracket. hcl-edit skips
//! both everywhere.
//!
//! In an attribute-only splat (`a.*.b.c`), Terraform points at the splat's `*` when a dot of
//! its chain has no name after it.
//!
//! Files are looked at only when a dot or a star is followed, after spaces, by a line end or a
//! comment.

use super::code_scan::{line_end, skip_blank};
use hcl::edit::Span as _;
use hcl::edit::expr::{
    Array, ForExpr, FuncArgs, Object, Parenthesis, Traversal, TraversalOperator,
};
use hcl::edit::structure::Body;
use hcl::edit::template::{Directive, Interpolation};
use hcl::edit::visit::{
    Visit, visit_array, visit_body, visit_directive, visit_for_expr, visit_func_args,
    visit_interpolation, visit_object, visit_parenthesis, visit_traversal,
    visit_traversal_operator,
};

const AFTER_DOT: &str = "Invalid attribute name: an attribute name is required after a dot";
const SPLAT_OPENED: &str =
    "Invalid expression: a full splat's `[` and `*` must be on one line here";
const SPLAT_UNCLOSED: &str = "Missing close bracket on splat index: the star of a full splat \
     must be followed by `]` on the same line here";

/// Where Terraform first rejects a newline or line comment inside a traversal (after a dot,
/// inside a `[*]`) that ends the expression, and its message.
pub fn first_invalid(src: &str, body: &Body) -> Option<(usize, &'static str)> {
    let b = src.as_bytes();
    if !has_dot_before_line_end(b) && !has_star_near_line_end(b) {
        return None;
    }
    let mut finder = Finder {
        src: src.as_bytes(),
        newlines_ignored: false,
        attr_splat: None,
        first: None,
    };
    visit_body(&mut finder, body);
    finder.first
}

fn has_dot_before_line_end(b: &[u8]) -> bool {
    memchr::memchr_iter(b'.', b).any(|dot| after_dot(b, dot).is_some())
}

/// A star with a line end or a comment right after it, or a line end or a comment's end
/// right before it.
fn has_star_near_line_end(b: &[u8]) -> bool {
    memchr::memchr_iter(b'*', b).any(|star| {
        after_dot(b, star).is_some()
            || b[..star]
                .iter()
                .rfind(|c| !matches!(c, b' ' | b'\t'))
                .is_some_and(|c| matches!(c, b'\n' | b'\r' | b'/'))
    })
}

/// Where the blank after a dot (or a splat's `[` or `*`) ends in a newline or a line comment;
/// `None` when code follows on the same line.
fn after_dot(b: &[u8], dot: usize) -> Option<usize> {
    let mut pos = dot + 1;
    while pos < b.len() {
        match b[pos] {
            b' ' | b'\t' => pos += 1,
            b'\r' | b'\n' | b'#' => return Some(pos),
            b'/' if b.get(pos + 1) == Some(&b'/') => return Some(pos),
            b'/' if b.get(pos + 1) == Some(&b'*') => {
                // A block comment is blank to Terraform, even over several lines.
                pos = memchr::memmem::find(&b[pos + 2..], b"*/").map_or(b.len(), |e| pos + e + 4);
            }
            _ => return None,
        }
    }
    None
}

struct Finder<'s> {
    src: &'s [u8],
    newlines_ignored: bool,
    /// The `*` of the attribute-only splat whose chain of names is being read.
    attr_splat: Option<usize>,
    first: Option<(usize, &'static str)>,
}

impl Finder<'_> {
    fn with_newlines_ignored(&mut self, ignored: bool, visit: impl FnOnce(&mut Self)) {
        let outer = std::mem::replace(&mut self.newlines_ignored, ignored);
        visit(self);
        self.newlines_ignored = outer;
    }

    /// The dot before a name that starts at `start`, past blanks and comments.
    fn check_dot_before(&mut self, start: usize) {
        let Some(dot) = self.src[..start].iter().rposition(|&c| c == b'.') else {
            return;
        };
        if let Some(at) = after_dot(self.src, dot)
            && at < start
        {
            self.found(self.attr_splat.unwrap_or(at), AFTER_DOT);
        }
    }

    fn found(&mut self, at: usize, message: &'static str) {
        if self.first.is_none_or(|(f, _)| at < f) {
            self.first = Some((at, message));
        }
    }

    /// The `[` before a full splat's star at `star`, and the `]` after it, each on its line.
    fn check_splat(&mut self, star: usize) {
        let b = self.src;
        let bracket =
            memchr::memrchr_iter(b'[', &b[..star]).find(|&p| skip_blank(b, p + 1) == star);
        if let Some(bracket) = bracket
            && after_dot(b, bracket).is_some_and(|at| at < star)
        {
            self.found(star, SPLAT_OPENED);
        } else if let Some(at) = after_dot(b, star) {
            // Terraform points past the line end where it wanted the `]`.
            self.found((line_end(b, at) + 1).min(b.len()), SPLAT_UNCLOSED);
        }
    }
}

impl Visit for Finder<'_> {
    fn visit_traversal(&mut self, node: &Traversal) {
        let outer = self.attr_splat.take();
        visit_traversal(self, node);
        self.attr_splat = outer;
    }

    fn visit_traversal_operator(&mut self, node: &TraversalOperator) {
        if !self.newlines_ignored {
            let start = match node {
                TraversalOperator::GetAttr(name) => name.span(),
                TraversalOperator::LegacyIndex(index) => index.span(),
                TraversalOperator::AttrSplat(splat) => splat.span(),
                _ => None,
            };
            if let Some(span) = start {
                self.check_dot_before(span.start);
            }
            if let TraversalOperator::FullSplat(splat) = node
                && let Some(span) = splat.span()
            {
                self.check_splat(span.start);
            }
        }
        // An index's brackets ignore newlines.
        self.with_newlines_ignored(true, |v| visit_traversal_operator(v, node));
        self.attr_splat = match node {
            TraversalOperator::AttrSplat(splat) => splat.span().map(|s| s.start),
            TraversalOperator::GetAttr(_) | TraversalOperator::LegacyIndex(_) => self.attr_splat,
            _ => None,
        };
    }

    fn visit_object(&mut self, node: &Object) {
        self.with_newlines_ignored(false, |v| visit_object(v, node));
    }

    fn visit_array(&mut self, node: &Array) {
        self.with_newlines_ignored(true, |v| visit_array(v, node));
    }

    fn visit_parenthesis(&mut self, node: &Parenthesis) {
        self.with_newlines_ignored(true, |v| visit_parenthesis(v, node));
    }

    fn visit_func_args(&mut self, node: &FuncArgs) {
        self.with_newlines_ignored(true, |v| visit_func_args(v, node));
    }

    fn visit_for_expr(&mut self, node: &ForExpr) {
        self.with_newlines_ignored(true, |v| visit_for_expr(v, node));
    }

    fn visit_interpolation(&mut self, node: &Interpolation) {
        self.with_newlines_ignored(true, |v| visit_interpolation(v, node));
    }

    fn visit_directive(&mut self, node: &Directive) {
        self.with_newlines_ignored(true, |v| visit_directive(v, node));
    }
}

#[cfg(test)]
mod tests {
    use super::first_invalid;

    fn check(src: &str) -> Option<usize> {
        let body = hcl::edit::parser::parse_body(src).unwrap();
        first_invalid(src, &body).map(|(at, _)| at)
    }

    fn message(src: &str) -> &'static str {
        let body = hcl::edit::parser::parse_body(src).unwrap();
        first_invalid(src, &body).unwrap().1
    }

    #[test]
    fn a_full_splat_is_on_one_line_where_newlines_count() {
        assert_eq!(check("x = a[\n*].id\n"), Some(7));
        assert!(message("x = a[\n*].id\n").starts_with("Invalid expression"));
        assert_eq!(check("x = a[ # why\n*].id\n"), Some(13));
        assert_eq!(check("x = a[*\n].id\n"), Some(8));
        assert!(message("x = a[*\n].id\n").starts_with("Missing close bracket on splat index"));
        assert_eq!(check("x = a[* // why\n].id\n"), Some(15));
        assert_eq!(check("m = { k = a[* /* why\n */\n].id }\n"), Some(25));
    }

    #[test]
    fn a_full_splat_may_run_over_lines_where_newlines_mean_nothing() {
        assert_eq!(check("x = f(a[*\n].id)\n"), None);
        assert_eq!(check("x = [a[\n*].id]\n"), None);
        assert_eq!(check("x = a[/* why\n */*/* why\n */].id\n"), None);
        assert_eq!(check("x = a[*].id * 2\ny = 3 /* c */ * 2\n"), None);
    }

    #[test]
    fn a_newline_or_line_comment_after_a_dot_ends_an_argument() {
        assert_eq!(check("role = aws_iam_role.\nlambda.id\n"), Some(20));
        assert_eq!(check("role = aws_iam_role. # why\nlambda.id\n"), Some(21));
        assert_eq!(check("m = { a = b.\nc }\n"), Some(12));
    }

    #[test]
    fn in_an_attribute_only_splat_terraform_points_at_the_star() {
        assert_eq!(check("x = a.*.\nid\n"), Some(6));
        assert_eq!(check("x = a.*.id. # why\nname\n"), Some(6));
        // Past an index, the splat's chain is over.
        assert_eq!(check("x = a.*.id[0].\nname\n"), Some(14));
    }

    #[test]
    fn where_newlines_mean_nothing_they_are_allowed() {
        assert_eq!(check("role = (aws_iam_role.\nlambda.id)\n"), None);
        assert_eq!(check("l = [a.\nb]\nf = f(a.\nb)\n"), None);
        assert_eq!(check("s = \"${a.\nb}\"\n"), None);
        assert_eq!(check("c = a. /* why\n */ b\n"), None);
        assert_eq!(check("d = \"a.\"\n# e.g.\nx = 1\n"), None);
    }
}
