//! Numeric functions.

use super::{arity, integer, list, number, string};
use crate::terraform::eval::Eval;
use crate::value::Value;

pub(super) fn call(name: &str, args: &[Value]) -> Option<Eval> {
    Some(match name {
        "abs" => unary(args, f64::abs),
        "ceil" => unary(args, f64::ceil),
        "floor" => unary(args, f64::floor),
        "signum" => unary(args, |n| if n == 0.0 { 0.0 } else { n.signum() }),
        "log" => two(args, |n, base| n.ln() / base.ln()),
        "pow" => two(args, f64::powf),
        "min" => extreme(args, f64::min),
        "max" => extreme(args, f64::max),
        "sum" => sum(args),
        "tonumber" => tonumber(args),
        "parseint" => parseint(args),
        _ => return None,
    })
}

fn unary(args: &[Value], f: fn(f64) -> f64) -> Eval {
    arity(args, 1, 1)?;
    Ok(Value::Number(f(number(&args[0])?)))
}

fn two(args: &[Value], f: fn(f64, f64) -> f64) -> Eval {
    arity(args, 2, 2)?;
    Ok(Value::Number(f(number(&args[0])?, number(&args[1])?)))
}

fn extreme(args: &[Value], pick: fn(f64, f64) -> f64) -> Eval {
    arity(args, 1, usize::MAX)?;
    let numbers = args.iter().map(number).collect::<Result<Vec<_>, _>>()?;
    Ok(Value::Number(
        numbers.into_iter().reduce(pick).unwrap_or(0.0),
    ))
}

fn sum(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    let items = list(&args[0])?;
    if items.is_empty() {
        return Err("cannot sum an empty list".into());
    }
    Ok(Value::Number(
        items
            .iter()
            .map(|n| number(&n.value))
            .sum::<Result<f64, _>>()?,
    ))
}

fn tonumber(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    match &args[0] {
        Value::Null => Ok(Value::Null),
        other => Ok(Value::Number(number(other)?)),
    }
}

fn parseint(args: &[Value]) -> Eval {
    arity(args, 2, 2)?;
    let (s, base) = (string(&args[0])?, integer(&args[1])?);
    if !(2..=62).contains(&base) {
        return Err(format!("base {base} is not between 2 and 62"));
    }
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(&s)),
    };
    let mut n: f64 = 0.0;
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => c as i64 - '0' as i64,
            'a'..='z' => c as i64 - 'a' as i64 + 10,
            'A'..='Z' if base <= 36 => c as i64 - 'A' as i64 + 10,
            'A'..='Z' => c as i64 - 'A' as i64 + 36,
            _ => return Err(format!("\"{s}\" is not a number in base {base}")),
        };
        if d >= base {
            return Err(format!("\"{s}\" is not a number in base {base}"));
        }
        n = n * base as f64 + d as f64;
    }
    if digits.is_empty() {
        return Err(format!("\"{s}\" is not a number in base {base}"));
    }
    Ok(Value::Number(if negative { -n } else { n }))
}
