//! Reading one Terraform file, in either syntax, into its parsed form.

use super::declarations::{Declarations, ParsedFile, Syntax};
use super::source::SourceFile;
use crate::terraform::discovery::confine::ScannedTree;
use crate::terraform::display_path;
use crate::terraform::resource::FileError;
use std::path::Path;
use std::sync::Arc;

/// Reads and parses the Terraform file at `path`, which must resolve inside `tree`: a `.tf`
/// file that is a link out of the scanned tree is refused, never read.
pub fn parse_file(
    path: &Path,
    root: &Path,
    tree: &ScannedTree,
) -> Result<(SourceFile, Syntax), FileError> {
    let name: Arc<str> = display_path(path, root).into();
    let error = |message: String| FileError {
        file: name.to_string(),
        line: 0,
        column: 0,
        message,
    };
    let resolved = tree
        .resolve(path)
        .map_err(|refusal| error(format!("leads {}; refused, not read", refusal.place())))?;
    let text =
        std::fs::read_to_string(resolved).map_err(|e| error(format!("could not be read: {e}")))?;
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
