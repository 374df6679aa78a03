//! The command line: clap definitions, wiring, and the exit code. Everything else is called.

use crate::config::{self, Config};
use crate::gate::{Gate, GateVerdict};
use crate::report::{Emitter, Json, Report, Table};
use crate::rules::{RuleSet, RuleSources, Severity};
use crate::terraform::{CommandLineVariable, VariableInputs};
use crate::{engine, terraform};
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
    Scan(ScanArgs),
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

    /// What goes to standard output [default: table]
    #[arg(
        short = 'f',
        long = "format",
        visible_alias = "output-format",
        value_enum
    )]
    pub format: Option<Format>,

    /// Write the standard-output report to FILE instead.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write the JSON report to FILE.
    #[arg(long = "json", value_name = "FILE")]
    pub json: Option<PathBuf>,

    /// Fail only on failures at or above this severity.
    #[arg(long = "fail-on", value_name = "SEVERITY", default_value = "info", value_parser = parse_severity)]
    pub fail_on: Severity,

    /// Whether results that cannot be decided before `plan` fail the gate.
    #[arg(long = "unknown", value_enum, default_value_t = UnknownPolicy::Pass)]
    pub unknown: UnknownPolicy,

    /// Evaluate only rules whose id matches this glob; repeatable.
    #[arg(long = "include-rules", value_name = "GLOB")]
    pub include_rules: Vec<String>,

    /// Skip rules whose id matches this glob; repeatable.
    #[arg(long = "exclude-rules", value_name = "GLOB")]
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

    /// Config file [default: riveter.yml or .riveter.yml in the working directory]
    #[arg(short = 'c', long = "config", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Colour in the table.
    #[arg(long = "color", value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnknownPolicy {
    Pass,
    Fail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

pub fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let code = match cli.command {
        Command::Scan(mut args) => match scan({
            if let Some(("scan", sub)) = matches.subcommand() {
                args.variables_in_order = variables_in_order(sub);
            }
            args
        }) {
            Ok(verdict) => verdict.exit_code(),
            Err(message) => {
                eprintln!("error: {message}");
                GateVerdict::Incomplete.exit_code()
            }
        },
    };
    ExitCode::from(code)
}

/// The whole `scan` command. An `Err` is a problem that stops the scan before it starts
/// (exit code 2); parse errors in Terraform files are in the report instead.
pub fn scan(mut args: ScanArgs) -> Result<GateVerdict, String> {
    let config = match config::locate(args.config.as_deref()) {
        Some(path) => config::load(&path)?,
        None => Config::default(),
    };
    for key in config.other.keys() {
        eprintln!("warning: config: unknown setting `{key}` is ignored");
    }
    apply_config(&mut args, config)?;

    let rules = load_rules(&args)?;
    if args.terraform.is_empty() {
        args.terraform.push(".".into());
    }
    let discovered = terraform::discover(&args.terraform).map_err(|e| e.to_string())?;
    let root =
        std::path::absolute(".").map_err(|e| format!("cannot read the working directory: {e}"))?;
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
    let terraform = terraform::load(discovered, &root, &inputs);
    for warning in &terraform.warnings {
        eprintln!("warning: {warning}");
    }

    let mut report = engine::scan(rules, terraform);
    report.gate = Gate {
        fail_on: args.fail_on,
        unknown_fails: args.unknown == UnknownPolicy::Fail,
    };
    write_reports(&args, &report)?;
    Ok(report.verdict())
}

/// clap keeps each flag's values apart; Terraform's precedence needs their common order.
fn variables_in_order(matches: &ArgMatches) -> Vec<CommandLineVariable> {
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
    if args.format.is_none()
        && let Some(name) = config.output_format
    {
        let format = Format::from_str(&name, true)
            .map_err(|_| format!("config: output_format \"{name}\" is not one of table, json"))?;
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

/// Writes the report to standard output (or `-o`) and to every requested file. Every report is
/// attempted even if one fails, so one bad path does not lose the others.
fn write_reports(args: &ScanArgs, report: &Report) -> Result<(), String> {
    let mut problems = Vec::new();
    let stdout_format = args.format.unwrap_or(Format::Table);
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = use_color(args.color, to_terminal, std::env::var_os("NO_COLOR"));
    let main_emitter = emitter(stdout_format, color);
    match &args.output {
        Some(path) => write_file(path, main_emitter.as_ref(), report, &mut problems),
        None => {
            let mut out = std::io::stdout().lock();
            match main_emitter
                .emit(report, &mut out)
                .and_then(|_| out.flush())
            {
                // The reader stopped reading (`| head`): not a failure of the scan.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(e) => problems.push(format!("could not write to standard output: {e}")),
                Ok(()) => {}
            }
        }
    }
    if let Some(path) = &args.json {
        write_file(path, &Json, report, &mut problems);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Colour for a terminal only, and never when `NO_COLOR` is set to anything but the empty string
/// (no-color.org).
fn use_color(choice: ColorChoice, to_terminal: bool, no_color: Option<std::ffi::OsString>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && no_color.is_none_or(|v| v.is_empty()),
    }
}

fn emitter(format: Format, color: bool) -> Box<dyn Emitter> {
    match format {
        Format::Table => Box::new(Table { color }),
        Format::Json => Box::new(Json),
    }
}

fn write_file(path: &Path, emitter: &dyn Emitter, report: &Report, problems: &mut Vec<String>) {
    let mut bytes = Vec::new();
    let result = emitter
        .emit(report, &mut bytes)
        .and_then(|_| std::fs::write(path, &bytes));
    if let Err(e) = result {
        problems.push(format!(
            "{}: could not write the report: {e}",
            path.display()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_goes_to_terminals_unless_no_color_is_set() {
        assert!(use_color(ColorChoice::Auto, true, None));
        assert!(use_color(ColorChoice::Auto, true, Some("".into())));
        assert!(!use_color(ColorChoice::Auto, true, Some("1".into())));
        assert!(!use_color(ColorChoice::Auto, false, None));
        assert!(use_color(ColorChoice::Always, false, Some("1".into())));
        assert!(!use_color(ColorChoice::Never, true, None));
    }
}
