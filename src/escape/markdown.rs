//! GitHub-flavoured Markdown (the pull request comment and the job summary). Text from the
//! Terraform must render as the characters it holds: no heading, list, emphasis, link, image,
//! autolinked mention, HTML tag, comment or entity of its own, and nothing that ends a table
//! cell or row. So every ASCII punctuation character is backslash-escaped (CommonMark renders
//! any of them escaped as itself), `<`, `>` and `&` are written as entities, `@` is followed
//! by a zero-width space (GitHub links a mention after rendering, where an escape is gone),
//! and hidden characters, line breaks included, are shown as escapes.

use super::{Keep, visible};

const ZERO_WIDTH_SPACE: char = '\u{200b}';

/// Text anywhere in a document: a table cell, a list item, a quote.
pub fn text(text: &str) -> String {
    let shown = visible(text, Keep::Nothing);
    let mut out = String::with_capacity(shown.len() + shown.len() / 4);
    for c in shown.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' => {
                out.push('@');
                out.push(ZERO_WIDTH_SPACE);
            }
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text as a code span inside a table cell: shown in code font, where Markdown, HTML and
/// mentions are not read. The fence is longer than any run of backticks inside; `|` is
/// escaped, which GitHub's tables undo inside code too.
pub fn code_in_cell(text: &str) -> String {
    let shown = visible(text, Keep::Nothing).replace('|', "\\|");
    let longest = shown.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A space each side keeps a backtick at either end from joining the fence; Markdown
    // strips one such space from each side.
    let pad = if shown.starts_with('`') || shown.ends_with('`') || shown.starts_with(' ') {
        " "
    } else {
        ""
    };
    if shown.is_empty() {
        return String::new();
    }
    format!("{fence}{pad}{shown}{pad}{fence}")
}

/// A repository path as the path of a link's URL: every byte but unreserved characters and
/// `/` percent-encoded, so the link ends where riveter ends it.
pub fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{code_in_cell, text, url_path};

    #[test]
    fn markdown_syntax_is_shown_not_read() {
        assert_eq!(text("## ✅ passed"), "\\#\\# ✅ passed");
        assert_eq!(
            text("[x](https://e.com)"),
            "\\[x\\]\\(https\\:\\/\\/e\\.com\\)"
        );
        assert_eq!(text("![i](u)"), "\\!\\[i\\]\\(u\\)");
        assert_eq!(text("a|b"), "a\\|b");
        assert_eq!(text("`code` *em* _em_"), "\\`code\\` \\*em\\* \\_em\\_");
        assert_eq!(text("a\\b"), "a\\\\b");
    }

    #[test]
    fn html_and_entities_are_shown_not_read() {
        assert_eq!(
            text("<details><!-- x --><img src=x>&amp;"),
            "&lt;details&gt;&lt;\\!\\-\\- x \\-\\-&gt;&lt;img src\\=x&gt;&amp;amp\\;"
        );
    }

    #[test]
    fn mentions_do_not_ping() {
        assert_eq!(text("@octocat"), "@\u{200b}octocat");
        assert_eq!(text("team @org/admins"), "team @\u{200b}org\\/admins");
    }

    #[test]
    fn line_breaks_cannot_end_a_row() {
        let cell = text("a\n| b |\r\n## c");
        assert!(!cell.contains(['\n', '\r']), "{cell}");
        assert_eq!(cell, "a\\\\n\\| b \\|\\\\r\\\\n\\#\\# c");
    }

    #[test]
    fn a_code_span_holds_any_text() {
        assert_eq!(code_in_cell("aws_s3_bucket.logs"), "`aws_s3_bucket.logs`");
        assert_eq!(code_in_cell("a`b"), "``a`b``");
        assert_eq!(code_in_cell("`a``"), "``` `a`` ```");
        assert_eq!(code_in_cell("a|b\nc"), "`a\\|b\\nc`");
        assert_eq!(code_in_cell(""), "");
    }

    #[test]
    fn a_link_path_cannot_end_the_link() {
        assert_eq!(url_path("modules/a b/main.tf"), "modules/a%20b/main.tf");
        assert_eq!(url_path("x).tf\n#"), "x%29.tf%0A%23");
    }
}
