//! Rules x resources -> findings (RULES.md §5), in a deterministic order: by rule, then by
//! resource in file and source order.

use crate::gate::Gate;
use crate::report::{AssertionResult, Finding, Found, Outcome, Report, ResourceRef};
use crate::rules::{Assertion, Rule, TypeSelector, Verdict, verdict_on};
use crate::terraform::{BlockKind, Resource, Terraform};
use crate::value::{Node, Value};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

pub fn scan(rules: Vec<Rule>, terraform: Terraform) -> Report {
    let index = TypeIndex::new(&terraform.resources);
    // One reference per resource, shared by all its findings.
    let refs: Vec<Arc<ResourceRef>> = terraform
        .resources
        .iter()
        .map(|r| Arc::new(reference(r)))
        .collect();
    // Reserved once, at the most the rules can find: one finding per candidate (filters only
    // take some away) or one for a rule that applies to nothing. Growing the vector would hold
    // hundreds of thousands of findings twice while they are copied.
    let most: usize = rules.iter().map(|r| index.count(r).max(1)).sum();
    let mut findings = Vec::with_capacity(most);
    // Rules are independent: a window of them is evaluated in parallel, then appended in rule
    // order, so the report is the same whatever the number of threads, and only a window's
    // findings are held twice.
    const WINDOW: usize = 64;
    for (start, window) in rules.chunks(WINDOW).enumerate() {
        let per_rule: Vec<Vec<Finding>> = window
            .par_iter()
            .enumerate()
            .map(|(i, rule)| findings_of_rule(start * WINDOW + i, rule, &terraform, &index, &refs))
            .collect();
        for rule_findings in per_rule {
            findings.extend(rule_findings);
        }
    }
    Report {
        gate: Gate::default(),
        rules,
        findings,
        errors: terraform.errors,
        files: terraform.files,
        resources: terraform.resources.len(),
        model: Arc::new(terraform.resources),
    }
}

fn findings_of_rule(
    index: usize,
    rule: &Rule,
    terraform: &Terraform,
    by_type: &TypeIndex,
    refs: &[Arc<ResourceRef>],
) -> Vec<Finding> {
    let candidates = by_type.candidates(rule);
    let mut findings: Vec<Finding> = candidates
        .iter()
        .filter_map(|&i| evaluate(index, rule, &terraform.resources[i], i, &refs[i]))
        .collect();
    if findings.is_empty() {
        findings.push(skipped(index, rule, !candidates.is_empty()));
    }
    findings
}

/// Resources by kind and type, so a rule visits only the resources it can select.
struct TypeIndex {
    by_type: HashMap<(BlockKind, String), Vec<usize>>,
    managed: Vec<usize>,
}

impl TypeIndex {
    fn new(resources: &[Resource]) -> TypeIndex {
        let mut by_type: HashMap<(BlockKind, String), Vec<usize>> = HashMap::new();
        let mut managed = Vec::new();
        for (i, r) in resources.iter().enumerate() {
            by_type
                .entry((r.kind, r.resource_type.clone()))
                .or_default()
                .push(i);
            if r.kind == BlockKind::Managed {
                managed.push(i);
            }
        }
        TypeIndex { by_type, managed }
    }

    /// How many resources the rule's types can select, at most (a resource two of its types
    /// select counts twice).
    fn count(&self, rule: &Rule) -> usize {
        rule.resource_types
            .iter()
            .map(|selector| self.of(selector).len())
            .sum()
    }

    /// The resources one selector selects, in source order.
    fn of(&self, selector: &TypeSelector) -> &[usize] {
        let key = match selector {
            TypeSelector::AnyManaged => return &self.managed,
            TypeSelector::Managed(t) => (BlockKind::Managed, t.clone()),
            TypeSelector::Data(t) => (BlockKind::Data, t.clone()),
            TypeSelector::Module => (BlockKind::Module, "module".to_string()),
            TypeSelector::Provider(p) => (BlockKind::Provider, p.clone()),
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
fn evaluate(
    index: usize,
    rule: &Rule,
    resource: &Resource,
    at: usize,
    reference: &Arc<ResourceRef>,
) -> Option<Finding> {
    let mut results = Vec::new();
    for filter in &rule.filters {
        match check(filter, resource, true) {
            result if result.verdict == Verdict::Fail => return None,
            result if result.verdict == Verdict::Unknown => results.push(result),
            _ => {}
        }
    }
    results.extend(rule.assertions.iter().map(|a| check(a, resource, false)));
    let outcome = if results.iter().any(|r| r.verdict == Verdict::Fail) {
        Outcome::Fail
    } else if results.iter().any(|r| r.verdict == Verdict::Unknown) {
        Outcome::Unknown
    } else {
        Outcome::Pass
    };
    Some(Finding {
        rule: index,
        resource: Some(reference.clone()),
        resource_index: Some(at),
        outcome,
        note: summary(outcome, &results),
        assertions: results,
        suppression: None,
    })
}

fn check(assertion: &Arc<Assertion>, resource: &Resource, is_filter: bool) -> AssertionResult {
    let resolution = assertion.key.resolve(&resource.body);
    let values = &resolution.values;
    let expected = assertion.expected.as_ref();
    // Filters apply when any value matches; assertions need every value to pass.
    let verdict = verdict_on(&assertion.operator, expected, values, is_filter);
    // The value that decided the verdict; a key that reached one value needs no second test.
    let decisive = match values.as_slice() {
        [one] => Some(one),
        _ => values
            .iter()
            .find(|n| assertion.operator.test(expected, &n.value) == verdict)
            .or(values.first()),
    };
    // A pass keeps no copy; `Report::actual` reads it again when a report needs it.
    let found = (verdict != Verdict::Pass).then(|| {
        Box::new(Found {
            actual: actual(values),
            detail: detail(assertion, values, verdict, is_filter),
        })
    });
    AssertionResult {
        assertion: assertion.clone(),
        verdict,
        is_filter,
        span: decisive.map_or(resolution.nearest.span, |n| n.span),
        found,
    }
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
fn detail(assertion: &Assertion, values: &[&Node], verdict: Verdict, is_filter: bool) -> String {
    let key = &assertion.key;
    let expectation = &assertion.expectation;
    let prefix = if is_filter { "filter: " } else { "" };
    if values.is_empty() {
        return format!("{prefix}{key} is not set (expected {expectation})");
    }
    if verdict == Verdict::Unknown {
        let mut reasons: Vec<&str> = Vec::new();
        for node in values {
            if let Some(u) = node.value.first_unknown()
                && !reasons.contains(&u.reason.as_str())
            {
                reasons.push(&u.reason);
            }
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
fn summary(outcome: Outcome, results: &[AssertionResult]) -> Option<Box<str>> {
    let pick = |verdict: Verdict| -> Vec<String> {
        results
            .iter()
            .filter(|r| r.verdict == verdict)
            .map(AssertionResult::full_message)
            .collect()
    };
    match outcome {
        Outcome::Fail => Some(pick(Verdict::Fail).join("; ").into()),
        Outcome::Unknown => Some(pick(Verdict::Unknown).join("; ").into()),
        _ => None,
    }
}

/// The finding of a rule that applied to nothing; `selected` when its types matched resources
/// that its filters then excluded.
fn skipped(index: usize, rule: &Rule, selected: bool) -> Finding {
    let types: Vec<String> = rule.resource_types.iter().map(|t| t.to_string()).collect();
    let message = if selected {
        format!(
            "no {} resource matched the rule's filters",
            types.join(" | ")
        )
    } else {
        format!("no {} resource in the scanned files", types.join(" | "))
    };
    Finding {
        rule: index,
        resource: None,
        resource_index: None,
        outcome: Outcome::Skipped,
        note: Some(message.into()),
        assertions: Vec::new(),
        suppression: None,
    }
}

fn reference(resource: &Resource) -> ResourceRef {
    ResourceRef {
        resource_type: resource.resource_type.clone(),
        name: resource.name.clone(),
        address: resource.address.clone(),
        file: resource.file.clone(),
        span: resource.span,
    }
}
