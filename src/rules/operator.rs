//! Operators (docs/rules.md, "Operators") and what they say about one value, with three
//! outcomes: a value that cannot be known before `plan` makes most comparisons unknown rather
//! than wrong.

use crate::value::{Node, Value};
use regex::Regex;

#[derive(Debug, Clone)]
pub enum Operator {
    Exists,
    NotExists,
    Equals,
    NotEquals,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Contains,
    NotContains,
    /// Compiled once, when the rule loads.
    Matches(Regex),
    NotMatches(Regex),
    In,
    NotIn,
    StartsWith,
    EndsWith,
    ContainsAll,
    ContainsAny,
    LengthEquals,
    LengthGreaterThanOrEqual,
    LengthLessThanOrEqual,
    NoneMatch,
}

/// What an operator expects as its `value`, checked when the rule loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operand {
    Nothing,
    Any,
    Number,
    Text,
    List,
    Length,
    Patterns,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Pass,
    Fail,
    Unknown,
}

impl Verdict {
    fn from_bool(b: bool) -> Verdict {
        if b { Verdict::Pass } else { Verdict::Fail }
    }

    pub fn negate(self) -> Verdict {
        match self {
            Verdict::Pass => Verdict::Fail,
            Verdict::Fail => Verdict::Pass,
            Verdict::Unknown => Verdict::Unknown,
        }
    }

    /// Every one must pass: one failure decides, else one unknown does.
    pub fn all(verdicts: impl IntoIterator<Item = Verdict>) -> Verdict {
        let mut result = Verdict::Pass;
        for v in verdicts {
            match v {
                Verdict::Fail => return Verdict::Fail,
                Verdict::Unknown => result = Verdict::Unknown,
                Verdict::Pass => {}
            }
        }
        result
    }

    /// One must pass: one pass decides, else one unknown does.
    pub fn any(verdicts: impl IntoIterator<Item = Verdict>) -> Verdict {
        Verdict::all(verdicts.into_iter().map(Verdict::negate)).negate()
    }
}

/// The operator names a rule may use: native first, then the Python riveter's aliases.
pub const NAMES: &[&str] = &[
    "exists",
    "present",
    "not_exists",
    "absent",
    "equals",
    "eq",
    "not_equals",
    "ne",
    "greater_than",
    "gt",
    "greater_than_or_equal",
    "gte",
    "less_than",
    "lt",
    "less_than_or_equal",
    "lte",
    "contains",
    "not_contains",
    "matches",
    "regex",
    "not_matches",
    "in",
    "not_in",
    "starts_with",
    "ends_with",
    "contains_all",
    "subset",
    "contains_any",
    "length_equals",
    "length",
    "length_greater_than_or_equal",
    "length_less_than_or_equal",
    "none_match",
];

impl Operator {
    /// An operator by name. `regex` needs its pattern, so it is built by `with_pattern`.
    pub fn named(name: &str) -> Option<Operator> {
        Some(match name {
            "exists" | "present" => Operator::Exists,
            "not_exists" | "absent" => Operator::NotExists,
            "equals" | "eq" => Operator::Equals,
            "not_equals" | "ne" => Operator::NotEquals,
            "greater_than" | "gt" => Operator::GreaterThan,
            "greater_than_or_equal" | "gte" => Operator::GreaterThanOrEqual,
            "less_than" | "lt" => Operator::LessThan,
            "less_than_or_equal" | "lte" => Operator::LessThanOrEqual,
            "contains" => Operator::Contains,
            "not_contains" => Operator::NotContains,
            "in" => Operator::In,
            "not_in" => Operator::NotIn,
            "starts_with" => Operator::StartsWith,
            "ends_with" => Operator::EndsWith,
            "contains_all" | "subset" => Operator::ContainsAll,
            "contains_any" => Operator::ContainsAny,
            "length_equals" | "length" => Operator::LengthEquals,
            "length_greater_than_or_equal" => Operator::LengthGreaterThanOrEqual,
            "length_less_than_or_equal" => Operator::LengthLessThanOrEqual,
            "none_match" => Operator::NoneMatch,
            _ => return None,
        })
    }

    pub fn is_regex(name: &str) -> bool {
        matches!(name, "matches" | "regex" | "not_matches")
    }

    pub fn with_pattern(name: &str, pattern: &Regex) -> Operator {
        if name == "not_matches" {
            Operator::NotMatches(pattern.clone())
        } else {
            Operator::Matches(pattern.clone())
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Operator::Exists => "exists",
            Operator::NotExists => "not_exists",
            Operator::Equals => "equals",
            Operator::NotEquals => "not_equals",
            Operator::GreaterThan => "greater_than",
            Operator::GreaterThanOrEqual => "greater_than_or_equal",
            Operator::LessThan => "less_than",
            Operator::LessThanOrEqual => "less_than_or_equal",
            Operator::Contains => "contains",
            Operator::NotContains => "not_contains",
            Operator::Matches(_) => "matches",
            Operator::NotMatches(_) => "not_matches",
            Operator::In => "in",
            Operator::NotIn => "not_in",
            Operator::StartsWith => "starts_with",
            Operator::EndsWith => "ends_with",
            Operator::ContainsAll => "contains_all",
            Operator::ContainsAny => "contains_any",
            Operator::LengthEquals => "length_equals",
            Operator::LengthGreaterThanOrEqual => "length_greater_than_or_equal",
            Operator::LengthLessThanOrEqual => "length_less_than_or_equal",
            Operator::NoneMatch => "none_match",
        }
    }

    pub fn operand(&self) -> Operand {
        use Operator::*;
        match self {
            Exists | NotExists => Operand::Nothing,
            Equals | NotEquals | Contains | NotContains => Operand::Any,
            GreaterThan | GreaterThanOrEqual | LessThan | LessThanOrEqual => Operand::Number,
            Matches(_) | NotMatches(_) | StartsWith | EndsWith => Operand::Text,
            In | NotIn | ContainsAll | ContainsAny => Operand::List,
            LengthEquals | LengthGreaterThanOrEqual | LengthLessThanOrEqual => Operand::Length,
            NoneMatch => Operand::Patterns,
        }
    }

    /// The operators that pass on a missing attribute (docs/rules.md, "Outcomes").
    fn is_negative(&self) -> bool {
        matches!(
            self,
            Operator::NotExists
                | Operator::NotEquals
                | Operator::NotContains
                | Operator::NotMatches(_)
                | Operator::NotIn
                | Operator::NoneMatch
        )
    }

    /// The operators that read an unknown value's `${source}` text.
    fn reads_text_of_unknowns(&self) -> bool {
        matches!(
            self,
            Operator::Matches(_)
                | Operator::NotMatches(_)
                | Operator::Contains
                | Operator::NotContains
                | Operator::StartsWith
                | Operator::EndsWith
        )
    }

    /// What a passing value looks like, for messages: "to equal \"aws:kms\"".
    pub fn expectation(&self, expected: Option<&Value>) -> String {
        let v = expected.map(|v| v.to_string()).unwrap_or_default();
        match self {
            Operator::Exists => "to be set".into(),
            Operator::NotExists => "not to be set".into(),
            Operator::Equals => format!("to equal {v}"),
            Operator::NotEquals => format!("not to equal {v}"),
            Operator::GreaterThan => format!("to be greater than {v}"),
            Operator::GreaterThanOrEqual => format!("to be at least {v}"),
            Operator::LessThan => format!("to be less than {v}"),
            Operator::LessThanOrEqual => format!("to be at most {v}"),
            Operator::Contains => format!("to contain {v}"),
            Operator::NotContains => format!("not to contain {v}"),
            Operator::Matches(re) => format!("to match /{}/", re.as_str()),
            Operator::NotMatches(re) => format!("not to match /{}/", re.as_str()),
            Operator::In => format!("to be one of {v}"),
            Operator::NotIn => format!("not to be one of {v}"),
            Operator::StartsWith => format!("to start with {v}"),
            Operator::EndsWith => format!("to end with {v}"),
            Operator::ContainsAll => format!("to contain all of {v}"),
            Operator::ContainsAny => format!("to contain any of {v}"),
            Operator::LengthEquals => format!("to have length {v}"),
            Operator::LengthGreaterThanOrEqual => format!("to have length at least {v}"),
            Operator::LengthLessThanOrEqual => format!("to have length at most {v}"),
            Operator::NoneMatch => format!("to have no element matching {v}"),
        }
    }

    /// The verdict on what a key resolved to, when it resolved to nothing.
    pub fn on_missing(&self) -> Verdict {
        Verdict::from_bool(self.is_negative())
    }

    /// The verdict on one value.
    pub fn test(&self, expected: Option<&Value>, actual: &Value) -> Verdict {
        if let Value::Unknown(unknown) = actual
            && !unknown.candidates.is_empty()
        {
            let mut verdicts = unknown.candidates.iter().map(|c| self.test(expected, c));
            let first = verdicts.next().unwrap_or(Verdict::Unknown);
            return if verdicts.all(|v| v == first) {
                first
            } else {
                Verdict::Unknown
            };
        }
        if let Value::Unknown(unknown) = actual {
            return match self {
                Operator::Exists => Verdict::Pass,
                Operator::NotExists => Verdict::Fail,
                op if op.reads_text_of_unknowns() => {
                    op.test(expected, &Value::String(unknown.as_text()))
                }
                _ => Verdict::Unknown,
            };
        }
        let expected = expected.unwrap_or(&Value::Null);
        match self {
            Operator::Exists => Verdict::Pass,
            Operator::NotExists => Verdict::Fail,
            Operator::Equals => equal(actual, expected),
            Operator::NotEquals => equal(actual, expected).negate(),
            Operator::GreaterThan => compare(actual, expected, |o| o.is_gt()),
            Operator::GreaterThanOrEqual => compare(actual, expected, |o| o.is_ge()),
            Operator::LessThan => compare(actual, expected, |o| o.is_lt()),
            Operator::LessThanOrEqual => compare(actual, expected, |o| o.is_le()),
            Operator::Contains => contains(actual, expected),
            Operator::NotContains => contains(actual, expected).negate(),
            Operator::Matches(re) => text_test(actual, |t| re.is_match(t)),
            Operator::NotMatches(re) => text_test(actual, |t| re.is_match(t)).negate(),
            Operator::In => one_of(actual, expected),
            Operator::NotIn => one_of(actual, expected).negate(),
            Operator::StartsWith => text_pair(actual, expected, |a, e| a.starts_with(e)),
            Operator::EndsWith => text_pair(actual, expected, |a, e| a.ends_with(e)),
            Operator::ContainsAll => {
                Verdict::all(list_of(expected).iter().map(|e| contains(actual, e)))
            }
            Operator::ContainsAny => {
                Verdict::any(list_of(expected).iter().map(|e| contains(actual, e)))
            }
            Operator::LengthEquals => length(actual, expected, |a, e| a == e),
            Operator::LengthGreaterThanOrEqual => length(actual, expected, |a, e| a >= e),
            Operator::LengthLessThanOrEqual => length(actual, expected, |a, e| a <= e),
            Operator::NoneMatch => none_match(actual, expected),
        }
    }
}

/// Equality with Terraform's conversions: `"true"` equals `true`, `"10"` equals `10` and `10.0`;
/// a string that is not a number never equals a number.
pub fn equal(a: &Value, b: &Value) -> Verdict {
    match (a, b) {
        (Value::Unknown(_), _) | (_, Value::Unknown(_)) => Verdict::Unknown,
        (Value::Number(x), Value::Number(y)) => Verdict::from_bool(x == y),
        (Value::Number(n), Value::String(s)) | (Value::String(s), Value::Number(n)) => {
            Verdict::from_bool(s.trim().parse::<f64>().is_ok_and(|p| p == *n))
        }
        (Value::Bool(x), Value::String(s)) | (Value::String(s), Value::Bool(x)) => {
            Verdict::from_bool(s == if *x { "true" } else { "false" })
        }
        (Value::List(x), Value::List(y)) => {
            if x.len() != y.len() {
                return Verdict::Fail;
            }
            Verdict::all(x.iter().zip(y).map(|(p, q)| equal(&p.value, &q.value)))
        }
        (Value::Map(x), Value::Map(y)) => {
            if x.len() != y.len() {
                return Verdict::Fail;
            }
            Verdict::all(x.iter().map(|(k, v)| match b.get(k) {
                Some(w) => equal(&v.value, &w.value),
                None => Verdict::Fail,
            }))
        }
        _ => Verdict::from_bool(a == b),
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn compare(actual: &Value, expected: &Value, accept: fn(std::cmp::Ordering) -> bool) -> Verdict {
    match (number(actual), number(expected)) {
        (Some(a), Some(e)) => Verdict::from_bool(a.partial_cmp(&e).is_some_and(accept)),
        _ => Verdict::Fail,
    }
}

/// Scalars as text (numbers as Terraform prints them); collections have no text.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(_) | Value::Bool(_) => Some(v.to_json().to_string()),
        Value::Unknown(u) => Some(u.as_text()),
        _ => None,
    }
}

fn text_test(actual: &Value, test: impl Fn(&str) -> bool) -> Verdict {
    Verdict::from_bool(text(actual).is_some_and(|t| test(&t)))
}

fn text_pair(actual: &Value, expected: &Value, test: fn(&str, &str) -> bool) -> Verdict {
    match (text(actual), text(expected)) {
        (Some(a), Some(e)) => Verdict::from_bool(test(&a, &e)),
        _ => Verdict::Fail,
    }
}

/// String: substring; list: an element equal to it; map: has the key.
fn contains(actual: &Value, expected: &Value) -> Verdict {
    match actual {
        Value::List(items) => Verdict::any(items.iter().map(|i| equal(&i.value, expected))),
        Value::Map(_) => {
            Verdict::from_bool(text(expected).is_some_and(|k| actual.get(&k).is_some()))
        }
        Value::Unknown(_) => Verdict::Unknown,
        _ => text_pair(actual, expected, |a, e| a.contains(e)),
    }
}

fn list_of(expected: &Value) -> Vec<Value> {
    match expected {
        Value::List(items) => items.iter().map(|n| n.value.clone()).collect(),
        other => vec![other.clone()],
    }
}

fn one_of(actual: &Value, expected: &Value) -> Verdict {
    Verdict::any(list_of(expected).iter().map(|e| equal(actual, e)))
}

fn length(actual: &Value, expected: &Value, accept: fn(usize, usize) -> bool) -> Verdict {
    let len = match actual {
        Value::String(s) => s.chars().count(),
        Value::List(items) => items.len(),
        Value::Map(entries) => entries.len(),
        _ => return Verdict::Fail,
    };
    match number(expected) {
        Some(e) if e >= 0.0 => Verdict::from_bool(accept(len, e as usize)),
        _ => Verdict::Fail,
    }
}

/// No element of the list matches any pattern. An element matches a pattern when each of the
/// pattern's keys holds an equal value, or a list that contains it (so `{cidr_blocks:
/// "0.0.0.0/0"}` matches an ingress block open to the world).
fn none_match(actual: &Value, patterns: &Value) -> Verdict {
    let elements: Vec<&Value> = match actual {
        Value::List(items) => items.iter().map(|n| &n.value).collect(),
        other => vec![other],
    };
    let matched = Verdict::any(elements.iter().flat_map(|element| {
        list_of(patterns)
            .into_iter()
            .map(move |pattern| matches_pattern(element, &pattern))
    }));
    matched.negate()
}

fn matches_pattern(element: &Value, pattern: &Value) -> Verdict {
    let Value::Map(fields) = pattern else {
        return equal(element, pattern);
    };
    if let Value::Unknown(_) = element {
        return Verdict::Unknown;
    }
    Verdict::all(
        fields
            .iter()
            .map(|(key, want)| match element.get(key).map(|n| &n.value) {
                None | Some(Value::Null) => Verdict::Fail,
                Some(have @ Value::List(_)) => match &want.value {
                    Value::List(_) => {
                        Verdict::all(list_of(&want.value).iter().map(|w| contains(have, w)))
                    }
                    w => contains(have, w),
                },
                Some(have) => equal(have, &want.value),
            }),
    )
}

/// The verdict on everything a key resolved to. Assertions need every value to pass;
/// filters need one (docs/rules.md, "Outcomes").
pub fn verdict_on(
    operator: &Operator,
    expected: Option<&Value>,
    values: &[&Node],
    any: bool,
) -> Verdict {
    if values.is_empty() {
        return operator.on_missing();
    }
    let verdicts = values.iter().map(|n| operator.test(expected, &n.value));
    if any {
        Verdict::any(verdicts)
    } else {
        Verdict::all(verdicts)
    }
}
