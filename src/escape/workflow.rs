//! GitHub Actions workflow commands (`::error file=…,title=…::message`), as the runner reads
//! them: it decodes `%25`, `%0D` and `%0A` in a command's message, and also `%3A` and `%2C` in
//! its properties, which `:` and `,` would otherwise end. Other hidden characters are shown as
//! escapes, and `##[` broken, as on any line of the log.

use super::{Keep, visible};

/// A command's message: everything after the second `::`.
pub fn data(text: &str) -> String {
    visible(text, Keep::LineBreaks)
        // The runner parses the line as this command first, but should it not, the older
        // form is read anywhere in a line.
        .replace("##[", "#\\u{23}[")
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value (`file=`, `title=`): also `:` and `,`, which separate them.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{data, property};

    #[test]
    fn escapes_as_the_runner_requires() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a: b, c"), "a%3A b%2C c");
        assert_eq!(property("%0A"), "%250A");
    }

    #[test]
    fn a_message_cannot_start_another_command() {
        let message = data("k\n::stop-commands::x\n");
        assert!(!message.contains('\n'), "{message}");
        assert_eq!(message, "k%0A::stop-commands::x%0A");
        assert_eq!(data("a\u{1b}[2Jb\u{2028}"), "a\\u{1b}[2Jb\\u{2028}");
        assert_eq!(data("x ##[error]y"), "x #\\u{23}[error]y");
        let title = property("t::x,y=z\n");
        assert!(!title.contains([':', ',', '\n']), "{title}");
    }
}
