//! `cargo bench`: riveter's speed and memory on generated Terraform from one file to 10,000
//! files, with every built-in pack.
//!
//! - As a user runs it: the release binary's wall time (median of three runs) and peak memory
//!   (the kernel's high-water mark), reading the Terraform only (`--parse-only`) and scanning
//!   with SARIF, JUnit and JSON written; and how a scan's cost grows with the number of rules.
//! - Each stage on its own, in this process: reading and evaluating the Terraform, evaluating
//!   the rules, and writing each report (its size over its time, in MB/s).
//!
//! It fails when evaluating the rules costs more than 0.8 of reading the Terraform on the
//! largest tree, or when a report whose size grows with the findings is written slower than
//! `MIN_REPORT_MB_PER_S`. The first is a ratio measured in one run, so a slower machine does not
//! fail it; the second is a floor well below the speeds measured on a busy two-core machine
//! (docs/performance.md has the figures), so only a report that became several times slower
//! fails it.
//!
//! `RIVETER_BENCH_SIZES=1,100,1000` picks the sizes (default: 1, 100, 1000, 10000).

#[path = "support/generate.rs"]
mod generate;

use riveter::findings::Report;
use riveter::gate::Gate;
use riveter::report::{Emitter, GithubCommands, Gitlab, Json, Junit, Markdown, Sarif, Table};
use riveter::rules::{Rule, RuleSet, RuleSources};
use riveter::terraform::{self, Terraform, VariableInputs};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The most that evaluating every pack's rules may cost, relative to reading and evaluating the
/// Terraform they are evaluated on.
const MAX_RULES_PER_PARSE: f64 = 0.8;
/// The slowest a report may be written, in MB of report per second.
const MIN_REPORT_MB_PER_S: f64 = 20.0;
/// Changing the generator invalidates the cached trees.
const GENERATOR_VERSION: u32 = 2;
/// The most that working out a pull request's scope (`--changed-since`) may add to the scan of
/// the largest tree.
const MAX_SCOPE_OVERHEAD: f64 = 0.10;

struct Measure {
    seconds: f64,
    peak_mb: f64,
}

fn main() {
    let sizes: Vec<usize> = std::env::var("RIVETER_BENCH_SIZES")
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|_| vec![1, 100, 1_000, 10_000]);
    let packs = packs();
    println!(
        "riveter benchmark: {} cores, {} rules in {} packs",
        cores(),
        rule_count(&packs),
        packs.len()
    );
    println!();
    println!("As a user runs it (wall time and peak memory of the process):");
    println!();
    println!(
        "| files | MB | parse-only | full scan | files/s (full) | MB/s (full) | peak MB (parse / full) |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for &files in &sizes {
        let (dir, bytes) = tree(files);
        let mb = bytes as f64 / 1e6;
        let parse = median(|| run(&dir, &["--parse-only"]));
        let full = median(|| run_full(&dir, &packs, &[]));
        println!(
            "| {files} | {mb:.1} | {:.3} s | {:.3} s | {:.0} | {:.1} | {:.0} / {:.0} |",
            parse.seconds,
            full.seconds,
            files as f64 / full.seconds,
            mb / full.seconds,
            parse.peak_mb,
            full.peak_mb
        );
    }
    // Cost with the number of rules, on a middle size.
    let middle = sizes
        .iter()
        .copied()
        .filter(|&n| n <= 1_000)
        .max()
        .unwrap_or(sizes[0]);
    let (dir, _) = tree(middle);
    println!();
    println!("| rules ({middle} files) | full scan |");
    println!("|---:|---:|");
    for n in [1, packs.len() / 3, packs.len()] {
        let chosen = &packs[..n.max(1)];
        let full = median(|| run_full(&dir, chosen, &[]));
        println!("| {} | {:.3} s |", rule_count(chosen), full.seconds);
    }

    println!();
    println!("Each stage on its own (median of three, in this process):");
    println!();
    println!("| files | read and evaluate Terraform | evaluate rules | rules / Terraform |");
    println!("|---:|---:|---:|---:|");
    let mut rules_ratio = 0.0;
    let mut largest = None;
    for &files in &sizes {
        let (dir, _) = tree(files);
        let parse = median_seconds(|| timed(|| load(&dir)).0);
        let evaluate = median_seconds(|| {
            let tf = load(&dir);
            let rules = rules(&packs);
            timed(|| riveter::engine::scan(rules, tf)).0
        });
        rules_ratio = evaluate / parse;
        println!("| {files} | {parse:.3} s | {evaluate:.3} s | {rules_ratio:.2} |");
        largest = Some(dir);
    }

    let dir = largest.expect("at least one size");
    let report = riveter::engine::scan(rules(&packs), load(&dir));
    println!();
    println!(
        "Writing each report of the largest tree ({} findings):",
        report.findings.len()
    );
    println!();
    println!("| report | MB | seconds | MB/s |");
    println!("|---|---:|---:|---:|");
    let mut slowest: Option<(&str, f64)> = None;
    for (name, emitter, judged) in emitters() {
        let mut bytes = 0;
        let seconds = median_seconds(|| {
            let (seconds, written) = timed(|| write(emitter.as_ref(), &report));
            bytes = written;
            seconds
        });
        let mb = bytes as f64 / 1e6;
        let speed = mb / seconds;
        println!("| {name} | {mb:.1} | {seconds:.3} | {speed:.0} |");
        if judged && slowest.is_none_or(|(_, s)| speed < s) {
            slowest = Some((name, speed));
        }
    }
    // The process ends here: dropping the model piece by piece would only take time.
    std::mem::forget(report);

    println!();
    let mut failed = false;
    if rules_ratio > MAX_RULES_PER_PARSE {
        println!(
            "FAIL: evaluating the rules costs {rules_ratio:.2}x reading the Terraform on the largest tree (at most {MAX_RULES_PER_PARSE})"
        );
        failed = true;
    } else {
        println!(
            "ok: evaluating the rules costs {rules_ratio:.2}x reading the Terraform on the largest tree (at most {MAX_RULES_PER_PARSE})"
        );
    }
    let (name, speed) = slowest.expect("at least one report");
    if speed < MIN_REPORT_MB_PER_S {
        println!(
            "FAIL: the {name} report is written at {speed:.0} MB/s (at least {MIN_REPORT_MB_PER_S})"
        );
        failed = true;
    } else {
        println!(
            "ok: the slowest report, {name}, is written at {speed:.0} MB/s (at least {MIN_REPORT_MB_PER_S})"
        );
    }
    failed |= exploding_values();
    failed |= change_scope(&dir, &packs);
    plan_scan(&packs);
    if failed {
        std::process::exit(1);
    }
}

/// The most a scan of values that explode may take, and the most memory: evaluation is bounded
/// (docs/evaluation.md, "Limits").
const MAX_EXPLODING_SECONDS: f64 = 1.0;
const MAX_EXPLODING_PEAK_MB: f64 = 400.0;

/// Modules whose values explode, each alone: a local doubled forty times with `concat`, a
/// template doubled forty times, a `replace` of every character by a long text, and a nest of
/// loops a billion iterations deep. Returns whether one took too long or too much memory.
fn exploding_values() -> bool {
    let doubling = |first: &str, step: &dyn Fn(usize) -> String| {
        let mut text = format!("locals {{\n  v0 = {first}\n");
        for i in 1..=40 {
            text.push_str(&format!("  v{i} = {}\n", step(i - 1)));
        }
        text + "}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  tags = { n = length(local.v40) }\n}\n"
    };
    let cases = [
        ("concat", doubling("[\"x\"]", &|p| format!("concat(local.v{p}, local.v{p})"))),
        ("template", doubling("\"xxxxxxxxxx\"", &|p| format!("\"${{local.v{p}}}${{local.v{p}}}\""))),
        (
            "replace",
            "locals {\n  long = join(\"\", [for i in range(1000) : \"abcdefghij\"])\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = replace(local.long, \"/./\", local.long)\n}\n".to_string(),
        ),
        (
            "loops",
            "resource \"aws_s3_bucket\" \"b\" {\n  tags = { n = length([for i in range(1000) : [for j in range(1000) : [for k in range(1000) : \"${i}${j}${k}\"]]]) }\n}\n".to_string(),
        ),
    ];
    println!();
    println!("Values that explode (each module alone, with every pack):");
    println!();
    println!("| module | wall | peak MB |");
    println!("|---|---:|---:|");
    let packs = packs();
    let mut failed = false;
    for (name, text) in cases {
        let dir = std::env::temp_dir().join(format!(
            "riveter-bench-explode-{}-{name}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("main.tf"), text).unwrap();
        let measure = median(|| run_full(&dir, &packs, &[]));
        println!(
            "| {name} | {:.3} s | {:.0} |",
            measure.seconds, measure.peak_mb
        );
        if measure.seconds > MAX_EXPLODING_SECONDS || measure.peak_mb > MAX_EXPLODING_PEAK_MB {
            println!(
                "FAIL: the {name} module took {:.3} s and {:.0} MB (at most {MAX_EXPLODING_SECONDS} s and {MAX_EXPLODING_PEAK_MB} MB)",
                measure.seconds, measure.peak_mb
            );
            failed = true;
        }
        std::fs::remove_dir_all(&dir).ok();
    }
    failed
}

/// Resource instances in the generated plan.
const PLAN_INSTANCES: usize = 50_000;

/// A plan of `PLAN_INSTANCES` instances (`terraform show -json`'s shape: planned values,
/// resource changes with their unknowns, configuration), half in a local module, scanned with
/// every pack and the SARIF, JUnit and JSON reports, as `scan --plan` runs in a pipeline.
fn plan_scan(packs: &[String]) {
    let dir = std::env::temp_dir().join(format!("riveter-bench-plan-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("modules/app")).unwrap();
    let blocks = "variable \"n\" {\n  type = number\n}\n\nvariable \"acl\" {\n  type = string\n}\n\nresource \"aws_s3_bucket\" \"b\" {\n  count  = var.n\n  bucket = \"logs-${count.index}\"\n  acl    = var.acl\n}\n\nresource \"aws_kms_key\" \"k\" {\n  count               = var.n\n  enable_key_rotation = var.n > 0\n}\n\nresource \"aws_security_group\" \"sg\" {\n  count = var.n\n  name  = \"sg-${count.index}\"\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = \"tcp\"\n    cidr_blocks = [\"10.0.0.0/8\"]\n  }\n}\n\nresource \"aws_s3_bucket_versioning\" \"v\" {\n  count  = var.n\n  bucket = aws_s3_bucket.b[count.index].id\n  versioning_configuration {\n    status = \"Enabled\"\n  }\n}\n\nresource \"aws_db_instance\" \"db\" {\n  count             = var.n\n  identifier        = \"db-${count.index}\"\n  storage_encrypted = true\n  engine            = \"postgres\"\n}\n";
    std::fs::write(dir.join("main.tf"), format!("{blocks}\nmodule \"app\" {{\n  source = \"./modules/app\"\n  n      = var.n\n  acl    = var.acl\n}}\n")).unwrap();
    std::fs::write(dir.join("modules/app/main.tf"), blocks).unwrap();
    let per_block = PLAN_INSTANCES / 10;
    let values = |kind: &str, i: usize| -> String {
        match kind {
            "aws_s3_bucket" => format!(
                r#"{{"bucket":"logs-{i}","acl":"private","force_destroy":false,"tags":{{"team":"data","env":"prod"}}}}"#
            ),
            "aws_kms_key" => {
                r#"{"enable_key_rotation":true,"deletion_window_in_days":30,"is_enabled":true}"#
                    .to_string()
            }
            "aws_security_group" => format!(
                r#"{{"name":"sg-{i}","ingress":[{{"from_port":443,"to_port":443,"protocol":"tcp","cidr_blocks":["10.0.0.0/8"],"description":""}}]}}"#
            ),
            "aws_s3_bucket_versioning" => {
                r#"{"versioning_configuration":[{"status":"Enabled","mfa_delete":null}]}"#
                    .to_string()
            }
            _ => format!(
                r#"{{"identifier":"db-{i}","storage_encrypted":true,"engine":"postgres","publicly_accessible":false}}"#
            ),
        }
    };
    let kinds = [
        ("aws_s3_bucket", "b"),
        ("aws_kms_key", "k"),
        ("aws_security_group", "sg"),
        ("aws_s3_bucket_versioning", "v"),
        ("aws_db_instance", "db"),
    ];
    let mut planned = [String::new(), String::new()];
    let mut changes = Vec::new();
    for (m, prefix) in ["", "module.app."].iter().enumerate() {
        let mut resources = Vec::new();
        for (kind, name) in kinds {
            for i in 0..per_block {
                let address = format!("{prefix}{kind}.{name}[{i}]");
                let values = values(kind, i);
                resources.push(format!(r#"{{"address":"{address}","mode":"managed","type":"{kind}","name":"{name}","index":{i},"provider_name":"registry.terraform.io/hashicorp/aws","schema_version":0,"values":{values},"sensitive_values":{{}}}}"#));
                changes.push(format!(r#"{{"address":"{address}","mode":"managed","type":"{kind}","name":"{name}","index":{i},"change":{{"actions":["create"],"before":null,"after":{values},"after_unknown":{{"arn":true,"id":true}}}}}}"#));
            }
        }
        planned[m] = resources.join(",");
    }
    let configuration: Vec<String> = kinds
        .iter()
        .map(|(kind, name)| {
            format!(
                r#"{{"address":"{kind}.{name}","mode":"managed","type":"{kind}","name":"{name}"}}"#
            )
        })
        .collect();
    let configuration = configuration.join(",");
    let plan = format!(
        r#"{{"format_version":"1.2","terraform_version":"1.11.4","planned_values":{{"root_module":{{"resources":[{}],"child_modules":[{{"address":"module.app","resources":[{}]}}]}}}},"resource_changes":[{}],"configuration":{{"root_module":{{"resources":[{configuration}],"module_calls":{{"app":{{"source":"./modules/app","module":{{"resources":[{configuration}]}}}}}}}}}}}}"#,
        planned[0],
        planned[1],
        changes.join(",")
    );
    let plan_file = dir.join("plan.json");
    std::fs::write(&plan_file, &plan).unwrap();
    let out = std::env::temp_dir().join(format!("riveter-bench-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let mut args: Vec<String> = vec!["--plan".into(), plan_file.display().to_string()];
    for p in packs {
        args.extend(["-p".into(), p.clone()]);
    }
    for (flag, file) in [
        ("--sarif", "p.sarif"),
        ("--junit", "p.xml"),
        ("--json", "p.json"),
    ] {
        args.extend([flag.into(), out.join(file).display().to_string()]);
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let measure = median(|| run(&dir, &refs));
    println!();
    println!("A plan (scan --plan, every pack, SARIF, JUnit and JSON written):");
    println!();
    println!("| instances | plan MB | full scan | peak MB |");
    println!("|---:|---:|---:|---:|");
    println!(
        "| {PLAN_INSTANCES} | {:.1} | {:.3} s | {:.0} |",
        plan.len() as f64 / 1e6,
        measure.seconds,
        measure.peak_mb
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Every report format, as the command line writes it to a file, and whether its speed is
/// judged. The Markdown summary is not: it stops at the size of a pull request comment, so its
/// MB/s says how little it writes, not how fast.
fn emitters() -> Vec<(&'static str, Box<dyn Emitter>, bool)> {
    vec![
        (
            "JSON",
            Box::new(Json {
                pretty: false,
                gate: Gate::default(),
            }),
            true,
        ),
        (
            "SARIF",
            Box::new(Sarif {
                category: "riveter/".into(),
            }),
            true,
        ),
        ("JUnit", Box::new(Junit), true),
        ("GitLab Code Quality", Box::new(Gitlab), true),
        (
            "Markdown",
            Box::new(Markdown {
                link_base: None,
                gate: Gate::default(),
            }),
            false,
        ),
        (
            "table",
            Box::new(Table {
                color: false,
                gate: Gate::default(),
            }),
            true,
        ),
        ("GitHub workflow commands", Box::new(GithubCommands), true),
    ]
}

/// Reads and evaluates the tree, as `--parse-only` does.
fn load(dir: &Path) -> Terraform {
    let found = terraform::discover(&[dir.display().to_string()]).expect("the tree is there");
    terraform::load(found, dir, &VariableInputs::default())
}

fn rules(packs: &[String]) -> Vec<Rule> {
    RuleSet::load(&RuleSources {
        files: Vec::new(),
        packs: packs.to_vec(),
    })
    .unwrap_or_else(|e| panic!("the packs load: {e:?}"))
    .rules
}

/// Writes the report to nothing, through a buffer as a file is written; the bytes written.
fn write(emitter: &dyn Emitter, report: &Report) -> u64 {
    let mut out = io::BufWriter::new(Counter(0));
    emitter
        .emit(report, &mut out)
        .expect("the report is written");
    out.flush().expect("the report is written");
    out.get_ref().0
}

struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// How long `f` took, and what it returned. What it returned is dropped after the clock stops,
/// as a scan leaves its model to the process's exit.
fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let started = Instant::now();
    let value = f();
    (started.elapsed().as_secs_f64(), value)
}

fn median_seconds(mut measure: impl FnMut() -> f64) -> f64 {
    let mut runs: Vec<f64> = (0..3).map(|_| measure()).collect();
    runs.sort_by(f64::total_cmp);
    runs[1]
}

fn riveter() -> &'static str {
    env!("CARGO_BIN_EXE_riveter")
}

fn packs() -> Vec<String> {
    let out = Command::new(riveter())
        .args(["packs", "list"])
        .output()
        .unwrap();
    // A header, a line per pack, then a blank line before the totals.
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// The rules the packs load: a check several of them select counts once.
fn rule_count(packs: &[String]) -> usize {
    rules(packs).len()
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The generated tree for a size, made once and kept under target/.
fn tree(files: usize) -> (PathBuf, usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("target/bench-data/v{GENERATOR_VERSION}-{files}"));
    let marker = dir.join(".bytes");
    if let Ok(text) = std::fs::read_to_string(&marker) {
        return (dir, text.trim().parse().unwrap());
    }
    let _ = std::fs::remove_dir_all(&dir);
    let bytes = generate::generate(&dir, files, 42);
    std::fs::write(&marker, bytes.to_string()).unwrap();
    (dir, bytes)
}

/// A change the benchmark commits: what it is, the file, and the new text from the old.
type Change<'a> = (&'a str, &'a Path, fn(&str) -> String);

/// A pull request's scope on the largest tree, as a git repository: the same full scan with
/// and without `--changed-since`, after a change every stack reaches (a default of the module
/// they all call) and one only its own block does (a comment). Returns whether working out the
/// scope cost more than `MAX_SCOPE_OVERHEAD` of the scan.
fn change_scope(tree: &Path, packs: &[String]) -> bool {
    let repo = tree.with_file_name(format!(
        "{}-git",
        tree.file_name().unwrap().to_string_lossy()
    ));
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args([
                "-c",
                "user.name=bench",
                "-c",
                "user.email=bench@example.com",
            ])
            .args(args)
            .current_dir(&repo)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {out:?}");
    };
    if !repo.join(".git").is_dir() {
        let _ = std::fs::remove_dir_all(&repo);
        let copied = Command::new("cp")
            .arg("-a")
            .arg(tree)
            .arg(&repo)
            .status()
            .unwrap();
        assert!(copied.success());
        git(&["init", "-q", "-b", "main"]);
        git(&["add", "-A"]);
        git(&["commit", "-q", "-m", "base"]);
        git(&["tag", "base"]);
    }
    let bucket = repo.join("modules/bucket/main.tf");
    let stack = repo.join("envs/000/stack-00000/main.tf");
    let changes: [Change; 2] = [
        ("a default of the module every stack calls", &bucket, |t| {
            t.replacen("default = \"aws:kms\"", "default = \"AES256\"", 1)
        }),
        ("a comment inside one block", &stack, |t| {
            t.replacen(
                "enable_key_rotation",
                "# rotated yearly\n  enable_key_rotation",
                1,
            )
        }),
    ];
    println!();
    println!("A pull request's scope on the largest tree (the same full scan, median of three):");
    println!();
    println!("| the change | full scan | with --changed-since | added |");
    println!("|---|---:|---:|---:|");
    let mut worst: f64 = 0.0;
    for (what, file, change) in changes {
        git(&["reset", "-q", "--hard", "base"]);
        let text = std::fs::read_to_string(file).unwrap();
        let changed = change(&text);
        assert_ne!(text, changed, "the change to {} applies", file.display());
        std::fs::write(file, changed).unwrap();
        git(&["commit", "-q", "-am", what]);
        let full = median(|| run_full(&repo, packs, &[]));
        let scoped = median(|| run_full(&repo, packs, &["--changed-since", "base"]));
        let added = scoped.seconds / full.seconds - 1.0;
        worst = worst.max(added);
        println!(
            "| {what} | {:.3} s | {:.3} s | {:+.1}% |",
            full.seconds,
            scoped.seconds,
            added * 100.0
        );
    }
    git(&["reset", "-q", "--hard", "base"]);
    println!();
    if worst > MAX_SCOPE_OVERHEAD {
        println!(
            "FAIL: working out the scope adds {:.1}% to the scan (at most {:.0}%)",
            worst * 100.0,
            MAX_SCOPE_OVERHEAD * 100.0
        );
        true
    } else {
        println!(
            "ok: working out the scope adds at most {:.1}% to the scan (at most {:.0}%)",
            worst * 100.0,
            MAX_SCOPE_OVERHEAD * 100.0
        );
        false
    }
}

fn run_full(dir: &Path, packs: &[String], extra: &[&str]) -> Measure {
    let out = std::env::temp_dir().join(format!("riveter-bench-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let mut args: Vec<String> = Vec::new();
    for p in packs {
        args.push("-p".into());
        args.push(p.clone());
    }
    for (flag, file) in [
        ("--sarif", "r.sarif"),
        ("--junit", "r.xml"),
        ("--json", "r.json"),
    ] {
        args.push(flag.into());
        args.push(out.join(file).display().to_string());
    }
    let mut refs: Vec<&str> = args.iter().map(String::as_str).collect();
    refs.extend_from_slice(extra);
    run(dir, &refs)
}

fn run(dir: &Path, args: &[&str]) -> Measure {
    let started = Instant::now();
    let out = Command::new(riveter())
        .arg("scan")
        .args(args)
        .args(["--stats", "--root"])
        .arg(dir)
        .arg("-t")
        .arg(dir)
        .env("RIVETER_PROGRESS", "never")
        // The table is written as a user's terminal would get it, and not kept.
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let peak_kb: f64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-memory-kb "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("riveter printed no peak memory: {stderr}"));
    Measure {
        seconds,
        peak_mb: peak_kb / 1024.0,
    }
}

fn median(mut measure: impl FnMut() -> Measure) -> Measure {
    let mut runs: Vec<Measure> = (0..3).map(|_| measure()).collect();
    runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    runs.swap_remove(1)
}
