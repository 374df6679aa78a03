//! Where variable values come from, in Terraform's order of precedence (later wins): defaults,
//! `TF_VAR_name`, `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` in lexical
//! order, then `--var-file` and `--var` in the order given on the command line.

use crate::terraform::discovery::confine::ScannedTree;
use crate::terraform::eval::types::{Type, literal_text};
use crate::terraform::eval::{Evaluator, Scope, VariableValue};
use crate::terraform::syntax::source::SourceFile;
use crate::value::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::terraform::resource::Origin;

/// A value as it was given: `-var` and `TF_VAR_` values are text whose meaning depends on the
/// variable's type; tfvars files hold values.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    Text(String),
    Value(Value),
}

/// What the command line and the environment give every module.
#[derive(Debug, Clone, Default)]
pub struct VariableInputs {
    /// `TF_VAR_name` values.
    pub environment: Vec<(String, String)>,
    /// `--var-file` contents and `--var` values, in command-line order.
    pub command_line: Vec<Assigned>,
}

/// A variable's value as a tfvars file or the command line gives it, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Assigned {
    pub name: String,
    pub given: Given,
    pub origin: Arc<Origin>,
}

/// A `--var-file` or `--var` argument, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandLineVariable {
    File(PathBuf),
    Assignment(String),
}

impl VariableInputs {
    /// Reads the var files and checks the assignments; an unreadable file or a malformed
    /// `NAME=VALUE` stops the scan.
    /// A var file is read where the operator names it, unless `tree` refuses it
    /// (`ScannedTree::resolve_named`).
    pub fn load(
        args: &[CommandLineVariable],
        environment: impl Iterator<Item = (String, String)>,
        tree: &ScannedTree,
    ) -> Result<VariableInputs, String> {
        let mut command_line = Vec::new();
        for arg in args {
            match arg {
                CommandLineVariable::File(path) => {
                    let name = path.display().to_string();
                    let resolved = tree.resolve_named(path).map_err(|refusal| {
                        format!(
                            "--var-file {name}: the file leads {}, refused",
                            refusal.place()
                        )
                    })?;
                    command_line.extend(read_var_file(&resolved, &name)?)
                }
                CommandLineVariable::Assignment(text) => {
                    let (name, value) = text
                        .split_once('=')
                        .ok_or_else(|| format!("--var \"{text}\": expected NAME=VALUE"))?;
                    command_line.push(Assigned {
                        name: name.trim().to_string(),
                        given: Given::Text(value.to_string()),
                        origin: Arc::new(Origin::new("set by --var", None, 0)),
                    });
                }
            }
        }
        let environment = environment
            .filter_map(|(k, v)| k.strip_prefix("TF_VAR_").map(|name| (name.to_string(), v)))
            .collect();
        Ok(VariableInputs {
            environment,
            command_line,
        })
    }
}

/// The values of a `.tfvars` or `.tfvars.json` file at `path` (already resolved in the
/// scanned tree, or named by the operator), called `name` in messages.
pub fn read_var_file(path: &Path, name: &str) -> Result<Vec<Assigned>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{name}: could not read the variables file: {e}"))?;
    let name = name.to_string();
    if name.ends_with(".json") {
        let json: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| format!("{name}:{}: invalid JSON: {e}", e.line()))?;
        let serde_json::Value::Object(map) = json else {
            return Err(format!("{name}: a variables file must hold one object"));
        };
        // serde_json keeps no lines: a JSON variables file is named without one.
        let shown: Arc<str> = name.as_str().into();
        let origin = Arc::new(Origin::new("set in", Some(shown), 0));
        return Ok(map
            .iter()
            .map(|(k, v)| Assigned {
                name: k.clone(),
                given: Given::Value(Value::from_json(v)),
                origin: origin.clone(),
            })
            .collect());
    }
    if let Some(error) = crate::terraform::syntax::agreement::nesting::too_deep(&text) {
        return Err(format!(
            "{name}:{}:{}: {}",
            error.line, error.column, error.message
        ));
    }
    let file = SourceFile::new(name.clone().into(), text);
    let body = hcl::edit::parser::parse_body(&file.text).map_err(|e| {
        format!(
            "{name}:{}:{}: invalid HCL: {}",
            e.location().line(),
            e.location().column(),
            e.message()
        )
    })?;
    // A tfvars file holds constants; functions work, references do not. Terraform allows no
    // function call there, so none may read a file: the scope has no scanned tree.
    let tree = ScannedTree::default();
    let scope = Scope::new(Path::new("."), Path::new("."), &tree);
    let mut evaluator = Evaluator::new(&scope, &file);
    let values = body
        .attributes()
        .map(|attr| Assigned {
            name: attr.key.as_str().to_string(),
            given: Given::Value(evaluator.attribute(&attr.value).value),
            origin: Arc::new(Origin::new(
                "set",
                Some(file.name.clone()),
                file.span(hcl::edit::Span::span(attr)).line,
            )),
        })
        .collect();
    // A value past a limit of evaluation cannot be given: the file is refused, naming it.
    match scope.take_limits_met().into_iter().next() {
        Some(met) => Err(format!(
            "{}:{}:{}: {}",
            name, met.line, met.column, met.message
        )),
        None => Ok(values),
    }
}

/// The tfvars files Terraform reads in a module's folder, in its order.
pub fn module_var_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut auto = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".auto.tfvars") || name.ends_with(".auto.tfvars.json") {
            auto.push(path);
        }
    }
    auto.sort();
    Ok(["terraform.tfvars", "terraform.tfvars.json"]
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| p.is_file())
        .chain(auto)
        .collect())
}

/// One declared variable.
pub struct Declaration {
    pub name: String,
    pub ty: Type,
    pub default: Option<Value>,
    /// Where the default is written (its file and line), named when a finding reads it.
    pub default_at: Option<Arc<Origin>>,
}

/// What a module folder's own tfvars files give.
#[derive(Debug, Default)]
pub struct FolderValues {
    /// In Terraform's order: a later one wins.
    pub values: Vec<Assigned>,
    /// Why a tfvars file of the folder was not read (it leads out of the scanned tree): it
    /// may set any variable, so only the command line and callers give known values.
    pub refused: Option<String>,
}

/// The arguments a caller gives a module instance: values, and where each was set.
#[derive(Debug, Clone, Default)]
pub struct CallerValues {
    pub values: HashMap<String, Value>,
    pub origins: HashMap<String, Arc<Origin>>,
}

/// Each declared variable's value after every source, converted to its type, and where it
/// was set.
pub fn resolve(
    declarations: &[Declaration],
    inputs: &VariableInputs,
    folder: &FolderValues,
    callers: &CallerValues,
) -> Vec<(String, VariableValue, Option<Arc<Origin>>)> {
    declarations
        .iter()
        .map(|decl| {
            let name = decl.name.as_str();
            let named = |list: &[Assigned]| {
                list.iter()
                    .rev()
                    .find(|a| a.name == name)
                    .map(|a| (a.given.clone(), Some(a.origin.clone())))
            };
            let given = callers
                .values
                .get(name)
                .map(|v| {
                    let origin = callers.origins.get(name).cloned();
                    (Given::Value(v.clone()), origin)
                })
                .or_else(|| named(&inputs.command_line));
            if let (None, Some(refused)) = (&given, &folder.refused) {
                return (
                    decl.name.clone(),
                    VariableValue::Unreadable(refused.clone()),
                    None,
                );
            }
            let given = given
                .or_else(|| named(&folder.values))
                .or_else(|| {
                    inputs
                        .environment
                        .iter()
                        .find(|(n, _)| n == name)
                        .map(|(_, v)| {
                            let origin = Origin::new(format!("set by TF_VAR_{name}"), None, 0);
                            (Given::Text(v.clone()), Some(Arc::new(origin)))
                        })
                })
                .or_else(|| {
                    let default = decl.default.clone()?;
                    Some((Given::Value(default), decl.default_at.clone()))
                });
            // A null given to a variable declared `nullable = false` gives it its default.
            let given = match (given, &decl.default) {
                (Some((Given::Value(Value::Null), _)), Some(default)) if decl.ty.is_not_null() => {
                    Some((Given::Value(default.clone()), decl.default_at.clone()))
                }
                (given, _) => given,
            };
            match given {
                None if decl.ty.is_not_null() => {
                    (decl.name.clone(), VariableValue::NoValueNotNull, None)
                }
                None => (decl.name.clone(), VariableValue::NoValue, None),
                Some((given, origin)) => match typed(given, &decl.ty) {
                    Ok(value) => (decl.name.clone(), VariableValue::Known(value), origin),
                    Err(why) => (decl.name.clone(), VariableValue::Invalid(why), origin),
                },
            }
        })
        .collect()
}

/// Text from `-var` or the environment is the string itself for a string (or untyped)
/// variable, and HCL for any other type, as Terraform reads it.
fn typed(given: Given, ty: &Type) -> Result<Value, String> {
    let value = match given {
        Given::Value(value) => value,
        Given::Text(text) if matches!(ty.values(), Type::String | Type::Any) => Value::String(text),
        Given::Text(text) => literal_text(&text)
            .ok_or_else(|| format!("\"{text}\" is not valid HCL for its type"))?,
    };
    ty.convert(value)
}
