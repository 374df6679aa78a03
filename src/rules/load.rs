//! Loading rule files: both rule shapes of docs/rules.md, checked strictly. Every error names the
//! file, the line and the rule; unknown keys are warnings.

use super::key::Key;
use super::model::{Assertion, Origin, Relation, Rule, Severity, TypeSelector};
use super::operator::{Comparison, ElementPattern, FieldTest, NAMES, Operand, Operator};
use super::pattern::Pattern;
use super::relation::{DEFAULT_IDENTIFIED_BY, RelationKind};
use super::yaml::{self, Yaml, YamlValue};
use crate::value::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// A problem in a rule file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: u32,
    /// The rule's name or id, when the problem is inside a rule.
    pub rule: Option<String>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Line 0: the problem is with the file as a whole (missing, unreadable).
        if self.line > 0 {
            write!(f, "{}:{}: ", self.file, self.line)?;
        } else {
            write!(f, "{}: ", self.file)?;
        }
        if let Some(rule) = &self.rule {
            write!(f, "rule \"{rule}\": ")?;
        }
        f.write_str(&self.message)
    }
}

/// A pack's `metadata:` header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackMetadata {
    pub name: String,
    pub version: String,
    pub description: String,
    pub frameworks: Vec<String>,
    pub author: Option<String>,
}

#[derive(Debug, Default)]
pub struct RuleFile {
    pub metadata: Option<PackMetadata>,
    pub rules: Vec<Rule>,
    /// A pack of the catalog's shape: the checks it selects instead of rules of its own.
    pub checks: Option<Vec<PackEntry>>,
    pub warnings: Vec<Diagnostic>,
}

/// One entry of a pack's `checks:` list: a catalog check and the controls it implements there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackEntry {
    pub check: String,
    pub frameworks: BTreeMap<String, Vec<String>>,
    /// The pack's own severity for the check, where its framework rates it differently.
    pub severity: Option<Severity>,
    pub line: u32,
}

const RULE_KEYS: &[&str] = &[
    "id",
    "name",
    "description",
    "severity",
    "resource_type",
    "filters",
    "filter",
    "assertions",
    "assert",
    "remediation",
    "references",
    "frameworks",
    "tags",
    "aliases",
    "peers",
    "metadata",
    "referenced_by",
    "not_referenced_by",
    "refers_to",
];
const PACK_ENTRY_KEYS: &[&str] = &["check", "frameworks", "severity"];
const ASSERTION_KEYS: &[&str] = &["key", "operator", "value", "message"];
const RELATION_KEYS: &[&str] = &[
    "resource_type",
    "attribute",
    "identified_by",
    "assertions",
    "assert",
    "message",
];

/// Loads one rule file. Every error in the file is reported, not only the first.
pub fn load_str(file: &str, src: &str) -> Result<RuleFile, Vec<Diagnostic>> {
    let doc = yaml::parse(src).map_err(|e| {
        vec![Loader::new(file).diagnostic(e.line, format!("invalid YAML: {}", e.message))]
    })?;
    load_tree(file, &doc)
}

/// Loads a rule file already parsed (a built-in pack, parsed at build time).
pub(super) fn load_tree(file: &str, doc: &Yaml) -> Result<RuleFile, Vec<Diagnostic>> {
    let mut loader = Loader::new(file);
    let out = loader.file_contents(doc);
    if loader.errors.is_empty() {
        Ok(RuleFile {
            warnings: loader.warnings,
            ..out
        })
    } else {
        Err(loader.errors)
    }
}

struct Loader<'a> {
    file: &'a str,
    /// The rule being read, for messages.
    rule: Option<String>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl<'a> Loader<'a> {
    fn new(file: &'a str) -> Loader<'a> {
        Loader {
            file,
            rule: None,
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn diagnostic(&self, line: u32, message: String) -> Diagnostic {
        Diagnostic {
            file: self.file.to_string(),
            line,
            rule: self.rule.clone(),
            message,
        }
    }

    fn error(&mut self, line: u32, message: impl Into<String>) {
        let d = self.diagnostic(line, message.into());
        self.errors.push(d);
    }

    fn warn(&mut self, line: u32, message: impl Into<String>) {
        let d = self.diagnostic(line, message.into());
        self.warnings.push(d);
    }

    fn file_contents(&mut self, doc: &Yaml) -> RuleFile {
        let Some(entries) = doc.entries() else {
            self.error(
                doc.line.max(1),
                format!("expected a map with a `rules:` list, found {}", doc.kind()),
            );
            return RuleFile::default();
        };
        let mut out = RuleFile::default();
        let mut saw_rules = false;
        for (name, key, value) in entries {
            match name {
                "rules" => {
                    saw_rules = true;
                    out.rules = self.rules(value);
                }
                "checks" => out.checks = Some(self.pack_entries(value)),
                "metadata" => out.metadata = Some(self.metadata(value)),
                other => self.warn(
                    key.line,
                    format!("unknown top-level key `{other}` is ignored"),
                ),
            }
        }
        match (saw_rules, &out.checks) {
            (false, None) => self.error(
                doc.line.max(1),
                "no `rules:` list (nor a pack's `checks:` list) in this file",
            ),
            (true, Some(_)) => self.error(
                doc.line.max(1),
                "a file has either `rules:` or a pack's `checks:` list, not both",
            ),
            _ => {}
        }
        out
    }

    /// A pack's `checks:` list: `{check: id, frameworks: {name: [controls]}, severity: high}`.
    fn pack_entries(&mut self, list: &Yaml) -> Vec<PackEntry> {
        let YamlValue::Seq(items) = &list.value else {
            self.error(
                list.line,
                format!("`checks` must be a list, found {}", list.kind()),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let Some(entries) = item.entries() else {
                self.error(
                    item.line,
                    format!(
                        "a pack's check must be a map with `check`, found {}",
                        item.kind()
                    ),
                );
                continue;
            };
            for (name, key, _) in entries {
                if !PACK_ENTRY_KEYS.contains(&name) {
                    self.warn(key.line, format!("unknown key `{name}` is ignored"));
                }
            }
            let Some(check) = item.get("check").and_then(Yaml::scalar_text) else {
                self.error(item.line, "a pack's entry needs the `check` id it selects");
                continue;
            };
            let severity = item.get("severity").map(|_| self.severity(item));
            out.push(PackEntry {
                check,
                frameworks: self.frameworks(item.get("frameworks")),
                severity,
                line: item.line,
            });
        }
        out
    }

    fn rules(&mut self, list: &Yaml) -> Vec<Rule> {
        let YamlValue::Seq(items) = &list.value else {
            self.error(
                list.line,
                format!("`rules` must be a list, found {}", list.kind()),
            );
            return Vec::new();
        };
        let rules: Vec<Rule> = items.iter().filter_map(|item| self.rule(item)).collect();
        self.rule = None;
        rules
    }

    fn metadata(&mut self, value: &Yaml) -> PackMetadata {
        let text = |key: &str| {
            value
                .get(key)
                .and_then(Yaml::scalar_text)
                .unwrap_or_default()
        };
        PackMetadata {
            name: text("name"),
            version: text("version"),
            description: text("description"),
            frameworks: self.strings(value.get("frameworks")),
            author: value.get("author").and_then(Yaml::scalar_text),
        }
    }

    fn rule(&mut self, item: &Yaml) -> Option<Rule> {
        self.rule = None;
        let Some(entries) = item.entries() else {
            self.error(
                item.line,
                format!("a rule must be a map, found {}", item.kind()),
            );
            return None;
        };
        let text = |key: &str| item.get(key).and_then(Yaml::scalar_text);
        let (id, name) = match (text("id"), text("name")) {
            (Some(id), Some(name)) => (id, name),
            (Some(id), None) => (id.clone(), id),
            (None, Some(name)) => (slug(&name), name),
            (None, None) => {
                self.error(item.line, "a rule needs a `name` or an `id`");
                return None;
            }
        };
        self.rule = Some(name.clone());
        for (key_name, key, _) in entries {
            if !RULE_KEYS.contains(&key_name) {
                self.warn(key.line, format!("unknown key `{key_name}` is ignored"));
            }
        }
        let errors_before = self.errors.len();
        let severity = self.severity(item);
        let resource_types = self.resource_types(item);
        let relations = self.relations(item);
        // A relation that did not load has said why; the rule is not also missing assertions.
        let has_relations = RelationKind::ALL
            .iter()
            .any(|kind| item.get(kind.name()).is_some());
        let (filters, mut assertions) = self.checks(item, has_relations);
        assertions.extend(relations);
        let metadata = item.get("metadata");
        let mut references = self.strings(item.get("references"));
        references.extend(self.strings(metadata.and_then(|m| m.get("references"))));
        let mut tags = self.strings(item.get("tags"));
        tags.extend(self.strings(metadata.and_then(|m| m.get("tags"))));
        let rule = Rule {
            id,
            name,
            description: text("description"),
            severity,
            resource_types,
            filters,
            assertions,
            remediation: text("remediation"),
            references,
            frameworks: self.frameworks(item.get("frameworks")),
            tags,
            aliases: self.strings(item.get("aliases")),
            peers: self.peers(item.get("peers")),
            packs: Vec::new(),
            origin: Origin {
                file: self.file.to_string(),
                line: item.line,
            },
        };
        (self.errors.len() == errors_before).then_some(rule)
    }

    fn severity(&mut self, item: &Yaml) -> Severity {
        let Some(value) = item.get("severity") else {
            return Severity::default();
        };
        match value.scalar_text().map(|s| s.parse::<Severity>()) {
            Some(Ok(severity)) => severity,
            Some(Err(message)) => {
                self.error(value.line, message);
                Severity::default()
            }
            None => {
                self.error(
                    value.line,
                    format!("`severity` must be a word, found {}", value.kind()),
                );
                Severity::default()
            }
        }
    }

    /// `resource_type: a`, `a | b`, or a list.
    fn resource_types(&mut self, item: &Yaml) -> Vec<TypeSelector> {
        let Some(value) = item.get("resource_type") else {
            self.error(item.line, "a rule needs a `resource_type`");
            return Vec::new();
        };
        let names: Vec<String> = match &value.value {
            YamlValue::String(s) => s.split('|').map(str::to_string).collect(),
            YamlValue::Seq(_) => self.strings(Some(value)),
            _ => Vec::new(),
        };
        let names: Vec<&str> = names
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if names.is_empty() {
            self.error(
                value.line,
                "`resource_type` must name at least one resource type",
            );
        }
        names.into_iter().map(TypeSelector::parse).collect()
    }

    /// Filters and assertions, in whichever shape the rule uses. A rule with a relation needs
    /// no other assertion.
    fn checks(
        &mut self,
        item: &Yaml,
        has_relations: bool,
    ) -> (Vec<Arc<Assertion>>, Vec<Arc<Assertion>>) {
        let filters = match (item.get("filters"), item.get("filter")) {
            (Some(list), _) => self.assertion_list(list, "filters"),
            (None, Some(map)) => self.assertion_map(map, "filter"),
            (None, None) => Vec::new(),
        };
        let errors_before = self.errors.len();
        let assertions = match (item.get("assertions"), item.get("assert")) {
            (Some(_), Some(a)) => {
                self.error(
                    a.line,
                    "use either `assertions` (a list) or `assert` (a map), not both",
                );
                Vec::new()
            }
            (Some(list), None) => self.assertion_list(list, "assertions"),
            (None, Some(map)) => self.assertion_map(map, "assert"),
            (None, None) if has_relations => return (filters, Vec::new()),
            (None, None) => {
                self.error(
                    item.line,
                    "a rule needs `assertions` (or `assert`, `referenced_by`, \
                     `not_referenced_by`, `refers_to`)",
                );
                return (filters, Vec::new());
            }
        };
        // An empty list is an error of its own; a list whose entries failed already said why.
        if assertions.is_empty() && self.errors.len() == errors_before {
            let line = item
                .get("assertions")
                .or(item.get("assert"))
                .map_or(item.line, |a| a.line);
            self.error(line, "a rule needs at least one assertion");
        }
        (filters, assertions)
    }

    /// The native shape: a list of `{key, operator, value, message}`.
    fn assertion_list(&mut self, list: &Yaml, what: &str) -> Vec<Arc<Assertion>> {
        let YamlValue::Seq(items) = &list.value else {
            self.error(
                list.line,
                format!("`{what}` must be a list, found {}", list.kind()),
            );
            return Vec::new();
        };
        items
            .iter()
            .flat_map(|entry| self.native_assertion(entry))
            .collect()
    }

    fn native_assertion(&mut self, entry: &Yaml) -> Vec<Arc<Assertion>> {
        let Some(entries) = entry.entries() else {
            self.error(
                entry.line,
                format!(
                    "an assertion must be a map with `key` and `operator`, found {}",
                    entry.kind()
                ),
            );
            return Vec::new();
        };
        for (name, key, _) in entries {
            if !ASSERTION_KEYS.contains(&name) {
                self.warn(
                    key.line,
                    format!("unknown assertion key `{name}` is ignored"),
                );
            }
        }
        let Some(key) = entry.get("key").and_then(Yaml::scalar_text) else {
            self.error(entry.line, "an assertion needs a `key`");
            return Vec::new();
        };
        let Some(operator) = entry.get("operator").and_then(Yaml::scalar_text) else {
            self.error(
                entry.line,
                format!("the assertion on `{key}` needs an `operator`"),
            );
            return Vec::new();
        };
        let message = entry.get("message").and_then(Yaml::scalar_text);
        let line = entry.get("operator").map_or(entry.line, |o| o.line);
        match entry.get("value") {
            Some(value) if operator == "length" && value.entries().is_some() => {
                self.length_comparisons(&key, value, message, false)
            }
            value => self
                .assertion(&key, &operator, value, message, line, false)
                .into_iter()
                .collect(),
        }
    }

    /// `length: {gte: 2, lte: 5}`: each comparison applies to the length, as in the Python
    /// riveter.
    fn length_comparisons(
        &mut self,
        key: &str,
        comparisons: &Yaml,
        message: Option<String>,
        python_shape: bool,
    ) -> Vec<Arc<Assertion>> {
        let mut out = Vec::new();
        for (name, at, operand) in comparisons.entries().into_iter().flatten() {
            let Some(comparison) = Comparison::from_short_name(name) else {
                self.error(
                    at.line,
                    format!(
                        "`length` takes a number or a map of comparisons (eq, ne, gt, gte, lt, \
                         lte), found `{name}`"
                    ),
                );
                continue;
            };
            let operator = Operator::Length(comparison);
            out.extend(self.assertion(
                key,
                operator.name(),
                Some(operand),
                message.clone(),
                at.line,
                python_shape,
            ));
        }
        out
    }

    /// The Python riveter's shape: `path: expected`, `path: present|absent`, or
    /// `path: {operator: value, ...}`; a nested map of plain keys continues the path.
    fn assertion_map(&mut self, map: &Yaml, what: &str) -> Vec<Arc<Assertion>> {
        let Some(entries) = map.entries() else {
            self.error(
                map.line,
                format!(
                    "`{what}` must be a map of key: expected value, found {}",
                    map.kind()
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (path, key, value) in entries {
            self.riveter_assertions(path, key.line, value, &mut out);
        }
        out
    }

    fn riveter_assertions(
        &mut self,
        path: &str,
        line: u32,
        value: &Yaml,
        out: &mut Vec<Arc<Assertion>>,
    ) {
        match &value.value {
            YamlValue::String(word) if word == "present" || word == "absent" => {
                out.extend(self.assertion(path, word, None, None, line, true));
            }
            YamlValue::Map(_) => {
                let entries: Vec<(&str, &Yaml, &Yaml)> =
                    value.entries().into_iter().flatten().collect();
                let all_operators = is_operator_map(value);
                for (name, key, operand) in entries {
                    if all_operators && name == "length" && operand.entries().is_some() {
                        out.extend(self.length_comparisons(path, operand, None, true));
                    } else if all_operators {
                        out.extend(self.assertion(path, name, Some(operand), None, key.line, true));
                    } else {
                        let nested = format!("{path}.{}", quote_segment(name));
                        self.riveter_assertions(&nested, key.line, operand, out);
                    }
                }
            }
            _ => out.extend(self.assertion(path, "equals", Some(value), None, line, true)),
        }
    }

    /// Builds one assertion, checking its key, operator and value. `python_shape` gives `regex`,
    /// `present` and `absent` the Python riveter's meaning (a match at the start of the value;
    /// an empty string, list or map is not present).
    fn assertion(
        &mut self,
        key: &str,
        operator: &str,
        value: Option<&Yaml>,
        message: Option<String>,
        line: u32,
        python_shape: bool,
    ) -> Option<Arc<Assertion>> {
        let key = match Key::parse(key) {
            Ok(key) => key,
            Err(e) => {
                self.error(line, e);
                return None;
            }
        };
        let operator = self.operator(&key, operator, value, line, python_shape)?;
        let expected = self.operand(&operator, &key, value, line)?;
        let expectation = operator.expectation(expected.as_ref());
        Some(Arc::new(Assertion {
            key,
            operator,
            expected,
            message,
            line,
            expectation,
            relation: None,
        }))
    }

    fn operator(
        &mut self,
        key: &Key,
        name: &str,
        value: Option<&Yaml>,
        line: u32,
        python_shape: bool,
    ) -> Option<Operator> {
        if Operator::is_regex(name) {
            let Some(pattern) = value.and_then(Yaml::scalar_text) else {
                self.error(
                    line,
                    format!("`{name}` needs a regular expression as its `value`"),
                );
                return None;
            };
            return match Pattern::compile(&pattern, python_shape && name == "regex") {
                Ok(compiled) => Some(Operator::with_pattern(name, compiled)),
                Err(detail) => {
                    self.error(
                        line,
                        format!("the regular expression \"{pattern}\" does not compile: {detail}"),
                    );
                    None
                }
            };
        }
        if python_shape && (name == "present" || name == "absent") {
            return Some(if name == "present" {
                Operator::Present
            } else {
                Operator::Absent
            });
        }
        if name == "none_match" {
            let patterns = self.element_patterns(key, value?, python_shape)?;
            return Some(Operator::NoneMatch(patterns.into()));
        }
        match Operator::named(name) {
            Some(op) => Some(op),
            None => {
                let hint = closest(name, NAMES)
                    .map(|n| format!(" (did you mean `{n}`?)"))
                    .unwrap_or_default();
                self.error(line, format!("unknown operator `{name}`{hint}"));
                None
            }
        }
    }

    /// The patterns of `none_match`: a map, or a list of them. A field whose value is a map of
    /// operator names (`cidr_blocks: {contains: "0.0.0.0/0"}`) is tested with those operators,
    /// as in the Python riveter; any other value is compared.
    fn element_patterns(
        &mut self,
        key: &Key,
        value: &Yaml,
        python_shape: bool,
    ) -> Option<Vec<ElementPattern>> {
        let items: Vec<&Yaml> = match &value.value {
            YamlValue::Seq(items) => items.iter().collect(),
            YamlValue::Map(_) => vec![value],
            // The operand check reports a value of the wrong shape.
            _ => return Some(Vec::new()),
        };
        let errors_before = self.errors.len();
        let mut patterns = Vec::new();
        for item in items {
            let Some(entries) = item.entries() else {
                patterns.push(ElementPattern::Equal(Value::from_json(&item.to_json())));
                continue;
            };
            let mut fields = Vec::new();
            for (field, _, spec) in entries {
                let test = match spec.entries() {
                    Some(ops) if is_operator_map(spec) => {
                        let mut operators = Vec::new();
                        for (name, at, operand) in ops {
                            let operand = Some(operand);
                            if let Some(op) =
                                self.operator(key, name, operand, at.line, python_shape)
                                && let Some(expected) = self.operand(&op, key, operand, at.line)
                            {
                                operators.push((op, expected));
                            }
                        }
                        FieldTest::Operators(operators)
                    }
                    _ => FieldTest::Literal(Value::from_json(&spec.to_json())),
                };
                fields.push((field.to_string(), test));
            }
            patterns.push(ElementPattern::Fields(fields));
        }
        (self.errors.len() == errors_before).then_some(patterns)
    }

    /// Checks that the value suits the operator. Returns `None` on error, `Some(None)` when the
    /// operator takes no value.
    fn operand(
        &mut self,
        operator: &Operator,
        key: &Key,
        value: Option<&Yaml>,
        line: u32,
    ) -> Option<Option<Value>> {
        let op = operator.name();
        let needs = operator.operand();
        let Some(value) = value else {
            if needs == Operand::Nothing {
                return Some(None);
            }
            self.error(
                line,
                format!("the assertion on `{key}` uses `{op}`, which needs a `value`"),
            );
            return None;
        };
        let converted = Value::from_json(&value.to_json());
        let fits = match needs {
            Operand::Nothing | Operand::Any | Operand::Text => true,
            Operand::Number => value
                .scalar_text()
                .is_some_and(|t| t.trim().parse::<f64>().is_ok()),
            Operand::List => !matches!(value.value, YamlValue::Map(_) | YamlValue::Null),
            Operand::Length => matches!(value.value, YamlValue::Number(_)),
            Operand::Patterns => matches!(value.value, YamlValue::Map(_) | YamlValue::Seq(_)),
        };
        if !fits {
            let wanted = match needs {
                Operand::Number => "a number",
                Operand::List => "a list",
                Operand::Length => "a number (or, for `length`, a map of comparisons)",
                _ => "a map or a list of maps",
            };
            self.error(
                value.line,
                format!("`{op}` needs {wanted} as its value, found {}", value.kind()),
            );
            return None;
        }
        Some(if needs == Operand::Nothing {
            None
        } else {
            Some(converted)
        })
    }

    /// The rule's relations (`referenced_by`, `not_referenced_by`, `refers_to`), each a map or
    /// a list of maps, as assertions the engine decides (docs/rules.md, "Rules that see other
    /// resources").
    fn relations(&mut self, item: &Yaml) -> Vec<Arc<Assertion>> {
        let mut out = Vec::new();
        for kind in RelationKind::ALL {
            let Some(value) = item.get(kind.name()) else {
                continue;
            };
            let entries: Vec<&Yaml> = match &value.value {
                YamlValue::Seq(items) => items.iter().collect(),
                _ => vec![value],
            };
            for entry in entries {
                out.extend(self.relation(kind, entry));
            }
        }
        out
    }

    fn relation(&mut self, kind: RelationKind, entry: &Yaml) -> Option<Arc<Assertion>> {
        let what = kind.name();
        let Some(entries) = entry.entries() else {
            self.error(
                entry.line,
                format!(
                    "`{what}` must be a map with `resource_type` and `attribute`, found {}",
                    entry.kind()
                ),
            );
            return None;
        };
        for (name, key, _) in entries {
            if !RELATION_KEYS.contains(&name) {
                self.warn(
                    key.line,
                    format!("unknown key `{name}` in `{what}` is ignored"),
                );
            }
        }
        let text = |key: &str| entry.get(key).and_then(Yaml::scalar_text);
        let Some(resource_type) = text("resource_type").map(|t| t.trim().to_string()) else {
            self.error(entry.line, format!("`{what}` needs a `resource_type`"));
            return None;
        };
        if resource_type.is_empty() || resource_type.contains(['|', '*', ' ']) {
            self.error(
                entry.line,
                format!("`{what}` needs one managed resource type, found \"{resource_type}\""),
            );
            return None;
        }
        let Some(attribute) = text("attribute") else {
            self.error(
                entry.line,
                format!("`{what}` needs an `attribute`: the attribute that refers"),
            );
            return None;
        };
        let attribute = self.relation_key(&attribute, entry.line)?;
        let identified_by = match entry.get("identified_by") {
            Some(value) => {
                let names = self.strings(Some(value));
                if names.is_empty() {
                    self.error(
                        value.line,
                        "`identified_by` must name at least one attribute",
                    );
                }
                names
            }
            None => DEFAULT_IDENTIFIED_BY
                .iter()
                .map(|n| n.to_string())
                .collect(),
        };
        let identified_by: Option<Vec<Key>> = identified_by
            .iter()
            .map(|name| self.relation_key(name, entry.line))
            .collect();
        let errors_before = self.errors.len();
        let assertions = match (entry.get("assertions"), entry.get("assert")) {
            (Some(_), Some(a)) => {
                self.error(
                    a.line,
                    "use either `assertions` (a list) or `assert` (a map), not both",
                );
                Vec::new()
            }
            (Some(list), None) => self.assertion_list(list, "assertions"),
            (None, Some(map)) => self.assertion_map(map, "assert"),
            (None, None) => Vec::new(),
        };
        if self.errors.len() > errors_before {
            return None;
        }
        let relation = Relation {
            kind,
            resource_type: resource_type.clone(),
            attribute: attribute.clone(),
            identified_by: identified_by?,
            assertions,
        };
        // Reports name it by the attribute that refers, on the type that holds it.
        let key = match kind {
            RelationKind::RefersTo => attribute,
            _ => self.relation_key(&format!("{resource_type}.{}", attribute.text), entry.line)?,
        };
        Some(Arc::new(Assertion {
            key,
            expectation: relation.expectation(),
            operator: Operator::Relation(kind),
            expected: Some(Value::String(resource_type)),
            message: text("message"),
            line: entry.line,
            relation: Some(Arc::new(relation)),
        }))
    }

    fn relation_key(&mut self, text: &str, line: u32) -> Option<Key> {
        match Key::parse(text) {
            Ok(key) => Some(key),
            Err(e) => {
                self.error(line, e);
                None
            }
        }
    }

    fn strings(&mut self, value: Option<&Yaml>) -> Vec<String> {
        match value.map(|v| &v.value) {
            None | Some(YamlValue::Null) => Vec::new(),
            Some(YamlValue::Seq(items)) => items.iter().filter_map(Yaml::scalar_text).collect(),
            Some(_) => value.and_then(Yaml::scalar_text).into_iter().collect(),
        }
    }

    fn frameworks(&mut self, value: Option<&Yaml>) -> BTreeMap<String, Vec<String>> {
        let Some(value) = value else {
            return BTreeMap::new();
        };
        let Some(entries) = value.entries() else {
            self.error(
                value.line,
                format!(
                    "`frameworks` must map framework names to controls, found {}",
                    value.kind()
                ),
            );
            return BTreeMap::new();
        };
        let pairs: Vec<(String, &Yaml)> =
            entries.map(|(name, _, v)| (name.to_string(), v)).collect();
        pairs
            .into_iter()
            .map(|(name, controls)| (name, self.strings(Some(controls))))
            .collect()
    }

    /// `peers: {trivy: [AVD-AWS-0107], checkov: [CKV_AWS_24], python-riveter: [...]}`.
    fn peers(&mut self, value: Option<&Yaml>) -> BTreeMap<String, Vec<String>> {
        let Some(value) = value else {
            return BTreeMap::new();
        };
        let Some(entries) = value.entries() else {
            self.error(
                value.line,
                format!(
                    "`peers` must map scanner names ({}) to their ids for this check, found {}",
                    PEER_SCANNERS.join(", "),
                    value.kind()
                ),
            );
            return BTreeMap::new();
        };
        let pairs: Vec<(String, u32, &Yaml)> = entries
            .map(|(name, key, v)| (name.to_string(), key.line, v))
            .collect();
        let mut peers = BTreeMap::new();
        for (name, line, ids) in pairs {
            if !PEER_SCANNERS.contains(&name.as_str()) {
                self.error(
                    line,
                    format!(
                        "unknown scanner `{name}` in `peers` (expected {})",
                        PEER_SCANNERS.join(", ")
                    ),
                );
                continue;
            }
            peers.insert(name, self.strings(Some(ids)));
        }
        peers
    }
}

/// The scanners whose ids a check may record in `peers:`.
const PEER_SCANNERS: &[&str] = &["trivy", "checkov", "python-riveter"];

/// A map whose keys all name operators: `{contains: "0.0.0.0/0"}`, `{gte: 1, lte: 5}`.
fn is_operator_map(value: &Yaml) -> bool {
    let mut names = value
        .entries()
        .into_iter()
        .flatten()
        .map(|(name, _, _)| name);
    let first = names.next();
    first.is_some_and(|name| NAMES.contains(&name)) && names.all(|name| NAMES.contains(&name))
}

/// A nested map key that holds a dot must stay one segment.
fn quote_segment(name: &str) -> String {
    if name.contains('.') {
        format!("\"{name}\"")
    } else {
        name.to_string()
    }
}

/// The rule id derived from a name: lower case, words joined by `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The known name nearest to a misspelling, if one is near enough to be a likely typo.
fn closest<'a>(word: &str, names: &[&'a str]) -> Option<&'a str> {
    names
        .iter()
        .map(|n| (distance(word, n), *n))
        .filter(|(d, n)| *d <= 2.max(n.len() / 4))
        .min()
        .map(|(_, n)| n)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != b[j]))
                .min(row[j] + 1)
                .min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
