//! Relations between resources (docs/rules.md, "Rules that see other resources"): a bucket
//! that some public access block refers to, an instance whose security groups allow no SSH
//! from the world.
//!
//! What each resource of a relation's other type refers to is worked out once per scan, before
//! the rules run, into maps from what is referred to to who refers; judging a resource is then
//! a few lookups. A reference expression refers within its module (the folder it is written
//! in), and through the calls of local modules that pass it; a known name refers wherever it
//! is written, since a name is the resource's in the whole account. What cannot be followed
//! makes the outcome unknown for the resources of the module it is written in.

use super::references::{Calls, Referent, folder, module_of, resource_referent};
use crate::findings::{AssertionResult, Found};
use crate::rules::{Assertion, Key, Relation, RelationKind, Rule, Verdict};
use crate::terraform::{BlockKind, Resource};
use crate::value::{Node, Value};
use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::Arc;

/// Every resource a relation may see, and what refers to what: built once per scan.
pub struct Relations<'r> {
    /// The scanned resources, then those of files not targeted in scanned folders.
    resources: Vec<&'r Resource>,
    /// How many of `resources` are the scanned ones.
    scanned: usize,
    calls: Calls<'r>,
    by_address: HashMap<Referent, usize>,
    /// For each resource passed to a module whose resources the scan does not hold (a
    /// registry module, a folder not scanned): why that module may create its companions.
    passed_to_unread: HashMap<usize, Vec<String>>,
    /// By other type, then referring attribute, of a `referenced_by` or `not_referenced_by`
    /// relation: who refers to what. Looked up by borrowed names: a scan judges every bucket.
    referrers: HashMap<String, HashMap<String, Referrers>>,
    /// By type, then identifying attributes, of a `refers_to` relation: the resources of the
    /// type by their known names.
    named: HashMap<String, HashMap<String, HashMap<String, Vec<usize>>>>,
}

/// The resources of one type, by what their referring attribute refers to.
#[derive(Default)]
struct Referrers {
    /// By the resource they refer to (its index).
    by_resource: HashMap<usize, Vec<usize>>,
    /// By the known name they hold.
    by_name: HashMap<String, Vec<usize>>,
    /// By module: those whose attribute names something that cannot be known, and why.
    undecided: HashMap<String, Vec<(usize, String)>>,
    /// By module: those whose attribute is a known name, for resources whose own name is not
    /// known.
    by_name_in: HashMap<String, Vec<(usize, String)>>,
}

/// What one resource is named by, through a relation's identifying attributes.
#[derive(Default)]
struct Names {
    known: Vec<String>,
    /// Why a name cannot be known (`bucket depends on var.name, which has no value`).
    unknown: Option<String>,
}

impl<'r> Relations<'r> {
    pub fn new(rules: &[Rule], scanned: &'r [Resource], context: &'r [Resource]) -> Relations<'r> {
        let resources: Vec<&Resource> = scanned.iter().chain(context).collect();
        let calls = Calls::new(&resources);
        let by_address: HashMap<Referent, usize> = resources
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == BlockKind::Managed)
            .map(|(at, r)| (resource_referent(r), at))
            .collect();
        let folders: HashSet<&str> = resources.iter().map(|r| folder(&r.file)).collect();
        let passed_to_unread = calls.passed_to_unread(&folders, &by_address);
        let mut relations = Relations {
            by_address,
            passed_to_unread,
            resources,
            scanned: scanned.len(),
            calls,
            referrers: HashMap::new(),
            named: HashMap::new(),
        };
        for relation in rules.iter().flat_map(relations_of) {
            let ty = &relation.resource_type;
            match relation.kind {
                RelationKind::RefersTo => {
                    let keys = keys_text(&relation.identified_by);
                    if relations
                        .named
                        .get(ty)
                        .is_none_or(|n| !n.contains_key(&keys))
                    {
                        let named = relations.named_of(relation);
                        relations
                            .named
                            .entry(ty.clone())
                            .or_default()
                            .insert(keys, named);
                    }
                }
                _ => {
                    let attribute = &relation.attribute.text;
                    if relations
                        .referrers
                        .get(ty)
                        .is_none_or(|r| !r.contains_key(attribute))
                    {
                        let referrers = relations.referrers_of(relation);
                        relations
                            .referrers
                            .entry(ty.clone())
                            .or_default()
                            .insert(attribute.clone(), referrers);
                    }
                }
            }
        }
        relations
    }

    /// True when no rule has a relation: the scan needs none of this.
    pub fn needed(rules: &[Rule]) -> bool {
        rules.iter().flat_map(relations_of).next().is_some()
    }

    fn of_type<'s>(&'s self, resource_type: &'s str) -> impl Iterator<Item = usize> + 's {
        self.resources
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.kind == BlockKind::Managed && r.resource_type == resource_type)
            .map(|(at, _)| at)
    }

    fn referrers_of(&self, relation: &Relation) -> Referrers {
        let mut referrers = Referrers::default();
        for at in self.of_type(&relation.resource_type) {
            let resource = self.resources[at];
            let module = module_of(resource);
            let module = module.as_ref();
            for node in relation.attribute.resolve(&resource.body).values {
                let through = attribute_name(&relation.attribute);
                let referents = self
                    .calls
                    .referents(&node.value, module, Some(resource), through);
                for referent in referents {
                    match referent {
                        // What it names may be a resource of the module the unknown value is
                        // written in (a caller's, when it came through a module variable), and
                        // of its own.
                        Referent::Undecided {
                            module: written_in,
                            reason,
                        } => {
                            for module in [written_in.as_str(), module] {
                                let undecided = referrers.undecided.entry(module.to_string());
                                let undecided = undecided.or_default();
                                if !undecided.iter().any(|(b, r)| *b == at && *r == reason) {
                                    undecided.push((at, reason.clone()));
                                }
                            }
                        }
                        Referent::Name(name) => {
                            referrers
                                .by_name_in
                                .entry(module.to_string())
                                .or_default()
                                .push((at, name.clone()));
                            referrers.by_name.entry(name).or_default().push(at);
                        }
                        // A resource that is not among those scanned has nothing to judge.
                        resource => {
                            if let Some(&target) = self.by_address.get(&resource) {
                                referrers.by_resource.entry(target).or_default().push(at);
                            }
                        }
                    }
                }
            }
        }
        referrers
    }

    fn named_of(&self, relation: &Relation) -> HashMap<String, Vec<usize>> {
        let mut named: HashMap<String, Vec<usize>> = HashMap::new();
        for at in self.of_type(&relation.resource_type) {
            for name in names(self.resources[at], &relation.identified_by).known {
                named.entry(name).or_default().push(at);
            }
        }
        named
    }

    /// The result of a relation on one resource.
    /// `at` is the resource's index among the scanned ones.
    pub fn judge(
        &self,
        assertion: &Arc<Assertion>,
        relation: &Relation,
        resource: &Resource,
        at: usize,
    ) -> AssertionResult {
        let judged = match relation.kind {
            RelationKind::RefersTo => self.refers_to(relation, resource),
            _ => self.referenced_by(relation, resource, at),
        };
        AssertionResult {
            assertion: assertion.clone(),
            verdict: judged.verdict,
            is_filter: false,
            span: judged.span.unwrap_or(resource.span),
            path: None,
            // Kept for a pass too: which resource satisfied the relation is what a report
            // shows of it, and there is no value of the resource's own to read again.
            found: Some(Box::new(Found {
                actual: judged.actual,
                detail: judged.detail,
                provenance: None,
                plain: usize::MAX,
            })),
        }
    }

    /// `referenced_by` and `not_referenced_by`: the resources of the other type that refer to
    /// this one, and those that might.
    fn referenced_by(&self, relation: &Relation, resource: &Resource, at: usize) -> Judged {
        let referrers = self
            .referrers
            .get(&relation.resource_type)
            .and_then(|r| r.get(&relation.attribute.text));
        let Some(referrers) = referrers else {
            return Judged::unknown(format!(
                "the {} that refer to it were not gathered",
                relation.resource_type
            ));
        };
        let module = module_of(resource);
        let module = module.as_ref();
        let mut linked: Vec<usize> = referrers.by_resource.get(&at).cloned().unwrap_or_default();
        let names = names(resource, &relation.identified_by);
        for name in &names.known {
            linked.extend(referrers.by_name.get(name).into_iter().flatten());
        }
        linked.sort_unstable();
        linked.dedup();
        let through = format!("through `{}`", relation.attribute);
        let judged: Vec<(usize, Verdict, String)> = linked
            .iter()
            .map(|&at| {
                let (verdict, words) = self.conditions(relation, at);
                (at, verdict, words)
            })
            .collect();
        let addresses = |wanted: &dyn Fn(Verdict) -> bool| -> Option<Value> {
            let found: Vec<Node> = judged
                .iter()
                .filter(|(_, v, _)| wanted(*v))
                .map(|(at, _, _)| Node::bare(Value::String(self.resources[*at].address.clone())))
                .collect();
            (!found.is_empty()).then_some(Value::List(found))
        };
        let ty = &relation.resource_type;
        let passing = judged.iter().find(|(_, v, _)| *v == Verdict::Pass);
        // Most buckets have their companion: nothing else need be put in words for them.
        if relation.kind == RelationKind::ReferencedBy && passing.is_some() {
            return Judged {
                verdict: Verdict::Pass,
                detail: String::new(),
                actual: addresses(&|v| v == Verdict::Pass),
                span: None,
            };
        }
        // Who might refer to it: what cannot be followed in its module, a name compared with a
        // name that is not known, and the modules it is passed to that the scan does not hold.
        let mut maybe: Vec<String> = Vec::new();
        for (at, reason) in referrers.undecided.get(module).into_iter().flatten() {
            if !linked.contains(at) {
                maybe.push(format!(
                    "whether {} refers to it is unknown: {reason}",
                    self.place(*at)
                ));
            }
        }
        if let Some(why) = &names.unknown {
            for (at, name) in referrers.by_name_in.get(module).into_iter().flatten() {
                if !linked.contains(at) {
                    maybe.push(format!(
                        "whether {} refers to it is unknown: it names {}, and {why}",
                        self.place(*at),
                        Value::String(name.clone())
                    ));
                }
            }
        }
        maybe.extend(
            self.passed_to_unread
                .get(&at)
                .into_iter()
                .flatten()
                .cloned(),
        );
        maybe.sort();
        maybe.dedup();

        let undecided_conditions: Vec<String> = judged
            .iter()
            .filter(|(_, v, _)| *v == Verdict::Unknown)
            .map(|(at, _, words)| format!("{} refers to it, but {words}", self.place(*at)))
            .collect();
        let failing: Vec<String> = judged
            .iter()
            .filter(|(_, v, _)| *v == Verdict::Fail)
            .map(|(at, _, words)| format!("{} refers to it, but {words}", self.place(*at)))
            .collect();
        let mut unknowns = undecided_conditions;
        unknowns.extend(maybe);
        match relation.kind {
            RelationKind::ReferencedBy => match passing {
                // A pass's words are its expectation (`AssertionResult::full_message`); which
                // resource satisfied it is its actual value.
                Some(_) => Judged {
                    verdict: Verdict::Pass,
                    detail: String::new(),
                    actual: addresses(&|v| v == Verdict::Pass),
                    span: None,
                },
                None if !unknowns.is_empty() => Judged {
                    verdict: Verdict::Unknown,
                    detail: unknowns.join("; "),
                    actual: addresses(&|_| true),
                    span: None,
                },
                None if !failing.is_empty() => Judged {
                    verdict: Verdict::Fail,
                    detail: failing.join("; "),
                    actual: addresses(&|_| true),
                    span: None,
                },
                None => Judged {
                    verdict: Verdict::Fail,
                    detail: format!("no {ty} refers to it {through}"),
                    actual: None,
                    span: None,
                },
            },
            _ => match passing {
                Some((at, _, words)) => Judged {
                    verdict: Verdict::Fail,
                    detail: format!("{} refers to it {through}{words}", self.place(*at)),
                    actual: addresses(&|v| v == Verdict::Pass),
                    span: None,
                },
                None if !unknowns.is_empty() => Judged {
                    verdict: Verdict::Unknown,
                    detail: unknowns.join("; "),
                    actual: addresses(&|_| true),
                    span: None,
                },
                None => Judged {
                    verdict: Verdict::Pass,
                    detail: if linked.is_empty() {
                        format!("no {ty} refers to it {through}")
                    } else {
                        format!(
                            "every {ty} that refers to it {through} differs: {}",
                            failing.join("; ")
                        )
                    },
                    actual: addresses(&|_| true),
                    span: None,
                },
            },
        }
    }

    /// `refers_to`: the resources of the other type this one's attribute refers to.
    fn refers_to(&self, relation: &Relation, resource: &Resource) -> Judged {
        let ty = &relation.resource_type;
        let module = module_of(resource);
        let module = module.as_ref();
        let named = self
            .named
            .get(ty)
            .and_then(|n| n.get(&keys_text(&relation.identified_by)));
        let resolution = relation.attribute.resolve(&resource.body);
        let span = resolution.values.first().map(|n| n.span);
        let mut referred: Vec<usize> = Vec::new();
        let mut unknowns: Vec<String> = Vec::new();
        for node in &resolution.values {
            let referents = self
                .calls
                .referents(&node.value, module, Some(resource), None);
            for referent in referents {
                match &referent {
                    Referent::Resource { resource_type, .. } if resource_type == ty => {
                        match self.by_address.get(&referent) {
                            Some(&at) => referred.push(at),
                            None => unknowns.push(format!(
                                "{} refers to {}, which is not among the scanned resources",
                                relation.attribute,
                                address_of(&referent)
                            )),
                        }
                    }
                    Referent::Resource { .. } => {}
                    Referent::Name(name) => match named.and_then(|n| n.get(name)) {
                        Some(found) => referred.extend(found),
                        None => unknowns.push(format!(
                            "{} holds {}, which names no {ty} in the scanned files",
                            relation.attribute,
                            Value::String(name.clone())
                        )),
                    },
                    Referent::Undecided { reason, .. } => unknowns.push(format!(
                        "what {} refers to is unknown: {reason}",
                        relation.attribute
                    )),
                }
            }
        }
        referred.sort_unstable();
        referred.dedup();
        let judged: Vec<(usize, Verdict, String)> = referred
            .iter()
            .map(|&at| {
                let (verdict, words) = self.conditions(relation, at);
                (at, verdict, words)
            })
            .collect();
        let actual = (!referred.is_empty()).then(|| {
            Value::List(
                referred
                    .iter()
                    .map(|&at| Node::bare(Value::String(self.resources[at].address.clone())))
                    .collect(),
            )
        });
        let of = |verdict: Verdict| -> Vec<String> {
            judged
                .iter()
                .filter(|(_, v, _)| *v == verdict)
                .map(|(at, _, words)| format!("it refers to {}, but {words}", self.place(*at)))
                .collect()
        };
        let (failing, undecided) = (of(Verdict::Fail), of(Verdict::Unknown));
        unknowns.splice(0..0, undecided);
        let (verdict, detail) = if !failing.is_empty() {
            (Verdict::Fail, failing.join("; "))
        } else if !unknowns.is_empty() {
            (Verdict::Unknown, unknowns.join("; "))
        } else if referred.is_empty() {
            (
                Verdict::Pass,
                format!("{} refers to no {ty}", relation.attribute),
            )
        } else {
            let places: Vec<String> = referred.iter().map(|&at| self.place(at)).collect();
            (
                Verdict::Pass,
                format!("{} refers to {}", relation.attribute, places.join(", ")),
            )
        };
        Judged {
            verdict,
            detail,
            actual,
            span,
        }
    }

    /// The relation's assertions on one of the other resources: the verdict, and for a
    /// failure or an unknown what was found, for a pass what passed.
    fn conditions(&self, relation: &Relation, at: usize) -> (Verdict, String) {
        let other = self.resources[at];
        let results: Vec<AssertionResult> = relation
            .assertions
            .iter()
            .map(|a| super::check(a, other, false))
            .collect();
        let verdict = Verdict::all(results.iter().map(|r| r.verdict));
        let words: Vec<String> = results
            .iter()
            .filter(|r| r.verdict == verdict)
            .map(AssertionResult::full_message)
            .collect();
        let words = match verdict {
            Verdict::Pass if words.is_empty() => String::new(),
            Verdict::Pass => format!(", and {}", words.join(", ")),
            _ => words.join("; "),
        };
        (verdict, words)
    }

    /// `aws_s3_bucket_public_access_block.this (main.tf:12)`, and whether the scan did not
    /// target its file.
    fn place(&self, at: usize) -> String {
        let other = self.resources[at];
        let mut out = format!("{} ({}:{}", other.address, other.file, other.span.line);
        if at >= self.scanned {
            out.push_str(", a file not targeted");
        }
        out.push(')');
        out
    }
}

/// What a relation found on one resource.
struct Judged {
    verdict: Verdict,
    detail: String,
    /// The other resources it found, by address.
    actual: Option<Value>,
    /// Where a report should point, when not at the block.
    span: Option<crate::value::Span>,
}

impl Judged {
    fn unknown(detail: String) -> Judged {
        Judged {
            verdict: Verdict::Unknown,
            detail,
            actual: None,
            span: None,
        }
    }
}

/// The relations among a rule's assertions.
fn relations_of(rule: &Rule) -> impl Iterator<Item = &Relation> {
    rule.assertions.iter().filter_map(|a| a.relation.as_deref())
}

/// The attribute a key names when it is one plain name (`bucket`).
fn attribute_name(key: &Key) -> Option<&str> {
    match key.segments.as_slice() {
        [crate::rules::Segment::Name(name)] => Some(name),
        _ => None,
    }
}

fn keys_text(keys: &[Key]) -> String {
    keys.iter()
        .map(|key| key.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The known names of a resource through its identifying attributes, and why one is not known.
fn names(resource: &Resource, identified_by: &[Key]) -> Names {
    let mut names = Names::default();
    for key in identified_by {
        for node in key.resolve(&resource.body).values {
            match &node.value {
                Value::String(name) => names.known.push(name.clone()),
                Value::Unknown(unknown) if !unknown.candidates.is_empty() => {
                    for candidate in &unknown.candidates {
                        match candidate {
                            Value::String(name) => names.known.push(name.clone()),
                            _ => {
                                names.unknown.get_or_insert_with(|| {
                                    format!("its {key} depends on {}", unknown.reason)
                                });
                            }
                        }
                    }
                }
                // A reference to another resource is that resource's identifier, not a name
                // that a literal could spell.
                Value::Unknown(unknown) if unknown.identifier => {}
                Value::Unknown(unknown) => {
                    names
                        .unknown
                        .get_or_insert_with(|| format!("its {key} depends on {}", unknown.reason));
                }
                _ => {}
            }
        }
    }
    names
}

fn address_of(referent: &Referent) -> String {
    match referent {
        Referent::Resource {
            resource_type,
            name,
            ..
        } => format!("{resource_type}.{name}"),
        Referent::Name(name) => name.clone(),
        Referent::Undecided { reason, .. } => reason.clone(),
    }
}
