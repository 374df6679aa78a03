//! Writing the requested reports: one to standard output (or `-o`), the others to their
//! files, side by side, each from the same finished `Report`.

use crate::config::Config;
use crate::findings::Report;
use crate::gate::Gate;
use crate::report::{Emitter, GithubCommands, Gitlab, Html, Json, Junit, Markdown, Sarif, Table};
use clap::ValueEnum;
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The formats a report can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Sarif,
    Junit,
    Gitlab,
    Markdown,
    /// One self-contained HTML page: verdict, counts, a chart and filterable findings.
    Html,
    /// GitHub Actions workflow commands (`::error file=…`), which become annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Which reports to write and where, resolved once from flags, inputs and the config file.
#[derive(Debug, Clone)]
pub struct Options {
    /// What goes to standard output (or to `output`).
    pub format: Format,
    /// Where the `format` report goes instead of standard output; the table is still shown.
    pub output: Option<PathBuf>,
    pub color: ColorChoice,
    pub json: Option<PathBuf>,
    pub sarif: Option<PathBuf>,
    pub junit: Option<PathBuf>,
    pub gitlab: Option<PathBuf>,
    pub markdown: Option<PathBuf>,
    pub html: Option<PathBuf>,
    /// The SARIF run's category (`automationDetails.id`).
    pub sarif_category: String,
    /// Where Markdown links to files point.
    pub link_base: Option<String>,
    /// The gate every format states the verdict of, as the exit code does.
    pub gate: Gate,
}

impl Default for Options {
    /// The table on standard output, no files.
    fn default() -> Options {
        Options {
            format: Format::Table,
            output: None,
            color: ColorChoice::Auto,
            json: None,
            sarif: None,
            junit: None,
            gitlab: None,
            markdown: None,
            html: None,
            sarif_category: "riveter/".into(),
            link_base: None,
            gate: Gate::default(),
        }
    }
}

impl Options {
    /// The config file's `output_format` and `output_file`, where the caller named neither.
    /// `format_given`: the caller chose the standard output's format itself.
    pub fn add_config(&mut self, config: &Config, format_given: bool) -> Result<(), String> {
        if self.output.is_none() {
            self.output = config.output_file.clone();
        }
        if !format_given && let Some(name) = &config.output_format {
            self.format = Format::from_str(name, true).map_err(|_| {
                // Every name a format takes, so the message cannot fall behind the formats.
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
        }
        Ok(())
    }
}

/// Writes the report to standard output (or `-o`) and to every requested file. Every report is
/// attempted even if one fails, so one bad path does not lose the others.
/// `shown` goes to standard output and decides nothing here; `full` goes to the files (with
/// `--changed-since`, standard output shows the change's findings while files cover everything).
pub fn write_reports(options: &Options, shown: &Report, full: &Report) -> Result<(), String> {
    // The main output and the report files are written side by side.
    let (main, files) = rayon::join(|| write_main(options, shown), || write_files(options, full));
    let problems: Vec<String> = main.into_iter().chain(files).collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Only the report files, from `full`: the GitHub Action writes them before it asks the API
/// anything, and shows the change's part (`write_shown`) once it knows the change.
pub fn write_report_files(options: &Options, full: &Report) -> Result<(), String> {
    let problems = write_files(options, full);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Only what goes to standard output (or `--output`), from `shown`.
pub fn write_shown(options: &Options, shown: &Report) -> Result<(), String> {
    write_main(options, shown).map_or(Ok(()), Err)
}

/// What `--format` picks, to standard output or to `--output`.
fn write_main(options: &Options, shown: &Report) -> Option<String> {
    let stdout_format = options.format;
    let to_terminal = options.output.is_none() && std::io::stdout().is_terminal();
    let color = use_color(options.color, to_terminal, std::env::var_os("NO_COLOR"));
    let main_emitter = emitter(stdout_format, options, color, to_terminal);
    match &options.output {
        Some(path) => {
            let written = write_file(path, main_emitter.as_ref(), shown).err();
            // As in the Python riveter, the table is still shown when the report goes to a
            // file, so a CI log says what failed.
            let terminal = std::io::stdout().is_terminal();
            let color = use_color(options.color, terminal, std::env::var_os("NO_COLOR"));
            let table = emitter(Format::Table, options, color, terminal);
            written.or_else(|| to_stdout(table.as_ref(), shown))
        }
        None => to_stdout(main_emitter.as_ref(), shown),
    }
}

fn to_stdout(emitter: &dyn Emitter, report: &Report) -> Option<String> {
    // Block-buffered: the standard output's line buffer searches every line it is given.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match emitter.emit(report, &mut out).and_then(|_| out.flush()) {
        // The reader stopped reading (`| head`): not a failure of the scan.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => None,
        Err(e) => Some(format!("could not write to standard output: {e}")),
        Ok(()) => None,
    }
}

/// The requested report files; their problems in the order of the flags' list below.
fn write_files(options: &Options, full: &Report) -> Vec<String> {
    let files = [
        (&options.json, Format::Json),
        (&options.sarif, Format::Sarif),
        (&options.junit, Format::Junit),
        (&options.gitlab, Format::Gitlab),
        (&options.markdown, Format::Markdown),
        (&options.html, Format::Html),
    ];
    let mut requested: Vec<(usize, &Path, Format)> = files
        .into_iter()
        .enumerate()
        .filter_map(|(at, (path, format))| Some((at, path.as_deref()?, format)))
        .collect();
    // Each report reads the same finished scan and writes its own file, so they are written
    // side by side, those with the longest parts on one core first. Started after the
    // others, the JUnit report (each group of suites written on one core) finished alone, a
    // monorepo scan's last half second, and so did SARIF (every rule described and the
    // gzipped size measured on one core). JSON, rendered in windows on every core, fills the
    // time to the end.
    requested.sort_by_key(|&(_, _, format)| match format {
        Format::Junit => 0,
        Format::Sarif => 1,
        _ => 2,
    });
    let mut written: Vec<(usize, Option<String>)> = requested
        .into_par_iter()
        .map(|(at, path, format)| {
            let emitter = emitter(format, options, false, false);
            (at, write_file(path, emitter.as_ref(), full).err())
        })
        .collect();
    // Problems in the order of the list above.
    written.sort_by_key(|&(at, _)| at);
    written
        .into_iter()
        .filter_map(|(_, problem)| problem)
        .collect()
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

/// `to_terminal`: a person reads it as it is, so JSON is indented; files and pipes get it
/// compact (`jq .` indents it).
fn emitter(format: Format, options: &Options, color: bool, to_terminal: bool) -> Box<dyn Emitter> {
    match format {
        Format::Table => Box::new(Table {
            color,
            gate: options.gate,
        }),
        Format::Json => Box::new(Json {
            pretty: to_terminal,
            gate: options.gate,
        }),
        Format::Sarif => Box::new(Sarif {
            category: options.sarif_category.clone(),
        }),
        Format::Junit => Box::new(Junit),
        Format::Gitlab => Box::new(Gitlab),
        Format::Markdown => Box::new(Markdown {
            link_base: options.link_base.clone(),
            gate: options.gate,
        }),
        Format::Html => Box::new(Html { gate: options.gate }),
        Format::Github => Box::new(GithubCommands),
    }
}

/// Streams the report to the file: a JSON report can be many times the size of the Terraform,
/// so it is never held whole in memory. The flush is explicit, as dropping a writer hides errors.
fn write_file(path: &Path, emitter: &dyn Emitter, report: &Report) -> Result<(), String> {
    std::fs::File::create(path)
        .and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            emitter.emit(report, &mut out)?;
            out.flush()
        })
        .map_err(|e| format!("{}: could not write the report: {e}", path.display()))
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
