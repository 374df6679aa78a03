//! The command line: clap definitions and the exit code. Everything else is called.

mod packs;
mod progress;
mod scan;

pub use scan::scan;

use crate::escape::terminal;
use crate::gate::GateVerdict;
use crate::output::{ColorChoice, Format};
use crate::rules::Severity;
use crate::terraform::CommandLineVariable;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "riveter",
    version,
    about = "A Terraform policy gate for CI",
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate rules against Terraform files and report.
    Scan(Box<ScanArgs>),
    /// Evaluate rules against Terraform state: what is deployed (the Python riveter's command).
    /// Takes the options of `scan`, without -t.
    #[command(mut_arg("terraform", |a| a.hide(true)), mut_arg("plans", |a| a.hide(true)))]
    ScanState(Box<ScanStateArgs>),
    /// The built-in rule packs.
    Packs {
        #[command(subcommand)]
        command: PacksCommand,
    },
    /// Record today's failures so that only new ones fail the gate.
    Baseline {
        #[command(subcommand)]
        command: BaselineCommand,
    },
    /// The built-in rule packs, as `packs list` (the Python riveter's command).
    ListRulePacks,
    /// The GitHub Action's entrypoint: reads the inputs and the event from the environment.
    Github,
    /// Run rule fixtures: the rule files in PATH against the Terraform in PATH/tests.
    Test {
        /// A folder of rule files (or packs) with a `tests/` folder of fixtures.
        path: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct ScanStateArgs {
    /// A state file (terraform.tfstate, `terraform state pull`) or the output of
    /// `terraform show -json` of a state; `-` reads standard input; repeatable.
    #[arg(short = 's', long = "state", value_name = "FILE", required = true)]
    pub states: Vec<String>,

    #[command(flatten)]
    pub scan: ScanArgs,
}

#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Scan, and write every failure to the baseline file (-o, default .riveter-baseline.json).
    /// Takes the options of `scan`.
    Create(Box<ScanArgs>),
}

#[derive(Debug, Subcommand)]
pub enum PacksCommand {
    /// Each pack's name, version, number of checks and controls, and description.
    List,
    /// A pack's checks (id, severity, controls, name) and its controls with their checks.
    Show { name: String },
    /// Each framework's controls and the checks that cover them.
    Coverage,
    /// Markdown documentation of every pack, control and check (docs/rule-packs.md).
    Docs {
        /// Write to FILE instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// A rule file (or a folder of them); repeatable.
    #[arg(short = 'r', long = "rules", value_name = "FILE")]
    pub rules: Vec<String>,

    /// A built-in rule pack by name, or a pack file; repeatable.
    #[arg(short = 'p', long = "rule-pack", value_name = "PACK")]
    pub packs: Vec<String>,

    /// Terraform files, folders (walked, .gitignore respected) or globs; repeatable [default: .]
    #[arg(short = 't', long = "terraform", value_name = "PATH", num_args = 1..)]
    pub terraform: Vec<String>,

    /// The JSON of a plan (`terraform show -json PLANFILE`): its planned values are judged,
    /// placed on the Terraform read from -t; `-` reads standard input; repeatable.
    #[arg(long = "plan", value_name = "FILE")]
    pub plans: Vec<String>,

    /// State files to judge instead of the source's resources (`riveter scan-state -s`).
    #[arg(skip)]
    pub states: Vec<String>,

    /// What goes to standard output [default: table]
    #[arg(
        short = 'f',
        long = "format",
        visible_alias = "output-format",
        value_enum
    )]
    pub format: Option<Format>,

    /// Write the `--format` report to FILE; the table is still shown on standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Print each phase of the scan and its time to standard error.
    #[arg(long = "debug")]
    pub debug: bool,

    /// Accepted for the Python riveter's command line: riveter sends nothing to an AI service;
    /// every finding already says what was expected, what was found and how to fix it.
    #[arg(short = 'e', long = "explain")]
    pub explain: bool,

    /// Also write the JSON report to FILE.
    #[arg(long = "json", value_name = "FILE")]
    pub json: Option<PathBuf>,

    /// Also write SARIF 2.1.0 (for GitHub code scanning) to FILE.
    #[arg(long = "sarif", value_name = "FILE")]
    pub sarif: Option<PathBuf>,

    /// Also write JUnit XML to FILE.
    #[arg(long = "junit", value_name = "FILE")]
    pub junit: Option<PathBuf>,

    /// Also write a GitLab Code Quality report to FILE.
    #[arg(long = "gitlab", value_name = "FILE")]
    pub gitlab: Option<PathBuf>,

    /// Also write a Markdown summary to FILE.
    #[arg(long = "markdown", value_name = "FILE")]
    pub markdown: Option<PathBuf>,

    /// Also write a self-contained HTML report (for CI artifacts) to FILE.
    #[arg(long = "html", value_name = "FILE")]
    pub html: Option<PathBuf>,

    /// The SARIF run's category (automationDetails.id); scans with different categories do
    /// not close each other's alerts.
    #[arg(long = "sarif-category", value_name = "ID", default_value = "riveter/")]
    pub sarif_category: String,

    /// Where Markdown links to files point, e.g. https://github.com/OWNER/REPO/blob/SHA
    #[arg(long = "link-base", value_name = "URL")]
    pub link_base: Option<String>,

    /// What report paths are relative to [default: $GITHUB_WORKSPACE, $CI_PROJECT_DIR, the git
    /// top level, or the working directory]
    #[arg(long = "root", value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// Fail only on failures at or above this severity.
    #[arg(long = "fail-on", value_name = "SEVERITY", default_value = "info", value_parser = parse_severity)]
    pub fail_on: Severity,

    /// Whether results that cannot be decided before `plan` fail the gate.
    #[arg(long = "unknown", value_enum, default_value_t = UnknownPolicy::Pass)]
    pub unknown: UnknownPolicy,

    /// Add to the table, JSON, Markdown and HTML reports the status of every control of this
    /// framework (`cis-aws-2.0`, `pci-dss-4.0`, `soc2`, ...: `riveter packs coverage` lists them):
    /// pass, fail, unknown or not covered, with its findings.
    #[arg(long = "compliance", value_name = "FRAMEWORK")]
    pub compliance: Option<String>,

    /// Evaluate only rules whose id (a former id, or a peer scanner's id) matches this glob;
    /// repeatable. `--check` is checkov's name for it.
    #[arg(long = "include-rules", visible_alias = "check", value_name = "GLOB")]
    pub include_rules: Vec<String>,

    /// Skip rules whose id (a former id, or a peer scanner's id) matches this glob; repeatable.
    /// `--skip-check` is checkov's name for it.
    #[arg(
        long = "exclude-rules",
        visible_alias = "skip-check",
        value_name = "GLOB"
    )]
    pub exclude_rules: Vec<String>,

    /// A variables file (.tfvars or .tfvars.json) for every scanned module; repeatable.
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,

    /// A variable's value for every scanned module that declares it; repeatable.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,

    /// `--var-file` and `--var` in the order given (later ones win, as in Terraform).
    #[arg(skip)]
    pub variables_in_order: Vec<CommandLineVariable>,

    /// Only findings in files changed since REF (git diff REF...HEAD) are shown and fail the
    /// gate; report files still cover everything.
    #[arg(long = "changed-since", value_name = "REF")]
    pub changed_since: Option<String>,

    /// Findings recorded in this baseline (riveter baseline create) are suppressed.
    #[arg(long = "baseline", value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Show everything as if nothing were suppressed (no comments, no baseline).
    #[arg(long = "no-suppressions")]
    pub no_suppressions: bool,

    /// A riveter:ignore comment without reason="..." suppresses nothing.
    #[arg(long = "require-reason")]
    pub require_reason: bool,

    /// The date suppressions expire against (YYYY-MM-DD) [default: today, UTC]
    #[arg(long = "today", value_name = "DATE", hide = true, value_parser = parse_date)]
    pub today: Option<crate::date::Date>,

    /// Threads for reading, parsing and evaluating, 1 to 256 [default: the number of cores].
    /// The reports are the same whatever the number.
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u16).range(1..=crate::scan::MAX_JOBS as i64))]
    pub jobs: Option<u16>,

    /// Scan only this shard of the module folders, INDEX/COUNT (1/4 to 4/4): a monorepo split
    /// across CI matrix jobs. Each shard's SARIF gets its own category.
    #[arg(long = "shard", value_name = "INDEX/COUNT", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,

    /// Benchmarks: read and evaluate the Terraform, then stop (no rules, no reports).
    #[arg(long = "parse-only", hide = true)]
    pub parse_only: bool,

    /// Benchmarks: print the files read and the peak memory to standard error on exit.
    #[arg(long = "stats", hide = true)]
    pub stats: bool,

    /// Config file [default: riveter.yml or .riveter.yml in the working directory]
    #[arg(short = 'c', long = "config", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Colour in the table.
    #[arg(long = "color", value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnknownPolicy {
    Pass,
    Fail,
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let bad = || format!("\"{s}\" is not INDEX/COUNT with 1 <= INDEX <= COUNT (e.g. 2/4)");
    let (index, count) = s.split_once('/').ok_or_else(bad)?;
    let (index, count): (usize, usize) = (
        index.trim().parse().map_err(|_| bad())?,
        count.trim().parse().map_err(|_| bad())?,
    );
    if index == 0 || count == 0 || index > count {
        return Err(bad());
    }
    Ok((index, count))
}

fn parse_date(s: &str) -> Result<crate::date::Date, String> {
    crate::date::Date::parse(s).ok_or_else(|| format!("\"{s}\" is not a date (YYYY-MM-DD)"))
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

pub fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let code = match cli.command {
        Command::Packs { command } => packs::run(command),
        Command::ListRulePacks => packs::run(PacksCommand::List),
        Command::Github => crate::ci::github::run(),
        Command::Baseline {
            command: BaselineCommand::Create(args),
        } => match scan::create_baseline(*args) {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("error: {}", terminal::block(&message));
                2
            }
        },
        Command::Test { path } => match crate::rule_test::run(&path) {
            Ok(run) => {
                print!("{}", terminal::block(&run.render()));
                if run.failed() == 0 { 0 } else { 1 }
            }
            Err(message) => {
                eprintln!("error: {}", terminal::block(&message));
                2
            }
        },
        Command::ScanState(args) => match scan_state(*args, &matches) {
            Ok(verdict) => verdict.exit_code(),
            Err(message) => {
                eprintln!("error: {}", terminal::block(&message));
                GateVerdict::Incomplete.exit_code()
            }
        },
        Command::Scan(mut args) => match scan({
            if let Some(("scan", sub)) = matches.subcommand() {
                args.variables_in_order = scan::variables_in_order(sub);
            }
            *args
        }) {
            Ok(verdict) => verdict.exit_code(),
            Err(message) => {
                eprintln!("error: {}", terminal::block(&message));
                GateVerdict::Incomplete.exit_code()
            }
        },
    };
    ExitCode::from(code)
}

/// `scan-state`: a scan whose resources are the states' (the working directory's Terraform
/// still gives their lines and suppressions).
fn scan_state(args: ScanStateArgs, matches: &clap::ArgMatches) -> Result<GateVerdict, String> {
    let ScanStateArgs { states, mut scan } = args;
    if !scan.terraform.is_empty() || !scan.plans.is_empty() {
        return Err(
            "scan-state judges the state alone: -t and --plan are options of `riveter scan`".into(),
        );
    }
    if let Some(("scan-state", sub)) = matches.subcommand() {
        scan.variables_in_order = scan::variables_in_order(sub);
    }
    scan.states = states;
    scan::scan(scan)
}
