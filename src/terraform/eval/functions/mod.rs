//! Terraform's built-in functions that can be computed before `plan`. A function that is not
//! here, or that is impure (`timestamp`, `uuid`), gives an unknown that names it; never an error.

mod collections;
mod encoding;
mod filesystem;
mod format;
mod network;
mod numeric;
mod strings;

use super::{Eval, Scope, to_bool, to_number};
use crate::terraform::syntax::source::SourceFile;
use crate::value::Number;
use crate::value::{Node, Unknown, Value};

pub(super) struct Context<'s, 't> {
    pub scope: &'s Scope<'t>,
    /// The call's source text, which an unknown result keeps.
    pub source: String,
    /// The file the call is in, and the byte offset where it starts: its place in a reason.
    pub file: &'s SourceFile,
    pub offset: usize,
    /// The call is in a template `templatefile` reads.
    pub in_template: bool,
}

impl Context<'_, '_> {
    /// `file:line` of the call, as reports name places.
    pub fn place(&self) -> String {
        format!("{}:{}", self.file.name, self.file.position(self.offset).0)
    }
}

/// Functions whose results change from run to run, or depend on the machine: never known.
const IMPURE: &[&str] = &[
    "timestamp",
    "plantimestamp",
    "uuid",
    "uuidv5",
    "bcrypt",
    "timeadd",
];

pub(super) fn call(name: &str, args: Vec<Value>, cx: &Context) -> Eval {
    // An unknown argument makes the result unknown. The encoders and `join`/`format` render
    // unknowns nested inside their arguments, so only a top-level unknown stops them.
    if let Some(u) = args.iter().find_map(Value::as_unknown) {
        // `lookup(map, key, null)` with a map or key that is not known may give its default:
        // the result may be absent.
        if name == "lookup"
            && args.len() == 3
            && args[2].may_be_null()
            && let Some((u, which)) = args[0]
                .as_unknown()
                .map(|u| (u, "map"))
                .or_else(|| args[1].as_unknown().map(|u| (u, "key")))
        {
            let why = format!(
                "{} may be null, since its {which} depends on {}",
                cx.source, u.reason
            );
            let set = Node::bare(unknown(cx, u.reason.clone()));
            return Ok(Value::Unknown(Unknown::maybe_absent(
                cx.source.clone(),
                u.reason.clone(),
                why,
                set,
            )));
        }
        return Ok(unknown(cx, u.reason.clone()));
    }
    if IMPURE.contains(&name) {
        return Ok(unknown(
            cx,
            format!("{}, which changes from run to run", cx.source),
        ));
    }
    let result = strings::call(name, &args)
        .or_else(|| collections::call(name, &args))
        .or_else(|| numeric::call(name, &args))
        .or_else(|| encoding::call(name, &args))
        .or_else(|| format::call(name, &args))
        .or_else(|| network::call(name, &args))
        .or_else(|| filesystem::call(name, &args, cx));
    match result {
        // What may be absent (a default that may be null) stays so.
        Some(Ok(Value::Unknown(u))) => Ok(match unknown(cx, u.reason) {
            Value::Unknown(mut result) => {
                result.absent = u.absent;
                Value::Unknown(result)
            }
            other => other,
        }),
        // The encoders, `join` and `formatlist` write unknown parts into their text
        // (`Unknown::rendered`).
        Some(Ok(value)) => Ok(value.read_back(&cx.source)),
        // A bound of riveter's met inside (a template rendering a template) is passed on as
        // it is: it was recorded where it was met.
        Some(result) => result.map_err(|e| {
            if e.ends_with(super::limits::LIMIT) {
                e
            } else {
                format!("{name}(): {e}")
            }
        }),
        None => Ok(unknown(
            cx,
            format!("{}, a function riveter does not evaluate", cx.source),
        )),
    }
}

/// The error of a function whose result would pass riveter's bound on text (`limits`).
fn too_large() -> String {
    format!(
        "the result would be more than {} MiB of text, {}",
        super::limits::MAX_TEXT_BYTES >> 20,
        super::limits::LIMIT
    )
}

fn unknown(cx: &Context, reason: String) -> Value {
    Value::Unknown(Unknown::new(cx.source.clone(), reason))
}

/// Checks the number of arguments.
fn arity(args: &[Value], min: usize, max: usize) -> Result<(), String> {
    if args.len() < min || args.len() > max {
        let wanted = if min == max {
            min.to_string()
        } else if max == usize::MAX {
            format!("at least {min}")
        } else {
            format!("{min} to {max}")
        };
        return Err(format!("takes {wanted} argument(s), {} given", args.len()));
    }
    Ok(())
}

/// A string argument; numbers and booleans convert, as in Terraform.
fn string(value: &Value) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.text()),
        Value::Bool(b) => Ok(b.to_string()),
        other => Err(format!("a string is required, found {}", other.kind())),
    }
}

fn number(value: &Value) -> Result<Number, String> {
    to_number(value)
}

/// A whole number that fits in 64 bits, as cty converts a number for an `int` parameter.
fn integer(value: &Value) -> Result<i64, String> {
    let n = number(value)?;
    n.to_i64()
        .ok_or_else(|| format!("{n} is not a whole number between -2^63 and 2^63"))
}

fn boolean(value: &Value) -> Result<bool, String> {
    to_bool(value)
}

/// A list (or set, or tuple) argument.
fn list(value: &Value) -> Result<&[Node], String> {
    match value {
        Value::List(items) => Ok(items),
        other => Err(format!("a list is required, found {}", other.kind())),
    }
}

fn map(value: &Value) -> Result<&[(String, Node)], String> {
    match value {
        Value::Map(entries) => Ok(entries),
        other => Err(format!("a map is required, found {}", other.kind())),
    }
}

fn list_of(values: Vec<Value>) -> Value {
    Value::List(values.into_iter().map(Node::bare).collect())
}

fn strings_of(values: Vec<String>) -> Value {
    list_of(values.into_iter().map(Value::String).collect())
}

/// Sorted by key, as Terraform orders maps and objects.
fn sorted(entries: &[(String, Node)]) -> Vec<(String, Node)> {
    let mut entries = entries.to_vec();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries
}

/// The first unknown element of a list, which makes order- or equality-based results unknown.
fn unknown_element(items: &[Node]) -> Option<Value> {
    items
        .iter()
        .find(|n| n.value.is_unknown())
        .map(|n| n.value.clone())
}
