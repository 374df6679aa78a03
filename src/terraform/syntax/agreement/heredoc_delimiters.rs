//! A heredoc's closing delimiter with more on its line (`EOT # note`, `EOT /* why */`,
//! `EOT)`): Terraform ends a heredoc only at a line that holds its delimiter alone, so that
//! line is text to it and the heredoc runs on. hcl-edit ends the heredoc at the delimiter
//! and reads the rest as code. When no later line closes the heredoc, Terraform reads the rest
//! of the file as its text, and `template_text` says what it reports there.
//!
//! Files are looked at only when a line starts with a heredoc's delimiter followed by more
//! than spaces.

use super::code_scan::{heredoc_close, heredoc_delimiter, line_end, line_start};
use hcl::edit::Span as _;
use hcl::edit::structure::Body;
use hcl::edit::template::{ForTemplateExpr, HeredocTemplate};
use hcl::edit::visit::{Visit, visit_body, visit_for_template_expr, visit_heredoc_template};

/// The `<<` of the first heredoc that hcl-edit closed and no line closes for Terraform, which
/// reads the rest of the file as its text (`template_text::open_to_the_end`).
pub fn first_unclosed(src: &str, body: &Body) -> Option<usize> {
    let b = src.as_bytes();
    if !has_delimiter_with_more(b) {
        return None;
    }
    let mut finder = Finder {
        src: b,
        first: None,
    };
    visit_body(&mut finder, body);
    finder.first
}

/// A line that starts, after spaces, with the delimiter of a `<<` in the file and has more
/// than spaces after it.
fn has_delimiter_with_more(b: &[u8]) -> bool {
    memchr::memmem::find_iter(b, b"<<").any(|start| {
        heredoc_delimiter(b, start)
            .is_some_and(|delimiter| closes_with_more(b, line_end(b, start), delimiter))
    })
}

/// Whether the text from `from` has a line that hcl-edit reads as the delimiter's closing
/// line and Terraform does not.
fn closes_with_more(b: &[u8], from: usize, delimiter: &[u8]) -> bool {
    memchr::memmem::find_iter(&b[from..], delimiter).any(|at| {
        let at = from + at;
        let after = &b[at + delimiter.len()..line_end(b, at)];
        b[line_start(b, at)..at]
            .iter()
            .all(|c| matches!(c, b' ' | b'\t'))
            && after
                .first()
                .is_some_and(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c == b'-'))
            && !after.trim_ascii().is_empty()
    })
}

struct Finder<'s> {
    src: &'s [u8],
    /// The `<<` of the first heredoc that no line closes.
    first: Option<usize>,
}

impl Visit for Finder<'_> {
    fn visit_heredoc_template(&mut self, node: &HeredocTemplate) {
        if let Some(span) = node.span()
            && let Some(start) = memchr::memmem::find(&self.src[span.start..], b"<<")
            && heredoc_close(self.src, span.start + start).is_none()
        {
            let start = span.start + start;
            self.first = Some(self.first.map_or(start, |first| first.min(start)));
        }
        visit_heredoc_template(self, node);
    }

    // hcl-edit's visitor skips the collection of a `%{for}` directive.
    fn visit_for_template_expr(&mut self, node: &ForTemplateExpr) {
        self.visit_expr(&node.collection_expr);
        visit_for_template_expr(self, node);
    }
}

#[cfg(test)]
mod tests {
    use super::first_unclosed;
    use crate::terraform::syntax::agreement::template_text::open_to_the_end;

    fn check(src: &str) -> Option<usize> {
        let body = hcl::edit::parser::parse_body(src).unwrap();
        first_unclosed(src, &body).map(|start| open_to_the_end(src.as_bytes(), start).0)
    }

    #[test]
    fn a_closing_delimiter_with_a_comment_leaves_the_heredoc_open() {
        // At the end of the file, past its last newline.
        let src = "x = <<EOT\nabc\nEOT # note\n";
        assert_eq!(check(src), Some(src.len()));
        let src = "x = [<<-EOT\n  abc\n  EOT /* why */\n]\n";
        assert_eq!(check(src), Some(src.len()));
        let src = "x = f(<<EOT\nabc\nEOT // why\n)\n\n";
        assert_eq!(check(src), Some(src.len()));
    }

    #[test]
    fn a_delimiter_alone_on_its_line_closes_the_heredoc() {
        assert_eq!(check("x = <<EOT\nabc\nEOT\n# EOT # note\n"), None);
        assert_eq!(check("x = <<-EOT\n  abc\n  EOT  \ny = \"EOT # x\"\n"), None);
        assert_eq!(check("x = <<EOT\nEOTS are here\nEOT\n"), None);
        assert_eq!(check("# <<EOT\n# EOT # note\nx = 1\n"), None);
    }
}
