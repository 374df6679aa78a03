//! Rules x resources -> findings (docs/rules.md, "Outcomes"), in a deterministic order: by rule,
//! then by resource in file and source order.

mod references;
mod relations;

use crate::findings::{AssertionResult, Finding, Found, Outcome, Report, ResourceRef};
use crate::rules::{
    Assertion, ElementMatch, Operator, Resolution, Rule, TypeSelector, Verdict, and_list,
    depends_on, differs_by_instance, matching_element, verdict_on_resolution, verdict_where_set,
    why_absent,
};
use crate::terraform::{Absent, BlockKind, Resource, Terraform};
use crate::value::{Node, Value};
use rayon::prelude::*;
use relations::Relations;
use std::collections::HashMap;
use std::sync::Arc;

pub fn scan(rules: Vec<Rule>, terraform: Terraform) -> Report {
    let index = TypeIndex::new(&terraform.resources);
    // One reference per resource, shared by all its findings.
    let refs: Vec<Arc<ResourceRef>> = terraform
        .resources
        .par_iter()
        .map(|r| Arc::new(reference(r)))
        .collect();
    let candidates: Vec<Vec<usize>> = rules.iter().map(|r| index.candidates(r)).collect();
    // Built only when a rule has a relation: most scans need no view of other resources.
    let relations = Relations::needed(&rules)
        .then(|| Relations::new(&rules, &terraform.resources, &terraform.context));
    let findings = evaluate_all(
        &rules,
        &candidates,
        &terraform.resources,
        &refs,
        relations.as_ref(),
        &terraform.absent,
    );
    drop(relations);
    Report {
        rules,
        findings,
        errors: terraform.errors,
        files: terraform.files,
        resources: terraform.resources.len(),
        model: Arc::new(terraform.resources),
        modules: Arc::new(terraform.modules),
        compliance: None,
    }
}

/// Every rule on every resource it selects, in rule order, then resource order.
///
/// Evaluated a slice of resources at a time, every rule on the slice: a resource is read by
/// every rule that selects it while it is still in the core's cache, where visiting all
/// resources rule after rule would fetch the whole model from memory again for every rule.
/// The findings are written straight into one vector and sorted into rule order there, so
/// they are never held twice, and the report is the same whatever the number of threads.
fn evaluate_all(
    rules: &[Rule],
    candidates: &[Vec<usize>],
    resources: &[Resource],
    refs: &[Arc<ResourceRef>],
    relations: Option<&Relations>,
    absent: &[Absent],
) -> Vec<Finding> {
    let pairs = slice_by_slice(candidates, resources.len());
    // Room for a skipped finding per rule too, so that adding them does not copy the rest.
    let mut evaluated = Vec::with_capacity(pairs.len() + rules.len());
    pairs
        .par_iter()
        .map(|&(rule, at)| {
            let (rule, at) = (rule as usize, at as usize);
            evaluate(rule, &rules[rule], &resources[at], at, &refs[at], relations)
        })
        .collect_into_vec(&mut evaluated);
    // `filter_map` collects in place (an `Option<Finding>` is a `Finding`'s size), where
    // `flatten` would allocate a second vector.
    #[allow(clippy::filter_map_identity)]
    let mut findings: Vec<Finding> = evaluated.into_iter().filter_map(|f| f).collect();
    let mut found = vec![false; rules.len()];
    for finding in &findings {
        found[finding.rule] = true;
    }
    for (at, rule) in rules.iter().enumerate().filter(|(at, _)| !found[*at]) {
        findings.push(skipped(at, rule, !candidates[at].is_empty(), absent));
    }
    // A rule finds a resource at most once, and its skipped finding has no resource: the keys
    // are unique, so the unstable sort is deterministic.
    findings.par_sort_unstable_by_key(|f| (f.rule, f.resource_index));
    findings
}

/// Every (rule, resource) pair to evaluate, a slice of resources at a time: within a slice,
/// rule by rule, and each rule's resources in order. Held as `u32`s: there is a pair for
/// every finding, and the pairs are alive while the findings are made.
fn slice_by_slice(candidates: &[Vec<usize>], resources: usize) -> Vec<(u32, u32)> {
    /// Resources per slice: the bodies of this many resources fit in a core's L2 cache.
    const SLICE: usize = 128;
    let mut pairs = Vec::with_capacity(candidates.iter().map(Vec::len).sum());
    for start in (0..resources).step_by(SLICE) {
        let range = start..(start + SLICE).min(resources);
        for (rule, selected) in candidates.iter().enumerate() {
            pairs.extend(
                within(selected, &range)
                    .iter()
                    .map(|&at| (rule as u32, at as u32)),
            );
        }
    }
    pairs
}

/// The part of a sorted list of resource indexes that falls in `range`.
fn within<'a>(selected: &'a [usize], range: &std::ops::Range<usize>) -> &'a [usize] {
    let start = selected.partition_point(|&i| i < range.start);
    let end = selected.partition_point(|&i| i < range.end);
    &selected[start..end]
}

/// Resources by kind and type, so a rule visits only the resources it can select.
/// Keyed by the resources' own type names, borrowed: a monorepo has tens of thousands of them.
struct TypeIndex<'r> {
    by_type: HashMap<(BlockKind, &'r str), Vec<usize>>,
    managed: Vec<usize>,
}

impl<'r> TypeIndex<'r> {
    fn new(resources: &'r [Resource]) -> TypeIndex<'r> {
        let mut by_type: HashMap<(BlockKind, &str), Vec<usize>> = HashMap::new();
        let mut managed = Vec::new();
        for (i, r) in resources.iter().enumerate() {
            by_type
                .entry((r.kind, r.resource_type.as_str()))
                .or_default()
                .push(i);
            if r.kind == BlockKind::Managed {
                managed.push(i);
            }
        }
        TypeIndex { by_type, managed }
    }

    /// The resources one selector selects, in source order.
    fn of<'s>(&'s self, selector: &'s TypeSelector) -> &'s [usize] {
        let key = match selector {
            TypeSelector::AnyManaged => return &self.managed,
            TypeSelector::Managed(t) => (BlockKind::Managed, t.as_str()),
            TypeSelector::Data(t) => (BlockKind::Data, t.as_str()),
            TypeSelector::Module => (BlockKind::Module, "module"),
            TypeSelector::Provider(p) => (BlockKind::Provider, p.as_str()),
        };
        self.by_type.get(&key).map_or(&[], Vec::as_slice)
    }

    /// Indexes of the resources the rule's types can select, in source order.
    fn candidates(&self, rule: &Rule) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for selector in &rule.resource_types {
            out.extend(self.of(selector));
        }
        if rule.resource_types.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
        out
    }
}

/// The finding of one rule on one resource, or `None` when a filter excludes the resource.
///
/// A rule whose assertions all pass passes, even where a filter could not be decided: it cannot
/// fail either way. A failing assertion fails the rule only when every filter was decided;
/// otherwise whether the rule applies is unknown, and so is the outcome (docs/rules.md,
/// "Outcomes").
fn evaluate(
    index: usize,
    rule: &Rule,
    resource: &Resource,
    at: usize,
    reference: &Arc<ResourceRef>,
    relations: Option<&Relations>,
) -> Option<Finding> {
    let mut undecided_filters = Vec::new();
    for filter in &rule.filters {
        match check(filter, resource, true) {
            result if result.verdict == Verdict::Fail => return None,
            result if result.verdict == Verdict::Unknown => undecided_filters.push(result),
            _ => {}
        }
    }
    let assertions: Vec<AssertionResult> = rule
        .assertions
        .iter()
        .map(|a| match (&a.relation, relations) {
            (Some(relation), Some(relations)) => relations.judge(a, relation, resource, at),
            _ => check(a, resource, false),
        })
        .collect();
    let mut assertions = assertions;
    if rule.is_sensitive() {
        assertions.iter_mut().for_each(withhold_value);
        undecided_filters.iter_mut().for_each(withhold_value);
    }
    let verdict = Verdict::all(assertions.iter().map(|r| r.verdict));
    let (outcome, results) = match verdict {
        // Whether the rule applies does not matter: the undecided filters are left out.
        Verdict::Pass => (Outcome::Pass, assertions),
        Verdict::Fail if undecided_filters.is_empty() => (Outcome::Fail, assertions),
        _ => {
            undecided_filters.extend(assertions);
            (Outcome::Unknown, undecided_filters)
        }
    };
    // An instance that may not exist (its call's `count` cannot be known) neither passes nor
    // fails: what it would give is said after why it may not exist.
    let (outcome, note) = match resource.instance.as_ref().and_then(|i| i.unsure.as_ref()) {
        Some(unsure) if outcome != Outcome::Unknown => {
            let would = match summary(outcome, &results) {
                Some(note) => format!("would fail if it exists: {note}"),
                None => "would pass if it exists".to_string(),
            };
            (Outcome::Unknown, Some(format!("{unsure}; {would}").into()))
        }
        _ => (outcome, summary(outcome, &results)),
    };
    Some(Finding {
        rule: index,
        resource: Some(reference.clone()),
        resource_index: Some(at),
        outcome,
        note: from_origin(note, resource),
        assertions: results,
        suppression: None,
        in_scope: None,
        in_scope_because: None,
    })
}

fn check(assertion: &Arc<Assertion>, resource: &Resource, is_filter: bool) -> AssertionResult {
    let resolution = assertion.key.resolve(&resource.body);
    let values = &resolution.values;
    let expected = assertion.expected.as_ref();
    // Filters apply when any value matches; assertions need every value to pass. A value that
    // may be absent is never read as present.
    let verdict = verdict_on_resolution(&assertion.operator, expected, &resolution, is_filter);
    // A block that does not set what its siblings set (a sidecar container without the
    // setting) has it unset: the assertion holds only if an unset value passes too.
    let verdict = if resolution.partly_unset && !is_filter {
        Verdict::all([verdict, assertion.operator.on_missing(expected)])
    } else {
        verdict
    };
    // The value that decided the verdict; a key that reached one value needs no second test.
    let decisive = match values.as_slice() {
        [one] => Some(one),
        _ => values
            .iter()
            .find(|n| assertion.operator.test(expected, &n.value) == verdict)
            .or(values.first()),
    };
    // A failure about one element of a list of blocks (an ingress rule, a statement, a
    // container) is about that element: it points at the element's decisive line and says
    // what the element sets.
    let element = match (&assertion.operator, verdict) {
        (Operator::NoneMatch(patterns), Verdict::Fail) => {
            decisive.and_then(|n| matching_element(n, patterns))
        }
        _ => None,
    };
    let list = decisive.copied();
    let decisive = element.as_ref().map(ElementMatch::decisive).or(list);
    // A pass keeps no copy; `Report::actual` reads it again when a report needs it.
    let found = (verdict != Verdict::Pass).then(|| {
        // An element set elsewhere (a variable's default) is found where its list was set.
        let provenance = [decisive, element.as_ref().map(|e| e.element), list]
            .into_iter()
            .flatten()
            .find_map(|n| resource.provenance_at(n.span))
            .cloned();
        let mut detail = match &element {
            Some(element) => element_detail(assertion, element, is_filter),
            None => detail(assertion, &resolution, verdict, is_filter),
        };
        let plain = detail.len();
        if let Some(p) = &provenance {
            detail.push_str(&format!(", from {}, {}", p.reference, p.origin));
        }
        Box::new(Found {
            actual: actual(values),
            detail,
            provenance,
            plain,
        })
    });
    AssertionResult {
        assertion: assertion.clone(),
        verdict,
        is_filter,
        span: decisive.map_or(resolution.nearest.span, |n| n.span),
        path: found.is_none().then_some(resolution.path).flatten(),
        found,
    }
}

/// A finding of a rule that looks for secrets says where and what was expected, never the
/// value: a report is read by more people than the code, and a pull request's comment is
/// public.
fn withhold_value(result: &mut AssertionResult) {
    if let Some(found) = result.found.as_mut() {
        let assertion = &result.assertion;
        found.actual = None;
        found.detail = format!(
            "{}: expected {}; the value found is not repeated here, as it may be a secret",
            assertion.key, assertion.expectation
        );
        found.plain = found.detail.len();
        found.provenance = None;
    }
}

/// What the element a `none_match` pattern matched sets, in words: `ingress block 2, at line
/// 9, sets protocol = "tcp", from_port = 22, to_port = 22 and cidr_blocks = ["0.0.0.0/0"]`.
fn element_detail(assertion: &Assertion, element: &ElementMatch, is_filter: bool) -> String {
    let prefix = if is_filter { "filter: " } else { "" };
    let key = &assertion.key;
    let what = match &element.element.value {
        Value::Map(_) => "block",
        _ => "element",
    };
    let line = element.element.span.line;
    let at = if line > 0 {
        format!(", at line {line},")
    } else {
        String::new()
    };
    let ordinal = element.position + 1;
    let fields: Vec<String> = element
        .fields
        .iter()
        .map(|(name, node)| format!("{name} = {}", shorten(&node.value.to_string())))
        .collect();
    if fields.is_empty() {
        let value = shorten(&element.element.value.to_string());
        return format!("{prefix}{key} {what} {ordinal}{at} is {value}");
    }
    format!(
        "{prefix}{key} {what} {ordinal}{at} sets {}",
        and_list(&fields)
    )
}

/// What a key resolved to, as one value: `None` for nothing, a list for several.
fn actual(values: &[&Node]) -> Option<Value> {
    match values {
        [] => None,
        [one] => Some(one.value.clone()),
        many => Some(Value::List(many.iter().map(|n| (*n).clone()).collect())),
    }
}

/// What was expected and what was found, in words a user can act on.
fn detail(
    assertion: &Assertion,
    resolution: &Resolution,
    verdict: Verdict,
    is_filter: bool,
) -> String {
    let values = resolution.values.as_slice();
    let key = &assertion.key;
    let expectation = &assertion.expectation;
    let prefix = if is_filter { "filter: " } else { "" };
    if verdict == Verdict::Unknown
        && let Some(text) = maybe_absent(assertion, resolution, is_filter)
    {
        return format!("{prefix}{text}");
    }
    if values.is_empty() {
        return format!("{prefix}{key} is not set (expected {expectation})");
    }
    let expected = assertion.expected.as_ref();
    if verdict == Verdict::Fail
        && resolution.partly_unset
        && values
            .iter()
            .all(|n| assertion.operator.test(expected, &n.value) == Verdict::Pass)
    {
        return format!(
            "{prefix}{key} is not set in every block that could set it (expected {expectation} in each)"
        );
    }
    if verdict == Verdict::Unknown {
        let mut reasons: Vec<&str> = differs_by_instance(resolution);
        for node in values {
            if let Some(u) = node.value.first_unknown()
                && !reasons.contains(&u.reason.as_str())
            {
                reasons.push(&u.reason);
            }
        }
        if reasons.is_empty() && assertion.operator.pattern().is_some() {
            return format!(
                "{prefix}{key}: {} on its value (expected {expectation})",
                crate::rules::GaveUp
            );
        }
        let depends = if reasons.is_empty() {
            "values that cannot be known before `terraform plan`".to_string()
        } else {
            reasons.join("; ")
        };
        return format!("{prefix}{key} depends on {depends} (expected {expectation})");
    }
    if let Some(excerpt) = offending_excerpt(assertion, values) {
        return format!("{prefix}{key}: expected {expectation}, found it in …{excerpt}…");
    }
    let found = match values {
        [one] => one.value.to_string(),
        many => format!(
            "[{}]",
            many.iter()
                .map(|n| n.value.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!(
        "{prefix}{key}: expected {expectation}, found {}",
        shorten(&found)
    )
}

/// Why the values a key reached may not be there, when that is what left the verdict unknown:
/// `dead_letter_config may be absent: dead_letter_config is a dynamic block whose for_each
/// depends on var.dlq, which has no value (expected to be set)`, and what fails where they are
/// set. When the values would leave it unknown even where they are set (`equals` on a variable
/// with no value), what they depend on is the reason, and `None`.
fn maybe_absent(assertion: &Assertion, resolution: &Resolution, is_filter: bool) -> Option<String> {
    let why = why_absent(resolution);
    if why.is_empty() {
        return None;
    }
    let values = resolution.values.as_slice();
    let expected = assertion.expected.as_ref();
    let where_set = verdict_where_set(&assertion.operator, expected, values, is_filter);
    if where_set == Verdict::Unknown && resolution.undecided.is_none() {
        return None;
    }
    let key = &assertion.key;
    let expectation = &assertion.expectation;
    let mut text = format!("{key} may be absent: {}", why.join("; "));
    // What the reasons for absence already say is not said twice.
    let depends: Vec<&str> = depends_on(values)
        .into_iter()
        .filter(|reason| !why.iter().any(|w| w.contains(reason)))
        .collect();
    if !depends.is_empty() {
        text.push_str(&format!("; it depends on {}", depends.join("; ")));
    }
    if where_set == Verdict::Fail && !values.is_empty() {
        let found: Vec<String> = values.iter().map(|n| set_value(&n.value)).collect();
        let found = match found.as_slice() {
            [one] => one.clone(),
            many => format!("[{}]", many.join(", ")),
        };
        return Some(format!(
            "{text}; where it is set: expected {expectation}, found {}",
            shorten(&found)
        ));
    }
    Some(format!("{text} (expected {expectation})"))
}

/// A value as it is when it is set: what a value that may be absent is when it is there, and
/// a list of blocks with the blocks of its dynamic blocks.
fn set_value(value: &Value) -> String {
    let present = |node: &Node| match &node.value {
        Value::Unknown(unknown) => unknown.absent.as_ref().map(|a| a.present.value.clone()),
        _ => None,
    };
    match value {
        Value::Unknown(unknown) => match &unknown.absent {
            Some(absence) => absence.present.value.to_string(),
            None => value.to_string(),
        },
        Value::List(items) => {
            let items = items.iter().flat_map(|item| match present(item) {
                Some(Value::List(blocks)) => blocks,
                _ => vec![item.clone()],
            });
            Value::List(items.collect()).to_string()
        }
        other => other.to_string(),
    }
}

/// For `not_contains` on text, the words around the offending part are what a user needs to see.
fn offending_excerpt(assertion: &Assertion, values: &[&Node]) -> Option<String> {
    let Some(Value::String(needle)) = assertion.expected.as_ref() else {
        return None;
    };
    if assertion.operator.name() != "not_contains" {
        return None;
    }
    values.iter().find_map(|node| {
        let text = match &node.value {
            Value::String(s) => s.clone(),
            Value::Unknown(u) => u.as_text(),
            _ => return None,
        };
        let at = text.find(needle.as_str())?;
        let start = text[..at]
            .char_indices()
            .rev()
            .nth(30)
            .map_or(0, |(i, _)| i);
        let end = text[at + needle.len()..]
            .char_indices()
            .nth(30)
            .map_or(text.len(), |(i, _)| at + needle.len() + i);
        Some(
            text[start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )
    })
}

/// A whole policy document in a one-line message helps nobody; reports keep the full value.
fn shorten(text: &str) -> String {
    const MAX: usize = 120;
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        return flat;
    }
    let cut: String = flat.chars().take(MAX).collect();
    format!("{cut}…")
}

/// The failures' or unknowns' words; none for a pass (`Finding::message` writes its words).
/// An unknown whose assertions fail says what would fail, and which filter left it undecided.
/// A finding on an instance no source block declares says where it comes from, since the line
/// it points at (the module call) is not its block.
fn from_origin(note: Option<Box<str>>, resource: &Resource) -> Option<Box<str>> {
    match (&resource.origin, note) {
        (Some(origin), Some(note)) => Some(
            format!(
                "{note} ({} in {origin}; no block of the scanned source declares it)",
                resource.address
            )
            .into(),
        ),
        (_, note) => note,
    }
}

fn summary(outcome: Outcome, results: &[AssertionResult]) -> Option<Box<str>> {
    let pick = |verdict: Verdict, filters: bool| -> Vec<String> {
        results
            .iter()
            .filter(|r| r.verdict == verdict && r.is_filter == filters)
            .map(AssertionResult::full_message)
            .collect()
    };
    match outcome {
        Outcome::Fail => Some(pick(Verdict::Fail, false).join("; ").into()),
        Outcome::Unknown => {
            let failing = pick(Verdict::Fail, false);
            let mut undecided = pick(Verdict::Unknown, true);
            undecided.extend(pick(Verdict::Unknown, false));
            if failing.is_empty() {
                return Some(undecided.join("; ").into());
            }
            Some(
                format!(
                    "would fail if the rule applies: {}; whether it applies is unknown: {}",
                    failing.join("; "),
                    undecided.join("; ")
                )
                .into(),
            )
        }
        _ => None,
    }
}

/// The finding of a rule that applied to nothing; `selected` when its types matched resources
/// that its filters then excluded.
/// A block Terraform creates nothing of (`count = 0`) is named with why, so that "no such
/// resource" is not read as "no such block".
fn skipped(index: usize, rule: &Rule, selected: bool, absent: &[Absent]) -> Finding {
    let types: Vec<String> = rule.resource_types.iter().map(|t| t.to_string()).collect();
    let mut message = if selected {
        format!(
            "no {} resource matched the rule's filters",
            types.join(" | ")
        )
    } else {
        format!("no {} resource in the scanned files", types.join(" | "))
    };
    if !selected {
        let named: Vec<String> = absent
            .iter()
            .filter(|a| rule.resource_types.iter().any(|t| selects(t, a)))
            .take(3)
            .map(|a| {
                format!(
                    "{} ({}:{}) has no instance: {}",
                    a.address, a.file, a.line, a.why
                )
            })
            .collect();
        if !named.is_empty() {
            message = format!("{message}; {}", named.join("; "));
        }
    }
    Finding {
        rule: index,
        resource: None,
        resource_index: None,
        outcome: Outcome::Skipped,
        note: Some(message.into()),
        assertions: Vec::new(),
        suppression: None,
        in_scope: None,
        in_scope_because: None,
    }
}

fn selects(selector: &TypeSelector, block: &Absent) -> bool {
    match selector {
        TypeSelector::AnyManaged => block.kind == BlockKind::Managed,
        TypeSelector::Managed(t) => block.kind == BlockKind::Managed && block.resource_type == *t,
        TypeSelector::Data(t) => block.kind == BlockKind::Data && block.resource_type == *t,
        TypeSelector::Module => block.kind == BlockKind::Module,
        TypeSelector::Provider(p) => block.kind == BlockKind::Provider && block.resource_type == *p,
    }
}

fn reference(resource: &Resource) -> ResourceRef {
    ResourceRef {
        resource_type: resource.resource_type.clone(),
        name: resource.name.clone(),
        address: resource.address.clone(),
        file: resource.file.clone(),
        span: resource.span,
        instance: resource.instance.clone(),
    }
}
