//! Reading one Terraform file, in either syntax, into its parsed form.

use super::declarations::{Declarations, ParsedFile, Syntax};
use super::display_path;
use super::resource::FileError;
use super::source::SourceFile;
use std::path::Path;
use std::sync::Arc;

pub fn parse_file(path: &Path, root: &Path) -> Result<(SourceFile, Syntax), FileError> {
    let name: Arc<str> = display_path(path, root).into();
    let text = std::fs::read_to_string(path).map_err(|e| FileError {
        file: name.to_string(),
        line: 0,
        column: 0,
        message: format!("could not be read: {e}"),
    })?;
    parse_text(name, text)
}

pub fn parse_text(name: Arc<str>, text: String) -> Result<(SourceFile, Syntax), FileError> {
    let source = SourceFile::new(name.clone(), text);
    let error = |line: u32, column: u32, message: String| FileError {
        file: name.to_string(),
        line,
        column,
        message,
    };
    let syntax = if name.ends_with(".json") {
        super::json::parse(&source.text)
            .map(Syntax::Json)
            .map_err(|(l, c, m)| error(l, c, m))?
    } else {
        super::hcl::parse(&source.text)
            .map(Syntax::Hcl)
            .map_err(|e| error(e.line, e.column, e.message))?
    };
    Ok((source, syntax))
}

/// What a parsed file declares, read by its syntax's reader.
pub fn declarations(file: &ParsedFile) -> Declarations<'_> {
    match &file.syntax {
        Syntax::Hcl(body) => super::hcl::declarations(body, &file.source),
        Syntax::Json(expr) => super::json::declarations(expr, &file.source),
    }
}
