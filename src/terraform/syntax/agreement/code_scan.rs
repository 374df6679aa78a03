//! Moving through HCL source a construct at a time without parsing it: bracketed groups,
//! quoted strings with their interpolations, heredocs and comments. Used by the repairs and
//! the error locations, which work on the text so that every byte keeps its offset.

/// Past spaces, newlines and comments.
pub fn skip_blank(b: &[u8], mut pos: usize) -> usize {
    while pos < b.len() {
        match b[pos] {
            b' ' | b'\t' | b'\r' | b'\n' => pos += 1,
            b'#' => pos = line_end(b, pos),
            b'/' if b.get(pos + 1) == Some(&b'/') => pos = line_end(b, pos),
            b'/' if b.get(pos + 1) == Some(&b'*') => pos = skip(b, pos),
            _ => break,
        }
    }
    pos
}

/// The offset of the first byte of the line holding `at`.
pub fn line_start(b: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', &b[..at]).map_or(0, |p| p + 1)
}

pub fn line_end(b: &[u8], from: usize) -> usize {
    memchr::memchr(b'\n', &b[from..]).map_or(b.len(), |p| from + p)
}

/// Past one element of code at `pos`: a bracketed group, a quoted string, a heredoc, a
/// comment (up to its newline), or one byte.
pub fn skip(b: &[u8], pos: usize) -> usize {
    match b[pos] {
        b'{' | b'[' | b'(' => group_end(b, pos).0,
        b'"' => string_end(b, pos + 1),
        b'<' if b.get(pos + 1) == Some(&b'<') => heredoc_end(b, pos),
        b'#' => line_end(b, pos),
        b'/' if b.get(pos + 1) == Some(&b'/') => line_end(b, pos),
        b'/' if b.get(pos + 1) == Some(&b'*') => {
            memchr::memmem::find(&b[pos + 2..], b"*/").map_or(b.len(), |e| pos + 2 + e + 2)
        }
        _ => pos + 1,
    }
}

/// The opener of the innermost group that holds the element starting at `at`: a `{`, `[` or
/// `(`, or the `$` or `%` of a template's interpolation or directive; `None` at the top level
/// or when `at` is inside a string's text.
pub fn enclosing_group(b: &[u8], at: usize) -> Option<usize> {
    let mut open = None;
    let (mut pos, mut end) = (0, b.len());
    'descend: loop {
        while pos < end {
            if pos == at {
                return open;
            }
            let next = skip(b, pos);
            if next > at {
                // The element holding `at`: go inside it.
                match b[pos] {
                    b'{' | b'[' | b'(' => {
                        open = Some(pos);
                        (pos, end) = (pos + 1, next - 1);
                        continue 'descend;
                    }
                    // A template: go into the interpolation or directive that holds `at`.
                    b'"' | b'<' => {
                        let (inner, close) = interpolation_holding(b, pos + 1, next, at)?;
                        // The `$` or `%` before the interpolation's `{`.
                        open = Some(inner - 2);
                        (pos, end) = (inner, close);
                        continue 'descend;
                    }
                    _ => return None,
                }
            }
            pos = next;
        }
        return None;
    }
}

/// The code of the `${ … }` or `%{ … }` between `from` and `to` (a template's text) that holds
/// `at`: from after its `{` to its `}`.
fn interpolation_holding(b: &[u8], from: usize, to: usize, at: usize) -> Option<(usize, usize)> {
    let mut pos = from;
    while pos + 1 < to {
        match b[pos] {
            b'\\' => pos += 2,
            // `$${` and `%%{` are literal text.
            b'$' | b'%' if b[pos + 1] == b[pos] => pos += 2,
            b'$' | b'%' if b[pos + 1] == b'{' => {
                let next = skip(b, pos + 1);
                if at > pos + 1 && at < next {
                    return Some((pos + 2, next - 1));
                }
                pos = next;
            }
            _ => pos += 1,
        }
    }
    None
}

/// The newline inside the first quoted string that a line end interrupts, if any: Terraform's
/// quoted strings end on their line (only an interpolation's code may run over lines).
pub fn first_multi_line_string(b: &[u8]) -> Option<usize> {
    literal_starts(b)
        .filter(|&p| b[p] == b'"')
        .find_map(|p| quoted_string_newline(b, p))
}

/// The `<<` of the first heredoc that no line closes, if any.
pub fn first_unclosed_heredoc(b: &[u8]) -> Option<usize> {
    literal_starts(b).find(|&p| {
        b[p] == b'<' && heredoc_delimiter(b, p).is_some() && heredoc_close(b, p).is_none()
    })
}

/// Where the quoted strings (their `"`) and heredocs (their `<<`) of the code start, in order;
/// comments are skipped, and so is each literal's text.
fn literal_starts(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < b.len() {
            let at = pos;
            match b[pos] {
                b'"' => {
                    pos = string_end(b, pos + 1);
                    return Some(at);
                }
                b'<' if b.get(pos + 1) == Some(&b'<') => {
                    pos = heredoc_end(b, pos);
                    return Some(at);
                }
                b'#' | b'/' => pos = skip(b, pos),
                _ => pos += 1,
            }
        }
        None
    })
}

/// The newline that interrupts the quoted string whose `"` is at `quote`, if one does before
/// its closing quote (a newline inside an interpolation does not).
pub fn quoted_string_newline(b: &[u8], quote: usize) -> Option<usize> {
    let mut pos = quote + 1;
    while pos < b.len() {
        match b[pos] {
            b'\n' => return Some(pos),
            b'"' => return None,
            b'\\' => pos += 2,
            b'$' | b'%' if b.get(pos + 1) == Some(&b[pos]) => pos += 2,
            b'$' | b'%' if b.get(pos + 1) == Some(&b'{') => pos = skip(b, pos + 1),
            _ => pos += 1,
        }
    }
    None
}

/// Past the closer of the bracketed group opening at `pos`, and whether it has one.
fn group_end(b: &[u8], pos: usize) -> (usize, bool) {
    let close = match b[pos] {
        b'{' => b'}',
        b'[' => b']',
        _ => b')',
    };
    let mut p = pos + 1;
    while p < b.len() && b[p] != close {
        p = skip(b, p);
    }
    if p < b.len() {
        (p + 1, true)
    } else {
        (b.len(), false)
    }
}

/// Past the closing quote of a string whose text starts at `pos`; interpolations are code.
fn string_end(b: &[u8], mut pos: usize) -> usize {
    while pos < b.len() {
        match b[pos] {
            b'\\' => pos += 2,
            b'"' => return pos + 1,
            b'\n' => return pos,
            b'$' | b'%' if b.get(pos + 1) == Some(&b[pos]) => pos += 2,
            b'$' | b'%' if b.get(pos + 1) == Some(&b'{') => pos = skip(b, pos + 1),
            _ => pos += 1,
        }
    }
    b.len()
}

/// Past the closing delimiter of a heredoc starting at `pos` (`<<EOT` or `<<-EOT`).
fn heredoc_end(b: &[u8], pos: usize) -> usize {
    match heredoc_delimiter(b, pos) {
        Some(_) => heredoc_close(b, pos).unwrap_or(b.len()),
        None => pos + 2,
    }
}

/// The delimiter's name of a heredoc starting at `pos`.
pub fn heredoc_delimiter(b: &[u8], pos: usize) -> Option<&[u8]> {
    let mut p = pos + 2;
    if b.get(p) == Some(&b'-') {
        p += 1;
    }
    let name_start = p;
    while p < b.len() && (b[p].is_ascii_alphanumeric() || b[p] == b'_' || b[p] == b'-') {
        p += 1;
    }
    (p > name_start).then(|| &b[name_start..p])
}

/// The end of the line that closes the heredoc starting at `pos`, as Terraform reads it: the
/// first line holding the delimiter alone (spaces aside); `None` when no line does.
pub fn heredoc_close(b: &[u8], pos: usize) -> Option<usize> {
    let delimiter = heredoc_delimiter(b, pos)?;
    let mut p = line_end(b, pos);
    // At each line's start: the delimiter alone ends the heredoc. Interpolations are code and
    // may run over lines (and hold heredocs of their own, with the same delimiter).
    while p < b.len() {
        p += 1;
        let end = line_end(b, p);
        if b[p..end].trim_ascii() == delimiter {
            return Some(end);
        }
        while p < b.len() && b[p] != b'\n' {
            p = match b[p] {
                b'$' | b'%' if b.get(p + 1) == Some(&b[p]) => p + 2,
                b'$' | b'%' if b.get(p + 1) == Some(&b'{') => skip(b, p + 1),
                _ => p + 1,
            };
        }
    }
    None
}

/// The `{` of the innermost block left open at the end of the file, if the file ends inside
/// one: where Terraform reports an unclosed configuration block.
pub fn unclosed_block(b: &[u8]) -> Option<usize> {
    let (mut pos, mut found) = (0, None);
    while pos < b.len() {
        let next = skip(b, pos);
        if b[pos] == b'{' && !group_end(b, pos).1 && opens_a_block(b, pos) {
            // Its contents run to the end: look for a block left open inside it.
            found = Some(pos);
            pos += 1;
        } else {
            pos = next;
        }
    }
    found
}

/// A block's brace follows its type or a label on the same line; an object's follows `=`, `:`,
/// `(`, `[` or `,`.
fn opens_a_block(b: &[u8], brace: usize) -> bool {
    let before = b[..brace].trim_ascii_end();
    before
        .last()
        .is_some_and(|&c| c == b'"' || c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
}

#[cfg(test)]
mod tests {
    use super::unclosed_block;

    #[test]
    fn the_innermost_block_left_open_is_found() {
        let src = "resource \"a\" \"b\" {\n  name = \"x\"\n  command {\n}\n";
        assert_eq!(unclosed_block(src.as_bytes()), Some(17));
        let src = "a {\n  b {\n    c = { d = 1 }\n";
        assert_eq!(unclosed_block(src.as_bytes()), Some(8));
        assert_eq!(unclosed_block(b"a {\n}\nb = { c = 1\n"), None);
    }
}
