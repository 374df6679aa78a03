//! A fallback for valid Terraform that hcl-edit 0.10 rejects: a newline where Terraform ignores
//! newlines (inside parentheses, brackets, template interpolations and directives, and the body
//! of a `for` expression in braces) after an operator that ends a line, before a `?` / `:` that
//! starts one, or after a comment:
//!
//! ```hcl
//! a = {
//!   for k in var.keys :
//!   k =>
//!   var.enabled &&
//!   contains(var.keys, k)
//! }
//! ```
//!
//! Terraform accepts this: a `for` expression is one expression, so newlines at its own level
//! separate nothing. hcl-edit enables newlines for the `for` itself but parses its key, value and
//! condition as fresh expressions in which a newline ends the expression.
//!
//! When a file fails to parse, `join_for_lines` replaces each newline at those levels with a
//! space, and blanks the line comments there (whose end would otherwise move). Every byte keeps
//! its offset, so spans from the rewritten text map to the original file's lines and columns
//! unchanged. Newlines inside nested object constructors (where they separate attributes),
//! strings, heredocs and a splat's `[*]` (one token to Terraform) are left alone.

/// The source with newlines joined inside `for` bodies, or `None` when there is nothing to join.
pub fn join_for_lines(src: &str) -> Option<String> {
    let mut scanner = Scanner {
        bytes: src.as_bytes().to_vec(),
        pos: 0,
        changed: false,
    };
    scanner.code(None, false);
    // Only ASCII bytes were replaced by ASCII spaces, so the text is still UTF-8.
    scanner
        .changed
        .then(|| String::from_utf8(scanner.bytes).ok())
        .flatten()
}

use super::code_scan::skip_blank;

struct Scanner {
    bytes: Vec<u8>,
    pos: usize,
    changed: bool,
}

impl Scanner {
    fn peek(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    fn starts_with(&self, text: &str) -> bool {
        self.bytes[self.pos..].starts_with(text.as_bytes())
    }

    fn blank(&mut self, from: usize, to: usize) {
        for b in &mut self.bytes[from..to] {
            if *b != b' ' {
                *b = b' ';
                self.changed = true;
            }
        }
    }

    /// Scans code until `closer` at this level. `in_for` is true when this level is the body of a
    /// `for` expression, where newlines are joined.
    fn code(&mut self, closer: Option<u8>, in_for: bool) {
        while let Some(c) = self.peek(0) {
            match c {
                b'#' => self.line_comment(in_for),
                b'/' if self.peek(1) == Some(b'/') => self.line_comment(in_for),
                b'/' if self.peek(1) == Some(b'*') => self.block_comment(in_for),
                b'"' => {
                    self.pos += 1;
                    self.string();
                }
                b'<' if self.peek(1) == Some(b'<') => self.heredoc(),
                b'{' => {
                    self.pos += 1;
                    let for_body = self.at_for_keyword();
                    self.code(Some(b'}'), for_body);
                }
                b'[' => {
                    self.pos += 1;
                    // A splat's `[*]` is one token to Terraform: no newline inside it.
                    let splat = self.bytes[skip_blank(&self.bytes, self.pos)..].starts_with(b"*");
                    self.code(Some(b']'), !splat);
                }
                b'(' => {
                    self.pos += 1;
                    self.code(Some(b')'), true);
                }
                b'}' | b']' | b')' => {
                    // A stray closer is left for the parser to report.
                    if Some(c) == closer {
                        self.pos += 1;
                    }
                    return;
                }
                b'\r' | b'\n' if in_for => {
                    self.blank(self.pos, self.pos + 1);
                    self.pos += 1;
                }
                _ => self.pos += 1,
            }
        }
    }

    /// After an opening brace or bracket: is this a `for` expression?
    fn at_for_keyword(&self) -> bool {
        let rest = &self.bytes[skip_blank(&self.bytes, self.pos)..];
        // `for` followed by a space and a name, not an attribute named `for` (`{ for = 1 }`).
        rest.starts_with(b"for")
            && rest
                .get(3)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
            && rest
                .get(skip_blank(rest, 3))
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
    }

    fn line_comment(&mut self, in_for: bool) {
        let start = self.pos;
        while self.peek(0).is_some_and(|b| b != b'\n') {
            self.pos += 1;
        }
        // Its newline becomes a space, so the comment must go too or it would swallow the rest.
        if in_for {
            self.blank(start, self.pos);
        }
    }

    fn block_comment(&mut self, in_for: bool) {
        self.pos += 2;
        while self.pos < self.bytes.len() && !self.starts_with("*/") {
            if in_for && matches!(self.bytes[self.pos], b'\n' | b'\r') {
                self.blank(self.pos, self.pos + 1);
            }
            self.pos += 1;
        }
        self.pos = (self.pos + 2).min(self.bytes.len());
    }

    /// A quoted template, after its opening quote; interpolations are code.
    fn string(&mut self) {
        while let Some(c) = self.peek(0) {
            match c {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return;
                }
                // An unterminated string: the parser will say so.
                b'\n' => return,
                b'$' | b'%' if self.peek(1) == Some(c) && self.peek(2) == Some(b'{') => {
                    self.pos += 3
                }
                b'$' | b'%' if self.peek(1) == Some(b'{') => {
                    self.pos += 2;
                    self.code(Some(b'}'), true);
                }
                _ => self.pos += 1,
            }
        }
    }

    /// `<<EOT` or `<<-EOT` up to the line that holds only the delimiter; copied as it is.
    fn heredoc(&mut self) {
        let mut p = self.pos + 2;
        if self.bytes.get(p) == Some(&b'-') {
            p += 1;
        }
        let name_start = p;
        while self
            .bytes
            .get(p)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            p += 1;
        }
        if p == name_start {
            self.pos += 2;
            return;
        }
        let delimiter = self.bytes[name_start..p].to_vec();
        while self.bytes.get(p).is_some_and(|b| *b != b'\n') {
            p += 1;
        }
        // Each following line until one that is the delimiter alone (after indentation).
        while p < self.bytes.len() {
            p += 1;
            let end = self.bytes[p..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(self.bytes.len(), |e| p + e);
            let line = self.bytes[p..end].trim_ascii();
            if line == delimiter.as_slice() {
                // The newline that ends the delimiter's line ends the heredoc: it stays.
                self.pos = (end + 1).min(self.bytes.len());
                return;
            }
            p = end;
        }
        self.pos = self.bytes.len();
    }
}

#[cfg(test)]
mod tests {
    use super::join_for_lines;

    #[test]
    fn newlines_at_the_top_level_of_a_for_body_become_spaces() {
        let src = "a = {\n  for k in x :\n  k =>\n  y &&\n  z\n}\n";
        assert_eq!(
            join_for_lines(src).unwrap(),
            "a = {   for k in x :   k =>   y &&   z }\n"
        );
    }

    #[test]
    fn offsets_are_kept() {
        let src = "a = {\n  for k in x : k => # why\n  y\n}\n";
        let joined = join_for_lines(src).unwrap();
        assert_eq!(joined.len(), src.len());
        // The comment and both newlines around it are now spaces: 9 of them before `y`.
        assert_eq!(
            joined,
            format!("a = {{   for k in x : k =>{}y }}\n", " ".repeat(9))
        );
    }

    #[test]
    fn nested_objects_strings_and_heredocs_keep_their_newlines() {
        let src = "a = {\n  for k in x : k => {\n    n = k\n    m = \"${k}\\n\"\n    h = <<-EOT\n      x\n    EOT\n  }\n}\n";
        let joined = join_for_lines(src).unwrap();
        assert_eq!(
            joined,
            "a = {   for k in x : k => {\n    n = k\n    m = \"${k}\\n\"\n    h = <<-EOT\n      x\n    EOT\n  } }\n"
        );
    }

    #[test]
    fn objects_that_are_not_for_expressions_are_left_alone() {
        assert_eq!(join_for_lines("a = {\n  for = 1\n  b = 2\n}\n"), None);
        assert_eq!(join_for_lines("a = {\n  format = 1\n}\n"), None);
    }

    #[test]
    fn newlines_inside_brackets_and_interpolations_become_spaces() {
        assert_eq!(
            join_for_lines("x = f(\n  a +\n  b\n)\n").unwrap(),
            "x = f(   a +   b )\n"
        );
        assert_eq!(
            join_for_lines("x = \"%{if each.value\n.name}y%{endif}\"\n").unwrap(),
            "x = \"%{if each.value .name}y%{endif}\"\n"
        );
        assert_eq!(
            join_for_lines("x = [ # why\n  1,\n]\n").unwrap(),
            "x = [         1, ]\n"
        );
    }

    #[test]
    fn a_splat_keeps_its_newline_for_terraform_to_reject() {
        assert_eq!(join_for_lines("x = a[*\n]\n"), None);
    }

    #[test]
    fn the_line_that_ends_a_heredoc_keeps_its_newline() {
        let src = "x = f(<<EOT\nhello\nEOT\n)\n";
        assert_eq!(join_for_lines(src), None);
    }

    #[test]
    fn a_comment_before_for_is_still_a_for_body() {
        assert_eq!(
            join_for_lines("x = { // why\n  for k in y :\n  k => 1\n}\n").unwrap(),
            format!("x = {{{}for k in y :   k => 1 }}\n", " ".repeat(10))
        );
    }
}
