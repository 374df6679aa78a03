//! The findings model: what a scan found, rule by rule and resource by resource. The engine
//! produces a `Report`; suppressions mark its findings; the gate and every output format only
//! read it.

pub mod fingerprint;
mod group;
pub use group::{Group, groups};

use crate::date::Date;
use crate::rules::{Assertion, Rule, Severity, ValuePath, Verdict};
use crate::terraform::FileError;
use crate::terraform::{ModuleInstance, Provenance};
use crate::value::{Node, Span, Value};
use std::borrow::Cow;
use std::sync::Arc;

/// The outcome of one rule on one resource (or of a rule that selected nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    Pass,
    Fail,
    Unknown,
    Skipped,
    Suppressed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Unknown => "unknown",
            Outcome::Skipped => "skipped",
            Outcome::Suppressed => "suppressed",
        }
    }
}

/// The resource a result is about, as reports name it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceRef {
    pub resource_type: String,
    pub name: String,
    pub address: String,
    pub file: Arc<str>,
    pub span: Span,
    /// The instance of a called module that declares it; `None` in a root module.
    pub instance: Option<Arc<ModuleInstance>>,
}

impl ResourceRef {
    /// The address within its module (`aws_kms_key.k`), which its block declares.
    pub fn local_address(&self) -> &str {
        crate::terraform::local_address(&self.address, self.instance.as_deref())
    }
}

/// What one assertion (or an undecided filter) found on one resource. A scan passes far more
/// than it fails, so a pass is kept small: the assertion is shared, and only a failing or
/// undecided result keeps what it found.
#[derive(Debug, Clone)]
pub struct AssertionResult {
    /// The rule's assertion or filter (`is_filter`), shared by all its results.
    pub assertion: Arc<Assertion>,
    pub verdict: Verdict,
    /// True for a filter whose match could not be decided.
    pub is_filter: bool,
    /// The decisive value's place, or the nearest enclosing block's when the key is missing.
    pub span: Span,
    /// What a failing or undecided assertion found; `None` for a pass, whose value reports
    /// read again from the resource with `Report::actual`.
    pub found: Option<Box<Found>>,
    /// Where a pass's one value stands in the resource, so `Report::actual` reads it without
    /// resolving the key again.
    pub path: Option<ValuePath>,
}

/// What a failing or undecided assertion found.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// `None` when the key resolved to nothing; a list when it resolved to several values.
    pub actual: Option<Value>,
    /// What was expected and what was found, in words.
    pub detail: String,
    /// Where the decisive value was set, when elsewhere than the resource's block (a
    /// variable's default, a caller's argument, a tfvars file): reports point there too.
    pub provenance: Option<Provenance>,
    /// How much of `detail` comes before the words on where the value was set.
    pub plain: usize,
}

impl Found {
    /// The detail without where the value was set.
    pub fn plain_detail(&self) -> &str {
        self.detail.get(..self.plain).unwrap_or(&self.detail)
    }
}

impl AssertionResult {
    pub fn key(&self) -> &str {
        &self.assertion.key.text
    }

    pub fn operator(&self) -> &'static str {
        self.assertion.operator.name()
    }

    pub fn expected(&self) -> Option<&Value> {
        self.assertion.expected.as_ref()
    }

    /// What was expected and what was found, in words; empty for a pass.
    pub fn detail(&self) -> &str {
        self.found.as_ref().map_or("", |f| f.detail.as_str())
    }

    /// The author's message with the detail after it, or the detail alone. The author's message
    /// describes a failure, so a passing assertion gives the detail alone.
    pub fn full_message(&self) -> String {
        match &self.assertion.message {
            _ if self.verdict == Verdict::Pass => {
                let prefix = if self.is_filter { "filter: " } else { "" };
                format!(
                    "{prefix}{}: passed (expected {})",
                    self.key(),
                    self.assertion.expectation
                )
            }
            Some(m) => format!("{m} ({})", self.detail()),
            None => self.detail().to_string(),
        }
    }
}

/// The message of a finding whose every assertion passed.
pub(crate) fn passed(assertions: usize) -> String {
    format!("{assertions} assertion(s) passed")
}

/// What an assertion's key reached, as `Report::actual` finds it.
pub enum Actual<'a> {
    /// One value or none: the copy a failing or undecided assertion kept, or the value a
    /// pass's path leads to (`None`: the key reached nothing).
    Kept(Option<&'a Value>),
    /// What a passing assertion's key resolves to on the model: one value, several, or none.
    Read(crate::rules::Reach<&'a Node>),
}

#[derive(Debug, Clone)]
pub struct Finding {
    /// Index into `Report::rules`.
    pub rule: usize,
    /// `None` for a skipped rule. Shared by every finding on the resource.
    pub resource: Option<Arc<ResourceRef>>,
    /// Index into `Report::model`, with `resource`.
    pub resource_index: Option<usize>,
    pub outcome: Outcome,
    /// What a failure, an unknown or a skipped rule says; `None` for a pass, whose words
    /// `message` writes when a report asks (a scan passes far more than it fails).
    pub note: Option<Box<str>>,
    pub assertions: Vec<AssertionResult>,
    /// Why the finding is suppressed, when it is.
    pub suppression: Option<Box<Suppression>>,
    /// In a report scoped to a change: whether the change can alter the finding
    /// (docs/usage.md, "What a change puts in scope"); `None` when no change is given.
    pub in_scope: Option<bool>,
    /// In a report scoped to a change: why a finding outside the change's own lines is the
    /// change's (`in scope because variables.tf changed var.region, which it reads`).
    pub in_scope_because: Option<Arc<str>>,
}

impl Finding {
    pub fn message(&self) -> Cow<'_, str> {
        match &self.note {
            Some(note) => Cow::Borrowed(note),
            None => Cow::Owned(passed(self.assertions.len())),
        }
    }

    /// For a suppressed finding: why, then what it found. Otherwise the message.
    pub fn explained(&self) -> String {
        match &self.suppression {
            Some(s) => {
                let why = s.reason.clone().unwrap_or_else(|| "no reason given".into());
                let until = s
                    .expires
                    .map(|d| format!(", until {d}"))
                    .unwrap_or_default();
                format!(
                    "suppressed at {} ({why}{until}): {}",
                    s.location,
                    self.message()
                )
            }
            None => self.message().into_owned(),
        }
    }

    /// The finding's resource and where a report should point in it: the first failing (or
    /// undecided) assertion, else the block. `None` for a skipped rule, which has no resource.
    pub fn location(&self) -> Option<(&ResourceRef, Span)> {
        let resource = self.resource.as_deref()?;
        let decisive = self
            .assertions
            .iter()
            .find(|a| a.verdict == Verdict::Fail)
            .or_else(|| {
                self.assertions
                    .iter()
                    .find(|a| a.verdict == Verdict::Unknown)
            });
        Some((resource, decisive.map_or(resource.span, |a| a.span)))
    }
}

/// How a finding was suppressed, as the reports show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppression {
    pub kind: SuppressionKind,
    pub reason: Option<String>,
    pub expires: Option<Date>,
    /// The comment (inline) or the baseline file.
    pub location: String,
    /// What the finding was before it was suppressed.
    pub original: Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionKind {
    /// A `riveter:ignore` comment in the Terraform.
    Inline,
    /// An entry of a baseline file.
    Baseline,
}

#[derive(Debug, Default, Clone)]
pub struct Report {
    pub rules: Vec<Rule>,
    /// By rule (in load order), then by resource (in file and source order).
    pub findings: Vec<Finding>,
    pub errors: Vec<FileError>,
    pub files: usize,
    pub resources: usize,
    /// The scanned resources, which reports read values from.
    pub model: Arc<Vec<crate::terraform::Resource>>,
    /// How the scanned modules call each other, which a changed-files scope follows.
    pub modules: Arc<crate::terraform::ModuleGraph>,
    /// The framework whose every control the table, JSON, Markdown and HTML reports give a
    /// status (`--compliance`, `report::compliance`).
    pub compliance: Option<&'static crate::rules::frameworks::ControlList>,
}

/// How many rules ended in each outcome.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RuleCounts {
    pub passed: usize,
    pub failed: usize,
    pub unknown: usize,
    pub skipped: usize,
}

impl Report {
    pub fn rule(&self, finding: &Finding) -> &Rule {
        &self.rules[finding.rule]
    }

    /// The findings of one rule: a slice, since findings are ordered by rule.
    pub fn findings_of(&self, rule: usize) -> &[Finding] {
        let start = self.findings.partition_point(|f| f.rule < rule);
        let end = self.findings.partition_point(|f| f.rule <= rule);
        &self.findings[start..end]
    }

    /// Each rule's outcome, in rule order. A rule fails if it fails on any resource, else is
    /// unknown if unknown on any, else passes; it is skipped when it selected nothing.
    pub fn rule_outcomes(&self) -> Vec<Outcome> {
        let rank = |o: &Outcome| match o {
            Outcome::Skipped => 0,
            Outcome::Suppressed => 1,
            Outcome::Pass => 2,
            Outcome::Unknown => 3,
            Outcome::Fail => 4,
        };
        let mut outcomes = vec![Outcome::Skipped; self.rules.len()];
        for finding in &self.findings {
            let current = &mut outcomes[finding.rule];
            if rank(&finding.outcome) > rank(current) {
                *current = finding.outcome;
            }
        }
        outcomes
    }

    pub fn rule_counts(&self) -> RuleCounts {
        let mut counts = RuleCounts::default();
        for outcome in self.rule_outcomes() {
            match outcome {
                Outcome::Pass | Outcome::Suppressed => counts.passed += 1,
                Outcome::Fail => counts.failed += 1,
                Outcome::Unknown => counts.unknown += 1,
                Outcome::Skipped => counts.skipped += 1,
            }
        }
        counts
    }

    /// Results with this outcome.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.findings
            .iter()
            .filter(|f| f.outcome == outcome)
            .count()
    }

    /// What an assertion's key reached on the finding's resource: kept for failures, read again
    /// for passes. Borrowed, so a report that writes every pass copies nothing.
    pub fn actual<'a>(&'a self, finding: &Finding, assertion: &'a AssertionResult) -> Actual<'a> {
        // A rule that looks for secrets never repeats a value, not even one that passed.
        if self.rule(finding).is_sensitive() {
            return Actual::Kept(None);
        }
        if let Some(found) = &assertion.found {
            return Actual::Kept(found.actual.as_ref());
        }
        let Some(resource) = finding.resource_index.and_then(|i| self.model.get(i)) else {
            return Actual::Kept(None);
        };
        match assertion.path.and_then(|path| path.follow(&resource.body)) {
            Some(node) => Actual::Kept(Some(&node.value)),
            None => Actual::Read(assertion.assertion.key.resolve(&resource.body).values),
        }
    }

    pub fn severity(&self, finding: &Finding) -> Severity {
        self.rule(finding).severity
    }
}
