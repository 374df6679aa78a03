//! Collection and type-conversion functions.

use super::{arity, boolean, integer, list, list_of, map, number, sorted, string, unknown_element};
use crate::terraform::eval::{Eval, values_equal};
use crate::value::{Node, Number, Value};

pub(super) fn call(name: &str, args: &[Value]) -> Option<Eval> {
    Some(match name {
        "length" => length(args),
        "element" => element(args),
        "keys" => keys(args),
        "values" => values(args),
        "lookup" => lookup(args),
        "merge" => merge(args),
        "concat" => concat(args),
        "contains" => contains(args),
        "distinct" => distinct(args),
        "flatten" => flatten(args),
        "compact" => compact(args),
        "zipmap" => zipmap(args),
        "coalesce" => coalesce(args),
        "coalescelist" => coalescelist(args),
        "one" => one(args),
        "tolist" => tolist(args),
        "toset" => toset(args),
        "tomap" => tomap(args),
        "tobool" => tobool(args),
        "range" => range(args),
        "reverse" => reverse(args),
        "sort" => sort(args),
        "slice" => slice(args),
        "index" => index(args),
        "setunion" => setunion(args),
        "alltrue" => all_any(args, true),
        "anytrue" => all_any(args, false),
        "chunklist" => chunklist(args),
        _ => return None,
    })
}

fn length(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    Ok(Value::Number(Number::count(match &args[0] {
        Value::String(s) => s.chars().count(),
        Value::List(items) => items.len(),
        Value::Map(entries) => entries.len(),
        other => return Err(format!("a {} has no length", other.kind())),
    })))
}

/// The index wraps around, as in Terraform.
fn element(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    let items = list(&args[0])?;
    if items.is_empty() {
        return Err("cannot take an element of an empty list".into());
    }
    let i = integer(&args[1])?;
    if i < 0 {
        return Err("the index must not be negative".into());
    }
    Ok(items[i as usize % items.len()].value.clone())
}

fn keys(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    Ok(list_of(
        sorted(map(&args[0])?)
            .into_iter()
            .map(|(k, _)| Value::String(k))
            .collect(),
    ))
}

fn values(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    Ok(list_of(
        sorted(map(&args[0])?)
            .into_iter()
            .map(|(_, v)| v.value)
            .collect(),
    ))
}

fn lookup(args: &[Value]) -> Eval {
    arity(args, 2, 3)?;
    let key = string(&args[1])?;
    match args[0].get(&key) {
        Some(found) => Ok(found.value.clone()),
        None => args
            .get(2)
            .cloned()
            .ok_or_else(|| format!("no key \"{key}\" and no default")),
    }
}

/// Later maps win; null arguments are skipped.
fn merge(args: &[Value]) -> Eval {
    let mut out: Vec<(String, Node)> = Vec::new();
    for arg in args.iter().filter(|a| !a.is_null()) {
        out.extend(map(arg)?.iter().cloned());
    }
    Ok(Value::map_last_wins(out))
}

fn concat(args: &[Value]) -> Eval {
    let mut out = Vec::new();
    for arg in args {
        out.extend_from_slice(list(arg)?);
    }
    Ok(Value::List(out))
}

fn contains(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    let items = list(&args[0])?;
    if items.iter().any(|n| values_equal(&n.value, &args[1])) {
        return Ok(Value::Bool(true));
    }
    Ok(unknown_element(items).unwrap_or(Value::Bool(false)))
}

/// Keeps the first of equal elements, in order.
fn distinct(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    let items = list(&args[0])?;
    if let Some(u) = unknown_element(items) {
        return Ok(u);
    }
    let mut out: Vec<Node> = Vec::new();
    for item in items {
        if !out.iter().any(|o| values_equal(&o.value, &item.value)) {
            out.push(item.clone());
        }
    }
    Ok(Value::List(out))
}

fn flatten(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    fn walk(items: &[Node], out: &mut Vec<Node>) -> Result<(), Value> {
        for item in items {
            match &item.value {
                Value::List(inner) => walk(inner, out)?,
                Value::Unknown(_) => return Err(item.value.clone()),
                _ => out.push(item.clone()),
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    Ok(match walk(list(&args[0])?, &mut out) {
        Ok(()) => Value::List(out),
        Err(unknown) => unknown,
    })
}

fn compact(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    // Whether an unknown element is kept depends on its value.
    if let Some(u) = list(&args[0])?.iter().find_map(|n| n.value.as_unknown()) {
        return Ok(Value::Unknown(Box::new(u.clone())));
    }
    let kept = list(&args[0])?
        .iter()
        .filter(|n| {
            !matches!(&n.value, Value::Null)
                && !matches!(&n.value, Value::String(s) if s.is_empty())
        })
        .cloned()
        .collect();
    Ok(Value::List(kept))
}

fn zipmap(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    let (keys, values) = (list(&args[0])?, list(&args[1])?);
    if keys.len() != values.len() {
        return Err(format!("{} keys and {} values", keys.len(), values.len()));
    }
    let mut out: Vec<(String, Node)> = Vec::with_capacity(keys.len());
    for (k, v) in keys.iter().zip(values) {
        out.push((string(&k.value)?, v.clone()));
    }
    Ok(Value::map_last_wins(out))
}

/// The first argument that is neither null nor an empty string.
fn coalesce(args: &[Value]) -> Eval {
    args.iter()
        .find(|a| !a.is_null() && !matches!(a, Value::String(s) if s.is_empty()))
        .cloned()
        .ok_or_else(|| "no non-null, non-empty argument".into())
}

fn coalescelist(args: &[Value]) -> Eval {
    for arg in args {
        if !list(arg)?.is_empty() {
            return Ok(arg.clone());
        }
    }
    Err("no non-empty list".into())
}

fn one(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    match list(&args[0])? {
        [] => Ok(Value::Null),
        [only] => Ok(only.value.clone()),
        many => Err(format!(
            "the list has {} elements, not one or none",
            many.len()
        )),
    }
}

fn tolist(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    list(&args[0]).map(|items| Value::List(items.to_vec()))
}

/// Sets hold distinct values; Terraform lists a set of strings in lexical order.
fn toset(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    let value = distinct(args)?;
    let Value::List(mut items) = value else {
        return Ok(value);
    };
    if items.iter().all(|n| matches!(n.value, Value::String(_))) {
        items.sort_by(|a, b| {
            string(&a.value)
                .unwrap_or_default()
                .cmp(&string(&b.value).unwrap_or_default())
        });
    }
    Ok(Value::List(items))
}

fn tomap(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    map(&args[0]).map(|entries| Value::Map(entries.to_vec()))
}

fn tobool(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    match &args[0] {
        Value::Null => Ok(Value::Null),
        other => Ok(Value::Bool(boolean(other)?)),
    }
}

fn range(args: &[Value]) -> Eval {
    arity(args, 1, 3)?;
    let n: Vec<Number> = args.iter().map(number).collect::<Result<_, _>>()?;
    // cty's defaults: start 0 and a step of 1 or -1, as counts (64 bits).
    let (start, end, step) = match n.as_slice() {
        [end] => (
            Number::int(0),
            end.clone(),
            Number::int(if end.sign() < 0 { -1 } else { 1 }),
        ),
        [start, end] => (
            start.clone(),
            end.clone(),
            Number::int(if end.compare(start).is_lt() { -1 } else { 1 }),
        ),
        [start, end, step] => (start.clone(), end.clone(), step.clone()),
        _ => unreachable!("arity checked"),
    };
    if step.sign() == 0 {
        return Err("the step must not be zero".into());
    }
    let down = step.sign() < 0;
    if down && end.compare(&start).is_gt() || !down && end.compare(&start).is_lt() {
        return Err("the end is on the wrong side of the start for the step".into());
    }
    let mut out = Vec::new();
    let mut i = start;
    while (!down && i.compare(&end).is_lt()) || (down && i.compare(&end).is_gt()) {
        if out.len() >= 1024 {
            return Err("more than 1024 elements".into());
        }
        let next = i.add(&step)?;
        out.push(Value::Number(i));
        i = next;
    }
    Ok(list_of(out))
}

fn reverse(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    Ok(Value::List(list(&args[0])?.iter().rev().cloned().collect()))
}

fn sort(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    let items = list(&args[0])?;
    if let Some(u) = unknown_element(items) {
        return Ok(u);
    }
    let mut texts = items
        .iter()
        .map(|n| string(&n.value))
        .collect::<Result<Vec<_>, _>>()?;
    texts.sort();
    Ok(super::strings_of(texts))
}

fn slice(args: &[Value]) -> Eval {
    arity(args, 3, 3)?;
    let items = list(&args[0])?;
    let (start, end) = (integer(&args[1])?, integer(&args[2])?);
    if start < 0 || end < start || end as usize > items.len() {
        return Err(format!(
            "[{start}:{end}] is out of range for a list of {}",
            items.len()
        ));
    }
    Ok(Value::List(items[start as usize..end as usize].to_vec()))
}

fn index(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    for (i, item) in list(&args[0])?.iter().enumerate() {
        // An unknown element before the match may be the first equal one.
        if let Value::Unknown(u) = &item.value {
            return Ok(Value::Unknown(u.clone()));
        }
        if values_equal(&item.value, &args[1]) {
            return Ok(Value::Number(Number::count(i)));
        }
    }
    Err("the value is not in the list".into())
}

fn setunion(args: &[Value]) -> Eval {
    let all = concat(args)?;
    toset(&[all])
}

fn all_any(args: &[Value], all: bool) -> Eval {
    arity(args, 1, 1)?;
    let items = list(&args[0])?;
    let bools = items
        .iter()
        .map(|n| boolean(&n.value))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Value::Bool(if all {
        bools.iter().all(|b| *b)
    } else {
        bools.iter().any(|b| *b)
    }))
}

fn chunklist(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    let items = list(&args[0])?;
    let size = integer(&args[1])?;
    if size <= 0 {
        return Ok(list_of(vec![Value::List(items.to_vec())]));
    }
    Ok(list_of(
        items
            .chunks(size as usize)
            .map(|c| Value::List(c.to_vec()))
            .collect(),
    ))
}
