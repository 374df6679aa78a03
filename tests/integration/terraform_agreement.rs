//! The parser accepts exactly what Terraform accepts, proven against Terraform itself.
//!
//! Every input (fixtures, generated variants, hand-written cases: `agreement/inputs.rs`) goes
//! to riveter's parser, and its decision is compared with Terraform's: the same accept or
//! reject, and for a rejected file the same line, with a column inside the token Terraform
//! underlines. Terraform's answers are stored in `tests/fixtures/terraform-agreement`; when
//! `terraform` is on the PATH it is asked again and must still give them.
//!
//! `RIVETER_RECORD_TERRAFORM=1` rewrites the stored answers from a live Terraform, after the
//! inputs change.
//!
//! The test fails on any disagreement. `RIVETER_DUMP_DISAGREEMENTS=DIR` writes each one
//! (input, both answers) to `DIR/<kind>/<hash>`, to study a kind at a time.

use crate::agreement::inputs::{self, Input};
use crate::agreement::oracle::{self, DECISIONS, Decision};
use rayon::prelude::*;
use riveter::terraform::check_syntax;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

/// How many disagreements of each kind are shown in a failure.
const SHOWN: usize = 8;

#[test]
fn riveter_parses_as_terraform_does() {
    let started = Instant::now();
    let inputs = inputs::all();
    let mut answers = oracle::stored();
    let recording = std::env::var_os("RIVETER_RECORD_TERRAFORM").is_some();

    if oracle::available() {
        let asked = Instant::now();
        let live = oracle::ask(&inputs);
        println!(
            "terraform answered for {} inputs in {:.1} s",
            live.len(),
            asked.elapsed().as_secs_f64()
        );
        if recording {
            oracle::store(&live);
            answers = live;
        } else {
            let changed: Vec<String> = inputs
                .iter()
                .filter(|i| answers.get(&i.hash) != live.get(&i.hash))
                .map(|i| {
                    format!(
                        "{} ({}): stored {:?}, terraform says {}",
                        i.origin,
                        i.hash,
                        answers.get(&i.hash).map(ToString::to_string),
                        live[&i.hash]
                    )
                })
                .collect();
            assert!(
                changed.is_empty(),
                "{} inputs have no stored answer or another one than terraform gives now; \
                 rerun with RIVETER_RECORD_TERRAFORM=1 to store them:\n{}",
                changed.len(),
                changed[..changed.len().min(SHOWN)].join("\n")
            );
        }
    } else {
        assert!(
            !recording,
            "RIVETER_RECORD_TERRAFORM needs terraform on the PATH"
        );
        println!(
            "terraform is not on the PATH: the live oracle was skipped; checking the answers \
             stored in {DECISIONS}"
        );
        let missing: Vec<&Input> = inputs
            .iter()
            .filter(|i| !answers.contains_key(&i.hash))
            .collect();
        assert!(
            missing.is_empty(),
            "{} inputs have no stored answer (first: {}); run this test with terraform on the \
             PATH and RIVETER_RECORD_TERRAFORM=1",
            missing.len(),
            missing[0].origin
        );
    }

    let checked = Instant::now();
    let disagreements: Vec<(String, (Kind, String))> = inputs
        .par_iter()
        .filter_map(|input| {
            compare(input, &answers[&input.hash]).map(|found| (input.hash.clone(), found))
        })
        .collect();
    println!(
        "riveter and terraform compared on {} inputs in {:.1} s ({:.1} s in all)",
        inputs.len(),
        checked.elapsed().as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    let found: BTreeMap<String, (Kind, String)> = disagreements.into_iter().collect();
    if let Some(dir) = std::env::var_os("RIVETER_DUMP_DISAGREEMENTS") {
        // Each disagreement as a file of its own, by kind, to study a kind at a time.
        for (hash, (kind, text)) in &found {
            let dir = std::path::Path::new(&dir).join(format!("{kind:?}"));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(hash), text).unwrap();
        }
    }
    let mut by_kind: BTreeMap<Kind, Vec<&str>> = BTreeMap::new();
    for (kind, text) in found.values() {
        by_kind.entry(*kind).or_default().push(text);
    }
    println!(
        "{} inputs agree, {} disagree",
        inputs.len() - found.len(),
        found.len()
    );
    let report: Vec<String> = by_kind
        .iter()
        .map(|(kind, cases)| {
            format!(
                "{} inputs: {kind:?}\n{}",
                cases.len(),
                cases[..cases.len().min(SHOWN)].join("\n")
            )
        })
        .collect();
    assert!(
        report.is_empty(),
        "riveter disagrees with terraform:\n\n{}",
        report.join("\n\n")
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    RejectsWhatTerraformAccepts,
    AcceptsWhatTerraformRejects,
    ReportsAnotherLine,
    ReportsAnotherColumn,
}

fn compare(input: &Input, answer: &Decision) -> Option<(Kind, String)> {
    let file: Arc<str> = format!("{}.tf", input.hash).into();
    let ours = check_syntax(&file, &input.text);
    let show = |detail: String| {
        format!(
            "--- {} ({})\n{detail}\n{}",
            input.origin, input.hash, input.text
        )
    };
    match (ours, answer) {
        (Ok(()), Decision::Accept) => None,
        (Err(e), Decision::Accept) => {
            Some((Kind::RejectsWhatTerraformAccepts, show(e.to_string())))
        }
        (Ok(()), Decision::Reject { .. }) => Some((
            Kind::AcceptsWhatTerraformRejects,
            show(format!("terraform: {answer}")),
        )),
        (
            Err(e),
            Decision::Reject {
                line, start, end, ..
            },
        ) => {
            let detail = || format!("riveter: {e}\nterraform: {answer}");
            if e.line != *line {
                Some((Kind::ReportsAnotherLine, show(detail())))
            } else if *start != 0 && (e.column < *start || e.column >= (*end).max(start + 1)) {
                Some((Kind::ReportsAnotherColumn, show(detail())))
            } else {
                None
            }
        }
    }
}
