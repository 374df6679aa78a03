//! String functions.

use super::{arity, integer, list, list_of, string, strings_of, too_large};
use crate::terraform::eval::limits::MAX_TEXT_BYTES;
use crate::terraform::eval::{Eval, template};
use crate::value::{Node, Value};
use regex::Regex;

pub(super) fn call(name: &str, args: &[Value]) -> Option<Eval> {
    Some(match name {
        "upper" => unary(args, |s| s.to_uppercase()),
        "lower" => unary(args, |s| s.to_lowercase()),
        "title" => unary(args, title),
        "trimspace" => unary(args, |s| s.trim().to_string()),
        "chomp" => unary(args, |s| s.trim_end_matches(['\r', '\n']).to_string()),
        "strrev" => unary(args, |s| s.chars().rev().collect()),
        "tostring" => tostring(args),
        "trim" => binary(args, |s, cut| {
            s.trim_matches(|c| cut.contains(c)).to_string()
        }),
        "trimprefix" => binary(args, |s, p| {
            s.strip_prefix(p.as_str()).unwrap_or(&s).to_string()
        }),
        "trimsuffix" => binary(args, |s, p| {
            s.strip_suffix(p.as_str()).unwrap_or(&s).to_string()
        }),
        "startswith" => predicate(args, |s, p| s.starts_with(p)),
        "endswith" => predicate(args, |s, p| s.ends_with(p)),
        "strcontains" => predicate(args, |s, p| s.contains(p)),
        "join" => join(args),
        "split" => split(args),
        "replace" => replace(args),
        "regex" => regex(args),
        "regexall" => regexall(args),
        "substr" => substr(args),
        "indent" => indent(args),
        _ => return None,
    })
}

fn unary(args: &[Value], f: impl Fn(&str) -> String) -> Eval {
    arity(args, 1, 1)?;
    Ok(Value::String(f(&string(&args[0])?)))
}

fn binary(args: &[Value], f: impl Fn(String, String) -> String) -> Eval {
    arity(args, 2, 2)?;
    Ok(Value::String(f(string(&args[0])?, string(&args[1])?)))
}

fn predicate(args: &[Value], f: impl Fn(&str, &str) -> bool) -> Eval {
    arity(args, 2, 2)?;
    Ok(Value::Bool(f(&string(&args[0])?, &string(&args[1])?)))
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in s.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = !c.is_alphanumeric();
    }
    out
}

fn tostring(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    match &args[0] {
        Value::Null => Ok(Value::Null),
        other => Ok(Value::String(string(other)?)),
    }
}

/// Unknown elements are written into the joined string with `Unknown::rendered`.
fn join(args: &[Value]) -> Eval {
    arity(args, 2, usize::MAX)?;
    let separator = string(&args[0])?;
    let mut parts = Vec::new();
    for value in &args[1..] {
        for item in list(value)? {
            parts.push(template::text(&item.value)?);
        }
    }
    Ok(Value::String(parts.join(&separator)))
}

fn split(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    let (separator, s) = (string(&args[0])?, string(&args[1])?);
    if s.is_empty() {
        return Ok(strings_of(vec![String::new()]));
    }
    Ok(strings_of(
        s.split(separator.as_str()).map(str::to_string).collect(),
    ))
}

/// A substring in slashes is a regular expression, as in Terraform. Each replacement can make
/// the text longer, so the result's length is counted before it is built: replacing every
/// character of a long text by another long text would exhaust memory.
fn replace(args: &[Value]) -> Eval {
    arity(args, 3, 3)?;
    let (s, search, with) = (string(&args[0])?, string(&args[1])?, string(&args[2])?);
    if search.len() > 1 && search.starts_with('/') && search.ends_with('/') {
        let re = compile(&search[1..search.len() - 1])?;
        let references = with.matches('$').count();
        let mut length = s.len();
        let mut expanded = String::new();
        for caps in re.captures_iter(&s) {
            let matched = caps.get(0).map_or(0, |m| m.len());
            // No expansion is longer than its text plus every reference to the whole match.
            if with
                .len()
                .saturating_add(references.saturating_mul(matched))
                > MAX_TEXT_BYTES
            {
                return Err(too_large());
            }
            expanded.clear();
            caps.expand(&with, &mut expanded);
            length = (length - matched).saturating_add(expanded.len());
            if length > MAX_TEXT_BYTES {
                return Err(too_large());
            }
        }
        return Ok(Value::String(
            re.replace_all(&s, with.as_str()).into_owned(),
        ));
    }
    let count = if search.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(search.as_str()).count()
    };
    let length = (s.len() - count * search.len()).saturating_add(count.saturating_mul(with.len()));
    if length > MAX_TEXT_BYTES {
        return Err(too_large());
    }
    Ok(Value::String(s.replace(&search, &with)))
}

fn compile(pattern: &str) -> Result<Regex, String> {
    Regex::new(pattern).map_err(|e| {
        format!(
            "invalid regular expression: {}",
            e.to_string().lines().last().unwrap_or("")
        )
    })
}

/// No groups: the match; named groups: a map; unnamed groups: a list (Terraform's rules).
fn captures(re: &Regex, caps: &regex::Captures) -> Value {
    if re.captures_len() == 1 {
        return Value::String(caps[0].to_string());
    }
    let text =
        |m: Option<regex::Match>| m.map_or(Value::Null, |m| Value::String(m.as_str().to_string()));
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    if names.iter().any(Option::is_some) {
        let mut entries: Vec<(String, Node)> = names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.map(|n| (n.to_string(), Node::bare(text(caps.get(i + 1))))))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        Value::Map(entries)
    } else {
        list_of((1..re.captures_len()).map(|i| text(caps.get(i))).collect())
    }
}

fn regex(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    let (pattern, s) = (string(&args[0])?, string(&args[1])?);
    let re = compile(&pattern)?;
    let caps = re
        .captures(&s)
        .ok_or_else(|| format!("pattern \"{pattern}\" does not match \"{s}\""))?;
    Ok(captures(&re, &caps))
}

fn regexall(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    let (pattern, s) = (string(&args[0])?, string(&args[1])?);
    let re = compile(&pattern)?;
    Ok(list_of(
        re.captures_iter(&s).map(|c| captures(&re, &c)).collect(),
    ))
}

/// Offsets and lengths count characters; a negative offset counts from the end, length -1 is
/// the rest.
fn substr(args: &[Value]) -> Eval {
    arity(args, 3, 3)?;
    let chars: Vec<char> = string(&args[0])?.chars().collect();
    let (offset, length) = (integer(&args[1])?, integer(&args[2])?);
    let len = chars.len() as i64;
    let start = if offset < 0 { len + offset } else { offset };
    if start < 0 || start > len {
        return Err(format!(
            "offset {offset} is out of range for a string of {len} characters"
        ));
    }
    let end = if length < 0 {
        len
    } else {
        (start + length).min(len)
    };
    Ok(Value::String(
        chars[start as usize..end.max(start) as usize]
            .iter()
            .collect(),
    ))
}

fn indent(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    let spaces = " ".repeat(integer(&args[0])?.max(0) as usize);
    let s = string(&args[1])?;
    Ok(Value::String(s.replace('\n', &format!("\n{spaces}"))))
}
