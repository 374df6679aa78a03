//! HTML (the self-contained page): text for element content and quoted attribute values
//! alike, with hidden characters (bidirectional overrides that reorder what a reader sees,
//! control characters) shown as escapes. A line feed is written as `&#10;` and `##[` as
//! `#&#35;[`, which read the same, so a page printed to a job log (`--format html`) has no line
//! of the Terraform's and no command of GitHub's runner.

use super::{Keep, visible};

pub fn escape(text: &str) -> String {
    let shown = visible(text, Keep::LineFeed);
    let mut out = String::with_capacity(shown.len());
    for c in shown.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("&#10;"),
            '[' if out.ends_with("##") => {
                out.pop();
                out.push_str("&#35;[");
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_hidden_characters_are_inert() {
        assert_eq!(
            escape("<img src=x onerror='a()'> \"&\""),
            "&lt;img src=x onerror=&#39;a()&#39;&gt; &quot;&amp;&quot;"
        );
        assert_eq!(escape("a\u{202e}b\u{1b}c\nd"), "a\\u{202e}b\\u{1b}c&#10;d");
        assert_eq!(escape("x ##[error]y ###["), "x #&#35;[error]y ##&#35;[");
    }
}
