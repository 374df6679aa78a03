//! Standard output and standard error, which a terminal shows and a CI runner reads. GitHub's
//! runner takes a line that starts with `::` (after leading white space) as a workflow command
//! (`::stop-commands::`, `::error::`, `::add-mask::`), and one that holds `##[` anywhere as a
//! command of the older form; it splits lines at `\n` and at `\r`. So no text from the
//! Terraform may start a line or hold `##[`, and no control character is written raw: it could
//! start a line, or move the cursor and rewrite what a terminal shows.

use super::{Keep, visible};
use std::borrow::Cow;

/// The older command form's marker, and what it becomes: the second `#` as an escape.
const OLD_COMMAND: &str = "##[";
const OLD_COMMAND_SHOWN: &str = "#\\u{23}[";

/// One field of a line (a label, a file name, an address, a value): every hidden character,
/// line breaks included, as an escape, and `##[` broken.
pub fn text(field: &str) -> Cow<'_, str> {
    no_old_commands(visible(field, Keep::Nothing))
}

/// A message that may span lines, made by riveter with values inside: hidden characters
/// other than `\n` as escapes, and every line guarded as `line` guards it.
pub fn block(message: &str) -> Cow<'_, str> {
    let shown = visible(message, Keep::LineFeed);
    if !shown.split('\n').any(needs_guard) {
        return shown;
    }
    let lines: Vec<Cow<str>> = shown.split('\n').map(line).collect();
    Cow::Owned(lines.join("\n"))
}

/// A finished line (without its line break) that riveter is about to write: when it would
/// start with `::`, the first `:` is written as an escape, so the runner sees no command; `##[`
/// anywhere is broken the same way. riveter's own workflow commands are written without it.
pub fn line(line: &str) -> Cow<'_, str> {
    if !needs_guard(line) {
        return Cow::Borrowed(line);
    }
    let mut guarded = String::with_capacity(line.len() + 8);
    let start = command_start(line);
    match start {
        Some(at) => {
            guarded.push_str(&line[..at]);
            guarded.push_str("\\u{3a}");
            guarded.push_str(&line[at + 1..]);
        }
        None => guarded.push_str(line),
    }
    no_old_commands(Cow::Owned(guarded))
}

fn needs_guard(line: &str) -> bool {
    command_start(line).is_some() || line.contains(OLD_COMMAND)
}

/// Where a line's `::` starts when the runner would read it as a command: after white space
/// (the runner trims it) and, to be safe, after terminal colour sequences (`\x1b[…m`).
fn command_start(line: &str) -> Option<usize> {
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start();
        if let Some(sequence) = trimmed.strip_prefix("\x1b[") {
            // A control sequence ends at its first byte in @..~.
            let end = sequence.find(|c: char| ('@'..='~').contains(&c))?;
            rest = &sequence[end + 1..];
            continue;
        }
        return trimmed
            .starts_with("::")
            .then(|| line.len() - trimmed.len());
    }
}

fn no_old_commands(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.contains(OLD_COMMAND) {
        Cow::Owned(text.replace(OLD_COMMAND, OLD_COMMAND_SHOWN))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::{block, line, text};

    #[test]
    fn a_field_cannot_break_the_line_or_hold_an_old_style_command() {
        assert_eq!(text("k\n::stop-commands::x\n"), "k\\n::stop-commands::x\\n");
        assert_eq!(text("a\rb\u{1b}[2Jc"), "a\\rb\\u{1b}[2Jc");
        assert_eq!(text("x ##[error]y"), "x #\\u{23}[error]y");
        assert!(!text("###[##[").contains("##["));
        // ARNs and the like keep their colons.
        assert_eq!(text("arn:aws:iam::123:role/x"), "arn:aws:iam::123:role/x");
    }

    #[test]
    fn a_line_never_starts_with_a_workflow_command() {
        assert_eq!(line("::error::x"), "\\u{3a}:error::x");
        assert_eq!(line("     ::warning::x"), "     \\u{3a}:warning::x");
        assert_eq!(line("\u{3000}\t::x::y"), "\u{3000}\t\\u{3a}:x::y");
        assert_eq!(line("\x1b[33m::x::y\x1b[0m"), "\x1b[33m\\u{3a}:x::y\x1b[0m");
        assert_eq!(line("  x ::error::y"), "  x ::error::y");
        assert_eq!(line("a ##[group]b"), "a #\\u{23}[group]b");
        assert_eq!(line("❌ rule"), "❌ rule");
    }

    #[test]
    fn a_block_keeps_its_lines_and_guards_each() {
        assert_eq!(block("one\ntwo"), "one\ntwo");
        assert_eq!(
            block("file a.tf:\n::add-mask::x\r::y::z"),
            "file a.tf:\n\\u{3a}:add-mask::x\\r::y::z"
        );
    }
}
