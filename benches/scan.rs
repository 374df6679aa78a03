//! `cargo bench`: riveter's speed and memory on generated Terraform from one file to 10,000
//! files, parse-only and full scan (every built-in pack, SARIF + JUnit + JSON written), and how
//! cost grows with the number of rules. The release binary runs as a user runs it; wall time is
//! the median of three runs, peak memory the kernel's high-water mark.
//!
//! It fails when a full scan of the largest tree costs more than 1.5 times its parse-only scan:
//! a ratio measured in one run, not an absolute time, so a slower machine does not fail it.
//!
//! `RIVETER_BENCH_SIZES=1,100,1000` picks the sizes (default: 1, 100, 1000, 10000).

#[path = "support/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The most a full scan may cost relative to parse-only before the benchmark fails.
const MAX_RATIO: f64 = 1.5;
/// Changing the generator invalidates the cached trees.
const GENERATOR_VERSION: u32 = 2;

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
    println!(
        "| files | MB | parse-only | full scan | full / parse | files/s (full) | MB/s (full) | peak MB (parse / full) |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut last_ratio = 0.0;
    for &files in &sizes {
        let (dir, bytes) = tree(files);
        let mb = bytes as f64 / 1e6;
        let parse = median(|| run(&dir, &["--parse-only"]));
        let full = median(|| run_full(&dir, &packs));
        last_ratio = full.seconds / parse.seconds;
        println!(
            "| {files} | {mb:.1} | {:.3} s | {:.3} s | {last_ratio:.2} | {:.0} | {:.1} | {:.0} / {:.0} |",
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
        let full = median(|| run_full(&dir, chosen));
        println!("| {} | {:.3} s |", rule_count(chosen), full.seconds);
    }
    println!();
    if last_ratio > MAX_RATIO {
        println!(
            "FAIL: the full scan costs {last_ratio:.2}x parse-only on the largest tree (at most {MAX_RATIO})"
        );
        std::process::exit(1);
    }
    println!(
        "ok: the full scan costs {last_ratio:.2}x parse-only on the largest tree (at most {MAX_RATIO})"
    );
}

fn riveter() -> &'static str {
    env!("CARGO_BIN_EXE_riveter")
}

fn packs() -> Vec<String> {
    let out = Command::new(riveter())
        .args(["packs", "list"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

fn rule_count(packs: &[String]) -> usize {
    packs
        .iter()
        .map(|p| {
            let out = Command::new(riveter())
                .args(["packs", "show", p])
                .output()
                .unwrap();
            String::from_utf8(out.stdout).unwrap().lines().count()
        })
        .sum()
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

fn run_full(dir: &Path, packs: &[String]) -> Measure {
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
    args.extend(["-o".into(), out.join("table.txt").display().to_string()]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
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
