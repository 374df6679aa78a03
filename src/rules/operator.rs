//! Operators (docs/rules.md, "Operators") and what they say about one value, with three
//! outcomes: a value that cannot be known before `plan` makes most comparisons unknown rather
//! than wrong.

use super::absence::{self, Tester};
use super::pattern::Pattern;
use super::relation::RelationKind;
pub use super::verdict::Verdict;
use crate::value::{Node, Number, TextPart, Value};
use std::sync::Arc;

#[derive(Debug, Clone)]
pub enum Operator {
    Exists,
    NotExists,
    /// The Python riveter's `present`: set, and not an empty string, list or map.
    Present,
    /// The Python riveter's `absent`: not set, or empty.
    Absent,
    Equals,
    NotEquals,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Contains,
    NotContains,
    /// Compiled once, when the rule loads.
    Matches(Arc<Pattern>),
    NotMatches(Arc<Pattern>),
    In,
    NotIn,
    StartsWith,
    EndsWith,
    ContainsAll,
    ContainsAny,
    /// The length of a string, list or map (0 when the attribute is missing) compared with
    /// the value.
    Length(Comparison),
    /// Compiled once, when the rule loads; the assertion's value is the patterns as written.
    NoneMatch(Arc<[ElementPattern]>),
    /// A rule's relation to other resources (`referenced_by`, `not_referenced_by`,
    /// `refers_to`): it stands among the rule's assertions so that every report lists it as
    /// one, but the engine decides it, with every resource in view.
    Relation(RelationKind),
}

/// How a length compares with the expected number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
}

impl Comparison {
    /// The Python riveter's comparison names, as in `length: {gte: 2}`.
    pub fn from_short_name(name: &str) -> Option<Comparison> {
        Some(match name {
            "eq" => Comparison::Equal,
            "ne" => Comparison::NotEqual,
            "gt" => Comparison::Greater,
            "gte" => Comparison::GreaterOrEqual,
            "lt" => Comparison::Less,
            "lte" => Comparison::LessOrEqual,
            _ => return None,
        })
    }

    fn holds(self, actual: &Number, expected: &Number) -> bool {
        let order = actual.compare(expected);
        match self {
            Comparison::Equal => actual.terraform_equals(expected),
            Comparison::NotEqual => !actual.terraform_equals(expected),
            Comparison::Greater => order.is_gt(),
            Comparison::GreaterOrEqual => order.is_ge(),
            Comparison::Less => order.is_lt(),
            Comparison::LessOrEqual => order.is_le(),
        }
    }
}

/// One pattern of `none_match`: an element matches it when every field does. A field's
/// expected value is a literal, or a map naming operators (`cidr_blocks: {contains:
/// "0.0.0.0/0"}`), which the field's value must pass.
#[derive(Debug, Clone)]
pub enum ElementPattern {
    /// A pattern that is not a map matches an element equal to it.
    Equal(Value),
    Fields(Vec<(String, FieldTest)>),
}

#[derive(Debug, Clone)]
pub enum FieldTest {
    /// Equal to the value, or, for a list, containing it (every element of a list value).
    Literal(Value),
    /// Every operator passes on the field's value.
    Operators(Vec<(Operator, Option<Value>)>),
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
    "length_not_equals",
    "length_greater_than",
    "length_greater_than_or_equal",
    "length_less_than",
    "length_less_than_or_equal",
    "none_match",
];

impl Operator {
    /// An operator by name. The regex operators and `none_match` need their compiled value, so
    /// the loader builds them.
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
            "length_equals" | "length" => Operator::Length(Comparison::Equal),
            "length_not_equals" => Operator::Length(Comparison::NotEqual),
            "length_greater_than" => Operator::Length(Comparison::Greater),
            "length_greater_than_or_equal" => Operator::Length(Comparison::GreaterOrEqual),
            "length_less_than" => Operator::Length(Comparison::Less),
            "length_less_than_or_equal" => Operator::Length(Comparison::LessOrEqual),
            _ => return None,
        })
    }

    pub fn is_regex(name: &str) -> bool {
        matches!(name, "matches" | "regex" | "not_matches")
    }

    pub fn with_pattern(name: &str, pattern: Pattern) -> Operator {
        if name == "not_matches" {
            Operator::NotMatches(Arc::new(pattern))
        } else {
            Operator::Matches(Arc::new(pattern))
        }
    }

    /// The compiled pattern of a regex operator.
    pub fn pattern(&self) -> Option<&Pattern> {
        match self {
            Operator::Matches(p) | Operator::NotMatches(p) => Some(p),
            _ => None,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Operator::Exists => "exists",
            Operator::NotExists => "not_exists",
            Operator::Present => "present",
            Operator::Absent => "absent",
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
            Operator::Length(Comparison::Equal) => "length_equals",
            Operator::Length(Comparison::NotEqual) => "length_not_equals",
            Operator::Length(Comparison::Greater) => "length_greater_than",
            Operator::Length(Comparison::GreaterOrEqual) => "length_greater_than_or_equal",
            Operator::Length(Comparison::Less) => "length_less_than",
            Operator::Length(Comparison::LessOrEqual) => "length_less_than_or_equal",
            Operator::NoneMatch(_) => "none_match",
            Operator::Relation(kind) => kind.name(),
        }
    }

    pub fn operand(&self) -> Operand {
        use Operator::*;
        match self {
            Exists | NotExists | Present | Absent => Operand::Nothing,
            Equals | NotEquals | Contains | NotContains => Operand::Any,
            GreaterThan | GreaterThanOrEqual | LessThan | LessThanOrEqual => Operand::Number,
            Matches(_) | NotMatches(_) | StartsWith | EndsWith => Operand::Text,
            In | NotIn | ContainsAll | ContainsAny => Operand::List,
            Length(_) => Operand::Length,
            NoneMatch(_) => Operand::Patterns,
            // Its other resources' type, which the loader sets.
            Relation(_) => Operand::Text,
        }
    }

    /// The operators that pass on a missing attribute (docs/rules.md, "Outcomes").
    fn is_negative(&self) -> bool {
        matches!(
            self,
            Operator::NotExists
                | Operator::Absent
                | Operator::NotEquals
                | Operator::NotContains
                | Operator::NotMatches(_)
                | Operator::NotIn
                | Operator::NoneMatch(_)
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
            Operator::Present => "to be set and not empty".into(),
            Operator::Absent => "to be unset or empty".into(),
            Operator::Equals => format!("to equal {v}"),
            Operator::NotEquals => format!("not to equal {v}"),
            Operator::GreaterThan => format!("to be greater than {v}"),
            Operator::GreaterThanOrEqual => format!("to be at least {v}"),
            Operator::LessThan => format!("to be less than {v}"),
            Operator::LessThanOrEqual => format!("to be at most {v}"),
            Operator::Contains => format!("to contain {v}"),
            Operator::NotContains => format!("not to contain {v}"),
            Operator::Matches(re) => format!("to match {}", pattern_words(re.as_str())),
            Operator::NotMatches(re) => format!("not to match {}", pattern_words(re.as_str())),
            Operator::In => format!("to be one of {v}"),
            Operator::NotIn => format!("not to be one of {v}"),
            Operator::StartsWith => format!("to start with {v}"),
            Operator::EndsWith => format!("to end with {v}"),
            Operator::ContainsAll => format!("to contain all of {v}"),
            Operator::ContainsAny => format!("to contain any of {v}"),
            Operator::Length(Comparison::Equal) => format!("to have length {v}"),
            Operator::Length(Comparison::NotEqual) => format!("not to have length {v}"),
            Operator::Length(Comparison::Greater) => format!("to have length more than {v}"),
            Operator::Length(Comparison::GreaterOrEqual) => format!("to have length at least {v}"),
            Operator::Length(Comparison::Less) => format!("to have length less than {v}"),
            Operator::Length(Comparison::LessOrEqual) => format!("to have length at most {v}"),
            Operator::NoneMatch(patterns) => {
                format!("to have no element where {}", alternatives(patterns))
            }
            // The assertion's own words (`Relation::expectation`) name the other type.
            Operator::Relation(RelationKind::ReferencedBy) => "to be referred to".into(),
            Operator::Relation(RelationKind::NotReferencedBy) => "not to be referred to".into(),
            Operator::Relation(RelationKind::RefersTo) => "to refer to what passes".into(),
        }
    }

    /// What a value that passes does, as a clause after its key: `is at most 22`,
    /// `contains "0.0.0.0/0"`, `has no element where …`.
    pub fn condition(&self, expected: Option<&Value>) -> String {
        let v = expected.map(|v| v.to_string()).unwrap_or_default();
        match self {
            Operator::Exists => "is set".into(),
            Operator::NotExists => "is not set".into(),
            Operator::Present => "is set and not empty".into(),
            Operator::Absent => "is unset or empty".into(),
            Operator::Equals => format!("is {v}"),
            Operator::NotEquals => format!("is not {v}"),
            Operator::GreaterThan => format!("is greater than {v}"),
            Operator::GreaterThanOrEqual => format!("is at least {v}"),
            Operator::LessThan => format!("is less than {v}"),
            Operator::LessThanOrEqual => format!("is at most {v}"),
            Operator::Contains => format!("contains {v}"),
            Operator::NotContains => format!("does not contain {v}"),
            Operator::Matches(re) => format!("matches {}", pattern_words(re.as_str())),
            Operator::NotMatches(re) => format!("does not match {}", pattern_words(re.as_str())),
            Operator::In => format!("is one of {v}"),
            Operator::NotIn => format!("is none of {v}"),
            Operator::StartsWith => format!("starts with {v}"),
            Operator::EndsWith => format!("ends with {v}"),
            Operator::ContainsAll => format!("contains all of {v}"),
            Operator::ContainsAny => format!("contains any of {v}"),
            Operator::Length(Comparison::Equal) => format!("has length {v}"),
            Operator::Length(Comparison::NotEqual) => format!("does not have length {v}"),
            Operator::Length(Comparison::Greater) => format!("has length more than {v}"),
            Operator::Length(Comparison::GreaterOrEqual) => format!("has length at least {v}"),
            Operator::Length(Comparison::Less) => format!("has length less than {v}"),
            Operator::Length(Comparison::LessOrEqual) => format!("has length at most {v}"),
            Operator::NoneMatch(patterns) => {
                format!("has no element where {}", alternatives(patterns))
            }
            Operator::Relation(_) => self.expectation(expected),
        }
    }

    /// The verdict on what a key resolved to, when it resolved to nothing: the length
    /// operators see length 0, the negative operators pass, every other one fails.
    pub fn on_missing(&self, expected: Option<&Value>) -> Verdict {
        match self {
            // One resource's value cannot decide a relation: the engine does, with the others.
            Operator::Relation(_) => Verdict::Unknown,
            Operator::Length(comparison) => length(
                &Value::List(Vec::new()),
                expected.unwrap_or(&Value::Null),
                *comparison,
            ),
            _ => Verdict::from_bool(self.is_negative()),
        }
    }

    /// The verdict on one value.
    pub fn test(&self, expected: Option<&Value>, actual: &Value) -> Verdict {
        if let Value::Unknown(unknown) = actual
            && !unknown.candidates.is_empty()
        {
            // A null candidate is an instance in which the value is not set.
            let mut verdicts = unknown.candidates.iter().map(|c| match c {
                Value::Null => self.on_missing(expected),
                c => self.test(expected, c),
            });
            let first = verdicts.next().unwrap_or(Verdict::Unknown);
            return if verdicts.all(|v| v == first) {
                first
            } else {
                Verdict::Unknown
            };
        }
        // A value that may be absent is never read as present (docs/rules.md, "Values that may
        // be absent").
        if let Some(verdict) = absence::test(self, expected, actual) {
            return verdict;
        }
        if let Value::Unknown(unknown) = actual {
            // Any unknown will be set; only an identifier is known not to be empty, and only
            // an identifier's text is known: `${source}` (docs/rules.md, "Unknown values").
            return match self {
                Operator::Exists => Verdict::Pass,
                Operator::NotExists => Verdict::Fail,
                Operator::Present if unknown.identifier => Verdict::Pass,
                Operator::Absent if unknown.identifier => Verdict::Fail,
                op if op.reads_text_of_unknowns() && unknown.identifier => {
                    op.test(expected, &Value::String(unknown.as_text()))
                }
                op if !unknown.parts.is_empty() => op.test_known_parts(expected, &unknown.parts),
                // Nothing of it is known: any text.
                op => op.test_known_parts(expected, &[TextPart::Any(unknown.as_text())]),
            };
        }
        let expected = expected.unwrap_or(&Value::Null);
        match self {
            Operator::Exists => Verdict::Pass,
            Operator::NotExists => Verdict::Fail,
            Operator::Present => Verdict::from_bool(!is_empty(actual)),
            Operator::Absent => Verdict::from_bool(is_empty(actual)),
            Operator::Equals => equal(actual, expected),
            Operator::NotEquals => equal(actual, expected).negate(),
            Operator::GreaterThan => compare(actual, expected, |o| o.is_gt()),
            Operator::GreaterThanOrEqual => compare(actual, expected, |o| o.is_ge()),
            Operator::LessThan => compare(actual, expected, |o| o.is_lt()),
            Operator::LessThanOrEqual => compare(actual, expected, |o| o.is_le()),
            Operator::Contains => contains(actual, expected),
            Operator::NotContains => contains(actual, expected).negate(),
            // On a list, every element is tested: rules written for the Python riveter test
            // lists of members or scopes with patterns meant for each one.
            Operator::Matches(_) | Operator::NotMatches(_) if let Value::List(items) = actual => {
                Verdict::all(items.iter().map(|item| self.test(None, &item.value)))
            }
            Operator::Matches(p) => regex_test(actual, p, true),
            Operator::NotMatches(p) => regex_test(actual, p, false),
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
            Operator::Length(comparison) => length(actual, expected, *comparison),
            Operator::NoneMatch(patterns) => none_match(actual, patterns),
            // One value cannot decide a relation: the engine does, with the other resources.
            Operator::Relation(_) => Verdict::Unknown,
        }
    }
}

/// What the reading of values that may be absent needs of an operator.
impl Tester for Operator {
    fn verdict(&self, expected: Option<&Value>, actual: &Value) -> Verdict {
        self.test(expected, actual)
    }

    fn verdict_if_missing(&self, expected: Option<&Value>) -> Verdict {
        self.on_missing(expected)
    }

    fn compared_length(&self, expected: Option<&Value>) -> Option<Number> {
        match self {
            Operator::Length(_) => expected.and_then(number),
            _ => None,
        }
    }

    fn verdict_on_length(&self, expected: Option<&Value>, length: &Number) -> Verdict {
        match (self, expected.and_then(number)) {
            (Operator::Length(comparison), Some(bound)) => {
                Verdict::from_bool(comparison.holds(length, &bound))
            }
            _ => Verdict::Fail,
        }
    }

    fn counts_repeats(&self) -> bool {
        matches!(
            self,
            Operator::Equals | Operator::NotEquals | Operator::In | Operator::NotIn
        )
    }

    fn compares_lengths(&self) -> bool {
        matches!(self, Operator::Length(_))
    }
}

impl Operator {
    /// The verdict on a string with unknown parts: what its known parts decide, whatever the
    /// unknown parts hold; otherwise unknown.
    fn test_known_parts(&self, expected: Option<&Value>, parts: &[TextPart]) -> Verdict {
        let known = || parts.iter().filter_map(TextPart::known);
        let wanted = expected.and_then(text);
        match self {
            Operator::Present if known().any(|t| !t.is_empty()) => Verdict::Pass,
            Operator::Absent if known().any(|t| !t.is_empty()) => Verdict::Fail,
            Operator::Matches(p) => p.is_match_with_unknowns(parts),
            Operator::NotMatches(p) => p.is_match_with_unknowns(parts).negate(),
            Operator::Contains | Operator::NotContains => {
                let found = wanted.is_some_and(|w| known().any(|t| t.contains(&w)));
                let verdict = if found {
                    Verdict::Pass
                } else {
                    Verdict::Unknown
                };
                if matches!(self, Operator::Contains) {
                    verdict
                } else {
                    verdict.negate()
                }
            }
            Operator::StartsWith => wanted.map_or(Verdict::Fail, |w| {
                affix(known_edge(parts, false), &w, |t, w| t.starts_with(w))
            }),
            Operator::EndsWith => wanted.map_or(Verdict::Fail, |w| {
                affix(known_edge(parts, true), &w, |t, w| t.ends_with(w))
            }),
            // Equality is never decided true from parts, since the unknown parts may hold any
            // text: only false, where no text they could hold makes the string equal.
            Operator::Equals | Operator::NotEquals | Operator::In | Operator::NotIn
                if has_known_text(parts) =>
            {
                let candidates = match self {
                    Operator::In | Operator::NotIn => list_of(expected.unwrap_or(&Value::Null)),
                    _ => vec![expected.cloned().unwrap_or(Value::Null)],
                };
                let verdict = if candidates.iter().any(|e| may_equal(parts, e)) {
                    Verdict::Unknown
                } else {
                    Verdict::Fail
                };
                match self {
                    Operator::NotEquals | Operator::NotIn => verdict.negate(),
                    _ => verdict,
                }
            }
            _ => Verdict::Unknown,
        }
    }
}

/// Whether a string with unknown parts has known text of its own: only then is it known to be
/// a string (a template, `format`, `jsonencode`...). An unknown with no known text may be
/// anything, a number or a list included.
fn has_known_text(parts: &[TextPart]) -> bool {
    parts
        .iter()
        .filter_map(TextPart::known)
        .any(|t| !t.is_empty())
}

/// Whether some text in the unknown parts of a string makes it equal `expected`, with
/// Terraform's conversions as `equal` applies them. An unknown part may hold any text, the
/// empty text included (a variable set to `""`).
fn may_equal(parts: &[TextPart], expected: &Value) -> bool {
    match expected {
        Value::String(s) => may_read(parts, s),
        Value::Bool(b) => may_read(parts, if *b { "true" } else { "false" }),
        // Some number's text, around which `equal` allows spaces: every known character must
        // be one that such a text can hold (`Number::parse`: digits, a sign, a point, an
        // exponent, `Inf`).
        Value::Number(_) => parts.iter().filter_map(TextPart::known).all(|t| {
            t.chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace() || "+-.eEInf".contains(c))
        }),
        Value::Unknown(_) => true,
        // A string never equals null, a list or a map.
        Value::Null | Value::List(_) | Value::Map(_) => false,
    }
}

/// Whether `text` is one of the strings the parts can make: it starts with the known text
/// before the first unknown part, ends with the known text after the last one, and holds the
/// known text between unknown parts in order, without overlaps.
fn may_read(parts: &[TextPart], text: &str) -> bool {
    // The known runs between unknown parts: one more than there are unknown parts.
    let mut runs = vec![String::new()];
    for part in parts {
        match part {
            TextPart::Known(t) => runs.last_mut().expect("never empty").push_str(t),
            TextPart::Any(_) => runs.push(String::new()),
        }
    }
    let (first, rest) = runs.split_first().expect("never empty");
    let Some((last, middle)) = rest.split_last() else {
        return text == first;
    };
    let Some(mut between) = text
        .strip_prefix(first.as_str())
        .and_then(|t| t.strip_suffix(last.as_str()))
    else {
        return false;
    };
    for run in middle {
        match between.find(run.as_str()) {
            Some(at) => between = &between[at + run.len()..],
            None => return false,
        }
    }
    true
}

/// The known text at the start of a string with unknown parts, or at its end (`from_end`).
fn known_edge(parts: &[TextPart], from_end: bool) -> String {
    if from_end {
        let mut pieces: Vec<&str> = parts.iter().rev().map_while(TextPart::known).collect();
        pieces.reverse();
        pieces.concat()
    } else {
        parts.iter().map_while(TextPart::known).collect()
    }
}

/// A prefix or suffix test on a known edge followed by unknown text: decided when the edge is
/// as long as what is wanted, or already differs from it.
fn affix(edge: String, wanted: &str, test: fn(&str, &str) -> bool) -> Verdict {
    if edge.len() >= wanted.len() {
        Verdict::from_bool(test(&edge, wanted))
    } else if test(wanted, &edge) {
        Verdict::Unknown
    } else {
        Verdict::Fail
    }
}

/// Equality with Terraform's conversions: `"true"` equals `true`, `"10"` equals `10` and `10.0`;
/// a string that is not a number never equals a number.
pub fn equal(a: &Value, b: &Value) -> Verdict {
    match (a, b) {
        (Value::Unknown(_), _) | (_, Value::Unknown(_)) => Verdict::Unknown,
        (Value::Number(x), Value::Number(y)) => Verdict::from_bool(x == y),
        (Value::Number(n), Value::String(s)) | (Value::String(s), Value::Number(n)) => {
            Verdict::from_bool(Number::parse(s.trim()).is_ok_and(|p| p.terraform_equals(n)))
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

/// A number, or a string that holds one; a rule's YAML number and Terraform's compare exactly
/// (`0.1 + 0.2` equals a rule's `0.3`, as in Terraform).
fn number(v: &Value) -> Option<Number> {
    match v {
        Value::Number(n) => Some(n.clone()),
        Value::String(s) => Number::parse(s.trim()).ok(),
        _ => None,
    }
}

fn compare(actual: &Value, expected: &Value, accept: fn(std::cmp::Ordering) -> bool) -> Verdict {
    match (number(actual), number(expected)) {
        (Some(a), Some(e)) => Verdict::from_bool(accept(a.compare(&e))),
        _ => Verdict::Fail,
    }
}

/// Scalars as text (numbers as Terraform prints them); collections have no text.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.text()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Unknown(u) => Some(u.as_text()),
        _ => None,
    }
}

/// A regex on a scalar's text must match (`matches`) or must not (`not_matches`). A map has
/// no text and fails. A match the backtracking engine gave up on is unknown.
fn regex_test(actual: &Value, pattern: &Pattern, must_match: bool) -> Verdict {
    match text(actual).map(|t| pattern.is_match(&t)) {
        Some(Ok(matched)) => Verdict::from_bool(matched == must_match),
        Some(Err(_)) => Verdict::Unknown,
        None => Verdict::Fail,
    }
}

/// Empty for the Python riveter's `present` and `absent`: null, `""`, `[]` or `{}`.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::List(items) => items.is_empty(),
        Value::Map(entries) => entries.is_empty(),
        _ => false,
    }
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

fn length(actual: &Value, expected: &Value, comparison: Comparison) -> Verdict {
    let len = match actual {
        Value::String(s) => s.chars().count(),
        Value::List(items) => items.len(),
        Value::Map(entries) => entries.len(),
        _ => return Verdict::Fail,
    };
    match number(expected) {
        Some(e) => Verdict::from_bool(comparison.holds(&Number::count(len), &e)),
        None => Verdict::Fail,
    }
}

/// The patterns of `none_match` in words, one `; or where` apart.
fn alternatives(patterns: &[ElementPattern]) -> String {
    patterns
        .iter()
        .map(ElementPattern::describe)
        .collect::<Vec<_>>()
        .join("; or where ")
}

/// A regular expression as a message shows it: written out when a reader can take it in at a
/// glance, otherwise named, since the rule's docs hold it whole.
fn pattern_words(source: &str) -> String {
    const READABLE: usize = 60;
    if source.chars().count() <= READABLE {
        format!("/{source}/")
    } else {
        "the rule's pattern".to_string()
    }
}

/// No element of the list matches any pattern (a value that is not a list is one element).
fn none_match(actual: &Value, patterns: &[ElementPattern]) -> Verdict {
    let elements: Vec<&Value> = match actual {
        Value::List(items) => items.iter().map(|n| &n.value).collect(),
        other => vec![other],
    };
    let matched = Verdict::any(
        elements
            .iter()
            .flat_map(|element| patterns.iter().map(move |pattern| pattern.matches(element))),
    );
    matched.negate()
}

/// The element of a list that a `none_match` pattern matched: what a failure is about.
#[derive(Debug)]
pub struct ElementMatch<'a> {
    /// Its position in the list, from 0.
    pub position: usize,
    pub element: &'a Node,
    /// The element's fields the pattern names, in the pattern's order, with their values.
    pub fields: Vec<(&'a str, &'a Node)>,
}

impl ElementMatch<'_> {
    /// The line a finding points at: the last field the pattern names (the source range of an
    /// ingress rule, after its protocol and ports), else the element itself.
    pub fn decisive(&self) -> &Node {
        self.fields.last().map_or(self.element, |(_, node)| node)
    }
}

/// The first element of `actual` that one of the patterns matches, when one surely does.
pub fn matching_element<'a>(
    actual: &'a Node,
    patterns: &'a [ElementPattern],
) -> Option<ElementMatch<'a>> {
    let elements: Vec<&Node> = match &actual.value {
        Value::List(items) => items.iter().collect(),
        _ => vec![actual],
    };
    elements
        .into_iter()
        .enumerate()
        .find_map(|(position, element)| {
            let pattern = patterns
                .iter()
                .find(|p| p.matches(&element.value) == Verdict::Pass)?;
            let fields = match pattern {
                ElementPattern::Equal(_) => Vec::new(),
                ElementPattern::Fields(fields) => fields
                    .iter()
                    .filter_map(|(key, _)| Some((key.as_str(), element.value.get(key)?)))
                    .collect(),
            };
            Some(ElementMatch {
                position,
                element,
                fields,
            })
        })
}

impl ElementPattern {
    /// The pattern in words: `protocol is one of ["tcp", "6"] and from_port is at most 22`.
    pub fn describe(&self) -> String {
        let fields = match self {
            ElementPattern::Equal(value) => return format!("equal to {value}"),
            ElementPattern::Fields(fields) => fields,
        };
        let words: Vec<String> = fields
            .iter()
            .map(|(key, test)| match test {
                FieldTest::Literal(value @ (Value::List(_) | Value::Map(_))) => {
                    format!("{key} is {value}")
                }
                FieldTest::Literal(value) => format!("{key} is (or holds) {value}"),
                FieldTest::Operators(operators) => {
                    let each: Vec<String> = operators
                        .iter()
                        .map(|(op, expected)| op.condition(expected.as_ref()))
                        .collect();
                    format!("{key} {}", each.join(" and "))
                }
            })
            .collect();
        and_list(&words)
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl ElementPattern {
    fn matches(&self, element: &Value) -> Verdict {
        let fields = match self {
            ElementPattern::Equal(value) => return equal(element, value),
            ElementPattern::Fields(fields) => fields,
        };
        if let Value::Unknown(_) = element {
            return Verdict::Unknown;
        }
        Verdict::all(fields.iter().map(|(key, test)| {
            let have = element.get(key).map(|n| &n.value);
            match test {
                FieldTest::Literal(want) => match have {
                    None | Some(Value::Null) => Verdict::Fail,
                    Some(have @ Value::List(_)) => {
                        Verdict::all(list_of(want).iter().map(|w| contains(have, w)))
                    }
                    Some(have) => equal(have, want),
                },
                FieldTest::Operators(operators) => {
                    Verdict::all(operators.iter().map(|(operator, expected)| match have {
                        None | Some(Value::Null) => operator.on_missing(expected.as_ref()),
                        Some(have) => operator.test(expected.as_ref(), have),
                    }))
                }
            }
        }))
    }
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
        return operator.on_missing(expected);
    }
    let verdicts = values.iter().map(|n| operator.test(expected, &n.value));
    if any {
        Verdict::any(verdicts)
    } else {
        Verdict::all(verdicts)
    }
}

#[cfg(test)]
mod known_parts_tests {
    use super::*;
    use crate::value::Unknown;

    /// `"serviceAccount:${var.sa}@p.iam.gserviceaccount.com"`, written as parts.
    fn member() -> Value {
        parts(&[
            TextPart::Known("serviceAccount:".into()),
            TextPart::Any("${var.sa}".into()),
            TextPart::Known("@p.iam.gserviceaccount.com".into()),
        ])
    }

    fn parts(parts: &[TextPart]) -> Value {
        let mut unknown = Unknown::new("template", "var.sa, which has no value");
        unknown.parts = parts.to_vec();
        Value::Unknown(unknown)
    }

    fn text(s: &str) -> Value {
        Value::String(s.into())
    }

    fn list(items: &[Value]) -> Value {
        Value::List(items.iter().cloned().map(Node::bare).collect())
    }

    #[test]
    fn known_edges_rule_out_an_expected_string() {
        let v = member();
        assert_eq!(
            Operator::Equals.test(Some(&text("allUsers")), &v),
            Verdict::Fail
        );
        assert_eq!(
            Operator::NotEquals.test(Some(&text("allUsers")), &v),
            Verdict::Pass
        );
        let public = list(&[text("allUsers"), text("allAuthenticatedUsers")]);
        assert_eq!(Operator::In.test(Some(&public), &v), Verdict::Fail);
        assert_eq!(Operator::NotIn.test(Some(&public), &v), Verdict::Pass);
    }

    #[test]
    fn an_expected_string_the_edges_allow_stays_unknown() {
        let v = member();
        let fits = text("serviceAccount:ci@p.iam.gserviceaccount.com");
        assert_eq!(Operator::Equals.test(Some(&fits), &v), Verdict::Unknown);
        assert_eq!(Operator::NotEquals.test(Some(&fits), &v), Verdict::Unknown);
        // The unknown part may be empty.
        let empty = text("serviceAccount:@p.iam.gserviceaccount.com");
        assert_eq!(Operator::Equals.test(Some(&empty), &v), Verdict::Unknown);
        let some = list(&[text("allUsers"), fits]);
        assert_eq!(Operator::In.test(Some(&some), &v), Verdict::Unknown);
        assert_eq!(Operator::NotIn.test(Some(&some), &v), Verdict::Unknown);
    }

    #[test]
    fn edges_may_not_overlap_and_middle_pieces_keep_their_order() {
        // `ab${x}ba` is at least four characters long: never `aba`.
        let v = parts(&[
            TextPart::Known("ab".into()),
            TextPart::Any("${x}".into()),
            TextPart::Known("ba".into()),
        ]);
        assert_eq!(Operator::Equals.test(Some(&text("aba")), &v), Verdict::Fail);
        assert_eq!(
            Operator::Equals.test(Some(&text("abba")), &v),
            Verdict::Unknown
        );
        let v = parts(&[
            TextPart::Any("${x}".into()),
            TextPart::Known("-a-".into()),
            TextPart::Any("${y}".into()),
            TextPart::Known("-b-".into()),
            TextPart::Any("${z}".into()),
        ]);
        assert_eq!(
            Operator::Equals.test(Some(&text("x-b-y-a-z")), &v),
            Verdict::Fail
        );
        assert_eq!(
            Operator::Equals.test(Some(&text("x-a-y-b-z")), &v),
            Verdict::Unknown
        );
        assert_eq!(
            Operator::Equals.test(Some(&text("-a--b-")), &v),
            Verdict::Unknown
        );
    }

    #[test]
    fn conversions_apply() {
        let numeric = parts(&[TextPart::Known("1".into()), TextPart::Any("${x}".into())]);
        let named = parts(&[
            TextPart::Known("port-".into()),
            TextPart::Any("${x}".into()),
        ]);
        let ten = Value::Number(Number::int(10));
        assert_eq!(
            Operator::Equals.test(Some(&ten), &numeric),
            Verdict::Unknown
        );
        assert_eq!(Operator::Equals.test(Some(&ten), &named), Verdict::Fail);
        assert_eq!(
            Operator::NotIn.test(Some(&list(&[ten])), &named),
            Verdict::Pass
        );
        let truth = parts(&[TextPart::Known("tr".into()), TextPart::Any("${x}".into())]);
        assert_eq!(
            Operator::Equals.test(Some(&Value::Bool(true)), &truth),
            Verdict::Unknown
        );
        assert_eq!(
            Operator::Equals.test(Some(&Value::Bool(false)), &truth),
            Verdict::Fail
        );
        // A string with known text is a string: never null, a list or a map.
        assert_eq!(
            Operator::Equals.test(Some(&list(&[])), &named),
            Verdict::Fail
        );
    }

    #[test]
    fn no_known_text_decides_nothing() {
        let any = Value::Unknown(Unknown::new("var.x", "var.x, which has no value"));
        let holes = parts(&[TextPart::Any("${a}".into()), TextPart::Any("${b}".into())]);
        let identifier = Value::Unknown(Unknown::identifier("aws_s3_bucket.b.arn", "later"));
        for v in [any, holes, identifier] {
            assert_eq!(
                Operator::Equals.test(Some(&text("allUsers")), &v),
                Verdict::Unknown
            );
            assert_eq!(
                Operator::NotIn.test(Some(&list(&[text("allUsers")])), &v),
                Verdict::Unknown
            );
            assert_eq!(
                Operator::Equals.test(Some(&Value::Number(Number::int(1))), &v),
                Verdict::Unknown
            );
        }
    }
}
