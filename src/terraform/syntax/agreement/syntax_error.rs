//! A syntax error as Terraform reports it: hcl-edit's error, moved to the token Terraform points
//! at and named with Terraform's summary ("Missing close bracket on index", "Argument or block
//! definition required"), so a user is sent to the same place by both.

use super::code_scan::{self, enclosing_group, line_start, skip};
use super::number_literals;
use super::string_newlines;
use super::template_text;

/// A syntax error: where it is in the source, and what Terraform would call it.
#[derive(Debug)]
pub struct SyntaxError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl SyntaxError {
    /// Located by byte offset in the original source: repairs keep offsets, not the text.
    pub fn at(src: &str, offset: usize, message: String) -> SyntaxError {
        // An offset found by walking bytes is moved back to the character it falls in.
        let offset = src.floor_char_boundary(offset);
        let line_start = line_start(src.as_bytes(), offset);
        SyntaxError {
            line: src[..offset].bytes().filter(|&b| b == b'\n').count() as u32 + 1,
            column: src[line_start..offset].chars().count() as u32 + 1,
            message,
        }
    }

    pub fn invalid_number(src: &str, offset: usize) -> SyntaxError {
        SyntaxError::at(
            src,
            offset,
            "Invalid number literal: failed to recognize the value of this number literal".into(),
        )
    }

    /// The error hcl-edit reports at `offset` with `message`, as Terraform reports it.
    pub fn from_hcl_edit(src: &str, offset: usize, message: &str) -> SyntaxError {
        let b = src.as_bytes();
        let offset = offset.min(src.len());
        let at_end = b[offset..].trim_ascii().is_empty();
        // Terraform reads tokens in order: an invalid number before hcl-edit's error comes
        // first, and a heredoc that no line closes makes the rest of the file its text.
        let heredoc = code_scan::first_unclosed_heredoc(b).filter(|&h| h < offset);
        if let Some(number) = number_literals::first_invalid_before(src, heredoc.unwrap_or(offset))
        {
            return SyntaxError::invalid_number(src, number);
        }
        if let Some(heredoc) = heredoc {
            let (at, message) = template_text::open_to_the_end(b, heredoc);
            return SyntaxError::at(src, at, message.into());
        }
        // At the end of the file inside a tuple, Terraform wanted an item or the `]`.
        if at_end && let Some((at, message)) = tuple_left_open(b) {
            return SyntaxError::at(src, at, message.into());
        }
        // At the end of the file, the block left open is what Terraform points at.
        if at_end && let Some(brace) = code_scan::unclosed_block(b) {
            return SyntaxError::at(
                src,
                brace,
                "Unclosed configuration block: there is no closing brace for this block before \
                 the end of the file"
                    .into(),
            );
        }
        if let Some(newline) = code_scan::first_multi_line_string(b)
            && line_start(b, newline) <= offset
        {
            // Terraform's scanner stops at the newline; hcl-edit reports the line's argument.
            return SyntaxError::at(src, newline, string_newlines::MULTI_LINE.into());
        }
        if let Some(e) = exponent_without_digits(b, offset, message) {
            return SyntaxError::at(
                src,
                e,
                "Missing newline after argument: a number's exponent needs digits; Terraform \
                 reads this `e` as the start of something else"
                    .into(),
            );
        }
        if message.contains("object value assignment") {
            return missing_separator(src, offset);
        }
        if message.contains("expected `]`")
            && let Some((at, message)) = unclosed_square_bracket(b, offset, at_end)
        {
            return SyntaxError::at(src, at, message.into());
        }
        if let Some(name) = name_without_definition(b, offset, message) {
            return SyntaxError::at(
                src,
                name,
                "Argument or block definition required: an argument or block definition is \
                 required here; to set an argument, use `=` to introduce its value"
                    .into(),
            );
        }
        if message == "unexpected token" && first_of_line(b, offset) {
            // hcl-edit stops at the first token of a body's line that cannot start one.
            return SyntaxError::at(
                src,
                offset,
                "Argument or block definition required: an argument or block definition is \
                 required here"
                    .into(),
            );
        }
        SyntaxError::at(src, offset, terraform_message(message))
    }
}

/// An object key followed by something other than `=` or `:`.
///
/// When only blank lines stand between the key and the token, the newline ends the item for
/// Terraform, which points there, where hcl-edit points at the next line. Otherwise hcl-edit
/// points just past the first character of that token; Terraform points at the token, and
/// names a comma a missing value.
fn missing_separator(src: &str, offset: usize) -> SyntaxError {
    if let Some(line_end) = key_ended_line(src.as_bytes(), offset) {
        return SyntaxError::at(
            src,
            line_end,
            "Missing attribute value: an object item's key and its `=` or `:` must be on one \
             line"
                .into(),
        );
    }
    let token = src[..offset]
        .char_indices()
        .next_back()
        .filter(|(_, c)| !c.is_whitespace())
        .map_or(offset, |(at, _)| at);
    let message = if src[token..].starts_with(',') {
        "Missing attribute value: expected an attribute value, introduced by an equals sign (\"=\")"
    } else {
        "Missing key/value separator: expected an equals sign (\"=\") to mark the beginning of \
         the attribute value"
    };
    SyntaxError::at(src, token, message.into())
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

/// A tuple's `[` that the file ends inside, directly: after a comma (or an operator) an item
/// is missing at the end of the file; otherwise the tuple is reported at its `[`.
fn tuple_left_open(b: &[u8]) -> Option<(usize, &'static str)> {
    let last = b.iter().rposition(|c| !c.is_ascii_whitespace())?;
    let open = enclosing_group(b, last).filter(|&open| b[open] == b'[')?;
    if is_index(b, open) {
        return None;
    }
    Some(
        if matches!(
            b[last],
            b',' | b'+' | b'-' | b'*' | b'/' | b'%' | b'?' | b':'
        ) {
            (
                b.len(),
                "Missing expression: expected the start of an expression, but found the end of the \
             file",
            )
        } else {
            (
                open,
                "Unterminated tuple constructor expression: there is no corresponding closing \
             bracket before the end of the file",
            )
        },
    )
}

/// A `[` whose `]` hcl-edit did not find where it wanted it, at `offset`.
///
/// For an index (`a[1 2]`) Terraform reads on to the bracket that closes it and points there.
/// A tuple (`[1, 2`) that the file ends inside is reported at its `[`.
fn unclosed_square_bracket(b: &[u8], offset: usize, at_end: bool) -> Option<(usize, &'static str)> {
    // At the end of the file, the group is the one that holds its last code.
    let inside = if at_end {
        b.iter().rposition(|c| !c.is_ascii_whitespace())?
    } else {
        offset
    };
    let open = enclosing_group(b, inside).filter(|&open| b[open] == b'[')?;
    if !is_index(b, open) {
        // A tuple the file ends inside is `tuple_left_open`'s.
        return (!at_end).then_some((
            offset,
            "Missing item separator: expected a comma to mark the beginning of the next item",
        ));
    }
    let mut pos = offset;
    while pos < b.len() && b[pos] != b']' {
        pos = skip(b, pos);
    }
    Some((
        pos,
        "Missing close bracket on index: the index operator must end with a closing bracket \
         (\"]\")",
    ))
}

/// Whether the `[` at `open` indexes the expression before it rather than opening a tuple:
/// a name (not the keyword `in` or `if` of a `for`), a number, or a closing bracket or quote
/// comes right before it, past blanks.
fn is_index(b: &[u8], open: usize) -> bool {
    let Some(end) = b[..open].iter().rposition(|c| !c.is_ascii_whitespace()) else {
        return false;
    };
    if matches!(b[end], b')' | b']' | b'}' | b'"') {
        return true;
    }
    let word = &b[name_start(b, end + 1)..=end];
    !word.is_empty() && word != b"in" && word != b"if"
}

/// A name at the start of a line in a body, followed by neither `=` nor a block's labels or
/// brace: hcl-edit points at the token after the name, Terraform at the name.
fn name_without_definition(b: &[u8], offset: usize, message: &str) -> Option<usize> {
    if !message.starts_with("invalid structure") {
        return None;
    }
    let name_end = b[..offset]
        .iter()
        .rposition(|c| !matches!(c, b' ' | b'\t'))?
        + 1;
    let name_start = name_start(b, name_end);
    (name_start < name_end && first_of_line(b, name_start)).then_some(name_start)
}

/// Where the name (letters, digits, `_` and `-`) that ends at `end` starts; `end` when none
/// does.
fn name_start(b: &[u8], end: usize) -> usize {
    b[..end]
        .iter()
        .rposition(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c == b'-'))
        .map_or(0, |p| p + 1)
}

/// The `e` of a number literal that ends right after it (`1e`, `2.5E`), where hcl-edit
/// expected the exponent's digits at `offset`: Terraform reads the number without it.
fn exponent_without_digits(b: &[u8], offset: usize, message: &str) -> Option<usize> {
    if message != "expected digit" {
        return None;
    }
    let e = offset.checked_sub(1)?;
    let digits = b[..e]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit() || **c == b'.')
        .count();
    (matches!(b[e], b'e' | b'E') && digits > 0).then_some(e)
}

/// Whether only spaces stand before `at` on its line.
fn first_of_line(b: &[u8], at: usize) -> bool {
    b[..at]
        .iter()
        .rev()
        .take_while(|&&c| c != b'\n')
        .all(|c| matches!(c, b' ' | b'\t' | b'\r'))
}

/// hcl-edit's message under the summary Terraform gives the same mistake.
fn terraform_message(message: &str) -> String {
    let summary = if message.starts_with("invalid expression") {
        "Invalid expression"
    } else if message.starts_with("invalid block body") {
        "Argument or block definition required"
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

#[cfg(test)]
mod tests {
    use super::SyntaxError;

    #[test]
    fn an_offset_inside_a_character_points_at_that_character() {
        let error = SyntaxError::at("x = \"é\n", 6, String::new());
        assert_eq!((error.line, error.column), (1, 6));
    }
}
