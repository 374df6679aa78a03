//! The scan as one library call: resolved `Options` in, a `Report` out. Rules are loaded,
//! Terraform is found, read and evaluated, the engine judges every resource, and comments and
//! the baseline mark what is accepted. The command line and the GitHub Action both build an
//! `Options` value and call `run`; neither redoes any of it.

pub mod root;
pub mod shard;

use crate::config::Config;
use crate::date::Date;
use crate::escape::terminal;
use crate::findings::Report;
use crate::gate::Gate;
use crate::rules::{Rule, RuleSet, RuleSources};
use crate::suppression::{self, Baseline};
use crate::terraform::{self, CommandLineVariable, Directive, VariableInputs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Instant;

/// Everything a scan needs, resolved once from flags, inputs and the config file. Nothing in
/// the scan reads flags, the environment or the config file again.
#[derive(Debug, Clone)]
pub struct Options {
    pub rules: RuleSources,
    /// Globs over rule ids: only these are evaluated (empty: all).
    pub include_rules: Vec<String>,
    pub exclude_rules: Vec<String>,
    /// Terraform files, folders or globs; `.` when the caller named none.
    pub terraform: Vec<String>,
    /// What reported paths are relative to: absolute (`root::repository_root`).
    pub root: PathBuf,
    /// Plans (`terraform show -json` of a plan file) whose planned values are judged, placed
    /// on the blocks of the Terraform read; `-` is standard input.
    pub plans: Vec<String>,
    /// States judged instead of the source's resources (`riveter scan-state`).
    pub states: Vec<String>,
    /// `--var-file` and `--var` in the order given (later ones win, as in Terraform).
    pub variables: Vec<CommandLineVariable>,
    /// Only this shard of the module folders, `(index, count)`, 1-based.
    pub shard: Option<(usize, usize)>,
    pub gate: Gate,
    /// `None`: everything is shown as if nothing were suppressed.
    pub suppressions: Option<Suppressions>,
    /// Threads for reading, parsing and evaluating; `None`: one per core.
    pub jobs: Option<usize>,
    /// Each phase and its time on standard error.
    pub timings: bool,
    /// The config file whose settings were added, if one was read.
    pub config: Option<PathBuf>,
    /// The framework whose per-control status the reports add (`--compliance`).
    pub compliance: Option<&'static crate::rules::frameworks::ControlList>,
}

/// What accepts findings on purpose: `riveter:ignore` comments, and a baseline file.
#[derive(Debug, Clone)]
pub struct Suppressions {
    pub baseline: Option<PathBuf>,
    /// The date comments expire against.
    pub today: Date,
    /// A comment without `reason="..."` suppresses nothing.
    pub require_reason: bool,
}

impl Default for Suppressions {
    fn default() -> Suppressions {
        Suppressions {
            baseline: None,
            today: Date::today(),
            require_reason: false,
        }
    }
}

impl Options {
    /// A scan of `terraform` (every Terraform file under the root when empty) with nothing
    /// else set: the gate fails on any failure, comments suppress, no baseline.
    pub fn new(root: PathBuf, terraform: Vec<String>) -> Options {
        Options {
            rules: RuleSources::default(),
            include_rules: Vec::new(),
            exclude_rules: Vec::new(),
            terraform: if terraform.is_empty() {
                vec![".".into()]
            } else {
                terraform
            },
            root,
            plans: Vec::new(),
            states: Vec::new(),
            variables: Vec::new(),
            shard: None,
            gate: Gate::default(),
            suppressions: Some(Suppressions::default()),
            jobs: None,
            timings: false,
            config: None,
            compliance: None,
        }
    }

    /// The config file's settings add to what was given (docs/usage.md, "Config file").
    pub fn add_config(&mut self, path: &Path, config: &Config) {
        self.config = Some(path.to_path_buf());
        self.rules.packs.extend(config.rule_packs.iter().cloned());
        self.rules.files.extend(config.rule_dirs.iter().cloned());
        self.include_rules
            .extend(config.include_rules.iter().cloned());
        self.exclude_rules
            .extend(config.exclude_rules.iter().cloned());
        self.timings |= config.debug;
    }
}

/// What the caller shows while files are read: told how many there are, it gets a counter the
/// loader advances, and is told when reading is over.
pub trait Progress {
    fn reading(&mut self, files: usize) -> Arc<AtomicUsize>;
    fn read(&mut self);
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {
    fn reading(&mut self, _files: usize) -> Arc<AtomicUsize> {
        Arc::new(AtomicUsize::new(0))
    }
    fn read(&mut self) {}
}

/// The most threads `--jobs` may ask for: more than any machine's cores, fewer than would
/// exhaust the process's memory with their stacks.
pub const MAX_JOBS: usize = 256;
/// Each scan thread's stack.
const THREAD_STACK_BYTES: usize = 16 << 20;

/// The whole scan. An `Err` is a problem that stops the scan before it starts (a rule file
/// that does not load, a missing path, a bad baseline); Terraform files that do not parse are
/// in the report's errors instead, and every other file is still scanned.
pub fn run(options: &Options, progress: &mut dyn Progress) -> Result<Report, String> {
    let started = Instant::now();
    let phase = |name: &str| {
        if options.timings {
            eprintln!("timing: {name} at {:.3}s", started.elapsed().as_secs_f64());
        }
    };
    // The global pool can be set once per process; a second scan in one process keeps it.
    // Its threads get a stack of their own size: evaluation nests as deep as
    // `limits::MAX_EVAL_DEPTH`, more than a default thread stack is sure to hold.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0).min(MAX_JOBS))
        .stack_size(THREAD_STACK_BYTES)
        .build_global();
    let rules = load_rules(options)?;
    phase("rules loaded");
    // Read before the Terraform, so a baseline that cannot be used stops the scan at once.
    let baseline = match options
        .suppressions
        .as_ref()
        .and_then(|s| s.baseline.as_ref())
    {
        Some(path) => Some((Baseline::read(path)?, path.display().to_string())),
        None => None,
    };
    let discovered = terraform::discover(&options.terraform).map_err(|e| e.to_string())?;
    let inputs = VariableInputs::load(&options.variables, std::env::vars(), &discovered.tree)?;
    phase("files found");
    let files_read = progress.reading(discovered.files.len());
    let mut terraform = terraform::load_counting(discovered, &options.root, &inputs, &files_read);
    progress.read();
    // A shard judges its folders, but every folder is read: a module's instances are made by
    // calls in folders of other shards.
    if let Some((index, count)) = options.shard {
        shard::keep(&mut terraform, index, count);
        eprintln!("riveter: shard {index}/{count}: {} files", terraform.files);
    }
    if !options.plans.is_empty() || !options.states.is_empty() {
        // Plans and states: the values Terraform will apply (or has), on the blocks read above.
        terraform =
            terraform::planned::load(&options.plans, &options.states, terraform, &options.root)?;
    }
    phase("terraform evaluated");
    for warning in &terraform.warnings {
        eprintln!("warning: {}", terminal::block(warning));
    }
    let directives = std::mem::take(&mut terraform.directives);

    let mut report = crate::engine::scan(rules, terraform);
    report.compliance = options.compliance;
    phase("rules evaluated");
    if let Some(settings) = &options.suppressions {
        let baseline = baseline.as_ref().map(|(b, p)| (b, p.as_str()));
        suppress(&mut report, &directives, baseline, settings);
    }
    Ok(report)
}

fn load_rules(options: &Options) -> Result<Vec<Rule>, String> {
    let mut set = RuleSet::load(&options.rules).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        format!("the rules could not be loaded:\n  {}", lines.join("\n  "))
    })?;
    for warning in &set.warnings {
        eprintln!("warning: {}", terminal::block(&warning.to_string()));
    }
    set.select(&options.include_rules, &options.exclude_rules)?;
    if set.rules.is_empty() {
        return Err(
            if options.rules.files.is_empty() && options.rules.packs.is_empty() {
                "no rules to evaluate: pass a rule file with -r FILE or a rule pack with -p PACK"
                    .into()
            } else {
                "no rules to evaluate: the rule files hold no rules, or every rule was excluded"
                    .into()
            },
        );
    }
    Ok(set.rules)
}

/// Applies comments and the baseline, and tells what did not work as written.
fn suppress(
    report: &mut Report,
    directives: &[Directive],
    baseline: Option<(&Baseline, &str)>,
    settings: &Suppressions,
) {
    let options = suppression::Options {
        today: settings.today,
        require_reason: settings.require_reason,
    };
    let notes = suppression::apply(report, directives, baseline, options);
    for warning in &notes.warnings {
        eprintln!("warning: {}", terminal::block(warning));
    }
    if !notes.fixed.is_empty() {
        eprintln!(
            "note: {} baseline entries match no failure any more (fixed); `riveter baseline create` drops them:",
            notes.fixed.len()
        );
        for entry in &notes.fixed {
            eprintln!(
                "  fixed: {} on {} ({})",
                terminal::text(&entry.rule_id),
                terminal::text(&entry.resource),
                terminal::text(&entry.file)
            );
        }
    }
}
