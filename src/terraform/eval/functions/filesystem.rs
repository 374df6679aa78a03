//! `file`, `templatefile`, `fileexists`, `basename`, `dirname`: files are read relative to the
//! module's folder, and never from outside the scan root.

use super::{Context, arity, map, string};
use crate::terraform::eval::{Eval, Evaluator};
use crate::terraform::lexical;
use crate::terraform::source::SourceFile;
use crate::value::{Unknown, Value};
use std::path::{Path, PathBuf};

pub(super) fn call(name: &str, args: &[Value], cx: &Context) -> Option<Eval> {
    Some(match name {
        "file" => arity(args, 1, 1).and_then(|_| read(&string(&args[0])?, cx)),
        "fileexists" => arity(args, 1, 1).and_then(|_| {
            Ok(match resolve(&string(&args[0])?, cx) {
                Ok(path) => Value::Bool(path.is_file()),
                Err(u) => u,
            })
        }),
        "templatefile" => templatefile(args, cx),
        "basename" => arity(args, 1, 1).and_then(|_| {
            let p = string(&args[0])?;
            Ok(Value::String(
                Path::new(&p)
                    .file_name()
                    .map_or(p.clone(), |n| n.to_string_lossy().into_owned()),
            ))
        }),
        "dirname" => arity(args, 1, 1).and_then(|_| {
            let p = string(&args[0])?;
            let parent = Path::new(&p)
                .parent()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(Value::String(if parent.is_empty() {
                ".".into()
            } else {
                parent
            }))
        }),
        _ => return None,
    })
}

/// The file a path names, or an unknown when it would leave the scan root.
fn resolve(path: &str, cx: &Context) -> Result<PathBuf, Value> {
    let outside = || {
        Value::Unknown(Unknown::new(
            &cx.source,
            format!(
                "{}, which reads a file outside the scanned folder",
                cx.source
            ),
        ))
    };
    let joined = cx.scope.module_dir().join(path);
    // A file that does not exist cannot leave the root; canonicalize what exists.
    let canonical = joined.canonicalize().unwrap_or_else(|_| lexical(&joined));
    let root = cx
        .scope
        .scan_root()
        .canonicalize()
        .unwrap_or_else(|_| cx.scope.scan_root().to_path_buf());
    if canonical.starts_with(&root) {
        cx.scope.note_read(&canonical);
        Ok(canonical)
    } else {
        Err(outside())
    }
}

fn read_text(path: &str, cx: &Context) -> Result<Result<String, Value>, String> {
    let resolved = match resolve(path, cx) {
        Ok(p) => p,
        Err(u) => return Ok(Err(u)),
    };
    std::fs::read_to_string(&resolved)
        .map(Ok)
        .map_err(|e| format!("cannot read \"{path}\": {e}"))
}

fn read(path: &str, cx: &Context) -> Eval {
    Ok(match read_text(path, cx)? {
        Ok(text) => Value::String(text),
        Err(unknown) => unknown,
    })
}

/// The file is a template evaluated with the given variables (and nothing else in scope).
fn templatefile(args: &[Value], cx: &Context) -> Eval {
    arity(args, 2, 2)?;
    let path = string(&args[0])?;
    let text = match read_text(&path, cx)? {
        Ok(text) => text,
        Err(unknown) => return Ok(unknown),
    };
    let vars = map(&args[1])?;
    if let Some(error) = crate::terraform::nesting::too_deep(&text) {
        return Err(format!(
            "the template {path} cannot be read: line {}: {}",
            error.line, error.message
        ));
    }
    let file = SourceFile::new(path.clone().into(), text);
    let template = hcl::edit::parser::parse_template(&file.text)
        .map_err(|e| format!("the template {path} does not parse: {}", e.message()))?;
    let mut evaluator = Evaluator::new(cx.scope, &file);
    evaluator.isolated = true;
    evaluator.bound = vars
        .iter()
        .map(|(k, v)| (k.clone(), v.value.clone()))
        .collect();
    evaluator.template(&template)
}
