//! Relations (docs/rules.md, "Rules that see other resources"): a rule on one resource that
//! requires, or forbids, resources of another type that refer to it, or that judges the
//! resources it refers to. The engine decides them, since only it sees every resource.

use super::key::Key;
use super::model::Assertion;
use std::sync::Arc;

/// Which way a relation looks, and what it asks of the resources it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationKind {
    /// `referenced_by`: some resource of the type refers to this one and passes the assertions.
    ReferencedBy,
    /// `not_referenced_by`: no resource of the type that refers to this one passes them.
    NotReferencedBy,
    /// `refers_to`: every resource of the type this one's attribute refers to passes them.
    RefersTo,
}

impl RelationKind {
    pub const ALL: [RelationKind; 3] = [
        RelationKind::ReferencedBy,
        RelationKind::NotReferencedBy,
        RelationKind::RefersTo,
    ];

    /// The rule key that writes it.
    pub fn name(self) -> &'static str {
        match self {
            RelationKind::ReferencedBy => "referenced_by",
            RelationKind::NotReferencedBy => "not_referenced_by",
            RelationKind::RefersTo => "refers_to",
        }
    }
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

/// The attributes that name a resource when a relation does not say (`identified_by`).
pub const DEFAULT_IDENTIFIED_BY: &[&str] = &["id", "arn", "name", "bucket"];

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
