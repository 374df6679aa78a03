//! A heredoc that no line closes: Terraform reads the rest of the file as its text, a template,
//! and reports the template's first mistake before the missing delimiter: a directive without
//! its opener (`%{endfor}` with no `%{for}`), an interpolation that the file ends inside, or one
//! whose expression is followed by something other than its `}`. hcl-edit closed the heredoc
//! earlier and never read that text as Terraform does, so it is read here, a construct at a
//! time, with Terraform's rules for where a heredoc ends.

use super::code_scan::{heredoc_delimiter, line_end, skip, skip_blank};

pub const UNTERMINATED: &str = "Unterminated template string: no line closes the heredoc; its \
     closing delimiter must be alone on its line";
const UNCLOSED: &str = "Unclosed template interpolation sequence: there is no closing brace for \
     this interpolation before the end of the file";
const EXTRA: &str = "Extra characters after interpolation expression: a closing brace must end \
     the interpolation's expression";
const NO_EXPRESSION: &str = "Invalid expression: an expression is expected here";

/// Where Terraform rejects the file whose heredoc starting at `start` (its `<<`) no line
/// closes, and its message.
pub fn open_to_the_end(b: &[u8], start: usize) -> (usize, &'static str) {
    let mut pos = (line_end(b, start) + 1).min(b.len());
    let mut literal_start = pos;
    let mut open_directives: Vec<&[u8]> = Vec::new();
    while pos < b.len() {
        let opener = b[pos];
        let is_sequence = matches!(opener, b'$' | b'%') && b.get(pos + 1) == Some(&b'{');
        if matches!(opener, b'$' | b'%') && b.get(pos + 1) == Some(&opener) {
            // `$${` and `%%{` are literal text.
            pos += 2;
            continue;
        }
        if !is_sequence {
            pos += 1;
            continue;
        }
        let code = strip_marker(b, pos + 2);
        let close = if opener == b'%' {
            if let Some(error) = directive(b, pos, code, &mut open_directives) {
                return error;
            }
            directive_end(b, code)
        } else {
            match interpolation_end(b, code) {
                Ok(close) => Some(close),
                Err(Some(error)) => return error,
                Err(None) => None,
            }
        };
        let Some(close) = close else {
            return (literal_start, UNCLOSED);
        };
        pos = close + 1;
        literal_start = pos;
    }
    (b.len(), UNTERMINATED)
}

/// Past the `~` that strips whitespace around a sequence, if one follows its `{`.
fn strip_marker(b: &[u8], pos: usize) -> usize {
    if b.get(pos) == Some(&b'~') {
        pos + 1
    } else {
        pos
    }
}

/// Keeps `open` (the `for` and `if` directives not yet ended) balanced; a directive that ends
/// or continues one that is not open is the error, at its `%`.
fn directive<'b>(
    b: &'b [u8],
    at: usize,
    code: usize,
    open: &mut Vec<&'b [u8]>,
) -> Option<(usize, &'static str)> {
    let word_start = skip_blank(b, code);
    let word_end = word_start
        + b[word_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    let unbalanced = match &b[word_start..word_end] {
        word @ (b"for" | b"if") => {
            open.push(word);
            None
        }
        // An `if` takes one `else`: after it, the open directive is the `else`.
        b"else" => match open.last_mut() {
            Some(top) if *top == b"if" => {
                *top = b"else";
                None
            }
            _ => Some("Unexpected else directive: the control directives within this template are unbalanced"),
        },
        b"endif" => (!matches!(open.pop(), Some(b"if" | b"else")))
            .then_some("Unexpected endif directive: the control directives within this template are unbalanced"),
        b"endfor" => (open.pop() != Some(b"for"))
            .then_some("Unexpected endfor directive: the control directives within this template are unbalanced"),
        _ => None,
    };
    unbalanced.map(|message| (at, message))
}

/// The `}` that ends a directive's code, if the file has one.
fn directive_end(b: &[u8], mut pos: usize) -> Option<usize> {
    while pos < b.len() && b[pos] != b'}' {
        pos = skip(b, pos);
    }
    (pos < b.len()).then_some(pos)
}

/// Where an interpolation's expression, starting at `pos`, is followed by its `}`; otherwise
/// the error there, or `None` inside the error when the file ends first.
fn interpolation_end(b: &[u8], mut pos: usize) -> Result<usize, Option<(usize, &'static str)>> {
    let mut operand_expected = true;
    loop {
        pos = skip_blank(b, pos);
        let Some(&c) = b.get(pos) else {
            return Err(None);
        };
        let closes = c == b'}' || (c == b'~' && b.get(pos + 1) == Some(&b'}'));
        if operand_expected {
            if closes {
                return Err(Some((pos, NO_EXPRESSION)));
            }
            match c {
                b'!' | b'-' => pos += 1,
                b'"' | b'(' | b'[' | b'{' => {
                    pos = skip(b, pos);
                    operand_expected = false;
                }
                b'<' if heredoc_delimiter(b, pos).is_some() => {
                    pos = skip(b, pos);
                    operand_expected = false;
                }
                c if c.is_ascii_alphanumeric() || c == b'_' => {
                    pos = past_word(b, pos);
                    operand_expected = false;
                }
                _ => return Err(Some((pos, NO_EXPRESSION))),
            }
            continue;
        }
        if closes {
            return Ok(if c == b'~' { pos + 1 } else { pos });
        }
        match c {
            // An attribute, a splat or a legacy index: `.name`, `.*`, `.0`.
            b'.' => {
                pos = skip_blank(b, pos + 1);
                pos = match b.get(pos) {
                    Some(b'*') => pos + 1,
                    Some(c) if c.is_ascii_alphanumeric() || *c == b'_' => past_word(b, pos),
                    _ => return Err(Some((pos, NO_EXPRESSION))),
                };
            }
            // An index or a function call's arguments.
            b'[' | b'(' => pos = skip(b, pos),
            b'=' | b'!' | b'<' | b'>' | b'&' | b'|' => {
                let two = matches!(
                    &b[pos..(pos + 2).min(b.len())],
                    b"==" | b"!=" | b"<=" | b">=" | b"&&" | b"||"
                );
                if !two && matches!(c, b'=' | b'!' | b'&' | b'|') {
                    return Err(Some((pos, EXTRA)));
                }
                pos += if two { 2 } else { 1 };
                operand_expected = true;
            }
            b'+' | b'-' | b'*' | b'/' | b'%' | b'?' | b':' => {
                pos += 1;
                operand_expected = true;
            }
            _ => return Err(Some((pos, EXTRA))),
        }
    }
}

/// Past a name (with `::` of a provider function) or a number (with its fraction and exponent).
fn past_word(b: &[u8], mut pos: usize) -> usize {
    if b[pos].is_ascii_digit() {
        while pos < b.len() && b[pos].is_ascii_digit() {
            pos += 1;
        }
        if b.get(pos) == Some(&b'.') && b.get(pos + 1).is_some_and(u8::is_ascii_digit) {
            pos += 1;
            while pos < b.len() && b[pos].is_ascii_digit() {
                pos += 1;
            }
        }
        if matches!(b.get(pos), Some(b'e' | b'E')) {
            pos += 1;
            if matches!(b.get(pos), Some(b'+' | b'-')) {
                pos += 1;
            }
            while pos < b.len() && b[pos].is_ascii_digit() {
                pos += 1;
            }
        }
        return pos;
    }
    while pos < b.len()
        && (b[pos].is_ascii_alphanumeric()
            || matches!(b[pos], b'_' | b'-')
            || (b[pos] == b':' && b.get(pos + 1) == Some(&b':')))
    {
        pos += if b[pos] == b':' { 2 } else { 1 };
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::{UNTERMINATED, open_to_the_end};

    fn error(src: &str) -> (usize, &'static str) {
        open_to_the_end(src.as_bytes(), src.find("<<").unwrap())
    }

    #[test]
    fn a_heredoc_with_balanced_text_is_unterminated_at_the_end_of_the_file() {
        let src = "x = <<EOT\n${a.b} and %{if c}d%{endif}\nEOT # why\n";
        assert_eq!(error(src), (src.len(), UNTERMINATED));
    }

    #[test]
    fn an_unbalanced_directive_comes_first() {
        let src = "x = <<EOT\nabc\nEOT # why\n}${v}%{endfor}\"\n";
        let (at, message) = error(src);
        assert_eq!(at, src.find("%{endfor").unwrap());
        assert!(
            message.starts_with("Unexpected endfor directive"),
            "{message}"
        );
    }

    #[test]
    fn an_interpolation_the_file_ends_inside_is_reported_at_its_text() {
        // The inner heredoc ends at the outer one's closing line, and the file ends.
        let src = "x = <<-EOT\n  x ${<<EOT\nabc\nEOT // why\n\n} y\n  EOT\n";
        let (at, message) = error(src);
        assert_eq!(at, src.find("  x").unwrap());
        assert!(
            message.starts_with("Unclosed template interpolation"),
            "{message}"
        );
    }

    #[test]
    fn what_follows_an_interpolations_expression_is_extra() {
        let src = "x = <<EOT\n  x ${1\nEOT\n";
        let (at, message) = error(src);
        assert_eq!(at, src.rfind("EOT").unwrap());
        assert!(message.starts_with("Extra characters"), "{message}");
        let src = "x = f(\n  <<-EOT\n  x ${<<-EOT\n  y\n  EOT // why\n\n} y\n  EOT\n\n)\n";
        let (at, _) = error(src);
        assert_eq!(at, src.rfind(')').unwrap());
    }
}
