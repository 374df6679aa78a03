//! Baselines: today's failures recorded by fingerprint (rule id, file, resource address; not
//! lines, so edits elsewhere do not break them), so that only new failures fail the gate.

use crate::findings::{Outcome, Report, fingerprint};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub fingerprint: String,
    pub rule_id: String,
    pub file: String,
    pub resource: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
    #[serde(skip)]
    index: HashSet<String>,
}

impl Baseline {
    /// Every failure of the report.
    pub fn from_report(report: &Report) -> Baseline {
        let entries = report
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Fail)
            .filter_map(|f| {
                let resource = f.resource.as_ref()?;
                Some(Entry {
                    fingerprint: fingerprint::of_resource(report, f),
                    rule_id: report.rule(f).id.clone(),
                    file: resource.file.to_string(),
                    resource: resource.address.clone(),
                })
            })
            .collect();
        Baseline::new(entries)
    }

    fn new(entries: Vec<Entry>) -> Baseline {
        let index = entries.iter().map(|e| e.fingerprint.clone()).collect();
        Baseline {
            version: FORMAT_VERSION,
            entries,
            index,
        }
    }

    pub fn contains(&self, fingerprint: &str) -> bool {
        self.index.contains(fingerprint)
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    pub fn read(path: &std::path::Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: could not read the baseline: {e}", path.display()))?;
        let parsed: Baseline = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}: not a riveter baseline: {e}",
                path.display(),
                e.line()
            )
        })?;
        if parsed.version != FORMAT_VERSION {
            return Err(format!(
                "{}: baseline version {} is not supported (expected {FORMAT_VERSION})",
                path.display(),
                parsed.version
            ));
        }
        Ok(Baseline::new(parsed.entries))
    }
}
