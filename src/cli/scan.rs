//! The `scan` and `baseline create` commands: flags and the config file resolved once into the
//! scan's and the reports' options, then the library's scan, the change's scope and the reports.

use super::{ScanArgs, UnknownPolicy, progress::Progress};
use crate::changes::{self, Judges};
use crate::config;
use crate::escape::terminal;
use crate::gate::{Gate, GateVerdict};
use crate::output::{self, Format};
use crate::scan::{self, Suppressions, root};
use crate::suppression::Baseline;
use crate::terraform::{self, CommandLineVariable, VariableInputs};
use clap::ArgMatches;

/// What a `scan` command asks for, resolved.
struct Resolved {
    scan: scan::Options,
    output: output::Options,
    /// `--changed-since`: the git ref the change is measured from.
    changed_since: Option<String>,
}

/// The whole `scan` command. An `Err` is a problem that stops the scan before it starts
/// (exit code 2); parse errors in Terraform files are in the report instead.
pub fn scan(args: ScanArgs) -> Result<GateVerdict, String> {
    if args.parse_only {
        return parse_only(&args);
    }
    let stats = args.stats;
    let result = resolve(args).and_then(|resolved| scan_and_report(&resolved));
    if stats {
        print_stats();
    }
    result
}

fn scan_and_report(resolved: &Resolved) -> Result<GateVerdict, String> {
    let started = std::time::Instant::now();
    let mut report = scan::run(&resolved.scan, &mut Progress::default())?;
    let gate = resolved.scan.gate;
    let verdict = match &resolved.changed_since {
        None => {
            output::write_reports(&resolved.output, &report, &report)?;
            gate.verdict(&report)
        }
        Some(base) => {
            let change = changes::from_git(&resolved.scan.root, base, "HEAD", None)?;
            eprintln!(
                "riveter: {} file(s) changed since {}",
                change.files.len(),
                terminal::text(base)
            );
            if change.versions.is_none() {
                eprintln!(
                    "riveter: git cannot give the earlier versions of the changed files; every finding counts"
                );
            }
            let judges = Judges::of(&resolved.scan);
            if let Some(config) = judges.config_changed(&change.files) {
                eprintln!(
                    "riveter: warning: the config file {} is part of this change: the rules it includes or excludes are the change's own",
                    terminal::text(config)
                );
            }
            let scoped = change.scope(&mut report, &judges);
            output::write_reports(&resolved.output, &scoped, &report)?;
            gate.verdict(&scoped)
        }
    };
    if resolved.scan.timings {
        let seconds = started.elapsed().as_secs_f64();
        eprintln!("timing: reports written at {seconds:.3}s");
    }
    // The process ends after this: freeing a monorepo's model and findings piece by piece
    // would only delay the exit, so they go with it.
    std::mem::forget(report);
    Ok(verdict)
}

/// The flags, completed by the config file, as the scan's and the reports' options.
fn resolve(args: ScanArgs) -> Result<Resolved, String> {
    let config = config::read(args.config.as_deref())?;
    if args.explain {
        eprintln!(
            "note: --explain is accepted for the Python riveter's command line; riveter sends \
             nothing to an AI service, and every finding already says what was expected, what \
             was found and how to fix it"
        );
    }
    let gate = Gate {
        fail_on: args.fail_on,
        unknown_fails: args.unknown == UnknownPolicy::Fail,
    };
    let root = root::repository_root(args.root.as_deref())?;
    let mut scan = scan::Options::new(root, args.terraform);
    scan.plans = args.plans;
    scan.states = args.states;
    scan.rules.files = args.rules;
    scan.rules.packs = args.packs;
    scan.include_rules = args.include_rules;
    scan.exclude_rules = args.exclude_rules;
    scan.variables = if args.variables_in_order.is_empty() {
        // Called as a library, the flags' own order stands in for the command line's.
        let files = args.var_files.into_iter().map(CommandLineVariable::File);
        files
            .chain(args.vars.into_iter().map(CommandLineVariable::Assignment))
            .collect()
    } else {
        args.variables_in_order
    };
    scan.shard = args.shard;
    scan.gate = gate;
    scan.suppressions = (!args.no_suppressions).then(|| Suppressions {
        baseline: args.baseline,
        today: args.today.unwrap_or_else(crate::date::Date::today),
        require_reason: args.require_reason,
    });
    scan.jobs = args.jobs.map(usize::from);
    scan.compliance = match &args.compliance {
        None => None,
        Some(id) => Some(crate::rules::frameworks::list(id).ok_or_else(|| {
            let known: Vec<&str> = crate::rules::frameworks::lists()
                .unwrap_or_default()
                .iter()
                .map(|l| l.framework.as_str())
                .collect();
            format!(
                "--compliance {}: riveter has no list of this framework's controls (it has {})",
                crate::escape::terminal::text(id),
                known.join(", ")
            )
        })?),
    };
    scan.timings = args.debug || std::env::var_os("RIVETER_TIMINGS").is_some();
    if let Some((path, config)) = &config {
        scan.add_config(path, config);
    }

    let mut sarif_category = args.sarif_category;
    if let Some((index, count)) = args.shard
        && sarif_category == "riveter/"
    {
        // Each shard's SARIF gets its own category, so shards do not close each other's alerts.
        sarif_category = format!("riveter/shard-{index}-of-{count}/");
    }
    let mut output = output::Options {
        format: args.format.unwrap_or(Format::Table),
        output: args.output,
        color: args.color,
        json: args.json,
        sarif: args.sarif,
        junit: args.junit,
        gitlab: args.gitlab,
        markdown: args.markdown,
        html: args.html,
        sarif_category,
        link_base: args.link_base,
        gate,
    };
    if let Some((_, config)) = &config {
        output.add_config(config, args.format.is_some())?;
    }
    // Checked before the scan, not after it, when git is asked.
    if let Some(base) = &args.changed_since {
        changes::revision(base).map_err(|e| format!("--changed-since: {e}"))?;
    }
    Ok(Resolved {
        scan,
        output,
        changed_since: args.changed_since,
    })
}

/// clap keeps each flag's values apart; Terraform's precedence needs their common order.
pub(super) fn variables_in_order(matches: &ArgMatches) -> Vec<CommandLineVariable> {
    let mut found: Vec<(usize, CommandLineVariable)> = Vec::new();
    for (id, file) in [("var_files", true), ("vars", false)] {
        let (Some(indices), Some(values)) = (matches.indices_of(id), matches.get_raw(id)) else {
            continue;
        };
        for (index, value) in indices.zip(values) {
            let value = value.to_string_lossy().into_owned();
            found.push((
                index,
                if file {
                    CommandLineVariable::File(value.into())
                } else {
                    CommandLineVariable::Assignment(value)
                },
            ));
        }
    }
    found.sort_by_key(|(i, _)| *i);
    found.into_iter().map(|(_, v)| v).collect()
}

/// `riveter baseline create`: scan and record every failure (inline comments still accept
/// what they accept; an earlier baseline does not).
pub fn create_baseline(mut args: ScanArgs) -> Result<(), String> {
    let path = args
        .output
        .take()
        .unwrap_or_else(|| ".riveter-baseline.json".into());
    args.baseline = None;
    let resolved = resolve(args)?;
    let report = scan::run(&resolved.scan, &mut Progress::default())?;
    if !report.errors.is_empty() {
        let errors: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
        return Err(format!(
            "a baseline of an incomplete scan would miss findings; fix these first:\n  {}",
            errors.join("\n  ")
        ));
    }
    let baseline = Baseline::from_report(&report);
    std::fs::write(&path, baseline.to_json()).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!(
        "wrote {} with {} accepted findings",
        path.display(),
        baseline.entries.len()
    );
    Ok(())
}

/// `--parse-only`: the benchmark's baseline, the cost of reading and evaluating Terraform.
fn parse_only(args: &ScanArgs) -> Result<GateVerdict, String> {
    let root = root::repository_root(args.root.as_deref())?;
    let paths = scan::Options::new(root.clone(), args.terraform.clone()).terraform;
    let discovered = terraform::discover(&paths).map_err(|e| e.to_string())?;
    let tf = terraform::load(discovered, &root, &VariableInputs::default());
    eprintln!(
        "parsed {} files, {} resources, {} errors",
        tf.files,
        tf.resources.len(),
        tf.errors.len()
    );
    if args.stats {
        print_stats();
    }
    let verdict = if tf.errors.is_empty() {
        GateVerdict::Passed
    } else {
        GateVerdict::Incomplete
    };
    // As the full scan does: the model goes with the process rather than piece by piece, so
    // the benchmark's baseline does not pay for a drop the scan it is compared to skips.
    std::mem::forget(tf);
    Ok(verdict)
}

/// Peak resident memory, from the kernel (Linux); nothing elsewhere.
fn print_stats() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
        let kb: u64 = line
            .split_whitespace()
            .nth(1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        eprintln!("peak-memory-kb {kb}");
    }
}
