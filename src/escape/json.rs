//! JSON (the JSON, SARIF and GitLab reports). serde_json already writes every control
//! character as `\uXXXX`, so no text breaks a line. What is left is GitHub's runner reading
//! `##[` anywhere in a line of the job log as a command, when a JSON report goes to standard
//! output: `##[` can only stand inside a JSON string, where `#\u0023[` means the same.

use std::io::{self, Write};

const SHOWN: &[u8] = b"\\u0023[";

/// A writer that passes JSON through with every `##[` written as `#\u0023[`, across the
/// pieces it is given. `finish` writes what it held back.
pub struct NoOldCommands<'a> {
    out: &'a mut dyn Write,
    /// `#`s at the end of the last piece, which the next piece may complete into `##[`.
    held: usize,
}

impl<'a> NoOldCommands<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        NoOldCommands { out, held: 0 }
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&b"##"[..self.held])?;
        self.held = 0;
        self.out.flush()
    }
}

impl Write for NoOldCommands<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let mut rest = buf;
        if self.held > 0 {
            let hashes = rest.iter().take_while(|b| **b == b'#').count();
            let run = self.held + hashes;
            rest = &rest[hashes..];
            match rest.first() {
                None => {
                    // Still only `#`s: keep the last two back.
                    self.out
                        .write_all(&"#".repeat(run.saturating_sub(2)).into_bytes())?;
                    self.held = run.min(2);
                    return Ok(());
                }
                Some(b'[') if run >= 2 => {
                    self.out.write_all(&"#".repeat(run - 1).into_bytes())?;
                    self.out.write_all(SHOWN)?;
                    rest = &rest[1..];
                }
                Some(_) => self.out.write_all(&"#".repeat(run).into_bytes())?,
            }
            self.held = 0;
        }
        let mut from = 0;
        for at in memchr::memmem::find_iter(rest, b"##[") {
            if at < from {
                continue;
            }
            self.out.write_all(&rest[from..=at])?;
            self.out.write_all(SHOWN)?;
            from = at + 3;
        }
        let tail = &rest[from..];
        let held = tail.iter().rev().take_while(|b| **b == b'#').count().min(2);
        self.out.write_all(&tail[..tail.len() - held])?;
        self.held = held;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::NoOldCommands;
    use std::io::Write;

    fn through(pieces: &[&str]) -> String {
        let mut out = Vec::new();
        let mut writer = NoOldCommands::new(&mut out);
        for piece in pieces {
            writer.write_all(piece.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn no_old_style_command_survives_whatever_the_pieces() {
        let json = r#"{"d":"x ##[error]y ###[z ## # [ #"}"#;
        let expected = r#"{"d":"x #\u0023[error]y ##\u0023[z ## # [ #"}"#;
        assert_eq!(through(&[json]), expected);
        // Every way of cutting it in two or three gives the same.
        for i in 0..=json.len() {
            for j in i..=json.len() {
                assert_eq!(through(&[&json[..i], &json[i..j], &json[j..]]), expected);
            }
        }
        let parsed: serde_json::Value = serde_json::from_str(expected).unwrap();
        assert_eq!(parsed["d"], "x ##[error]y ###[z ## # [ #");
        assert_eq!(through(&["##", "", "#", "#"]), "####");
    }
}
