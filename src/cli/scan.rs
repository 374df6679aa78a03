//! The `scan` command: config, rules, Terraform, evaluation, the engine, then the reports.

use super::output::write_reports;
use super::{Format, ScanArgs, UnknownPolicy, progress, root, shard};
use crate::ci::changes;
use crate::config::{self, Config};
use crate::gate::{Gate, GateVerdict};
use crate::report::Report;
use crate::rules::{RuleSet, RuleSources};
use crate::suppression::{self, Baseline, Date};
use crate::terraform::Directive;
use crate::terraform::{CommandLineVariable, VariableInputs};
use crate::{engine, terraform};
use clap::{ArgMatches, ValueEnum};
use std::path::PathBuf;

/// The whole `scan` command. An `Err` is a problem that stops the scan before it starts
/// (exit code 2); parse errors in Terraform files are in the report instead.
pub fn scan(args: ScanArgs) -> Result<GateVerdict, String> {
    if args.parse_only {
        return parse_only(args);
    }
    let stats = args.stats;
    let result = scan_and_report(args);
    if stats {
        print_stats();
    }
    result
}

fn scan_and_report(args: ScanArgs) -> Result<GateVerdict, String> {
    let started = std::time::Instant::now();
    let (report, args) = run(args)?;
    let verdict = match &args.changed_since {
        None => {
            write_reports(&args, &report, &report)?;
            report.verdict()
        }
        Some(base) => {
            let root = root::repository_root(args.root.as_deref())?;
            let changed = changes::from_git(&root, base, "HEAD")?;
            eprintln!("riveter: {} file(s) changed since {base}", changed.len());
            let scoped = changed.scope(&report);
            write_reports(&args, &scoped, &report)?;
            scoped.verdict()
        }
    };
    phase(&args, started, "reports written");
    // The process ends after this: freeing a monorepo's model and findings piece by piece
    // would only delay the exit, so they go with it.
    std::mem::forget(report);
    Ok(verdict)
}

/// `RIVETER_TIMINGS=1`: how long each phase took, on standard error (for profiling).
fn phase(args: &ScanArgs, start: std::time::Instant, name: &str) {
    if args.debug || std::env::var_os("RIVETER_TIMINGS").is_some() {
        eprintln!("timing: {name} at {:.3}s", start.elapsed().as_secs_f64());
    }
}

/// Config, rules, Terraform, the engine and suppressions: the report, and the arguments as
/// the config file completed them.
pub(crate) fn run(mut args: ScanArgs) -> Result<(Report, ScanArgs), String> {
    let started = std::time::Instant::now();
    if let Some(jobs) = args.jobs {
        // The global pool can be set once per process; a second scan in one process keeps it.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global();
    }
    if let Some((index, count)) = args.shard
        && args.sarif_category == "riveter/"
    {
        args.sarif_category = format!("riveter/shard-{index}-of-{count}/");
    }
    let config = match config::locate(args.config.as_deref()) {
        Some(path) => config::load(&path)?,
        None => Config::default(),
    };
    for key in config.other.keys() {
        eprintln!("warning: config: unknown setting `{key}` is ignored");
    }
    apply_config(&mut args, config)?;
    if args.explain {
        eprintln!(
            "note: --explain is accepted for the Python riveter's command line; riveter sends \
             nothing to an AI service, and every finding already says what was expected, what \
             was found and how to fix it"
        );
    }

    let rules = load_rules(&args)?;
    phase(&args, started, "rules loaded");
    let (mut discovered, root) = discover(&mut args)?;
    if let Some((index, count)) = args.shard {
        discovered.files = shard::files_of(discovered.files, &root, index, count);
        eprintln!(
            "riveter: shard {index}/{count}: {} files",
            discovered.files.len()
        );
    }
    // Called as a library, the flags' own order stands in for the command line's.
    let ordered = if args.variables_in_order.is_empty() {
        let files = args
            .var_files
            .iter()
            .cloned()
            .map(CommandLineVariable::File);
        files
            .chain(
                args.vars
                    .iter()
                    .cloned()
                    .map(CommandLineVariable::Assignment),
            )
            .collect()
    } else {
        args.variables_in_order.clone()
    };
    let inputs = VariableInputs::load(&ordered, std::env::vars())?;
    phase(&args, started, "files found");
    let progress = progress::Progress::start(discovered.files.len());
    let mut terraform = terraform::load_counting(discovered, &root, &inputs, progress.files_read());
    progress.finish();
    if !args.plans.is_empty() || !args.states.is_empty() {
        // Plans and states: the values Terraform will apply, on the blocks read above.
        terraform = terraform::planned::load(&args.plans, &args.states, terraform, &root)?;
    }
    phase(&args, started, "terraform evaluated");
    for warning in &terraform.warnings {
        eprintln!("warning: {warning}");
    }
    let directives = std::mem::take(&mut terraform.directives);

    let mut report = engine::scan(rules, terraform);
    phase(&args, started, "rules evaluated");
    report.gate = Gate {
        fail_on: args.fail_on,
        unknown_fails: args.unknown == UnknownPolicy::Fail,
    };
    if !args.no_suppressions {
        suppress(&args, &mut report, &directives)?;
    }
    Ok((report, args))
}

/// The Terraform files to read (the working directory when no `-t` is given) and the root
/// their reported paths are relative to.
fn discover(args: &mut ScanArgs) -> Result<(terraform::Discovered, PathBuf), String> {
    if args.terraform.is_empty() {
        args.terraform.push(".".into());
    }
    let discovered = terraform::discover(&args.terraform).map_err(|e| e.to_string())?;
    let root = root::repository_root(args.root.as_deref())?;
    Ok((discovered, root))
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

fn apply_config(args: &mut ScanArgs, config: Config) -> Result<(), String> {
    args.packs.extend(config.rule_packs);
    args.rules.extend(config.rule_dirs);
    args.include_rules.extend(config.include_rules);
    args.exclude_rules.extend(config.exclude_rules);
    args.debug |= config.debug;
    if args.output.is_none() {
        args.output = config.output_file;
    }
    if args.format.is_none()
        && let Some(name) = config.output_format
    {
        let format = Format::from_str(&name, true).map_err(|_| {
            // Every name `--format` takes, so the message cannot fall behind the formats.
            let names: Vec<String> = Format::value_variants()
                .iter()
                .filter_map(|f| f.to_possible_value())
                .map(|v| v.get_name().to_string())
                .collect();
            format!(
                "config: output_format \"{name}\" is not one of {}",
                names.join(", ")
            )
        })?;
        args.format = Some(format);
    }
    Ok(())
}

fn load_rules(args: &ScanArgs) -> Result<Vec<crate::rules::Rule>, String> {
    let sources = RuleSources {
        files: args.rules.clone(),
        packs: args.packs.clone(),
    };
    let mut set = RuleSet::load(&sources).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        format!("the rules could not be loaded:\n  {}", lines.join("\n  "))
    })?;
    for warning in &set.warnings {
        eprintln!("warning: {warning}");
    }
    set.select(&args.include_rules, &args.exclude_rules)?;
    if set.rules.is_empty() {
        return Err(if sources.files.is_empty() && sources.packs.is_empty() {
            "no rules to evaluate: pass a rule file with -r FILE or a rule pack with -p PACK".into()
        } else {
            "no rules to evaluate: the rule files hold no rules, or every rule was excluded".into()
        });
    }
    Ok(set.rules)
}

/// Applies comments and the baseline, and tells what did not work as written.
fn suppress(args: &ScanArgs, report: &mut Report, directives: &[Directive]) -> Result<(), String> {
    let baseline = args
        .baseline
        .as_ref()
        .map(|p| Baseline::read(p).map(|b| (b, p.display().to_string())))
        .transpose()?;
    let options = suppression::Options {
        today: args.today.unwrap_or_else(Date::today),
        require_reason: args.require_reason,
    };
    let notes = suppression::apply(
        report,
        directives,
        baseline.as_ref().map(|(b, p)| (b, p.as_str())),
        options,
    );
    for warning in &notes.warnings {
        eprintln!("warning: {warning}");
    }
    if !notes.fixed.is_empty() {
        eprintln!(
            "note: {} baseline entries match no failure any more (fixed); `riveter baseline create` drops them:",
            notes.fixed.len()
        );
        for entry in &notes.fixed {
            eprintln!(
                "  fixed: {} on {} ({})",
                entry.rule_id, entry.resource, entry.file
            );
        }
    }
    Ok(())
}

/// `riveter baseline create`: scan and record every failure (inline comments still accept
/// what they accept; an earlier baseline does not).
pub fn create_baseline(mut args: ScanArgs) -> Result<(), String> {
    let path = args
        .output
        .take()
        .unwrap_or_else(|| ".riveter-baseline.json".into());
    args.baseline = None;
    let (report, _) = run(args)?;
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
fn parse_only(mut args: ScanArgs) -> Result<GateVerdict, String> {
    let (discovered, root) = discover(&mut args)?;
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
