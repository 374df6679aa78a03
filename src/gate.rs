//! The gate (docs/usage.md, "The gate"): which findings fail the build, and the exit code.

use crate::findings::{Finding, Outcome, Report};
use crate::rules::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    /// Failures below this severity are reported but do not fail the gate.
    pub fail_on: Severity,
    /// `--unknown fail`: an unknown result at or above `fail_on` fails the gate too.
    pub unknown_fails: bool,
}

impl Default for Gate {
    /// Any failure of any severity fails; unknowns do not.
    fn default() -> Gate {
        Gate {
            fail_on: Severity::Info,
            unknown_fails: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateVerdict {
    Passed,
    Failed,
    /// Some input could not be read, so the scan cannot be trusted.
    Incomplete,
}

impl GateVerdict {
    pub fn exit_code(self) -> u8 {
        match self {
            GateVerdict::Passed => 0,
            GateVerdict::Failed => 1,
            GateVerdict::Incomplete => 2,
        }
    }
}

impl Gate {
    pub fn blocks(&self, report: &Report, finding: &Finding) -> bool {
        let counts = match finding.outcome {
            Outcome::Fail => true,
            Outcome::Unknown => self.unknown_fails,
            _ => false,
        };
        counts && report.severity(finding) >= self.fail_on
    }

    pub fn verdict(&self, report: &Report) -> GateVerdict {
        if !report.errors.is_empty() {
            GateVerdict::Incomplete
        } else if report.findings.iter().any(|f| self.blocks(report, f)) {
            GateVerdict::Failed
        } else {
            GateVerdict::Passed
        }
    }
}
