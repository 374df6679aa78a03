//! The output formats: one file per format, each a pure function from a `findings::Report`
//! to bytes behind the `Emitter` trait.

pub mod compliance;
mod github;
mod gitlab;
mod html;
mod json;
mod junit;
mod layout;
mod markdown;
mod sarif;
mod table;

pub use github::{GithubCommands, annotations as github_annotations};
pub use gitlab::Gitlab;
pub use html::{Html, MAX_BARS as HTML_MAX_BARS};
pub use json::Json;
pub use junit::Junit;
pub use markdown::{MAX_CHARS as MARKDOWN_MAX_CHARS, Markdown};
pub use sarif::{MAX_GZIPPED_BYTES, MAX_RESULTS, Sarif, security_severity};
pub use table::Table;

use crate::findings::Report;
use std::io::{self, Write};

pub trait Emitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}
