//! A bound on how deeply a file's brackets nest, checked before anything parses it. hcl-edit
//! refuses expressions nested more than 64 levels, but riveter's own passes over the text
//! (`code_scan`, the repairs and the error locations) and hcl-edit's template parser descend
//! once per level on the call stack, so a file of a hundred thousand `"${` would overflow it
//! before any of them could say no.
//!
//! Every `{`, `[` and `(` counts, in strings and comments too: the count needs no parse, and
//! real files stay far below the bound even so (a file must hold hundreds of unclosed
//! brackets in its strings to reach it).

use super::syntax_error::SyntaxError;

/// The deepest a file's brackets may nest, counted as above.
pub const MAX_NESTING: usize = 256;

/// The error for a file whose brackets nest deeper than `MAX_NESTING`, at the bracket that
/// goes past it.
pub fn too_deep(src: &str) -> Option<SyntaxError> {
    let mut depth = 0usize;
    for (offset, byte) in src.bytes().enumerate() {
        match byte {
            b'{' | b'[' | b'(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(SyntaxError::at(
                        src,
                        offset,
                        format!(
                            "Invalid syntax: brackets nested more than {MAX_NESTING} levels deep, riveter's limit"
                        ),
                    ));
                }
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bracket_past_the_bound_is_named() {
        let deep = format!("x = {}", "\"${".repeat(MAX_NESTING + 1));
        let error = too_deep(&deep).expect("too deep");
        assert_eq!(
            (error.line, error.column),
            (1, 5 + 3 * MAX_NESTING as u32 + 2)
        );
        assert!(error.message.contains("riveter's limit"));
    }

    #[test]
    fn closed_brackets_do_not_add_up() {
        let flat = "x = [1]\n".repeat(10 * MAX_NESTING);
        assert!(too_deep(&flat).is_none());
        let nested = format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert!(too_deep(&nested).is_none());
    }
}
