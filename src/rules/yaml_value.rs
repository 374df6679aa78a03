//! YAML nodes read as riveter's values: numbers written the way Terraform writes them.

use super::yaml::{Yaml, YamlValue, key_text};
use crate::value::Number;

impl Yaml {
    /// Scalars as the text a user wrote (numbers and booleans as words).
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            YamlValue::String(s) => Some(s.clone()),
            YamlValue::Bool(b) => Some(b.to_string()),
            YamlValue::Number(n) => Some(Number::from_decimal_f64(*n).text()),
            _ => None,
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            YamlValue::Null => J::Null,
            YamlValue::Bool(b) => J::Bool(*b),
            YamlValue::Number(n) => Number::from_decimal_f64(*n).to_json(),
            YamlValue::String(s) => J::String(s.clone()),
            YamlValue::Seq(items) => J::Array(items.iter().map(Yaml::to_json).collect()),
            YamlValue::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (key_text(k).to_string(), v.to_json()))
                    .collect(),
            ),
        }
    }
}
