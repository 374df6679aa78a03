//! The Action's inputs, as GitHub passes them to container actions: `INPUT_<NAME>` with the
//! name upper-cased and hyphens kept (`INPUT_RULE-PACKS`, `INPUT_GITHUB-TOKEN`).

use crate::rules::Severity;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only findings in the pull request's changed files count.
    Changed,
    All,
}

#[derive(Debug, Clone)]
pub struct Inputs {
    pub rules: Vec<String>,
    pub rule_packs: Vec<String>,
    pub paths: Vec<String>,
    pub fail_on: Severity,
    /// `unknown: fail`: results that cannot be decided before `plan` fail the gate.
    pub unknown_fails: bool,
    /// `None`: `changed` on pull requests, `all` otherwise.
    pub scope: Option<Scope>,
    pub sarif_file: String,
    pub junit_file: String,
    pub comment: bool,
    pub annotations: bool,
    pub token: Option<String>,
    pub var_files: Vec<String>,
    pub config: Option<String>,
    pub baseline: Option<String>,
    pub sarif_category: Option<String>,
    /// JSON plans (`terraform show -json`) whose planned values are judged.
    pub plans: Vec<String>,
    /// How long all API calls together may take (`api-timeout`, in seconds).
    pub api_timeout: Duration,
}

impl Inputs {
    pub fn read(get: &dyn Fn(&str) -> Option<String>) -> Result<Inputs, String> {
        let input = |name: &str| {
            get(&format!("INPUT_{}", name.to_uppercase()))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let flag = |name: &str, default: bool| -> Result<bool, String> {
            match input(name).as_deref() {
                None => Ok(default),
                Some("true") => Ok(true),
                Some("false") => Ok(false),
                Some(other) => Err(format!(
                    "input `{name}` must be true or false, not \"{other}\""
                )),
            }
        };
        let scope = match input("scope").as_deref() {
            None => None,
            Some("changed") => Some(Scope::Changed),
            Some("all") => Some(Scope::All),
            Some(other) => {
                return Err(format!(
                    "input `scope` must be changed or all, not \"{other}\""
                ));
            }
        };
        let fail_on = match input("fail-on") {
            None => Severity::Low,
            Some(text) => text.parse().map_err(|e| format!("input `fail-on`: {e}"))?,
        };
        let unknown_fails = match input("unknown").as_deref() {
            None | Some("pass") => false,
            Some("fail") => true,
            Some(other) => {
                return Err(format!(
                    "input `unknown` must be pass or fail, not \"{other}\""
                ));
            }
        };
        let api_timeout = match input("api-timeout") {
            None => super::api::DEFAULT_TIMEOUT,
            Some(text) => match text.parse::<u64>() {
                Ok(seconds) if seconds > 0 => Duration::from_secs(seconds),
                _ => {
                    return Err(format!(
                        "input `api-timeout` must be a whole number of seconds above 0, not \"{text}\""
                    ));
                }
            },
        };
        let paths = input("paths").map(|v| list(&v)).unwrap_or_default();
        Ok(Inputs {
            rules: input("rules").map(|v| list(&v)).unwrap_or_default(),
            rule_packs: input("rule-packs").map(|v| list(&v)).unwrap_or_default(),
            paths: if paths.is_empty() {
                vec![".".into()]
            } else {
                paths
            },
            fail_on,
            unknown_fails,
            scope,
            sarif_file: input("sarif-file").unwrap_or_else(|| "riveter.sarif".into()),
            junit_file: input("junit-file").unwrap_or_else(|| "riveter-junit.xml".into()),
            comment: flag("comment", true)?,
            annotations: flag("annotations", true)?,
            // The workflow token arrives through the input's default, `github.token`.
            token: input("github-token"),
            var_files: input("var-files").map(|v| list(&v)).unwrap_or_default(),
            config: input("config"),
            baseline: input("baseline"),
            sarif_category: input("sarif-category"),
            plans: input("plan").map(|v| list(&v)).unwrap_or_default(),
            api_timeout,
        })
    }
}

/// Newline-, comma- or space-separated values.
fn list(value: &str) -> Vec<String> {
    value
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> Result<Inputs, String> {
        let env: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Inputs::read(&|name| env.get(name).cloned())
    }

    #[test]
    fn names_keep_their_hyphens_and_lists_split_every_way() {
        let inputs = read(&[
            ("INPUT_RULE-PACKS", "aws-security, soc2-security\ncis-aws"),
            ("INPUT_RULES", "a.yml b.yml"),
            ("INPUT_GITHUB-TOKEN", "t"),
        ])
        .unwrap();
        assert_eq!(
            inputs.rule_packs,
            ["aws-security", "soc2-security", "cis-aws"]
        );
        assert_eq!(inputs.rules, ["a.yml", "b.yml"]);
        assert_eq!(inputs.paths, ["."]);
        assert_eq!(inputs.fail_on, Severity::Low);
        assert_eq!((inputs.comment, inputs.annotations), (true, true));
        assert_eq!(inputs.sarif_file, "riveter.sarif");
        assert!(inputs.plans.is_empty());
        assert!(!inputs.unknown_fails);
        assert_eq!(inputs.api_timeout, Duration::from_secs(120));
        let inputs = read(&[("INPUT_PLAN", "envs/prod/plan.json\nenvs/dev/plan.json")]).unwrap();
        assert_eq!(inputs.plans, ["envs/prod/plan.json", "envs/dev/plan.json"]);
    }

    #[test]
    fn bad_values_are_named() {
        assert_eq!(
            read(&[("INPUT_COMMENT", "yes")]).unwrap_err(),
            "input `comment` must be true or false, not \"yes\""
        );
        assert_eq!(
            read(&[("INPUT_SCOPE", "some")]).unwrap_err(),
            "input `scope` must be changed or all, not \"some\""
        );
        assert_eq!(
            read(&[("INPUT_UNKNOWN", "maybe")]).unwrap_err(),
            "input `unknown` must be pass or fail, not \"maybe\""
        );
        assert_eq!(
            read(&[("INPUT_API-TIMEOUT", "0")]).unwrap_err(),
            "input `api-timeout` must be a whole number of seconds above 0, not \"0\""
        );
        assert!(read(&[("INPUT_API-TIMEOUT", "2m")]).is_err());
        let inputs = read(&[("INPUT_UNKNOWN", "fail"), ("INPUT_API-TIMEOUT", "30")]).unwrap();
        assert!(inputs.unknown_fails);
        assert_eq!(inputs.api_timeout, Duration::from_secs(30));
    }
}
