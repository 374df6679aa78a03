//! The kinds of relation (docs/rules.md, "Rules that see other resources"): a rule on one
//! resource that requires, or forbids, resources of another type that refer to it, or that
//! judges the resources it refers to. The engine decides them, since only it sees every
//! resource; a loaded relation is a `model::Relation`.

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

/// The attributes that name a resource when a relation does not say (`identified_by`).
pub const DEFAULT_IDENTIFIED_BY: &[&str] = &["id", "arn", "name", "bucket"];
