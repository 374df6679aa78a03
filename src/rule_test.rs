//! `riveter test PATH`: rule fixtures, like `opa test`. A folder holds rule files (or packs) and,
//! under `tests/`, Terraform fixtures. Every rule runs on every fixture:
//!
//! - a resource with no annotation must pass every rule that applies to it, so well-written
//!   Terraform doubles as a test that no rule raises a false alarm;
//! - `# expect fail: rule-id, other-id` (or `unknown`, or `pass`) on the lines right above a block
//!   says what those rules must find there.
//!
//! A rule passes its test when every expectation holds, at least one of its resources fails as
//! expected, and at least one passes: each rule is tested both ways.

use crate::engine;
use crate::findings::{Outcome, Report};
use crate::rules::{Rule, RuleSet, RuleSources};
use crate::terraform::{self, Resource, VariableInputs};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// What one rule's test found.
#[derive(Debug)]
pub struct RuleTest {
    pub rule_id: String,
    pub problems: Vec<String>,
}

#[derive(Debug, Default)]
pub struct TestRun {
    pub results: Vec<RuleTest>,
    /// Problems with the fixtures themselves (a parse error, an annotation naming no rule).
    pub errors: Vec<String>,
}

impl TestRun {
    pub fn passed(&self) -> usize {
        self.results
            .iter()
            .filter(|r| r.problems.is_empty())
            .count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.passed() + self.errors.len()
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        for error in &self.errors {
            let _ = writeln!(out, "error: {error}");
        }
        for result in &self.results {
            if result.problems.is_empty() {
                let _ = writeln!(out, "ok    {}", result.rule_id);
            } else {
                let _ = writeln!(out, "FAIL  {}", result.rule_id);
                for problem in &result.problems {
                    let _ = writeln!(out, "        {problem}");
                }
            }
        }
        let _ = writeln!(out, "{} passed, {} failed", self.passed(), self.failed());
        out
    }
}

/// The outcome a fixture annotation expects.
type Expectations = HashMap<(String, String), Outcome>;

/// Runs the rule files of `dir` against the fixtures in `dir/tests`.
pub fn run(dir: &Path) -> Result<TestRun, String> {
    let rule_files = rule_files(dir)?;
    if rule_files.is_empty() {
        return Err(format!("{}: no rule files (*.yml, *.yaml)", dir.display()));
    }
    let set = RuleSet::load(&RuleSources {
        files: rule_files,
        packs: Vec::new(),
    })
    .map_err(|errors| {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let fixtures = dir.join("tests");
    if !fixtures.is_dir() {
        return Err(format!("{}: no fixtures folder", fixtures.display()));
    }
    let found =
        terraform::discover(&[fixtures.display().to_string()]).map_err(|e| e.to_string())?;
    let root = std::path::absolute(dir).map_err(|e| e.to_string())?;
    let tf = terraform::load(found, &root, &VariableInputs::default());
    let mut run = TestRun {
        errors: tf.errors.iter().map(|e| e.to_string()).collect(),
        ..TestRun::default()
    };
    let known: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
    let expectations = annotations(&tf.resources, &root, &known, &mut run.errors);
    let report = engine::scan(set.rules, tf);
    for (index, rule) in report.rules.iter().enumerate() {
        run.results
            .push(check_rule(&report, index, rule, &expectations));
    }
    Ok(run)
}

fn rule_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() && path.extension().is_some_and(|x| x == "yml" || x == "yaml") {
            files.push(path.display().to_string());
        }
    }
    files.sort();
    Ok(files)
}

fn check_rule(report: &Report, index: usize, rule: &Rule, expectations: &Expectations) -> RuleTest {
    let mut problems = Vec::new();
    let (mut failed, mut passed) = (0, 0);
    for finding in report.findings_of(index) {
        let Some(resource) = &finding.resource else {
            problems.push("selects nothing in its fixtures".to_string());
            continue;
        };
        let key = (
            format!("{}:{}", resource.file, resource.address),
            rule.id.clone(),
        );
        let expected = expectations.get(&key).copied().unwrap_or(Outcome::Pass);
        if finding.outcome != expected {
            problems.push(format!(
                "{} ({}:{}): expected {}, got {}: {}",
                resource.address,
                resource.file,
                resource.span.line,
                expected.as_str(),
                finding.outcome.as_str(),
                finding.message()
            ));
        }
        match (expected, finding.outcome) {
            (Outcome::Fail, Outcome::Fail) => failed += 1,
            (Outcome::Pass, Outcome::Pass) => passed += 1,
            _ => {}
        }
    }
    if failed == 0 && !problems.iter().any(|p| p.starts_with("selects nothing")) {
        problems
            .push("no fixture fails it: add a resource marked `# expect fail: <rule-id>`".into());
    }
    if passed == 0 && !problems.iter().any(|p| p.starts_with("selects nothing")) {
        problems.push("no fixture passes it: add a well-configured resource it applies to".into());
    }
    RuleTest {
        rule_id: rule.id.clone(),
        problems,
    }
}

/// The `# expect <outcome>: ids` comments right above each resource block.
fn annotations(
    resources: &[Resource],
    root: &Path,
    known: &[&str],
    errors: &mut Vec<String>,
) -> Expectations {
    let mut by_file: BTreeMap<&str, Vec<&Resource>> = BTreeMap::new();
    for r in resources {
        by_file.entry(&r.file).or_default().push(r);
    }
    let mut out = Expectations::new();
    for (file, resources) in by_file {
        let text = match std::fs::read_to_string(root.join(file)) {
            Ok(text) => text,
            Err(e) => {
                errors.push(format!("{file}: {e}"));
                continue;
            }
        };
        let lines: Vec<&str> = text.lines().collect();
        for resource in resources {
            let mut line = resource.span.line as usize - 1;
            while line > 0 && lines[line - 1].trim_start().starts_with('#') {
                line -= 1;
                let Some((outcome, ids)) = parse_annotation(lines[line]) else {
                    continue;
                };
                for id in ids {
                    if !known.contains(&id.as_str()) {
                        errors.push(format!("{file}:{}: `{id}` is not a rule id", line + 1));
                    }
                    // Keyed by file and address: fixtures in several files may reuse names.
                    out.insert((format!("{file}:{}", resource.address), id), outcome);
                }
            }
        }
    }
    out
}

fn parse_annotation(line: &str) -> Option<(Outcome, Vec<String>)> {
    let rest = line
        .trim_start()
        .strip_prefix('#')?
        .trim_start()
        .strip_prefix("expect")?;
    let (word, ids) = rest.split_once(':')?;
    let outcome = match word.trim() {
        "fail" => Outcome::Fail,
        "pass" => Outcome::Pass,
        "unknown" => Outcome::Unknown,
        _ => return None,
    };
    Some((
        outcome,
        ids.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_name_an_outcome_and_rule_ids() {
        let (outcome, ids) = parse_annotation("  # expect fail: a-rule, b-rule").unwrap();
        assert_eq!(outcome, Outcome::Fail);
        assert_eq!(ids, ["a-rule", "b-rule"]);
        assert!(parse_annotation("# just a comment: with a colon").is_none());
        assert!(parse_annotation("# expect maybe: a").is_none());
    }
}
