//! A YAML tree in which every node knows its line, so that a rule error can point at the exact
//! line of the offending key or value. serde-saphyr's `Spanned` gives the positions; this module
//! only builds the tree.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Yaml {
    pub value: YamlValue,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum YamlValue {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Seq(Vec<Yaml>),
    Map(Vec<(Yaml, Yaml)>),
}

/// A YAML syntax error with its position.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub line: u32,
    pub message: String,
}

pub fn parse(src: &str) -> Result<Yaml, YamlError> {
    match serde_saphyr::from_str::<Spanned<YamlValue>>(src) {
        Ok(spanned) => Ok(from_spanned(spanned)),
        Err(e) => Err(YamlError {
            line: e.location().map_or(0, |l| l.line() as u32),
            message: first_line(&e.to_string()),
        }),
    }
}

/// serde-saphyr renders a source snippet after the first line; the report wants one line.
fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

fn from_spanned(spanned: Spanned<YamlValue>) -> Yaml {
    Yaml {
        line: spanned.referenced.line() as u32,
        value: spanned.value,
    }
}

impl Yaml {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            YamlValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The entries of a map, with string keys (the only keys a rule file uses).
    pub fn entries(&self) -> Option<impl Iterator<Item = (&str, &Yaml, &Yaml)>> {
        match &self.value {
            YamlValue::Map(entries) => Some(entries.iter().map(|(k, v)| (key_text(k), k, v))),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Yaml> {
        self.entries()?
            .find(|(k, _, _)| *k == key)
            .map(|(_, _, v)| v)
    }

    pub fn kind(&self) -> &'static str {
        match &self.value {
            YamlValue::Null => "nothing",
            YamlValue::Bool(_) => "a boolean",
            YamlValue::Number(_) => "a number",
            YamlValue::String(_) => "a string",
            YamlValue::Seq(_) => "a list",
            YamlValue::Map(_) => "a map",
        }
    }
}

pub(super) fn key_text(key: &Yaml) -> &str {
    key.as_str().unwrap_or("")
}

impl<'de> Deserialize<'de> for YamlValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(YamlVisitor)
    }
}

struct YamlVisitor;

impl<'de> Visitor<'de> for YamlVisitor {
    type Value = YamlValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<YamlValue, E> {
        Ok(YamlValue::Null)
    }
    fn visit_none<E>(self) -> Result<YamlValue, E> {
        Ok(YamlValue::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<YamlValue, D::Error> {
        d.deserialize_any(YamlVisitor)
    }
    fn visit_bool<E>(self, v: bool) -> Result<YamlValue, E> {
        Ok(YamlValue::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<YamlValue, E> {
        Ok(YamlValue::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<YamlValue, E> {
        Ok(YamlValue::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<YamlValue, E> {
        Ok(YamlValue::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<YamlValue, E> {
        Ok(YamlValue::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<YamlValue, E> {
        Ok(YamlValue::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<YamlValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<YamlValue>>()? {
            items.push(from_spanned(item));
        }
        Ok(YamlValue::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<YamlValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<YamlValue>>()? {
            let value = map.next_value::<Spanned<YamlValue>>()?;
            entries.push((from_spanned(key), from_spanned(value)));
        }
        Ok(YamlValue::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_node_knows_its_line() {
        let doc = parse("rules:\n  - name: a\n    value: 2555\n  - id: b\n").unwrap();
        let rules = doc.get("rules").unwrap();
        let YamlValue::Seq(items) = &rules.value else {
            panic!("not a list")
        };
        assert_eq!(items[0].get("value").unwrap().line, 3);
        assert_eq!(
            items[0].get("value").unwrap().value,
            YamlValue::Number(2555.0)
        );
        assert_eq!(items[1].line, 4);
    }

    #[test]
    fn syntax_errors_carry_a_line() {
        let err = parse("rules:\n  - name: a\n   bad: [\n").unwrap_err();
        assert!(err.line >= 2, "line {} in {}", err.line, err.message);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(err.line, 2, "{}", err.message);
    }
}
