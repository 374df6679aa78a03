//! The rule model: what a loaded, validated rule is.

use super::key::Key;
use super::operator::Operator;
use super::relation::RelationKind;
use crate::value::Value;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Severity {
    Info,
    Low,
    #[default]
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl FromStr for Severity {
    type Err = String;

    /// The native names, plus the Python riveter's `error` / `warning` (docs/rules.md).
    fn from_str(s: &str) -> Result<Severity, String> {
        match s.to_ascii_lowercase().as_str() {
            "critical" => Ok(Severity::Critical),
            "high" | "error" => Ok(Severity::High),
            "medium" | "warning" => Ok(Severity::Medium),
            "low" => Ok(Severity::Low),
            "info" => Ok(Severity::Info),
            _ => Err(format!(
                "unknown severity \"{s}\" (expected critical, high, medium, low or info)"
            )),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a rule was written: its file and the line of its list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: u32,
}

/// One `resource_type` entry (docs/rules.md, "What a rule applies to").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeSelector {
    /// `"*"`: every managed resource.
    AnyManaged,
    Managed(String),
    Data(String),
    Module,
    Provider(String),
}

impl TypeSelector {
    pub fn parse(text: &str) -> TypeSelector {
        let text = text.trim();
        if text == "*" {
            TypeSelector::AnyManaged
        } else if text == "module" {
            TypeSelector::Module
        } else if let Some(t) = text.strip_prefix("data.") {
            TypeSelector::Data(t.to_string())
        } else if let Some(p) = text.strip_prefix("provider.") {
            TypeSelector::Provider(p.to_string())
        } else {
            TypeSelector::Managed(text.to_string())
        }
    }
}

impl fmt::Display for TypeSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeSelector::AnyManaged => f.write_str("*"),
            TypeSelector::Managed(t) => f.write_str(t),
            TypeSelector::Data(t) => write!(f, "data.{t}"),
            TypeSelector::Module => f.write_str("module"),
            TypeSelector::Provider(p) => write!(f, "provider.{p}"),
        }
    }
}

/// One check of a rule: `key operator value`. Filters are assertions too.
#[derive(Debug, Clone)]
pub struct Assertion {
    pub key: Key,
    pub operator: Operator,
    /// What the operator compares with; `None` for `exists` / `not_exists`.
    pub expected: Option<Value>,
    pub message: Option<String>,
    /// The line of the assertion in its rule file.
    pub line: u32,
    /// What a passing value looks like, in words, written once when the rule loads.
    pub expectation: String,
    /// The relation this assertion stands for (`Operator::Relation`); `None` for the others.
    pub relation: Option<Arc<Relation>>,
}

/// One relation of a rule, as loaded.
#[derive(Debug, Clone)]
pub struct Relation {
    pub kind: RelationKind,
    /// The other resources' type: `aws_s3_bucket_public_access_block`.
    pub resource_type: String,
    /// The attribute that refers: the other resource's for `referenced_by` and
    /// `not_referenced_by`, the rule's own resource's for `refers_to`.
    pub attribute: Key,
    /// The attributes whose known value names the referred resource (`bucket`: a public access
    /// block whose `bucket` is the literal name refers to the bucket with that name).
    pub identified_by: Vec<Key>,
    /// What the other resources must pass (for `not_referenced_by`: what makes one forbidden).
    /// Empty: any resource of the type.
    pub assertions: Vec<Arc<Assertion>>,
}

impl Relation {
    /// What passing looks like, in words, for messages.
    pub fn expectation(&self) -> String {
        let conditions = if self.assertions.is_empty() {
            String::new()
        } else {
            let each: Vec<String> = self
                .assertions
                .iter()
                .map(|a| format!("{} {}", a.key, a.expectation))
                .collect();
            format!(" with {}", each.join(", "))
        };
        let (ty, attribute) = (&self.resource_type, &self.attribute);
        let a = if ty.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        match self.kind {
            RelationKind::ReferencedBy => {
                format!("{a} {ty} whose {attribute} refers to it{conditions}")
            }
            RelationKind::NotReferencedBy => {
                format!("no {ty} whose {attribute} refers to it{conditions}")
            }
            RelationKind::RefersTo => {
                format!("every {ty} that {attribute} refers to{conditions}")
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub severity: Severity,
    pub resource_types: Vec<TypeSelector>,
    /// All must match for the rule to apply to a resource.
    /// Shared with every result of the filter (`AssertionResult::assertion`).
    pub filters: Vec<Arc<Assertion>>,
    /// All must pass; never empty.
    pub assertions: Vec<Arc<Assertion>>,
    pub remediation: Option<String>,
    pub references: Vec<String>,
    /// Control mapping: framework name to control ids. A catalog check gets the controls of
    /// every selected pack that names it.
    pub frameworks: BTreeMap<String, Vec<String>>,
    pub tags: Vec<String>,
    /// Ids the rule was published under before (a pack's own copy of a catalog check): they
    /// still select it, suppress it and match baselines.
    pub aliases: Vec<String>,
    /// The ids other scanners give the same check, by scanner (`peers:`, docs/rules.md): they
    /// select and suppress it too. Unlike a former id, one peer id may name several checks, one
    /// per form of the setting (inline block, standalone rule resource, companion resource).
    pub peers: BTreeMap<String, Vec<String>>,
    /// The packs that selected this rule, in the order they were given; empty for a rule file.
    pub packs: Vec<String>,
    pub origin: Origin,
}

impl Rule {
    /// The rule's id, one of its former ids, or the id a peer scanner gives it (a trivy id also
    /// with the `AVD-` prefix older trivy releases printed). `own` holds the ids and former ids
    /// of every rule in play: one of them names those rules only, never another rule's peer, so
    /// a team's rule that happens to share a Python riveter id suppresses nothing else.
    pub fn known_as(&self, id: &str, own: &HashSet<&str>) -> bool {
        if own.contains(id) {
            return self.ids().any(|known| known == id);
        }
        let bare = id.strip_prefix("AVD-").unwrap_or(id);
        self.peer_ids().any(|known| known == id || known == bare)
    }

    /// A rule tagged `sensitive` looks for secrets (keys in user data, passwords in
    /// environment variables): its findings never repeat the value they found.
    pub fn is_sensitive(&self) -> bool {
        self.tags.iter().any(|t| t == "sensitive")
    }

    /// The ids other scanners give the rule.
    pub fn peer_ids(&self) -> impl Iterator<Item = &str> {
        self.peers.values().flatten().map(String::as_str)
    }

    /// Every id the rule answers to: its own first, then its former ones.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}
