//! The value model shared by the Terraform reader and the rule engine.
//!
//! A Terraform attribute is either known (a literal, or whatever evaluation could compute) or
//! unknown. An unknown keeps the source text of the expression, because the text operators test
//! it (`bucket matches ".*financial.*"` on `aws_s3_bucket.financial.id`; docs/rules.md).

use std::fmt;

mod number;
pub use number::Number;

/// Where a value stands in its file (1-based lines and columns, columns in characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Span {
    /// The first and last line for formats that require both: a position the source did not
    /// give (0) becomes line 1, and the end is never before the start.
    pub fn line_range(self) -> (u32, u32) {
        let first = self.line.max(1);
        (first, self.end_line.max(first))
    }
}

/// A value with its place in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    /// Lists, tuples, sets, and the blocks of one type (one element per block).
    List(Vec<Node>),
    /// Objects and maps, and the body of a block; insertion order is the source order.
    Map(Vec<(String, Node)>),
    /// Boxed: unknowns are few, and an unboxed one would make every value of the model more
    /// than twice its size.
    Unknown(Box<Unknown>),
}

/// A value that cannot be known before `plan`, with the expression it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    /// The expression's source text, byte for byte (`aws_kms_key.data_key.arn`).
    pub source: String,
    /// What could not be known, for messages: `var.environment, which has no value`.
    pub reason: String,
    /// The values it takes in each instance of a block whose `count` or `for_each` is known;
    /// empty when nothing is known. An operator that decides the same on every candidate
    /// decides.
    pub candidates: Vec<Value>,
    /// A reference to another resource's attribute (`aws_s3_bucket.b.arn`): it stands for an
    /// identifier, set and not empty, whose text the text operators read as `${source}`. Any
    /// other unknown (a variable with no value, a data source, a function riveter does not
    /// evaluate) may hold any value (docs/rules.md, "Unknown values").
    pub identifier: bool,
    /// A string built from known text and unknowns (a template, `jsonencode` of an object with
    /// an unknown in it): its known text and where the unknown parts are, so that the text
    /// operators decide what the known parts decide. Empty for every other unknown.
    pub parts: Vec<TextPart>,
    /// Through how many module calls it was passed down as an argument: its source text is
    /// written that many modules up (0: in the module of the resource that holds it).
    pub passed: u8,
    /// Set when the value may not be there at all (docs/rules.md, "Values that may be
    /// absent"): null on some path Terraform may take, or blocks of a dynamic block whose
    /// `for_each` is not known. `None` for a value known to be set, which is every other
    /// unknown: a reference to another resource's attribute, a template with known text, a
    /// variable declared `nullable = false`.
    ///
    /// Not `candidates`: those are values the unknown takes in every instance of its block, all
    /// of them real, where this is one value that exists or does not. A rule decides on it
    /// what it decides both when it is absent and when it is `present`.
    pub absent: Option<Box<Absence>>,
}

/// What a value that may be absent is when it is there, and why it may not be.
#[derive(Debug, Clone, PartialEq)]
pub struct Absence {
    /// Why it may be absent, for messages: `var.expiry has no value, and may be null`.
    pub why: String,
    /// The value when it is there (which may itself be unknown, though never null).
    pub present: Node,
    /// The blocks of a dynamic block: in the list of blocks that holds it, it stands for no
    /// block when absent and for `present`'s blocks (a list) when there.
    pub blocks: bool,
    /// The blocks of a dynamic block whose `for_each` is not known: `present` holds one block,
    /// which stands for any number of them, one or more.
    pub any_number: bool,
}

/// A piece of a string with unknown parts.
#[derive(Debug, Clone, PartialEq)]
pub enum TextPart {
    Known(String),
    /// Any text; holds what reports show in its place, `${source}`.
    Any(String),
}

impl TextPart {
    /// What reports show of the part: its text, or `${source}` in place of unknown text.
    pub fn shown(&self) -> &str {
        let (TextPart::Known(text) | TextPart::Any(text)) = self;
        text
    }

    /// The part's text when it is known.
    pub fn known(&self) -> Option<&str> {
        match self {
            TextPart::Known(text) => Some(text),
            TextPart::Any(_) => None,
        }
    }
}

/// Renderers (templates, the encoders, `join`) write an unknown that may hold any text into the
/// string they build between these marks, with its reason, and the result is read back into
/// parts (`Value::from_rendered`). Unicode's noncharacters are reserved for a program's
/// internal use, so no Terraform string holds them.
const HOLE_START: char = '\u{FDD0}';
const HOLE_REASON: char = '\u{FDD1}';
const HOLE_END: char = '\u{FDD2}';

impl Unknown {
    /// Boxed, as `Value::Unknown` holds it.
    pub fn new(source: impl Into<String>, reason: impl Into<String>) -> Box<Unknown> {
        Box::new(Unknown {
            source: source.into(),
            reason: reason.into(),
            candidates: Vec::new(),
            identifier: false,
            parts: Vec::new(),
            passed: 0,
            absent: None,
        })
    }

    /// A value that is `present` or not there at all, for the reason `why`.
    pub fn maybe_absent(
        source: impl Into<String>,
        reason: impl Into<String>,
        why: impl Into<String>,
        present: Node,
    ) -> Box<Unknown> {
        let mut unknown = Unknown::new(source, reason);
        unknown.absent = Some(Box::new(Absence {
            why: why.into(),
            present,
            blocks: false,
            any_number: false,
        }));
        unknown
    }

    /// What it is when it is there, if it may be absent. An unknown with candidates is decided
    /// by them (every instance's value is known), so it is not read as absent.
    pub fn absence(&self) -> Option<&Absence> {
        self.absent
            .as_deref()
            .filter(|_| self.candidates.is_empty())
    }

    /// A reference to another resource's attribute, which stands for an identifier.
    pub fn identifier(source: impl Into<String>, reason: impl Into<String>) -> Box<Unknown> {
        let mut unknown = Unknown::new(source, reason);
        unknown.identifier = true;
        unknown
    }

    /// The text reports show: `${<source>}`, as Terraform itself writes an interpolation, or a
    /// string's known parts with its unknown parts written so.
    pub fn as_text(&self) -> String {
        if self.parts.is_empty() {
            return format!("${{{}}}", self.source);
        }
        self.parts.iter().map(TextPart::shown).collect()
    }

    /// The unknown as a renderer writes it into a larger string: an identifier as its
    /// `${source}` text, known parts as they are, and what may be any text between marks that
    /// `Value::from_rendered` reads back.
    pub fn rendered(&self) -> String {
        if self.identifier {
            return self.as_text();
        }
        let hole = |text: &str| format!("{HOLE_START}{text}{HOLE_REASON}{}{HOLE_END}", self.reason);
        if self.parts.is_empty() {
            return hole(&self.as_text());
        }
        self.parts
            .iter()
            .map(|part| match part {
                TextPart::Known(text) => text.clone(),
                TextPart::Any(text) => hole(text),
            })
            .collect()
    }
}

impl Node {
    pub fn new(value: Value, span: Span) -> Node {
        Node { value, span }
    }

    /// A value without a place of its own (computed, or read from a rule).
    pub fn bare(value: Value) -> Node {
        Node::new(value, Span::default())
    }

    pub fn placed_at(self, span: Span) -> Node {
        Node::new(self.value.placed_at(span), span)
    }
}

impl Value {
    /// A map of `entries` in which a key given more than once keeps its last value, at the
    /// place of its last definition, as `{ a = 1, a = 2 }`, `merge` and `zipmap` give it. In
    /// one pass: a hostile file's map of a hundred thousand keys must not cost their square.
    pub fn map_last_wins(entries: Vec<(String, Node)>) -> Value {
        let mut last: std::collections::HashMap<&str, usize> =
            std::collections::HashMap::with_capacity(entries.len());
        for (i, (key, _)) in entries.iter().enumerate() {
            last.insert(key, i);
        }
        if last.len() == entries.len() {
            return Value::Map(entries);
        }
        let keep: Vec<bool> = entries
            .iter()
            .enumerate()
            .map(|(i, (key, _))| last[key.as_str()] == i)
            .collect();
        Value::Map(
            entries
                .into_iter()
                .zip(keep)
                .filter_map(|(entry, keep)| keep.then_some(entry))
                .collect(),
        )
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown(_))
    }

    /// Null, or a value that may be absent: what `try(…, null)` or a conditional gives on the
    /// path where it is not set.
    pub fn may_be_null(&self) -> bool {
        match self {
            Value::Null => true,
            Value::Unknown(u) => u.absence().is_some(),
            _ => false,
        }
    }

    /// The first unknown anywhere inside the value, if any.
    /// The value itself when it is unknown; `first_unknown` also looks inside collections.
    pub fn as_unknown(&self) -> Option<&Unknown> {
        match self {
            Value::Unknown(u) => Some(u),
            _ => None,
        }
    }

    /// Marks every unknown inside as passed down one more module call: its source text is the
    /// caller's.
    pub fn pass_down(&mut self) {
        match self {
            Value::Unknown(unknown) => {
                unknown.passed = unknown.passed.saturating_add(1);
                for candidate in &mut unknown.candidates {
                    candidate.pass_down();
                }
            }
            Value::List(items) => items.iter_mut().for_each(|n| n.value.pass_down()),
            Value::Map(entries) => entries.iter_mut().for_each(|(_, n)| n.value.pass_down()),
            _ => {}
        }
    }

    pub fn first_unknown(&self) -> Option<&Unknown> {
        match self {
            Value::Unknown(u) => Some(u),
            Value::List(items) => items.iter().find_map(|n| n.value.first_unknown()),
            Value::Map(entries) => entries.iter().find_map(|(_, n)| n.value.first_unknown()),
            _ => None,
        }
    }

    /// Every node of the value placed at `span`: a value read through a reference is reported
    /// where it is used, not where it was defined (possibly in another file).
    pub fn placed_at(self, span: Span) -> Value {
        match self {
            Value::Unknown(mut unknown) if unknown.absent.is_some() => {
                if let Some(absence) = &mut unknown.absent {
                    let present = std::mem::replace(&mut absence.present, Node::bare(Value::Null));
                    absence.present = present.placed_at(span);
                }
                Value::Unknown(unknown)
            }
            Value::List(items) => {
                Value::List(items.into_iter().map(|n| n.placed_at(span)).collect())
            }
            Value::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, n)| (k, n.placed_at(span)))
                    .collect(),
            ),
            other => other,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, node)| node)
    }

    /// The first entry of a map named `key`, with its position among the entries.
    pub fn entry(&self, key: &str) -> Option<(usize, &Node)> {
        match self {
            Value::Map(entries) => entries
                .iter()
                .position(|(k, _)| k == key)
                .map(|at| (at, &entries[at].1)),
            _ => None,
        }
    }

    /// The name of the value's kind, for messages ("expected a list, found a string").
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::List(_) => "list",
            Value::Map(_) => "map",
            Value::Unknown(_) => "unknown value",
        }
    }

    /// The value as JSON, for reports. Unknowns are written as their `${source}` text.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => n.to_json(),
            Value::String(s) => J::String(s.clone()),
            Value::List(items) => J::Array(items.iter().map(|n| n.value.to_json()).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.value.to_json()))
                    .collect(),
            ),
            Value::Unknown(u) => J::String(u.as_text()),
        }
    }

    /// A string a renderer built (`Unknown::rendered`): known when it holds no unknown part,
    /// else an unknown named by `source` whose parts keep the known text.
    pub fn from_rendered(text: String, source: &str) -> Value {
        if !text.contains(HOLE_START) {
            return Value::String(text);
        }
        let mut parts = Vec::new();
        let mut reason = None;
        let mut rest = text.as_str();
        while let Some(start) = rest.find(HOLE_START) {
            if start > 0 {
                parts.push(TextPart::Known(rest[..start].to_string()));
            }
            let hole = &rest[start + HOLE_START.len_utf8()..];
            let end = hole.find(HOLE_END).unwrap_or(hole.len());
            let (shown, why) = hole[..end]
                .split_once(HOLE_REASON)
                .unwrap_or((&hole[..end], ""));
            parts.push(TextPart::Any(shown.to_string()));
            reason.get_or_insert_with(|| why.to_string());
            rest = hole.get(end + HOLE_END.len_utf8()..).unwrap_or("");
        }
        if !rest.is_empty() {
            parts.push(TextPart::Known(rest.to_string()));
        }
        let mut unknown = Unknown::new(source, reason.unwrap_or_default());
        unknown.parts = parts;
        Value::Unknown(unknown)
    }

    /// Every string inside the value that a renderer built, read back with `from_rendered`.
    pub fn read_back(self, source: &str) -> Value {
        match self {
            Value::String(text) => Value::from_rendered(text, source),
            Value::List(items) => Value::List(
                items
                    .into_iter()
                    .map(|n| Node::new(n.value.read_back(source), n.span))
                    .collect(),
            ),
            Value::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, n)| (k, Node::new(n.value.read_back(source), n.span)))
                    .collect(),
            ),
            other => other,
        }
    }

    /// Converts a JSON value (a rule's expected value, or a `.tf.json` literal) into a value
    /// without a place in a file.
    pub fn from_json(json: &serde_json::Value) -> Value {
        use serde_json::Value as J;
        match json {
            J::Null => Value::Null,
            J::Bool(b) => Value::Bool(*b),
            // serde_json's text of the number: exact for integers, the shortest for others.
            J::Number(n) => Value::Number(
                Number::parse(&n.to_string())
                    .unwrap_or_else(|_| Number::from_decimal_f64(n.as_f64().unwrap_or(0.0))),
            ),
            J::String(s) => Value::String(s.clone()),
            J::Array(items) => Value::List(
                items
                    .iter()
                    .map(|v| Node::new(Value::from_json(v), Span::default()))
                    .collect(),
            ),
            J::Object(map) => Value::Map(
                map.iter()
                    .map(|(k, v)| (k.clone(), Node::new(Value::from_json(v), Span::default())))
                    .collect(),
            ),
        }
    }
}

/// A number as Terraform writes it in a string: `5`, `1.5`, `1000000000000000000000`.
pub fn number_text(n: &Number) -> String {
    n.text()
}

/// Human-readable form for messages: strings quoted, unknowns as `${source}`. A string that
/// holds double quotes is shown in single quotes, so `'"*"'` reads as the user wrote it.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::String(s) if s.contains('"') && !s.contains(['\'', '\n']) => write!(f, "'{s}'"),
            Value::String(s) => write!(f, "{}", serde_json::Value::String(s.clone())),
            Value::Unknown(u) => write!(f, "{}", u.as_text()),
            Value::Number(n) => write!(f, "{n}"),
            other => write!(f, "{}", other.to_json()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_print_without_a_fraction() {
        assert_eq!(Value::Number(Number::int(30)).to_string(), "30");
        let half = Number::parse("2.5").unwrap();
        assert_eq!(Value::Number(half).to_string(), "2.5");
    }

    #[test]
    fn strings_with_double_quotes_print_in_single_quotes() {
        assert_eq!(Value::String("\"*\"".into()).to_string(), "'\"*\"'");
        assert_eq!(Value::String("aws:kms".into()).to_string(), "\"aws:kms\"");
    }

    #[test]
    fn unknowns_print_as_interpolations() {
        let u = Value::Unknown(Unknown::new("aws_kms_key.k.arn", "known only after apply"));
        assert_eq!(u.to_string(), "${aws_kms_key.k.arn}");
        assert_eq!(u.to_json(), serde_json::json!("${aws_kms_key.k.arn}"));
    }
}
