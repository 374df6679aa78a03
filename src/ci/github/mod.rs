//! `riveter github`: the container action's entrypoint. It scans the whole repository, writes
//! SARIF and JUnit, and on a pull request says what the change broke: a check run with
//! annotations, one summary comment, and the job summary. Problems with the API are explained
//! and never change the gate's verdict.

mod api;
mod checks;
mod comment;
mod context;
mod identity;
mod inputs;

pub use comment::MARKER;

use crate::changes::{self, Change, ChangedFiles, Judges};
use crate::config;
use crate::escape::{markdown, terminal};
use crate::findings::{Outcome, Report};
use crate::gate::{Gate, GateVerdict};
use crate::output::{self, ColorChoice};
use crate::report::{Emitter, GithubCommands, Markdown};
use crate::scan::{self, Suppressions};
use crate::terraform::CommandLineVariable;
use api::{Api, ApiError};
use comment::Posted;
use context::{Context, PullRequest};
use inputs::{Inputs, Scope};
use std::io::Write;
use std::path::Path;

/// GitHub lists at most 3,000 files of a pull request.
const MAX_CHANGED_FILES: usize = 3_000;

pub fn run() -> u8 {
    let get = |name: &str| std::env::var(name).ok();
    // Before anything else is printed, so that no line can show the token.
    mask_token(&get);
    match action(&get) {
        Ok(code) => code,
        Err(message) => {
            println!(
                "::error title=riveter::{}",
                crate::escape::workflow::data(&message)
            );
            2
        }
    }
}

/// The runner masks the workflow token, but not a token it does not know as a secret (made by
/// an earlier step, read from a file): `::add-mask::` makes the runner blank it out of every
/// later line. A workflow command ends at a line break, so each line of a token that has
/// several is masked on its own too.
fn mask_token(get: &dyn Fn(&str) -> Option<String>) {
    let Some(token) = get("INPUT_GITHUB-TOKEN") else {
        return;
    };
    let mut values: Vec<&str> = std::iter::once(token.trim())
        .chain(token.lines().map(str::trim))
        .filter(|v| !v.is_empty())
        .collect();
    values.dedup();
    for value in values {
        println!("::add-mask::{}", crate::escape::workflow::data(value));
    }
}

fn action(get: &dyn Fn(&str) -> Option<String>) -> Result<u8, String> {
    let inputs = Inputs::read(get)?;
    let context = Context::read(get)?;
    std::env::set_current_dir(&context.workspace)
        .map_err(|e| format!("GITHUB_WORKSPACE {}: {e}", context.workspace.display()))?;
    match &context.pull_request {
        Some(pr) => println!(
            "riveter: {} event, pull request #{} ({}...{})",
            context.event_name, pr.number, pr.base_sha, pr.head_sha
        ),
        None => println!(
            "riveter: {} event: scanning everything, no comment",
            context.event_name
        ),
    }

    // The whole repository every time: the SARIF covers everything, so code scanning never
    // closes an alert just because a pull request did not touch its file.
    let (scan_options, output_options) = options(&inputs)?;
    let mut report = scan::run(&scan_options, &mut scan::Quiet)?;
    let gate = scan_options.gate;
    let mut notes = Notes::default();

    let api = match &inputs.token {
        Some(token) if context.pull_request.is_some() => match Api::new(
            &context.api_url,
            context.graphql_url.as_deref(),
            token,
            &context.repository,
            inputs.api_timeout,
        ) {
            Ok(api) => Some(api),
            Err(e) => {
                notes.say(|quote| {
                    format!("The GitHub API cannot be used: {}", quote(&e.to_string()))
                });
                None
            }
        },
        _ => None,
    };
    let scope = inputs.scope.unwrap_or(if context.pull_request.is_some() {
        Scope::Changed
    } else {
        Scope::All
    });
    // The change's part of the report; `None` when everything counts. Scoping marks each
    // finding of the whole report in or out of scope, which the report files then carry.
    let shown: Option<Report> = match (&context.pull_request, scope) {
        (Some(pr), Scope::Changed) => match changed_files(api.as_ref(), pr, &mut notes) {
            Some(change) => {
                println!(
                    "riveter: the findings pull request #{} can affect ({} changed file(s)); the report files cover the whole repository, each result marked in or out of scope",
                    pr.number,
                    change.files.len()
                );
                if change.versions.is_none() {
                    notes.say(|_| "git cannot give the base version of the changed files, so every finding counts. Check out with `fetch-depth: 0` so git can tell.".to_string());
                }
                let judges = Judges::of(&scan_options);
                if let Some(config) = judges.config_changed(&change.files) {
                    notes.say(|quote| {
                        format!(
                            "The config file {} is part of this pull request: the rules it includes or excludes are the pull request's own.",
                            quote(config)
                        )
                    });
                }
                Some(change.scope(&mut report, &judges))
            }
            None => {
                println!(
                    "riveter: every finding in the repository counts: the changed files are unknown"
                );
                None
            }
        },
        _ => {
            println!("riveter: every finding in the repository counts (scope: all)");
            None
        }
    };
    // The report files before any API call that posts: whatever the API does, they are
    // written. One that cannot be written fails the step at the end, after everything else.
    if let Err(problem) = output::write_report_files(&output_options, &report) {
        notes.failed(problem);
    }
    let scoped: &Report = shown.as_ref().unwrap_or(&report);
    let verdict = gate.verdict(scoped);
    // The log's table is the part that decides the exit code, with the same gate, so its last
    // line and the step's result agree.
    if let Err(problem) = output::write_shown(&output_options, scoped) {
        notes.failed(problem);
    }
    let markdown = Markdown {
        link_base: Some(context.link_base()),
        gate,
    }
    .render(scoped);
    if let Err(problem) = print_annotations(scoped) {
        notes.failed(problem);
    }

    if let (Some(pr), Some(api)) = (&context.pull_request, &api) {
        publish(api, pr, &inputs, (scoped, verdict), &markdown, &mut notes);
    } else if context.pull_request.is_some() && inputs.token.is_none() {
        notes.say(|_| "No github-token was given, so no check run or comment was posted.".into());
    }

    if let Err(problem) = write_outputs(&context, &inputs, scoped) {
        notes.failed(problem);
    }
    if let Err(problem) = write_step_summary(&context, &markdown, &notes) {
        notes.failed(problem);
    }
    Ok(notes.finish(verdict))
}

/// The Action's inputs, completed by the config file, as the scan's and the reports' options:
/// the whole repository, SARIF and JUnit files, the table in the job log.
fn options(inputs: &Inputs) -> Result<(scan::Options, output::Options), String> {
    let config = config::read(inputs.config.as_deref().map(Path::new))?;
    // The working directory is the workspace, which report paths are relative to.
    let root = scan::root::repository_root(Some(Path::new(".")))?;
    let gate = Gate {
        fail_on: inputs.fail_on,
        unknown_fails: inputs.unknown_fails,
    };
    let mut scan = scan::Options::new(root, inputs.paths.clone());
    scan.plans = inputs.plans.clone();
    scan.rules.files = inputs.rules.clone();
    scan.rules.packs = inputs.rule_packs.clone();
    scan.variables = inputs
        .var_files
        .iter()
        .map(|file| CommandLineVariable::File(file.into()))
        .collect();
    scan.gate = gate;
    scan.suppressions = Some(Suppressions {
        baseline: inputs.baseline.as_ref().map(Into::into),
        ..Suppressions::default()
    });
    if let Some((path, config)) = &config {
        scan.add_config(path, config);
    }
    let mut output = output::Options {
        color: ColorChoice::Never,
        sarif: Some(inputs.sarif_file.clone().into()),
        junit: Some(inputs.junit_file.clone().into()),
        gate,
        ..output::Options::default()
    };
    if let Some(category) = &inputs.sarif_category {
        output.sarif_category = category.clone();
    }
    if let Some((_, config)) = &config {
        output.add_config(config, false)?;
    }
    Ok((scan, output))
}

/// The pull request's files from the API, else from git, with their versions from git; `None`
/// when neither lists the files (the whole repository is then the change).
fn changed_files(api: Option<&Api>, pr: &PullRequest, notes: &mut Notes) -> Option<Change> {
    // The workspace is the runner's checkout, which another user than the container's may own:
    // trusted for this command only, never by writing a git config file (a global one would
    // outlive the step in the runner's home folder).
    let workspace = std::env::current_dir().ok();
    if let Some(api) = api {
        let path = format!(
            "/repos/{}/pulls/{}/files?per_page=100",
            api.repository, pr.number
        );
        match api.get_all(&path, MAX_CHANGED_FILES) {
            Ok(files) => {
                // A renamed file counts under its old name too.
                let files = ChangedFiles::new(files.iter().flat_map(|f| {
                    [&f["filename"], &f["previous_filename"]]
                        .into_iter()
                        .filter_map(|name| name.as_str().map(str::to_string))
                }));
                let versions = changes::versions(
                    Path::new("."),
                    &pr.base_sha,
                    &pr.head_sha,
                    workspace.as_deref(),
                );
                let versions = versions.ok();
                let special = versions
                    .as_ref()
                    .and_then(|v| v.special().ok())
                    .unwrap_or_default();
                return Some(Change {
                    files,
                    versions,
                    special,
                });
            }
            Err(e) => {
                eprintln!(
                    "riveter: could not list the pull request's files ({}); asking git",
                    terminal::block(&e.to_string())
                )
            }
        }
    }
    match changes::from_git(
        Path::new("."),
        &pr.base_sha,
        &pr.head_sha,
        workspace.as_deref(),
    ) {
        Ok(changed) => Some(changed),
        Err(e) => {
            notes.say(|quote| format!(
                "The changed files are unknown ({}); every finding counts. Check out with `fetch-depth: 0` so git can tell.",
                quote(&e)
            ));
            None
        }
    }
}

fn publish(
    api: &Api,
    pr: &PullRequest,
    inputs: &Inputs,
    (report, verdict): (&Report, GateVerdict),
    markdown: &str,
    notes: &mut Notes,
) {
    if inputs.annotations {
        let run = checks::publish(api, &pr.head_sha, report, verdict, markdown);
        let name = checks::NAME;
        let all = run.annotations;
        match &run.error {
            None => println!("riveter: check run `{name}` with {all} annotation(s)"),
            Some(error) => {
                if !run.created {
                    notes.not_posted(match error {
                        ApiError::Unclear(_) => format!(
                            "the check run `{name}` and its {all} annotation(s) (GitHub may have created it; riveter did not send it again)"
                        ),
                        _ => format!("the check run `{name}` and its {all} annotation(s)"),
                    });
                } else {
                    if run.sent < all {
                        notes.not_posted(format!(
                            "{} of the {all} annotation(s) of the check run `{name}`",
                            all - run.sent
                        ));
                    }
                    if !run.completed {
                        notes.not_posted(format!(
                            "the conclusion of the check run `{name}`, which stays in progress"
                        ));
                    }
                }
                notes.api_error("the check run", error);
            }
        }
    }
    if inputs.comment {
        let worth_saying = !report.errors.is_empty()
            || report.findings.iter().any(|f| {
                matches!(
                    f.outcome,
                    Outcome::Fail | Outcome::Unknown | Outcome::Suppressed
                )
            });
        match comment::publish(api, pr.number, markdown, worth_saying) {
            Ok(published) => {
                let what = match published.posted {
                    Posted::Created => "created",
                    Posted::Updated => "updated",
                    Posted::Skipped => "not needed: nothing to say and none to update",
                };
                println!("riveter: summary comment by {}: {what}", published.author);
                if published.strangers > 0 {
                    println!(
                        "riveter: left alone {} comment(s) by other accounts that carry riveter's marker",
                        published.strangers
                    );
                }
            }
            Err(e) => {
                notes.not_posted(match e {
                    ApiError::Unclear(_) => "the summary comment (GitHub may have taken it; riveter did not send it again)".into(),
                    _ => "the summary comment".into(),
                });
                notes.api_error("the summary comment", &e);
            }
        }
    }
}

/// What the job log and the job summary should tell about posting, and the problems that fail
/// the step whatever the verdict.
#[derive(Default)]
struct Notes {
    /// Each note as the job summary's Markdown.
    lines: Vec<String>,
    told_forbidden: bool,
    not_posted: Vec<String>,
    /// Reports that could not be written, and the like: the step fails, after everything else
    /// was written and posted.
    failures: Vec<String>,
}

/// How a note quotes what it did not write itself (an error from git or the API).
type Quote<'a> = &'a dyn Fn(&str) -> String;

impl Notes {
    /// `note` makes the sentence; it is given how to quote for each place it goes: as it is
    /// in the workflow command (whose escaping covers the whole line), escaped in Markdown.
    fn say(&mut self, note: impl Fn(Quote) -> String) {
        let line = note(&|quoted| quoted.to_string());
        println!(
            "::warning title=riveter::{}",
            crate::escape::workflow::data(&line)
        );
        self.lines.push(note(&markdown::text));
    }

    fn not_posted(&mut self, what: String) {
        self.not_posted.push(what);
    }

    fn failed(&mut self, problem: String) {
        for line in problem.lines() {
            println!(
                "::error title=riveter::{}",
                crate::escape::workflow::data(line)
            );
            self.lines
                .push(format!("Not written: {}", markdown::text(line)));
        }
        self.failures.push(problem);
    }

    fn api_error(&mut self, what: &str, error: &ApiError) {
        match error {
            // Both the check run and the comment fail on a fork: explain it once.
            ApiError::Forbidden(_) if self.told_forbidden => {}
            ApiError::Forbidden(message) => {
                self.told_forbidden = true;
                self.say(|quote| format!(
                    "The token cannot write to this repository ({}); pull requests from forks get a read-only token. The verdict is unchanged and the report files were written.",
                    quote(message)
                ));
            }
            other => self.say(|quote| {
                format!(
                    "Could not post {what}: {}. The verdict is unchanged.",
                    quote(&other.to_string())
                )
            }),
        }
    }

    /// The last lines of the log: what was not posted, and what failed the step; the exit
    /// code: the verdict's, or 2 when something could not be written.
    fn finish(&self, verdict: GateVerdict) -> u8 {
        if !self.not_posted.is_empty() {
            println!(
                "riveter: not posted: {}. The verdict ({}) is the gate's, whatever the API did.",
                self.not_posted.join("; "),
                verdict_word(verdict)
            );
        }
        if self.failures.is_empty() {
            return verdict.exit_code();
        }
        println!(
            "::error title=riveter::{}",
            crate::escape::workflow::data(&format!(
                "The step fails because {} could not be written (the gate's verdict: {}); everything else was written and posted.",
                if self.failures.len() == 1 {
                    "a file"
                } else {
                    "files"
                },
                verdict_word(verdict)
            ))
        );
        verdict.exit_code().max(GateVerdict::Incomplete.exit_code())
    }
}

fn verdict_word(verdict: GateVerdict) -> &'static str {
    match verdict {
        GateVerdict::Passed => "passed",
        GateVerdict::Failed => "failed",
        GateVerdict::Incomplete => "incomplete",
    }
}

/// Annotations in the job log too, through workflow commands: visible even without a token.
fn print_annotations(report: &Report) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    GithubCommands
        .emit(report, &mut out)
        .map_err(|e| e.to_string())
}

fn write_outputs(context: &Context, inputs: &Inputs, report: &Report) -> Result<(), String> {
    let Some(path) = &context.output_file else {
        return Ok(());
    };
    let text = format!(
        "failed={}\npassed={}\nunknown={}\nsuppressed={}\nsarif-file={}\njunit-file={}\n",
        report.count(Outcome::Fail),
        report.count(Outcome::Pass),
        report.count(Outcome::Unknown),
        report.count(Outcome::Suppressed),
        inputs.sarif_file,
        inputs.junit_file
    );
    append(path, &text)
}

fn write_step_summary(context: &Context, markdown: &str, notes: &Notes) -> Result<(), String> {
    let Some(path) = &context.step_summary_file else {
        return Ok(());
    };
    let mut text = markdown.to_string();
    for line in &notes.lines {
        text.push_str(&format!("\n> [!WARNING]\n> {line}\n"));
    }
    if !notes.not_posted.is_empty() {
        text.push_str(&format!(
            "\n> [!WARNING]\n> Not posted: {}.\n",
            notes.not_posted.join("; ")
        ));
    }
    append(path, &text)
}

fn append(path: &Path, text: &str) -> Result<(), String> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| format!("{}: {e}", path.display()))
}
