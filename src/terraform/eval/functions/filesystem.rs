//! The functions that read files: `file`, `filebase64`, `fileexists`, `fileset`, the file
//! hashes and `templatefile`; and `basename`, `dirname`, which only look at the text. A
//! relative path is read from the module's folder. Every path is resolved in the scanned tree
//! first (`confine`): one that leads outside it, or into a `.git` or `.terraform` folder, is
//! never read; the call is unknown with a reason that names the call, the file and the line.

use super::{Context, arity, map, string, strings_of};
use crate::terraform::discovery::confine::Refusal;
use crate::terraform::display_path;
use crate::terraform::eval::limits::{LIMIT, MAX_TEXT_BYTES};
use crate::terraform::eval::{Eval, Evaluator};
use crate::terraform::syntax::source::SourceFile;
use crate::value::{Unknown, Value};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use globset::GlobBuilder;
use sha2::{Digest, Sha256, Sha512};
use std::path::{Path, PathBuf};

/// The most folder entries one `fileset` call looks at.
const MAX_FILESET_ENTRIES: usize = 10_000;

pub(super) fn call(name: &str, args: &[Value], cx: &Context) -> Option<Eval> {
    Some(match name {
        "file" => arity(args, 1, 1).and_then(|_| {
            with_bytes(&string(&args[0])?, cx, |bytes, path| {
                String::from_utf8(bytes).map(Value::String).map_err(|_| {
                    format!("the contents of {path} are not valid UTF-8; use filebase64 instead")
                })
            })
        }),
        "filebase64" => arity(args, 1, 1).and_then(|_| {
            with_bytes(&string(&args[0])?, cx, |bytes, _| {
                Ok(Value::String(STANDARD.encode(bytes)))
            })
        }),
        "filesha256" => digest(args, cx, |b| hex(&Sha256::digest(b))),
        "filesha512" => digest(args, cx, |b| hex(&Sha512::digest(b))),
        "filebase64sha256" => digest(args, cx, |b| STANDARD.encode(Sha256::digest(b))),
        "filebase64sha512" => digest(args, cx, |b| STANDARD.encode(Sha512::digest(b))),
        // No MD5 or SHA-1 in riveter's dependencies: the path is still checked, so a refused
        // one says so.
        "filemd5" | "filesha1" => arity(args, 1, 1).and_then(|_| {
            Ok(match resolve(&string(&args[0])?, cx) {
                Ok(_) => unknown(
                    cx,
                    format!("{}, a function riveter does not evaluate", cx.source),
                ),
                Err(refused) => refused,
            })
        }),
        "fileexists" => arity(args, 1, 1).and_then(|_| {
            Ok(match resolve(&string(&args[0])?, cx) {
                Ok(path) => Value::Bool(path.is_file()),
                Err(refused) => refused,
            })
        }),
        "fileset" => fileset(args, cx),
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

fn unknown(cx: &Context, reason: String) -> Value {
    Value::Unknown(Unknown::new(cx.source.clone(), reason))
}

/// The path a call names, resolved in the scanned tree; `Err` is the unknown that says why it
/// is refused, and warns once.
fn resolve(path: &str, cx: &Context) -> Result<PathBuf, Value> {
    match cx.scope.tree().resolve(&cx.scope.module_dir().join(path)) {
        Ok(resolved) => {
            cx.scope.note_read(&resolved);
            Ok(resolved)
        }
        Err(refusal) => Err(refused(cx, &refusal)),
    }
}

fn refused(cx: &Context, refusal: &Refusal) -> Value {
    let reason = format!("{} {refusal}, refused at {}", cx.source, cx.place());
    cx.scope
        .refuse_read(cx.file, cx.offset, &format!("{} {refusal}", cx.source));
    unknown(cx, reason)
}

/// Reads the file a call names (a regular file, within riveter's bound on text) and gives
/// its bytes to `value`; a refused path is the unknown that says why.
fn with_bytes(path: &str, cx: &Context, value: impl FnOnce(Vec<u8>, &str) -> Eval) -> Eval {
    let resolved = match resolve(path, cx) {
        Ok(resolved) => resolved,
        Err(refused) => return Ok(refused),
    };
    let metadata =
        std::fs::metadata(&resolved).map_err(|e| format!("cannot read \"{path}\": {e}"))?;
    // A pipe or a device would block or never end; Terraform reads only files here too.
    if !metadata.is_file() {
        return Err(format!("\"{path}\" is not a file"));
    }
    if metadata.len() > MAX_TEXT_BYTES as u64 {
        return Ok(unknown(
            cx,
            format!(
                "{}, a file of more than {} MiB, {LIMIT}",
                cx.source,
                MAX_TEXT_BYTES >> 20
            ),
        ));
    }
    let bytes = std::fs::read(&resolved).map_err(|e| format!("cannot read \"{path}\": {e}"))?;
    value(bytes, path)
}

fn digest(args: &[Value], cx: &Context, hash: impl FnOnce(&[u8]) -> String) -> Eval {
    arity(args, 1, 1)?;
    with_bytes(&string(&args[0])?, cx, |bytes, _| {
        Ok(Value::String(hash(&bytes)))
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `fileset(path, pattern)`: the files under `path` whose path relative to it matches the
/// pattern (`*` within one folder, `**` across folders), sorted. A match that leads out of
/// the scanned tree or into `.git` makes the whole set unknown: Terraform would list it.
fn fileset(args: &[Value], cx: &Context) -> Eval {
    arity(args, 2, 2)?;
    let (path, pattern) = (string(&args[0])?, string(&args[1])?);
    let base = match resolve(&path, cx) {
        Ok(base) => base,
        Err(refused) => return Ok(refused),
    };
    let matcher = GlobBuilder::new(&pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid pattern \"{pattern}\": {}", e.kind()))?
        .compile_matcher();
    let mut found = Vec::new();
    let mut seen = 0;
    // Folders to list, as (path in the tree, path relative to `base`).
    let mut folders = vec![(base.clone(), PathBuf::new())];
    while let Some((folder, relative)) = folders.pop() {
        // A file added to or removed from a folder it lists changes the set, as a change to a
        // file read changes what `file` gives.
        cx.scope.note_read(&folder);
        // A folder that cannot be listed (or `path` is a file) lists nothing, as in Terraform.
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            seen += 1;
            if seen > MAX_FILESET_ENTRIES {
                return Ok(unknown(
                    cx,
                    format!(
                        "{}, which looks at more than {MAX_FILESET_ENTRIES} files, {LIMIT}",
                        cx.source
                    ),
                ));
            }
            let name = relative.join(entry.file_name());
            let full = folder.join(entry.file_name());
            let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
            let target = std::fs::metadata(&full);
            if target.as_ref().is_ok_and(|m| m.is_dir()) {
                // A linked folder is followed only where it stays in the tree; where it leads
                // elsewhere, the names below it are unknown.
                if is_link && let Err(refusal) = cx.scope.tree().resolve(&full) {
                    if could_match(&pattern, &name) {
                        return Ok(refused(cx, &refusal));
                    }
                    continue;
                }
                folders.push((full, name));
            } else if target.is_ok_and(|m| m.is_file()) && matcher.is_match(&name) {
                if let Err(refusal) = cx.scope.tree().resolve(&full) {
                    return Ok(refused(cx, &refusal));
                }
                found.push(name.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    Ok(strings_of(found))
}

/// Whether a pattern could match something below `folder` (relative, `/`-separated): its
/// literal folders agree with the folder's so far, or it holds `**` before they differ.
fn could_match(pattern: &str, folder: &Path) -> bool {
    let mut parts = pattern.split('/');
    for folder_part in folder.iter() {
        match parts.next() {
            None => return false,
            Some(p) if p.contains("**") => return true,
            Some(p) => {
                let Ok(glob) = GlobBuilder::new(p).build() else {
                    return true;
                };
                if !glob.compile_matcher().is_match(folder_part) {
                    return false;
                }
            }
        }
    }
    true
}

/// The file is a template evaluated with the given variables (and nothing else in scope).
/// Terraform refuses `templatefile` inside a template (a template including itself would
/// never end), and so does riveter.
fn templatefile(args: &[Value], cx: &Context) -> Eval {
    arity(args, 2, 2)?;
    if cx.in_template {
        return Err(format!(
            "cannot be called from inside a template (Terraform refuses it too), at {}",
            cx.place()
        ));
    }
    let path = string(&args[0])?;
    let resolved = match resolve(&path, cx) {
        Ok(resolved) => resolved,
        Err(refused) => return Ok(refused),
    };
    let text = match with_bytes(&path, cx, |bytes, path| {
        String::from_utf8(bytes)
            .map(Value::String)
            .map_err(|_| format!("the template {path} is not valid UTF-8"))
    })? {
        Value::String(text) => text,
        other => return Ok(other),
    };
    let vars = map(&args[1])?;
    let name = display_path(&resolved, cx.scope.root());
    if let Some(error) = crate::terraform::syntax::agreement::nesting::too_deep(&text) {
        return Err(format!(
            "the template {name} cannot be read: line {}: {}",
            error.line, error.message
        ));
    }
    let file = SourceFile::new(name.clone().into(), text);
    let template = hcl::edit::parser::parse_template(&file.text).map_err(|e| {
        format!(
            "the template {name} does not parse at line {}: {}",
            e.location().line(),
            e.message()
        )
    })?;
    let mut evaluator = Evaluator::new(cx.scope, &file);
    evaluator.isolated = true;
    evaluator.bound = vars
        .iter()
        .map(|(k, v)| (k.clone(), v.value.clone()))
        .collect();
    evaluator.template(&template)
}

#[cfg(test)]
mod tests {
    use super::could_match;
    use std::path::Path;

    #[test]
    fn a_pattern_could_match_below_a_folder_its_folders_agree_with() {
        assert!(could_match("data/*.json", Path::new("data")));
        assert!(could_match("d*/*.json", Path::new("data")));
        assert!(could_match("**/*.json", Path::new("any/depth")));
        assert!(could_match("a/**", Path::new("a/b/c")));
        assert!(!could_match("data/*.json", Path::new("other")));
        assert!(!could_match("*.json", Path::new("data")));
    }
}
