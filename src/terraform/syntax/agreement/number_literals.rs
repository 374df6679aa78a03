//! Number literals as Terraform reads them: `10.11.10.12` is one token to Terraform, which
//! rejects it ("Invalid number literal"), while hcl-edit reads the number `10.11` followed by
//! the legacy index steps `.10` and `.12`, and accepts the file. An unquoted CIDR block
//! (`cidr_blocks = [10.0.0.0/16]`) is the common mistake this catches.
//!
//! Terraform's scanner takes a digit followed by digits, dots and exponents (`e`, `E`, an
//! optional sign and a digit), not ending in a dot, as one number token. hcl-edit stops earlier
//! only where a dot and a digit follow the number it read, so those numbers are checked, and
//! only in files where such a sequence appears at all.

use super::code_scan;
use hcl::edit::Span as _;
use hcl::edit::expr::Expression;
use hcl::edit::structure::Body;
use hcl::edit::template::ForTemplateExpr;
use hcl::edit::visit::{Visit, visit_body, visit_expr, visit_for_template_expr};

/// The byte offset of the first number token Terraform rejects, if any.
pub fn first_invalid(src: &str, body: &Body) -> Option<usize> {
    if !has_dotted_run(src.as_bytes()) {
        return None;
    }
    let mut finder = Finder {
        src: src.as_bytes(),
        first: None,
    };
    visit_body(&mut finder, body);
    finder.first
}

/// The first number token Terraform rejects before `limit`, found in the text: for a file
/// hcl-edit rejects, where an invalid number before hcl-edit's error is what Terraform reports.
pub fn first_invalid_before(src: &str, limit: usize) -> Option<usize> {
    let b = src.as_bytes();
    if !has_dotted_run(&b[..limit.min(b.len())]) {
        return None;
    }
    let mut pos = 0;
    let mut in_string = false;
    // Open interpolations, each with the brackets open inside it.
    let mut interpolations: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    while pos < limit.min(b.len()) {
        let c = b[pos];
        if in_string {
            match c {
                b'\\' => pos += 2,
                b'"' | b'\n' => {
                    in_string = false;
                    pos += 1;
                }
                b'$' | b'%' if b.get(pos + 1) == Some(&c) => pos += 2,
                b'$' | b'%' if b.get(pos + 1) == Some(&b'{') => {
                    interpolations.push(depth);
                    in_string = false;
                    pos += 2;
                }
                _ => pos += 1,
            }
            continue;
        }
        match c {
            b'"' => {
                in_string = true;
                pos += 1;
            }
            b'#' | b'/' | b'<'
                if matches!(
                    (c, b.get(pos + 1)),
                    (b'#', _) | (b'/', Some(b'/' | b'*')) | (b'<', Some(b'<'))
                ) =>
            {
                pos = code_scan::skip(b, pos)
            }
            b'{' | b'[' | b'(' => {
                depth += 1;
                pos += 1;
            }
            b'}' if interpolations.last() == Some(&depth) => {
                interpolations.pop();
                in_string = true;
                pos += 1;
            }
            b'}' | b']' | b')' => {
                depth = depth.saturating_sub(1);
                pos += 1;
            }
            b'0'..=b'9' => {
                let token = token(b, pos);
                if !valid(token) {
                    return Some(pos);
                }
                pos += token.len();
            }
            // A name or a traversal step, digits and dots included, is not a number.
            _ if c.is_ascii_alphabetic() || c == b'_' || c == b'.' => {
                pos += 1;
                while pos < b.len()
                    && (b[pos].is_ascii_alphanumeric() || matches!(b[pos], b'_' | b'-' | b'.'))
                {
                    pos += 1;
                }
            }
            _ => pos += 1,
        }
    }
    None
}

/// A digit, a dot, digits, and another dot and digit: the least text an invalid number needs.
fn has_dotted_run(b: &[u8]) -> bool {
    memchr::memchr_iter(b'.', b).any(|dot| {
        dot > 0
            && b[dot - 1].is_ascii_digit()
            && b.get(dot + 1).is_some_and(u8::is_ascii_digit)
            && {
                let digits = b[dot + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                b.get(dot + 1 + digits) == Some(&b'.')
                    && b.get(dot + 2 + digits).is_some_and(u8::is_ascii_digit)
            }
    })
}

struct Finder<'s> {
    src: &'s [u8],
    first: Option<usize>,
}

impl Visit for Finder<'_> {
    fn visit_expr(&mut self, expr: &Expression) {
        if let Expression::Number(number) = expr
            && let Some(span) = number.span()
        {
            // A negative number's span starts at its sign.
            let start = span.start
                + self.src[span.start..span.end]
                    .iter()
                    .take_while(|c| !c.is_ascii_digit())
                    .count();
            if !valid(token(self.src, start)) && self.first.is_none_or(|f| start < f) {
                self.first = Some(start);
            }
        }
        visit_expr(self, expr);
    }

    // hcl-edit's visitor skips the collection of a `%{for}` directive.
    fn visit_for_template_expr(&mut self, node: &ForTemplateExpr) {
        self.visit_expr(&node.collection_expr);
        visit_for_template_expr(self, node);
    }
}

/// The number token Terraform's scanner reads from `start`.
fn token(b: &[u8], start: usize) -> &[u8] {
    let mut end = start + 1;
    let mut last_digit = end;
    loop {
        match b.get(end) {
            Some(c) if c.is_ascii_digit() => {
                end += 1;
                last_digit = end;
            }
            Some(b'.') => end += 1,
            Some(b'e' | b'E') => {
                let sign = usize::from(matches!(b.get(end + 1), Some(b'+' | b'-')));
                if !b.get(end + 1 + sign).is_some_and(u8::is_ascii_digit) {
                    break;
                }
                end += 2 + sign;
                last_digit = end;
            }
            _ => break,
        }
    }
    // The token ends at its last digit: a trailing dot is a traversal.
    &b[start..last_digit]
}

/// `digits[.digits][e[+-]digits]`: what Terraform's number parsing accepts.
fn valid(token: &[u8]) -> bool {
    let digits = |t: &[u8]| t.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut rest = token;
    let n = digits(rest);
    if n == 0 {
        return false;
    }
    rest = &rest[n..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = digits(fraction);
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    if let Some(exponent) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let exponent = exponent
            .strip_prefix(b"+")
            .or_else(|| exponent.strip_prefix(b"-"))
            .unwrap_or(exponent);
        let n = digits(exponent);
        if n == 0 {
            return false;
        }
        rest = &exponent[n..];
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::{first_invalid, first_invalid_before, token, valid};

    #[test]
    fn an_invalid_number_before_another_error_is_found_in_the_text() {
        let src = "x = {a = -1[1.2.3]\nb = \"${10.1.1}\" 1.2.3 }\n";
        assert_eq!(first_invalid_before(src, src.len()), Some(12));
        assert_eq!(first_invalid_before(src, 10), None);
        let src = "x = \"10.0.0.0/16 ${1.2.3}\" # 1.2.3\ny = var.l.0.1.2\n";
        assert_eq!(first_invalid_before(src, src.len()), Some(19));
        assert_eq!(first_invalid_before("x = \"10.0.0.0\" # 1.2.3\n", 40), None);
    }

    fn check(src: &str) -> Option<usize> {
        let body = hcl::edit::parser::parse_body(src).unwrap();
        first_invalid(src, &body)
    }

    #[test]
    fn an_unquoted_cidr_block_is_an_invalid_number() {
        assert_eq!(check("cidr_blocks = [10.11.10.12/32]\n"), Some(15));
        assert_eq!(check("x = 1.2.3\n"), Some(4));
        assert_eq!(check("x = -1.2.3\n"), Some(5));
        assert_eq!(check("x = \"${1.2.3}\"\n"), Some(7));
        assert_eq!(check("x = \"%{for v in 1.2.3}${v}%{endfor}\"\n"), Some(16));
        assert_eq!(check("x = <<EOT\n${1.2.3}\nEOT\n"), Some(12));
    }

    #[test]
    fn numbers_and_legacy_indexes_terraform_accepts_pass() {
        assert_eq!(check("x = var.list.0.1\n"), None);
        assert_eq!(check("x = 1.5\ny = 1e3\nz = \"10.0.0.0/16\"\n"), None);
        assert_eq!(check("x = 1.5.foo\n"), None);
    }

    #[test]
    fn the_token_is_read_as_terraform_scans_it() {
        assert_eq!(token(b"10.11.10.12/32", 0), b"10.11.10.12");
        assert_eq!(token(b"1.foo", 0), b"1");
        assert_eq!(token(b"1e5.5", 0), b"1e5.5");
        assert_eq!(token(b"1e+5", 0), b"1e+5");
        assert!(valid(b"1.5e-3") && valid(b"01") && !valid(b"1.2.3") && !valid(b"1e5.5"));
    }
}
