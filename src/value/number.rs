//! Terraform's numbers. Terraform holds a number as Go's `big.Float` (through cty): a binary
//! floating-point number whose mantissa has as many bits as its precision, rounded to nearest
//! even. The precision depends on where the number came from: 512 bits for a literal or a string
//! converted to a number, 64 for a count (`length`, `count.index`), 53 for what `pow` and `log`
//! compute in `float64`. Results keep the larger precision of their operands (a product up to
//! 512 bits), and the text Terraform prints is the shortest decimal that reads back as the same
//! number at that precision. So `0.1 + 0.2 == 0.3` holds, `1/3` prints 155 digits,
//! `length(a) / length(b)` prints 20, and `pow(2, 0.5) + 0` prints every digit of the `float64`.
//! This module reproduces that model exactly on big integers.
//!
//! Whole numbers that fit in 64 bits, nearly every number a configuration holds, are kept inline
//! and computed with machine arithmetic.
//!
//! Go's exponent reaches 2^±2147483647, where one number can take gigabytes to print or add;
//! here a finite number's magnitude stays within 2^±`MAX_BINARY_EXPONENT`, and an operation
//! that would leave it is an error naming that bound.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;

/// The precision of a number read from text: a literal, or a string converted to a number.
pub const TEXT_PRECISION: u32 = 512;
/// The precision of a count (cty's `NumberIntVal`).
pub const INT_PRECISION: u32 = 64;
/// The precision of a `float64` result (cty's `NumberFloatVal`).
pub const FLOAT_PRECISION: u32 = 53;
/// A finite, nonzero number lies between 2^-MAX_BINARY_EXPONENT and 2^MAX_BINARY_EXPONENT
/// (about 10^±2466): far past any real configuration, and small enough that printing or adding
/// such a number stays cheap.
pub const MAX_BINARY_EXPONENT: i64 = 8192;
/// The most bits a whole number may have (`parseint` of a long string): a number of more bits
/// would cost time in every later operation.
const MAX_PRECISION: u64 = MAX_BINARY_EXPONENT as u64;
/// Ends the reason of every bound, as `terraform::eval::limits::LIMIT` does.
const LIMIT: &str = "riveter's limit";

/// A Terraform number (see the module's comment).
#[derive(Clone)]
pub struct Number(Repr);

#[derive(Clone)]
enum Repr {
    /// A whole number exactly in an `i64` (never negative zero), with its precision; the value
    /// never has more significant bits than the precision.
    Small {
        value: i64,
        prec: u32,
    },
    Big(Box<Float>),
}

/// The general form: sign, kind, and precision.
#[derive(Clone, Debug)]
struct Float {
    negative: bool,
    kind: Kind,
    prec: u32,
}

#[derive(Clone, Debug)]
enum Kind {
    Zero,
    Infinite,
    /// `mantissa * 2^exponent`, the mantissa odd and of at most `prec` bits.
    Finite {
        mantissa: BigUint,
        exponent: i64,
    },
}

/// How a whole-number conversion found the number: cty's `big.Accuracy` of `Int`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Accuracy {
    Below,
    Exact,
    Above,
}

fn beyond_limit() -> String {
    format!("a number beyond 2^±{MAX_BINARY_EXPONENT} (about 1e±2466), {LIMIT}")
}

impl Float {
    fn zero(negative: bool, prec: u32) -> Float {
        Float {
            negative,
            kind: Kind::Zero,
            prec,
        }
    }

    fn infinite(negative: bool, prec: u32) -> Float {
        Float {
            negative,
            kind: Kind::Infinite,
            prec,
        }
    }

    /// `mantissa * 2^exponent` (plus less than one unit of its last bit when `sticky`), rounded
    /// to `prec` bits, nearest even, as Go rounds.
    fn rounded(
        negative: bool,
        mut mantissa: BigUint,
        mut exponent: i64,
        sticky: bool,
        prec: u32,
    ) -> Result<Float, String> {
        if mantissa.is_zero() {
            return Ok(Float::zero(negative, prec));
        }
        let bits = mantissa.bits();
        if bits > u64::from(prec) {
            let shift = bits - u64::from(prec);
            let half = mantissa.bit(shift - 1);
            let below_half = sticky || mantissa.trailing_zeros().is_some_and(|t| t < shift - 1);
            mantissa >>= shift;
            exponent += shift as i64;
            if half && (below_half || mantissa.bit(0)) {
                mantissa += 1u32;
            }
        }
        let zeros = mantissa.trailing_zeros().unwrap_or(0);
        mantissa >>= zeros;
        exponent += zeros as i64;
        let top = exponent + mantissa.bits() as i64;
        if !(-MAX_BINARY_EXPONENT..=MAX_BINARY_EXPONENT).contains(&top) {
            return Err(beyond_limit());
        }
        Ok(Float {
            negative,
            kind: Kind::Finite { mantissa, exponent },
            prec,
        })
    }

    /// The exponent just above the magnitude (the value is below 2^top).
    fn top(mantissa: &BigUint, exponent: i64) -> i64 {
        exponent + mantissa.bits() as i64
    }
}

impl Number {
    fn small(value: i64, prec: u32) -> Number {
        Number(Repr::Small { value, prec })
    }

    fn big(float: Float) -> Number {
        // Keep whole numbers of 63 bits or fewer inline, where arithmetic is cheap, when their
        // precision holds every bit (else a shorter text prints them: `pow(2, 60)` is
        // `1152921504606847000` at 53 bits).
        if let Kind::Finite { mantissa, exponent } = &float.kind
            && *exponent >= 0
            && Float::top(mantissa, *exponent) <= 63.min(i64::from(float.prec))
        {
            let magnitude = (mantissa.to_u64().unwrap_or(0) << exponent) as i64;
            return Number::small(
                if float.negative {
                    -magnitude
                } else {
                    magnitude
                },
                float.prec,
            );
        }
        if let Kind::Zero = float.kind
            && !float.negative
        {
            return Number::small(0, float.prec);
        }
        Number(Repr::Big(Box::new(float)))
    }

    fn float(&self) -> Float {
        match &self.0 {
            Repr::Small { value, prec } => {
                let magnitude = BigUint::from(value.unsigned_abs());
                if magnitude.is_zero() {
                    return Float::zero(false, *prec);
                }
                let zeros = magnitude.trailing_zeros().unwrap_or(0);
                Float {
                    negative: *value < 0,
                    kind: Kind::Finite {
                        mantissa: magnitude >> zeros,
                        exponent: zeros as i64,
                    },
                    prec: *prec,
                }
            }
            Repr::Big(f) => (**f).clone(),
        }
    }

    fn prec(&self) -> u32 {
        match &self.0 {
            Repr::Small { prec, .. } => *prec,
            Repr::Big(f) => f.prec,
        }
    }

    /// A count, as cty's `NumberIntVal` makes it (64 bits of precision).
    pub fn int(value: i64) -> Number {
        Number::small(value, INT_PRECISION)
    }

    /// A whole number read from text (a JSON integer): the precision of a literal.
    pub fn whole(value: i64) -> Number {
        Number::small(value, TEXT_PRECISION)
    }

    /// A JSON integer past `i64`, read from text.
    pub fn whole_u64(value: u64) -> Number {
        match i64::try_from(value) {
            Ok(v) => Number::whole(v),
            Err(_) => Number::parse(&value.to_string()).unwrap_or_else(|_| Number::whole(i64::MAX)),
        }
    }

    /// A count from a `usize` (a length, an index).
    pub fn count(value: usize) -> Number {
        Number::from_whole(false, BigUint::from(value)).unwrap_or_else(|_| Number::int(i64::MAX))
    }

    /// A whole number of any size, as Go's `SetInt` makes it: precision of its bits, at least 64.
    pub fn from_whole(negative: bool, magnitude: BigUint) -> Result<Number, String> {
        let bits = magnitude.bits();
        if bits > MAX_PRECISION {
            return Err(format!(
                "a whole number of more than {MAX_PRECISION} bits, {LIMIT}"
            ));
        }
        let prec = (bits as u32).max(INT_PRECISION);
        Float::rounded(negative && !magnitude.is_zero(), magnitude, 0, false, prec).map(Number::big)
    }

    /// A `float64`, exactly, as cty's `NumberFloatVal` makes it (53 bits of precision). Go
    /// panics on NaN, which Terraform reports as an error.
    pub fn from_f64(value: f64) -> Result<Number, String> {
        if value.is_nan() {
            return Err("the result is not a number (NaN)".into());
        }
        let negative = value.is_sign_negative();
        if value.is_infinite() {
            return Ok(Number::big(Float::infinite(negative, FLOAT_PRECISION)));
        }
        if value == 0.0 {
            return Ok(Number::big(Float::zero(negative, FLOAT_PRECISION)));
        }
        let bits = value.abs().to_bits();
        let biased = (bits >> 52) as i64;
        let fraction = bits & ((1 << 52) - 1);
        let (mantissa, exponent) = if biased == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1 << 52), biased - 1075)
        };
        Float::rounded(
            negative,
            BigUint::from(mantissa),
            exponent,
            false,
            FLOAT_PRECISION,
        )
        .map(Number::big)
    }

    /// A number a parser gave as a `float64` (YAML, a plan's JSON): its shortest decimal text
    /// read as Terraform reads text, so that a rule's `0.3` is Terraform's `0.3`.
    pub fn from_decimal_f64(value: f64) -> Number {
        if value.is_finite() {
            if value.fract() == 0.0 && value.abs() < 9.0e15 {
                return Number::small(value as i64, TEXT_PRECISION);
            }
            if let Ok(n) = Number::parse(&format!("{value:e}")) {
                return n;
            }
        }
        Number::from_f64(value).unwrap_or_else(|_| Number::int(0))
    }

    /// Decimal text, as Terraform reads a literal or converts a string (`big.ParseFloat`,
    /// base 10, 512 bits): an optional sign, digits with an optional point, an optional
    /// exponent, or `Inf`. `None` when the text is not a number; an error when it is one past
    /// riveter's bounds.
    pub fn parse(text: &str) -> Result<Number, String> {
        Number::parse_text(text)?.ok_or_else(|| "a number is required".to_string())
    }

    fn parse_text(text: &str) -> Result<Option<Number>, String> {
        let (negative, body) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        if body == "Inf" || body == "inf" {
            return Ok(Some(Number::big(Float::infinite(negative, TEXT_PRECISION))));
        }
        let (digits_part, exponent_part) = match body.find(['e', 'E']) {
            Some(at) => (&body[..at], Some(&body[at + 1..])),
            None => (body, None),
        };
        let (whole, fraction) = match digits_part.split_once('.') {
            Some((w, f)) => (w, f),
            None => (digits_part, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.len() + fraction.len() == 0 || !all_digits(whole) || !all_digits(fraction) {
            return Ok(None);
        }
        let mut exponent10: i64 = match exponent_part {
            None => 0,
            Some(e) => {
                let unsigned = e.strip_prefix(['+', '-']).unwrap_or(e);
                if unsigned.is_empty() || !all_digits(unsigned) {
                    return Ok(None);
                }
                // Past 18 digits the exponent is beyond any bound anyway.
                let magnitude: i64 = if unsigned.len() > 18 {
                    i64::MAX / 4
                } else {
                    unsigned.parse().unwrap_or(i64::MAX / 4)
                };
                if e.starts_with('-') {
                    -magnitude
                } else {
                    magnitude
                }
            }
        };
        // Fast path: a plain whole number of up to 18 digits.
        if exponent_part.is_none() && fraction.is_empty() && whole.len() <= 18 {
            let value: i64 = whole.parse().unwrap_or(0);
            return Ok(Some(if negative && value == 0 {
                Number::big(Float::zero(true, TEXT_PRECISION))
            } else {
                Number::small(if negative { -value } else { value }, TEXT_PRECISION)
            }));
        }
        let significant = format!("{whole}{fraction}");
        let significant = significant.trim_start_matches('0');
        exponent10 = exponent10.saturating_sub(fraction.len() as i64);
        let trimmed = significant.trim_end_matches('0');
        exponent10 = exponent10.saturating_add((significant.len() - trimmed.len()) as i64);
        if trimmed.is_empty() {
            return Ok(Some(Number::big(Float::zero(negative, TEXT_PRECISION))));
        }
        // The decimal magnitude, checked before any big power is computed: 2^8192 < 10^2467.
        let magnitude10 = exponent10.saturating_add(trimmed.len() as i64);
        if !(-2470..=2470).contains(&magnitude10) || trimmed.len() > 2470 {
            return Err(beyond_limit());
        }
        let mantissa: BigUint = trimmed.parse().map_err(|_| "a number is required")?;
        let float = if exponent10 >= 0 {
            Float::rounded(
                negative,
                mantissa * BigUint::from(10u32).pow(exponent10 as u32),
                0,
                false,
                TEXT_PRECISION,
            )?
        } else {
            divide_rounded(
                negative,
                &mantissa,
                0,
                &BigUint::from(10u32).pow((-exponent10) as u32),
                0,
                TEXT_PRECISION,
            )?
        };
        Ok(Some(Number::big(float)))
    }

    pub fn is_infinite(&self) -> bool {
        matches!(&self.0, Repr::Big(f) if matches!(f.kind, Kind::Infinite))
    }

    /// -1, 0 or 1 (zero of either sign is 0).
    pub fn sign(&self) -> i32 {
        match &self.0 {
            Repr::Small { value, .. } => value.signum() as i32,
            Repr::Big(f) => match f.kind {
                Kind::Zero => 0,
                _ if f.negative => -1,
                _ => 1,
            },
        }
    }

    /// The number as an `i64` when it is a whole number that fits (an index, a count).
    pub fn to_i64(&self) -> Option<i64> {
        match &self.0 {
            Repr::Small { value, .. } => Some(*value),
            Repr::Big(f) => match &f.kind {
                Kind::Zero => Some(0),
                Kind::Finite { mantissa, exponent } if *exponent >= 0 => {
                    let magnitude = i64::try_from(mantissa.to_u64()?).ok()?;
                    let value = magnitude.checked_shl(u32::try_from(*exponent).ok()?)?;
                    (value >> exponent == magnitude).then_some(if f.negative {
                        -value
                    } else {
                        value
                    })
                }
                _ => None,
            },
        }
    }

    /// The whole number toward zero, and whether that is below, at or above the number
    /// (Go's `Float.Int`). `None` for an infinity.
    fn truncated(&self) -> Option<(bool, BigUint, Accuracy)> {
        let f = self.float();
        match f.kind {
            Kind::Zero => Some((false, BigUint::zero(), Accuracy::Exact)),
            Kind::Infinite => None,
            Kind::Finite { mantissa, exponent } => {
                let (whole, exact) = if exponent >= 0 {
                    (mantissa << exponent as u64, true)
                } else {
                    let shift = exponent.unsigned_abs();
                    // The mantissa is odd: it is whole only with no fraction bits.
                    (mantissa >> shift, false)
                };
                let accuracy = match (exact, f.negative) {
                    (true, _) => Accuracy::Exact,
                    (false, false) => Accuracy::Below,
                    (false, true) => Accuracy::Above,
                };
                Some((f.negative && !whole.is_zero(), whole, accuracy))
            }
        }
    }

    /// The number as a whole number of any size (`format("%d")`), if it is one.
    pub fn to_whole(&self) -> Option<(bool, BigUint)> {
        match self.truncated()? {
            (negative, whole, Accuracy::Exact) => Some((negative, whole)),
            _ => None,
        }
    }

    /// The nearest `float64`, as `pow` and `log` take their arguments; an error when that is
    /// an infinity the number is not (cty's `gocty` conversion).
    pub fn to_f64(&self) -> Result<f64, String> {
        let f = self.float();
        let value = match f.kind {
            Kind::Zero => 0.0,
            Kind::Infinite => f64::INFINITY,
            Kind::Finite { .. } => {
                let rounded = match Number::big(f.clone()).rounded_to(FLOAT_PRECISION)?.float() {
                    Float {
                        kind: Kind::Finite { mantissa, exponent },
                        ..
                    } => ldexp(mantissa.to_f64().unwrap_or(f64::INFINITY), exponent),
                    _ => 0.0,
                };
                if rounded.is_infinite() {
                    return Err(format!(
                        "a number between -{0:e} and {0:e} is required",
                        f64::MAX
                    ));
                }
                rounded
            }
        };
        Ok(if f.negative { -value } else { value })
    }

    fn rounded_to(&self, prec: u32) -> Result<Number, String> {
        let f = self.float();
        match f.kind {
            Kind::Finite { mantissa, exponent } => {
                Float::rounded(f.negative, mantissa, exponent, false, prec).map(Number::big)
            }
            _ => Ok(self.clone()),
        }
    }

    pub fn neg(&self) -> Number {
        match &self.0 {
            Repr::Small { value, prec } if *value != 0 && *value != i64::MIN => {
                Number::small(-value, *prec)
            }
            _ => {
                let mut f = self.float();
                f.negative = !f.negative;
                Number::big(f)
            }
        }
    }

    pub fn abs(&self) -> Number {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// The sign bit (set on negative zero too).
    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small { value, .. } => *value < 0,
            Repr::Big(f) => f.negative,
        }
    }

    pub fn add(&self, other: &Number) -> Result<Number, String> {
        let prec = self.prec().max(other.prec());
        if let (Repr::Small { value: a, .. }, Repr::Small { value: b, .. }) = (&self.0, &other.0)
            && prec >= INT_PRECISION
            && let Some(sum) = a.checked_add(*b)
        {
            return Ok(Number::small(sum, prec));
        }
        let (x, y) = (self.float(), other.float());
        let sum = match (&x.kind, &y.kind) {
            (Kind::Infinite, Kind::Infinite) if x.negative != y.negative => {
                return Err("can't compute sum of opposing infinities".into());
            }
            (Kind::Infinite, _) => Float::infinite(x.negative, prec),
            (_, Kind::Infinite) => Float::infinite(y.negative, prec),
            (Kind::Zero, Kind::Zero) => Float::zero(x.negative && y.negative, prec),
            (Kind::Zero, _) => return self.with(y, prec),
            (_, Kind::Zero) => return self.with(x, prec),
            (
                Kind::Finite {
                    mantissa: ma,
                    exponent: ea,
                },
                Kind::Finite {
                    mantissa: mb,
                    exponent: eb,
                },
            ) => {
                let (ta, tb) = (Float::top(ma, *ea), Float::top(mb, *eb));
                // An operand more than the precision below the other cannot change it, and
                // shifting it into place could take gigabits.
                let margin = i64::from(prec) + 2;
                if tb < ta - margin {
                    return self.with(x, prec);
                }
                if ta < tb - margin {
                    return self.with(y, prec);
                }
                let low = (*ea).min(*eb);
                let a = ma << (ea - low) as u64;
                let b = mb << (eb - low) as u64;
                let (negative, magnitude) = if x.negative == y.negative {
                    (x.negative, a + b)
                } else {
                    match a.cmp(&b) {
                        Ordering::Greater => (x.negative, a - b),
                        Ordering::Less => (y.negative, b - a),
                        Ordering::Equal => (false, BigUint::zero()),
                    }
                };
                Float::rounded(negative, magnitude, low, false, prec)?
            }
        };
        Ok(Number::big(sum))
    }

    /// `f` (whose precision is at most `prec`) with precision `prec`.
    fn with(&self, mut f: Float, prec: u32) -> Result<Number, String> {
        f.prec = prec;
        Ok(Number::big(f))
    }

    pub fn sub(&self, other: &Number) -> Result<Number, String> {
        self.add(&other.neg())
            .map_err(|e| match e.starts_with("can't") {
                true => "can't subtract infinity from itself".into(),
                false => e,
            })
    }

    /// cty's product: computed at 512 bits, then given the larger precision of the operands,
    /// or the bits the product needs if more.
    pub fn mul(&self, other: &Number) -> Result<Number, String> {
        let prec = self.prec().max(other.prec());
        if let (Repr::Small { value: a, .. }, Repr::Small { value: b, .. }) = (&self.0, &other.0)
            && let Some(product) = a.checked_mul(*b)
            && (product != 0 || (*a >= 0) == (*b >= 0))
        {
            let bits = product.unsigned_abs();
            let needed = (64 - bits.leading_zeros()).saturating_sub(bits.trailing_zeros());
            let prec = prec.max(needed);
            if 64 - bits.leading_zeros() <= prec {
                return Ok(Number::small(product, prec));
            }
        }
        let (x, y) = (self.float(), other.float());
        let negative = x.negative != y.negative;
        let product = match (&x.kind, &y.kind) {
            (Kind::Zero, Kind::Infinite) | (Kind::Infinite, Kind::Zero) => {
                return Err("can't multiply zero by infinity".into());
            }
            (Kind::Infinite, _) | (_, Kind::Infinite) => Float::infinite(negative, prec),
            (Kind::Zero, _) | (_, Kind::Zero) => Float::zero(negative, prec),
            (
                Kind::Finite {
                    mantissa: ma,
                    exponent: ea,
                },
                Kind::Finite {
                    mantissa: mb,
                    exponent: eb,
                },
            ) => {
                let mut f = Float::rounded(negative, ma * mb, ea + eb, false, TEXT_PRECISION)?;
                if let Kind::Finite { mantissa, .. } = &f.kind {
                    f.prec = prec.max(mantissa.bits() as u32);
                }
                f
            }
        };
        Ok(Number::big(product))
    }

    /// Go's quotient at the larger precision of the operands: a nonzero number divided by
    /// zero is an infinity; zero by zero is an error, as in Terraform.
    pub fn div(&self, other: &Number) -> Result<Number, String> {
        let prec = self.prec().max(other.prec());
        if let (Repr::Small { value: a, .. }, Repr::Small { value: b, .. }) = (&self.0, &other.0)
            && *b != 0
            && prec >= INT_PRECISION
            && a.checked_rem(*b) == Some(0)
            && let Some(quotient) = a.checked_div(*b)
            && (quotient != 0 || (*a >= 0) == (*b >= 0))
        {
            return Ok(Number::small(quotient, prec));
        }
        let (x, y) = (self.float(), other.float());
        let negative = x.negative != y.negative;
        let quotient = match (&x.kind, &y.kind) {
            (Kind::Zero, Kind::Zero) | (Kind::Infinite, Kind::Infinite) => {
                return Err("can't divide zero by zero or infinity by infinity".into());
            }
            (Kind::Infinite, _) | (_, Kind::Zero) => Float::infinite(negative, prec),
            (Kind::Zero, _) | (_, Kind::Infinite) => Float::zero(negative, prec),
            (
                Kind::Finite {
                    mantissa: ma,
                    exponent: ea,
                },
                Kind::Finite {
                    mantissa: mb,
                    exponent: eb,
                },
            ) => divide_rounded(negative, ma, *ea, mb, *eb, prec)?,
        };
        Ok(Number::big(quotient))
    }

    /// cty's `%`: `a - b * trunc(a / b)`, the sign of the dividend; `a % 0` is `a`.
    pub fn rem(&self, other: &Number) -> Result<Number, String> {
        if let (Repr::Small { value: a, prec: pa }, Repr::Small { value: b, .. }) =
            (&self.0, &other.0)
            && *b != 0
            && let Some(r) = a.checked_rem(*b)
            && (r != 0 || *a >= 0)
        {
            return Ok(Number::small(r, *pa));
        }
        if self.is_infinite() || other.is_infinite() {
            return self
                .mul(other)
                .map_err(|_| "can't use modulo with zero and infinity".into());
        }
        if other.sign() == 0 {
            return Ok(self.clone());
        }
        let ratio = self.div(other)?;
        let (negative, whole, _) = ratio
            .truncated()
            .ok_or("can't use modulo with zero and infinity")?;
        // Go rounds the whole quotient to the dividend's precision, multiplies and subtracts
        // at that precision.
        let prec = self.prec();
        let whole = Float::rounded(negative, whole, 0, false, prec)?;
        let product = mul_at(&other.float(), &whole, prec)?;
        let difference = Number::big(self.float()).add(&Number::big(product).neg())?;
        difference.rounded_to(prec).map(|n| n.with_prec(prec))
    }

    fn with_prec(self, prec: u32) -> Number {
        match self.0 {
            Repr::Small { value, .. } => Number::small(value, prec),
            Repr::Big(mut f) => {
                f.prec = prec;
                Number(Repr::Big(f))
            }
        }
    }

    /// cty's `floor`: the whole number at or below, an infinity unchanged.
    pub fn floor(&self) -> Result<Number, String> {
        self.to_integer(Accuracy::Above)
    }

    /// cty's `ceil`: the whole number at or above, an infinity unchanged.
    pub fn ceil(&self) -> Result<Number, String> {
        self.to_integer(Accuracy::Below)
    }

    fn to_integer(&self, step_when: Accuracy) -> Result<Number, String> {
        if let Repr::Small { .. } = self.0 {
            return Ok(self.clone());
        }
        let Some((negative, mut whole, accuracy)) = self.truncated() else {
            return Ok(self.clone());
        };
        let mut negative = negative;
        if accuracy == step_when {
            // Below a positive number (ceil adds one), above a negative one (floor takes one
            // away): either way the magnitude grows by one, and keeps the number's sign.
            negative = self.is_negative();
            whole += 1u32;
        }
        Float::rounded(negative, whole, 0, false, self.prec()).map(Number::big)
    }

    /// Go's `Cmp`: zeros of either sign are equal, infinities beyond every finite number.
    pub fn compare(&self, other: &Number) -> Ordering {
        if let (Repr::Small { value: a, .. }, Repr::Small { value: b, .. }) = (&self.0, &other.0) {
            return a.cmp(b);
        }
        let (x, y) = (self.float(), other.float());
        let rank = |f: &Float| match f.kind {
            Kind::Zero => 0,
            _ if f.negative => -1,
            _ => 1,
        };
        match rank(&x).cmp(&rank(&y)) {
            Ordering::Equal if rank(&x) == 0 => Ordering::Equal,
            Ordering::Equal => {
                let magnitude = match (&x.kind, &y.kind) {
                    (Kind::Infinite, Kind::Infinite) => Ordering::Equal,
                    (Kind::Infinite, _) => Ordering::Greater,
                    (_, Kind::Infinite) => Ordering::Less,
                    (
                        Kind::Finite {
                            mantissa: ma,
                            exponent: ea,
                        },
                        Kind::Finite {
                            mantissa: mb,
                            exponent: eb,
                        },
                    ) => match Float::top(ma, *ea).cmp(&Float::top(mb, *eb)) {
                        Ordering::Equal => {
                            let low = (*ea).min(*eb);
                            (ma << (ea - low) as u64).cmp(&(mb << (eb - low) as u64))
                        }
                        other => other,
                    },
                    _ => Ordering::Equal,
                };
                if x.negative {
                    magnitude.reverse()
                } else {
                    magnitude
                }
            }
            other => other,
        }
    }

    /// Terraform's `==` on numbers (cty's `rawNumberEqual`): whole numbers compare exactly,
    /// others by the text Terraform prints for them, each at its own precision.
    pub fn terraform_equals(&self, other: &Number) -> bool {
        if let (Repr::Small { value: a, .. }, Repr::Small { value: b, .. }) = (&self.0, &other.0) {
            return a == b;
        }
        if self.sign() != other.sign() {
            return false;
        }
        let accuracy = |n: &Number| match n.truncated() {
            Some((_, _, a)) => a,
            None if n.is_negative() => Accuracy::Below,
            None => Accuracy::Above,
        };
        let (a, b) = (accuracy(self), accuracy(other));
        if a != b {
            return false;
        }
        if a == Accuracy::Exact {
            return self.compare(other) == Ordering::Equal;
        }
        self.text() == other.text()
    }

    /// The text Terraform prints: the shortest decimal that reads back as this number at its
    /// precision, without an exponent (`1000000000000000000000`, `0.3`, `-0`, `+Inf`).
    pub fn text(&self) -> String {
        match &self.0 {
            Repr::Small { value, .. } => value.to_string(),
            Repr::Big(_) => self.format('f', None),
        }
    }

    /// Go's `big.Float` formats, as `format` writes them: `verb` is `e`, `E`, `f`, `g` or `G`,
    /// and `precision` `None` is the shortest text for `g` (as `%v` uses) and `f` (`tostring`).
    /// The sign is written only when negative; infinities are `+Inf` and `-Inf`.
    pub fn format(&self, verb: char, precision: Option<usize>) -> String {
        let f = self.float();
        let mut out = String::new();
        if let Kind::Infinite = f.kind {
            out.push(if f.negative { '-' } else { '+' });
            out.push_str("Inf");
            return out;
        }
        if f.negative {
            out.push('-');
        }
        let mut d = match &f.kind {
            Kind::Finite { mantissa, exponent } => Decimal::exact(mantissa, *exponent),
            _ => Decimal::default(),
        };
        let shortest = precision.is_none();
        let mut prec = precision.map_or(0, |p| p as i64);
        if shortest {
            if let Kind::Finite { mantissa, exponent } = &f.kind {
                d.round_shortest(mantissa, *exponent, f.prec);
            }
            prec = match verb {
                'e' | 'E' => d.digits.len() as i64 - 1,
                'f' => (d.digits.len() as i64 - d.exp).max(0),
                _ => d.digits.len() as i64,
            };
        } else {
            match verb {
                'e' | 'E' => d.round(1 + prec),
                'f' => d.round(d.exp + prec),
                _ => {
                    if prec == 0 {
                        prec = 1;
                    }
                    d.round(prec)
                }
            }
        }
        match verb {
            'e' | 'E' => d.write_e(&mut out, verb, prec),
            'f' => d.write_f(&mut out, prec),
            _ => {
                let mut eprec = prec;
                if eprec > d.digits.len() as i64 && d.digits.len() as i64 >= d.exp {
                    eprec = d.digits.len() as i64;
                }
                if shortest {
                    eprec = 6;
                }
                let exp = d.exp - 1;
                let e = if verb == 'G' { 'E' } else { 'e' };
                if exp < -4 || exp >= eprec {
                    if prec > d.digits.len() as i64 {
                        prec = d.digits.len() as i64;
                    }
                    d.write_e(&mut out, e, prec - 1);
                } else {
                    if prec > d.exp {
                        prec = d.digits.len() as i64;
                    }
                    d.write_f(&mut out, (prec - d.exp).max(0));
                }
            }
        }
        out
    }

    /// The number for a JSON report: exact when an integer fits, else the nearest `f64` (a
    /// report is read by tools that hold `f64`s); an infinity as its text.
    pub fn to_json(&self) -> serde_json::Value {
        if let Some(i) = self.to_i64() {
            return serde_json::Value::from(i);
        }
        if self.is_infinite() {
            return serde_json::Value::String(self.text());
        }
        let text = self.text();
        text.parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::String(text))
    }
}

/// `(ma * 2^ea) / (mb * 2^eb)` rounded to `prec` bits.
fn divide_rounded(
    negative: bool,
    ma: &BigUint,
    ea: i64,
    mb: &BigUint,
    eb: i64,
    prec: u32,
) -> Result<Float, String> {
    // Enough bits in the quotient to round it: at least prec + 2.
    let shift = (i64::from(prec) + 2 + mb.bits() as i64 - ma.bits() as i64).max(0);
    let (quotient, remainder) = (ma << shift as u64).div_rem(mb);
    Float::rounded(
        negative,
        quotient,
        ea - eb - shift,
        !remainder.is_zero(),
        prec,
    )
}

/// `x * y` rounded to `prec` bits (Go's `Mul` on a float of that precision).
fn mul_at(x: &Float, y: &Float, prec: u32) -> Result<Float, String> {
    let negative = x.negative != y.negative;
    match (&x.kind, &y.kind) {
        (
            Kind::Finite {
                mantissa: ma,
                exponent: ea,
            },
            Kind::Finite {
                mantissa: mb,
                exponent: eb,
            },
        ) => Float::rounded(negative, ma * mb, ea + eb, false, prec),
        _ => Ok(Float::zero(negative, prec)),
    }
}

/// `value * 2^exponent` for a finite `value`, exact while the result is a normal `f64`.
fn ldexp(mut value: f64, mut exponent: i64) -> f64 {
    while exponent > 1000 {
        value *= 2f64.powi(1000);
        exponent -= 1000;
    }
    while exponent < -1000 {
        value *= 2f64.powi(-1000);
        exponent += 1000;
    }
    value * 2f64.powi(exponent as i32)
}

/// A decimal number `0.digits * 10^exp`, its digits without trailing zeros (Go's `decimal`).
#[derive(Default)]
struct Decimal {
    digits: Vec<u8>,
    exp: i64,
}

impl Decimal {
    /// The exact decimal of `mantissa * 2^exponent` (every binary fraction has one).
    fn exact(mantissa: &BigUint, exponent: i64) -> Decimal {
        if mantissa.is_zero() {
            return Decimal::default();
        }
        let (scaled, point) = if exponent >= 0 {
            (mantissa << exponent as u64, 0)
        } else {
            let shift = exponent.unsigned_abs();
            (
                mantissa * BigUint::from(5u32).pow(shift as u32),
                shift as i64,
            )
        };
        let mut digits = scaled.to_str_radix(10).into_bytes();
        let exp = digits.len() as i64 - point;
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        Decimal { digits, exp }
    }

    fn at(&self, i: i64) -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.digits.get(i).copied())
            .unwrap_or(b'0')
    }

    fn trim(&mut self) {
        while self.digits.last() == Some(&b'0') {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.exp = 0;
        }
    }

    /// Rounds to `n` digits, half to even on the exact decimal.
    fn round(&mut self, n: i64) {
        let Ok(n) = usize::try_from(n) else { return };
        if n >= self.digits.len() {
            return;
        }
        let up = if self.digits[n] == b'5' && n + 1 == self.digits.len() {
            n > 0 && (self.digits[n - 1] - b'0') % 2 == 1
        } else {
            self.digits[n] >= b'5'
        };
        if up {
            self.round_up(n)
        } else {
            self.round_down(n)
        }
    }

    fn round_up(&mut self, mut n: usize) {
        if n >= self.digits.len() {
            return;
        }
        while n > 0 && self.digits[n - 1] >= b'9' {
            n -= 1;
        }
        if n == 0 {
            self.digits.clear();
            self.digits.push(b'1');
            self.exp += 1;
            return;
        }
        self.digits[n - 1] += 1;
        self.digits.truncate(n);
    }

    fn round_down(&mut self, n: usize) {
        if n >= self.digits.len() {
            return;
        }
        self.digits.truncate(n);
        self.trim();
    }

    /// The fewest digits that still read back as the number at precision `prec`: the number
    /// lies between the midpoints to its neighbours, `mantissa ± 1/2` of its last bit at that
    /// precision, and a decimal in that interval rounds back to it. The midpoints count only
    /// when the mantissa is even, as rounding to even would pick it there.
    fn round_shortest(&mut self, mantissa: &BigUint, exponent: i64, prec: u32) {
        if self.digits.is_empty() {
            return;
        }
        // The mantissa at prec + 1 bits, so that its last bit is half a unit.
        let widen = i64::from(prec) + 1 - mantissa.bits() as i64;
        let (scaled, scaled_exponent) = if widen >= 0 {
            (mantissa << widen as u64, exponent - widen)
        } else {
            (mantissa >> (-widen) as u64, exponent - widen)
        };
        let lower = Decimal::exact(&(&scaled - 1u32), scaled_exponent);
        let upper = Decimal::exact(&(&scaled + 1u32), scaled_exponent);
        let inclusive = !scaled.bit(1);
        // Go compares the digits position by position, whatever the bounds' decimal
        // exponents; reproduced as is, since Terraform prints what Go prints.
        for i in 0..self.digits.len() {
            let at = i as i64;
            let (l, m, u) = (lower.at(at), self.digits[i], upper.at(at));
            let lower_len = lower.digits.len() as i64;
            let upper_len = upper.digits.len() as i64;
            let okdown = l != m || inclusive && at + 1 == lower_len;
            let okup = m != u && (inclusive || m + 1 < u || at + 1 < upper_len);
            match (okdown, okup) {
                (true, true) => return self.round(at + 1),
                (true, false) => return self.round_down(i + 1),
                (false, true) => return self.round_up(i + 1),
                (false, false) => {}
            }
        }
    }

    fn write_f(&self, out: &mut String, prec: i64) {
        if self.exp > 0 {
            let whole = (self.exp as usize).min(self.digits.len());
            out.extend(self.digits[..whole].iter().map(|&b| b as char));
            out.extend(std::iter::repeat_n('0', self.exp as usize - whole));
        } else {
            out.push('0');
        }
        if prec > 0 {
            out.push('.');
            for i in 0..prec {
                out.push(self.at(self.exp + i) as char);
            }
        }
    }

    fn write_e(&self, out: &mut String, verb: char, prec: i64) {
        out.push(self.digits.first().map_or('0', |&b| b as char));
        if prec > 0 {
            out.push('.');
            let mut i = 1usize;
            let m = self.digits.len().min(prec as usize + 1);
            if i < m {
                out.extend(self.digits[i..m].iter().map(|&b| b as char));
                i = m;
            }
            while i as i64 <= prec {
                out.push('0');
                i += 1;
            }
        }
        out.push(verb);
        let exp = if self.digits.is_empty() {
            0
        } else {
            self.exp - 1
        };
        out.push(if exp < 0 { '-' } else { '+' });
        if exp.abs() < 10 {
            out.push('0');
        }
        out.push_str(&exp.abs().to_string());
    }
}

/// Terraform's equality (`terraform_equals`), so that values holding numbers compare as
/// Terraform compares them.
impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        self.terraform_equals(other)
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.text())
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Number {
        Number::parse(text).unwrap()
    }

    #[test]
    fn literals_are_read_from_their_text() {
        assert_eq!(n("0.1").add(&n("0.2")).unwrap().text(), "0.3");
        assert!(n("0.1").add(&n("0.2")).unwrap().terraform_equals(&n("0.3")));
        assert_eq!(n("9007199254740993").text(), "9007199254740993");
        assert_eq!(n("1e21").text(), "1000000000000000000000");
        assert_eq!(n("-0").text(), "-0");
        assert_eq!(n("Inf").text(), "+Inf");
        assert!(Number::parse("1_000").is_err());
        assert!(Number::parse(" 1").is_err());
    }

    #[test]
    fn precision_follows_the_operands() {
        let third = Number::int(1).div(&Number::int(3)).unwrap();
        assert_eq!(third.text(), "0.33333333333333333334");
        let sqrt = Number::from_f64(2f64.sqrt()).unwrap();
        assert_eq!(sqrt.text(), "1.4142135623730951");
        assert_eq!(
            sqrt.add(&n("0")).unwrap().text(),
            "1.4142135623730951454746218587388284504413604736328125"
        );
    }

    #[test]
    fn zero_infinity_and_their_errors() {
        assert_eq!(n("1").div(&n("0")).unwrap().text(), "+Inf");
        assert_eq!(n("-1").div(&n("0")).unwrap().text(), "-Inf");
        assert!(n("0").div(&n("0")).is_err());
        assert_eq!(n("0").mul(&n("-1")).unwrap().text(), "-0");
        assert_eq!(n("5").rem(&n("0")).unwrap().text(), "5");
        let inf = n("Inf");
        assert!(inf.sub(&inf).is_err());
        assert!(n("0").mul(&inf).is_err());
    }

    #[test]
    fn hostile_magnitudes_stop_at_the_bound_quickly() {
        let started = std::time::Instant::now();
        for text in ["1e999999999", "1e-999999999", "1e99999999999999999999999"] {
            let err = Number::parse(text).err().unwrap();
            assert!(err.ends_with(LIMIT), "{text}: {err}");
        }
        // Squaring until past the bound: each product is rounded to 512 bits.
        let mut x = n("1.5");
        let mut steps = 0;
        while let Ok(next) = x.mul(&x) {
            x = next;
            steps += 1;
            assert!(steps < 64);
        }
        // Adding numbers far apart does not shift one into place bit by bit.
        let sum = n("1e2400").add(&n("1e-2400")).unwrap();
        assert!(sum.terraform_equals(&n("1e2400")));
        assert_eq!(n("1e-2400").text().len(), 2402);
        let whole = Number::from_whole(false, BigUint::from(1u32) << 9000u32);
        assert!(whole.err().unwrap().ends_with(LIMIT));
        assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
    }

    #[test]
    fn go_formats() {
        assert_eq!(n("1000000").format('g', None), "1e+06");
        assert_eq!(n("1234567").format('g', None), "1.234567e+06");
        assert_eq!(n("2.675").format('f', Some(2)), "2.67");
        assert_eq!(n("0.125").format('f', Some(2)), "0.12");
        assert_eq!(n("12345.678").format('e', Some(3)), "1.235e+04");
        assert_eq!(n("0.5").format('f', Some(0)), "0");
        assert_eq!(n("1.5").format('f', Some(0)), "2");
    }

    #[test]
    fn counts_and_indexes() {
        assert_eq!(n("3.0").to_i64(), Some(3));
        assert_eq!(n("2.5").to_i64(), None);
        assert_eq!(n("1e30").to_i64(), None);
        assert_eq!(n("-2.5").floor().unwrap().text(), "-3");
        assert_eq!(n("-0.5").ceil().unwrap().text(), "0");
        assert_eq!(n("2.1").ceil().unwrap().text(), "3");
    }
}
