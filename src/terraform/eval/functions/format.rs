//! `format` and `formatlist`: Go's `fmt` verbs as Terraform documents them (`%s %d %f %v %q %t
//! %x %X %o %b %e %g %%`, with flags, width, precision and `%[n]` argument indexes).

use super::{arity, boolean, list, number, string, too_large};
use crate::terraform::eval::limits::MAX_TEXT_BYTES;
use crate::terraform::eval::{Eval, template};
use crate::value::Value;

pub(super) fn call(name: &str, args: &[Value]) -> Option<Eval> {
    Some(match name {
        "format" => arity(args, 1, usize::MAX)
            .and_then(|_| format(&string(&args[0])?, &args[1..]).map(Value::String)),
        "formatlist" => formatlist(args),
        _ => return None,
    })
}

/// One `%` directive.
#[derive(Default)]
struct Spec {
    left: bool,
    zero: bool,
    plus: bool,
    space: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

fn format(pattern: &str, args: &[Value]) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    let mut next_arg = 0;
    // Go does not count unused arguments when the pattern picks them by index.
    let mut indexed = false;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            out.push('%');
            continue;
        }
        let mut spec = Spec::default();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => spec.left = true,
                '0' => spec.zero = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => {}
                _ => break,
            }
            chars.next();
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            let digits: String = chars.by_ref().take_while(|c| *c != ']').collect();
            let n: usize = digits
                .parse()
                .map_err(|_| format!("invalid argument index [{digits}]"))?;
            next_arg = n.checked_sub(1).ok_or("argument indexes start at 1")?;
            indexed = true;
        }
        spec.width = digits(&mut chars);
        if chars.peek() == Some(&'.') {
            chars.next();
            spec.precision = Some(digits(&mut chars).unwrap_or(0));
        }
        // A width or precision of gigabytes would exhaust memory before any bound on values.
        if spec.width.max(spec.precision).unwrap_or(0) > MAX_TEXT_BYTES {
            return Err(too_large());
        }
        let verb = chars
            .next()
            .ok_or("the pattern ends inside a % directive")?;
        let arg = args
            .get(next_arg)
            .ok_or_else(|| format!("not enough arguments for the pattern \"{pattern}\""))?;
        next_arg += 1;
        out.push_str(&pad(&spec, verb_text(verb, &spec, arg)?));
    }
    if !indexed && next_arg < args.len() {
        return Err(format!("too many arguments for the pattern \"{pattern}\""));
    }
    Ok(out)
}

fn digits(chars: &mut std::iter::Peekable<std::str::Chars>) -> Option<usize> {
    let mut text = String::new();
    while let Some(&c) = chars.peek().filter(|c| c.is_ascii_digit()) {
        text.push(c);
        chars.next();
    }
    text.parse().ok()
}

fn verb_text(verb: char, spec: &Spec, arg: &Value) -> Result<String, String> {
    // Go writes a sign before a number that has none only when asked (`%+d`, `% d`); an
    // infinity always carries its own.
    let signed = |body: String| {
        if body.starts_with(['-', '+']) {
            body
        } else if spec.plus {
            format!("+{body}")
        } else if spec.space {
            format!(" {body}")
        } else {
            body
        }
    };
    Ok(match verb {
        'v' => match arg {
            Value::List(_) | Value::Map(_) => crate::terraform::eval::json_text::json(arg),
            // cty writes a number as Go's shortest `%g`: `1e+06`.
            Value::Number(n) => n.format('g', None),
            other => template::text(other)?,
        },
        's' => {
            let s = template::text(arg)?;
            match spec.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            }
        }
        'q' => serde_json::Value::String(string(arg)?).to_string(),
        't' => boolean(arg)?.to_string(),
        'd' | 'x' | 'X' | 'o' | 'b' => {
            let n = number(arg)?;
            let Some((negative, magnitude)) = n.to_whole() else {
                return Err(format!("%{verb} needs a whole number, found {n}"));
            };
            let mut digits = match verb {
                'd' => magnitude.to_str_radix(10),
                'x' => magnitude.to_str_radix(16),
                'X' => magnitude.to_str_radix(16).to_uppercase(),
                'o' => magnitude.to_str_radix(8),
                _ => magnitude.to_str_radix(2),
            };
            // A precision is the least number of digits for an integer.
            if let Some(p) = spec.precision
                && digits.len() < p
            {
                digits = format!("{}{digits}", "0".repeat(p - digits.len()));
            }
            signed(if negative {
                format!("-{digits}")
            } else {
                digits
            })
        }
        'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
            let n = number(arg)?;
            let verb = if verb == 'F' { 'f' } else { verb };
            // Go's default precision is 6 for %e and %f; %g without one is the shortest text.
            let precision = match verb {
                'g' | 'G' => spec.precision,
                _ => Some(spec.precision.unwrap_or(6)),
            };
            signed(n.format(verb, precision))
        }
        other => return Err(format!("unsupported verb %{other}")),
    })
}

fn pad(spec: &Spec, text: String) -> String {
    let Some(width) = spec.width else { return text };
    let len = text.chars().count();
    if len >= width {
        return text;
    }
    let fill = width - len;
    if spec.left {
        format!("{text}{}", " ".repeat(fill))
    } else if spec.zero {
        // Zeros go after the sign.
        match text.strip_prefix(['-', '+']) {
            Some(rest) => format!("{}{}{rest}", &text[..1], "0".repeat(fill)),
            None => format!("{}{text}", "0".repeat(fill)),
        }
    } else {
        format!("{}{text}", " ".repeat(fill))
    }
}

/// Lists are walked in step (all of the same length); other arguments repeat.
fn formatlist(args: &[Value]) -> Eval {
    arity(args, 1, usize::MAX)?;
    let pattern = string(&args[0])?;
    let rest = &args[1..];
    let mut length: Option<usize> = None;
    for arg in rest {
        if let Value::List(items) = arg {
            if length.is_some_and(|l| l != items.len()) {
                return Err("all list arguments must have the same length".into());
            }
            length = Some(items.len());
        }
    }
    let mut out = Vec::new();
    for i in 0..length.unwrap_or(1) {
        let row: Vec<Value> = rest
            .iter()
            .map(|a| match a {
                Value::List(_) => list(a).map(|items| items[i].value.clone()),
                other => Ok(other.clone()),
            })
            .collect::<Result<_, _>>()?;
        out.push(format(&pattern, &row)?);
    }
    Ok(super::strings_of(out))
}
