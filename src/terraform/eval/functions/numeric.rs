//! Numeric functions, as cty computes them: `abs`, `ceil`, `floor`, `min`, `max`, `sum` and
//! `parseint` exactly on Terraform's numbers; `pow` and `log` in `float64`, as Go's `math`
//! package does, their result a 53-bit number (docs/evaluation.md, "Numbers").

use super::{arity, integer, list, number, string};
use crate::terraform::eval::Eval;
use crate::value::{Number, Value};
use num_bigint::BigUint;

pub(super) fn call(name: &str, args: &[Value]) -> Option<Eval> {
    Some(match name {
        "abs" => arity(args, 1, 1).and_then(|_| Ok(Value::Number(number(&args[0])?.abs()))),
        "ceil" => arity(args, 1, 1).and_then(|_| Ok(Value::Number(number(&args[0])?.ceil()?))),
        "floor" => arity(args, 1, 1).and_then(|_| Ok(Value::Number(number(&args[0])?.floor()?))),
        "signum" => signum(args),
        "log" => float64(args, |n, base| n.ln() / base.ln()),
        "pow" => float64(args, go_pow),
        "min" => extreme(args, std::cmp::Ordering::Less),
        "max" => extreme(args, std::cmp::Ordering::Greater),
        "sum" => sum(args),
        "tonumber" => tonumber(args),
        "parseint" => parseint(args),
        _ => return None,
    })
}

/// cty takes `signum`'s argument as a Go `int`: a fraction is an error.
fn signum(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    Ok(Value::Number(Number::int(integer(&args[0])?.signum())))
}

/// Both arguments as `float64`s, and the result as a 53-bit number; NaN, on which Go's
/// `big.Float` panics, is an error in Terraform.
fn float64(args: &[Value], f: fn(f64, f64) -> f64) -> Eval {
    arity(args, 2, 2)?;
    let (a, b) = (number(&args[0])?.to_f64()?, number(&args[1])?.to_f64()?);
    Number::from_f64(f(a, b)).map(Value::Number)
}

/// The first argument that no later one passes in `direction` (cty's `min` and `max`).
fn extreme(args: &[Value], direction: std::cmp::Ordering) -> Eval {
    arity(args, 1, usize::MAX)?;
    let mut best: Option<Number> = None;
    for arg in args {
        let n = number(arg)?;
        if best.as_ref().is_none_or(|b| n.compare(b) == direction) {
            best = Some(n);
        }
    }
    Ok(best.map(Value::Number).unwrap_or(Value::Null))
}

fn sum(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    let items = list(&args[0])?;
    let Some((first, rest)) = items.split_first() else {
        return Err("cannot sum an empty list".into());
    };
    let mut total = number(&first.value)?;
    for item in rest {
        total = total.add(&number(&item.value)?)?;
    }
    Ok(Value::Number(total))
}

fn tonumber(args: &[Value]) -> Eval {
    arity(args, 1, 1)?;
    match &args[0] {
        Value::Null => Ok(Value::Null),
        other => Ok(Value::Number(number(other)?)),
    }
}

/// Go's `big.Int` text in a base from 2 to 62: an optional sign, then digits; up to base 36
/// letters of either case, above it lower case before upper case.
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
    let not_a_number = || format!("\"{s}\" is not a number in base {base}");
    if digits.is_empty() {
        return Err(not_a_number());
    }
    // Each digit is at least one bit: a longer text is past the bound on numbers anyway, and
    // reading it would cost time quadratic in its length.
    if digits.len() > 8192 {
        return Number::from_whole(false, BigUint::from(1u32) << 8193u32).map(Value::Number);
    }
    let mut magnitude = BigUint::ZERO;
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => c as i64 - '0' as i64,
            'a'..='z' => c as i64 - 'a' as i64 + 10,
            'A'..='Z' if base <= 36 => c as i64 - 'A' as i64 + 10,
            'A'..='Z' => c as i64 - 'A' as i64 + 36,
            _ => return Err(not_a_number()),
        };
        if d >= base {
            return Err(not_a_number());
        }
        magnitude = magnitude * base as u32 + d as u32;
    }
    Number::from_whole(negative, magnitude).map(Value::Number)
}

/// `x` to a power `y` too large for repeated squaring (infinite, or 2^63 and more), as Go gives
/// it: 1 for -1, 0 where the power shrinks `x`, infinity where it grows it.
fn beyond_any_whole_power(x: f64, y: f64) -> f64 {
    if x == -1.0 {
        1.0
    } else if (x.abs() < 1.0) == (y > 0.0) {
        0.0
    } else {
        f64::INFINITY
    }
}

/// Go's `math.Pow`, which Terraform's `pow` calls: whole powers by repeated squaring (so
/// `pow(10, 23)` is what Go computes, not the correctly rounded `1e23`), a fractional part
/// through `exp` and `log`.
fn go_pow(x: f64, y: f64) -> f64 {
    let odd_whole = |v: f64| v.fract() == 0.0 && v.abs() < 2f64.powi(53) && (v as i64) % 2 != 0;
    match () {
        _ if y == 0.0 || x == 1.0 => return 1.0,
        _ if y == 1.0 => return x,
        _ if x.is_nan() || y.is_nan() => return f64::NAN,
        _ if x == 0.0 => {
            return match (y < 0.0, x.is_sign_negative() && odd_whole(y)) {
                (true, true) => f64::NEG_INFINITY,
                (true, false) => f64::INFINITY,
                (false, true) => x,
                (false, false) => 0.0,
            };
        }
        _ if y.is_infinite() => return beyond_any_whole_power(x, y),
        _ if x.is_infinite() => {
            if x < 0.0 {
                return go_pow(1.0 / x, -y);
            }
            return if y < 0.0 { 0.0 } else { f64::INFINITY };
        }
        _ if y == 0.5 => return x.sqrt(),
        _ if y == -0.5 => return 1.0 / x.sqrt(),
        _ => {}
    }
    let (mut yi, mut yf) = (y.abs().trunc(), y.abs().fract());
    if yf != 0.0 && x < 0.0 {
        return f64::NAN;
    }
    if yi >= 2f64.powi(63) {
        return beyond_any_whole_power(x, y);
    }
    // The answer is a1 * 2^ae.
    let mut a1 = 1.0;
    let mut ae: i64 = 0;
    if yf != 0.0 {
        if yf > 0.5 {
            yf -= 1.0;
            yi += 1.0;
        }
        a1 = (yf * x.ln()).exp();
    }
    let (mut x1, mut xe) = frexp(x);
    let mut i = yi as i64;
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&xe) {
            // Overflow or underflow whatever the rest: x1 * 2^xe is out of range.
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0.0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    ldexp(a1, ae)
}

/// A finite, nonzero `x` as `frac * 2^exp` with `frac` in [0.5, 1), as Go's `math.Frexp`.
fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (mut x, mut exp) = (x, 0i64);
    if x.abs() < f64::MIN_POSITIVE {
        // A subnormal: scale into the normal range first.
        x *= 2f64.powi(52);
        exp -= 52;
    }
    let bits = x.to_bits();
    exp += ((bits >> 52) & 0x7ff) as i64 - 1022;
    let frac = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (frac, exp)
}

/// `frac * 2^exp`, as Go's `math.Ldexp` (overflow to an infinity, underflow to zero).
fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || !frac.is_finite() {
        return frac;
    }
    let (frac, e) = frexp(frac);
    let exp = exp + e;
    if exp > 1024 {
        return f64::INFINITY.copysign(frac);
    }
    if exp < -1075 {
        return 0.0f64.copysign(frac);
    }
    // frac is in [0.5, 1): scale in two exact steps, rounding once at the end.
    let half = exp / 2;
    frac * 2f64.powi(half as i32) * 2f64.powi((exp - half) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow_squares_as_go_does() {
        assert_eq!(go_pow(2.0, 10.0), 1024.0);
        assert_eq!(go_pow(2.0, -2.0), 0.25);
        assert_eq!(go_pow(10.0, 400.0), f64::INFINITY);
        assert!(go_pow(-8.0, 0.5).is_nan());
        assert_eq!(go_pow(-2.0, 3.0), -8.0);
    }
}
