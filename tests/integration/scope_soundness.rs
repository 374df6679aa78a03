//! `--changed-since` is sound: a change never alters a result that it leaves out of scope.
//!
//! A seeded generator makes random edits to a multi-module project (`tests/fixtures/scope`):
//! variable defaults, tfvars entries, locals, outputs, `count` and `for_each`, module
//! arguments, default tags, resource attributes, comments, formatting, and blocks and files
//! added, moved and deleted, alone or two at a time. Each edit is committed on top of the
//! fixture in a git repository, and the whole tree is scanned at the base (once: every case
//! starts from it) and at the head. Every result that is new at the head, or whose status or
//! values found differ from the base's, must be in scope in the scan of the change
//! (`--changed-since BASE`), whose report holds the same results as the full scan. A result is
//! known by its rule, its resource's address and the root module it was evaluated from, since
//! `envs/prod` and `envs/dev` may give one address. The test also counts the spill: results in
//! scope that the change did not alter.
//!
//! `RIVETER_SCOPE_CASES` sets the number of edits (60 by default), `RIVETER_SCOPE_SEED` the seed,
//! and `RIVETER_SCOPE_CASE` runs one case alone, as a failure names it; `RIVETER_SCOPE_VERBOSE`
//! prints each case's edit.

use crate::github_stand_in::git;
use crate::util::{riveter, stderr};
use riveter::terraform::check_syntax;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

const FIXTURE: &str = "tests/fixtures/scope";
const DEFAULT_SEED: u64 = 0x5c0e_50d1_7e55_2024;
const DEFAULT_CASES: usize = 60;

/// The project's files, by path relative to the repository root.
type Tree = BTreeMap<String, String>;

#[test]
fn a_change_puts_in_scope_every_result_it_alters() {
    let seed = env_number("RIVETER_SCOPE_SEED").unwrap_or(DEFAULT_SEED);
    let cases = env_number("RIVETER_SCOPE_CASES").map_or(DEFAULT_CASES, |n| n as usize);
    let only = env_number("RIVETER_SCOPE_CASE").map(|n| n as usize);
    let verbose = std::env::var_os("RIVETER_SCOPE_VERBOSE").is_some();

    let fixture = read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE));
    let repo = tempfile::tempdir().unwrap();
    let reports = tempfile::tempdir().unwrap();
    let dir = repo.path();
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "user.email", "ci@example.com"]);
    git(dir, &["config", "user.name", "ci"]);
    write_tree(dir, &Tree::new(), &fixture);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "base"]);
    let base = git(dir, &["rev-parse", "HEAD"]);

    // The base is the same for every case: scanned once.
    let base_report = scan(dir, &reports.path().join("base.json"), None);
    assert!(
        base_report.errors.is_empty(),
        "the fixture scans without errors: {:?}",
        base_report.errors
    );
    let base_results = base_report.results;

    let mut failures = Vec::new();
    let (mut ran, mut changed_total, mut spill, mut in_scope_total) = (0, 0, 0, 0);
    let chosen = match only {
        Some(case) => case..case + 1,
        None => 0..cases,
    };
    for case in chosen {
        ran += 1;
        let mut rng = case_rng(seed, case);
        let (tree, description, _) = edits(&mut rng, &fixture);

        git(dir, &["checkout", "-q", "-f", "--detach", &base]);
        git(dir, &["clean", "-q", "-f", "-d"]);
        write_tree(dir, &fixture, &tree);
        git(dir, &["add", "-A"]);
        assert!(
            !git(dir, &["status", "--porcelain"]).is_empty(),
            "case {case} changes nothing git sees: {description}"
        );
        git(dir, &["commit", "-q", "-m", &format!("case {case}")]);
        let head = git(dir, &["rev-parse", "HEAD"]);

        let full = scan(dir, &reports.path().join("head.json"), None);
        let scoped = scan(dir, &reports.path().join("head-scoped.json"), Some(&base));
        let context = || {
            format!(
                "seed {seed:#x}, case {case} (rerun it alone: RIVETER_SCOPE_SEED={seed:#x} \
                 RIVETER_SCOPE_CASE={case} cargo test --release --locked --test integration \
                 scope_soundness): {description}\n{}",
                git(dir, &["diff", &base, &head])
            )
        };
        if !full.errors.is_empty() {
            failures.push(format!(
                "{}\nthe head does not scan cleanly: {:?}",
                context(),
                full.errors
            ));
            continue;
        }

        let full_keys: BTreeSet<&Key> = full.results.keys().collect();
        let scoped_keys: BTreeSet<&Key> = scoped.results.keys().collect();
        if full_keys != scoped_keys {
            failures.push(format!(
                "{}\nthe scoped report holds other results than the full scan: only in the full \
                 scan {:?}, only in the scoped one {:?}",
                context(),
                full_keys.difference(&scoped_keys).collect::<Vec<_>>(),
                scoped_keys.difference(&full_keys).collect::<Vec<_>>()
            ));
        }

        let mut missed = Vec::new();
        for (key, result) in &full.results {
            let changed = base_results.get(key).is_none_or(|before| {
                before.status != result.status || before.actual != result.actual
            });
            let marked = scoped.results.get(key).map(|r| r.in_scope);
            if changed {
                changed_total += 1;
                if marked != Some(Some(true)) {
                    let before = base_results
                        .get(key)
                        .map_or("absent at the base".to_string(), |b| {
                            format!("at the base {} {}", b.status, b.actual)
                        });
                    missed.push(format!(
                        "  {} {} (root module {}): {before}; at the head {} {}; {}",
                        key.rule,
                        key.address,
                        key.root,
                        result.status,
                        result.actual,
                        match marked {
                            None => "missing from the scoped report".to_string(),
                            Some(None) => "no in_scope mark".to_string(),
                            Some(Some(mark)) => format!("in_scope: {mark}"),
                        }
                    ));
                }
            }
        }
        for (key, result) in &scoped.results {
            if result.in_scope == Some(true) {
                in_scope_total += 1;
                let unchanged = base_results.get(key).is_some_and(|before| {
                    full.results.get(key).is_some_and(|after| {
                        before.status == after.status && before.actual == after.actual
                    })
                });
                if unchanged {
                    spill += 1;
                    if verbose {
                        eprintln!(
                            "  spill: {} {} {}: {}",
                            key.rule,
                            key.root,
                            key.address,
                            result.because.as_deref().unwrap_or("its own lines")
                        );
                    }
                }
            }
        }
        if verbose {
            eprintln!(
                "case {case}: {description}: {} results, {} in scope, {} missed",
                full.results.len(),
                scoped
                    .results
                    .values()
                    .filter(|r| r.in_scope == Some(true))
                    .count(),
                missed.len()
            );
        }
        if !missed.is_empty() {
            failures.push(format!(
                "{}\nresults the change altered but left out of scope:\n{}",
                context(),
                missed.join("\n")
            ));
        }
    }

    let verdict = if failures.is_empty() {
        "all in scope".to_string()
    } else {
        format!("NOT all in scope ({} cases miss some)", failures.len())
    };
    eprintln!(
        "scope soundness: {ran} cases, {changed_total} changed results {verdict}, spill {spill} \
         of {in_scope_total} in-scope results"
    );
    assert!(
        failures.is_empty(),
        "{} of {ran} cases fail (seed {seed:#x}):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Each case draws from its own stream, so that one case runs alone as it runs among the others.
fn case_rng(seed: u64, case: usize) -> Rng {
    Rng::new(seed ^ (case as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The generator itself, without scans, over many more cases: every kind of edit applies, and
/// every edit leaves valid HCL (`edits` panics otherwise).
#[test]
fn the_generator_makes_every_kind_of_edit() {
    let fixture = read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE));
    let mut made: BTreeMap<&str, usize> = KINDS.iter().map(|(kind, _)| (*kind, 0)).collect();
    let mut retired = BTreeSet::new();
    for case in 0..5000 {
        let (_, description, kinds) = edits(&mut case_rng(DEFAULT_SEED, case), &fixture);
        for kind in kinds {
            *made.get_mut(kind).unwrap() += 1;
        }
        if let Some(at) = description.find("retired modules/") {
            retired.insert(description[at..].split(':').next().unwrap().to_string());
        }
    }
    let rare: Vec<_> = made.iter().filter(|(_, n)| **n < 100).collect();
    assert!(
        rare.is_empty(),
        "kinds of edit seldom made in 5000 cases: {rare:?}"
    );
    assert_eq!(retired.len(), 4, "modules retired: {retired:?}");
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.trim();
    let parsed = match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={text} is not a number")))
}

// ---------------------------------------------------------------------------------------------
// Scans and their results

/// A result's identity: the rule, the root module it was evaluated from (two roots may give one
/// address), and the resource's address.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    rule: String,
    root: String,
    address: String,
}

struct Outcome {
    status: String,
    /// Every assertion's key and value found.
    actual: Value,
    in_scope: Option<bool>,
    /// Why it is in scope, outside the change's own lines.
    because: Option<String>,
}

struct Report {
    results: BTreeMap<Key, Outcome>,
    errors: Vec<Value>,
}

/// Scans the repository's whole tree, scoped to the change since `base` when given, and reads
/// the JSON report, written to `json` outside the repository.
fn scan(dir: &Path, json: &Path, base: Option<&str>) -> Report {
    let json_arg = json.to_str().unwrap();
    let mut args = vec![
        "scan",
        "-r",
        "rules.yml",
        "--json",
        json_arg,
        "--color",
        "never",
    ];
    if let Some(base) = base {
        args.extend(["--changed-since", base]);
    }
    let out = riveter(dir, &args);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "riveter {args:?} exited with {:?}: {}",
        out.status.code(),
        stderr(&out)
    );
    let report: Value = serde_json::from_str(&fs::read_to_string(json).unwrap()).unwrap();
    let mut results = BTreeMap::new();
    for result in report["results"].as_array().unwrap() {
        let resource = &result["resource"];
        if resource.is_null() {
            continue;
        }
        let place = resource["module_instance"]["calls"][0]["file"]
            .as_str()
            .unwrap_or_else(|| resource["file"].as_str().unwrap());
        let key = Key {
            rule: result["rule_id"].as_str().unwrap().to_string(),
            root: folder(place).to_string(),
            address: resource["address"].as_str().unwrap().to_string(),
        };
        let actual = result["assertions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| serde_json::json!([a["key"], a["actual"]]))
            .collect();
        let outcome = Outcome {
            status: result["status"].as_str().unwrap().to_string(),
            actual,
            in_scope: result.get("in_scope").and_then(Value::as_bool),
            because: result["in_scope_because"].as_str().map(str::to_string),
        };
        let address = key.address.clone();
        assert!(
            results.insert(key, outcome).is_none(),
            "two results of one rule on {address}: the generator made a duplicate address"
        );
    }
    let errors = report["errors"].as_array().cloned().unwrap_or_default();
    Report { results, errors }
}

fn folder(path: &str) -> &str {
    path.rfind('/').map_or("", |at| &path[..at])
}

// ---------------------------------------------------------------------------------------------
// The repository

fn read_tree(root: &Path) -> Tree {
    fn walk(root: &Path, dir: &Path, tree: &mut Tree) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, tree);
            } else {
                let name = path.strip_prefix(root).unwrap().to_str().unwrap();
                tree.insert(name.replace('\\', "/"), fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut tree = Tree::new();
    walk(root, root, &mut tree);
    tree
}

/// Turns the checked-out `old` tree into `new`.
fn write_tree(dir: &Path, old: &Tree, new: &Tree) {
    for path in old.keys().filter(|p| !new.contains_key(*p)) {
        fs::remove_file(dir.join(path)).unwrap();
    }
    for (path, text) in new.iter().filter(|(p, t)| old.get(*p) != Some(*t)) {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

// ---------------------------------------------------------------------------------------------
// The generator

/// splitmix64: small, seeded, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        assert!(n > 0);
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn percent(&mut self, p: u64) -> bool {
        self.next() % 100 < p
    }
}

/// One edit, or two in a quarter of the cases, of `fixture`: the tree after it, what was done,
/// and the kinds of edit.
fn edits(rng: &mut Rng, fixture: &Tree) -> (Tree, String, Vec<&'static str>) {
    let count = if rng.percent(25) { 2 } else { 1 };
    let mut tree = fixture.clone();
    let mut done = Vec::new();
    let mut kinds = Vec::new();
    for _ in 0..1000 {
        let (kind, edit) = *rng.pick(KINDS);
        let mut candidate = tree.clone();
        // An edit that does not apply (its anchor is gone) or changes nothing is drawn again.
        let Some(what) = edit(rng, &mut candidate) else {
            continue;
        };
        // The second edit may not undo the first.
        if candidate == tree || candidate == *fixture {
            continue;
        }
        // Every edit is meant to keep the files valid HCL: one that does not is a mistake of
        // the generator, never a case.
        if let Some(error) = syntax_error(&candidate) {
            panic!("the edit `{what}` ({kind}) breaks the HCL of {error}");
        }
        tree = candidate;
        done.push(what);
        kinds.push(kind);
        if done.len() == count {
            return (tree, done.join("; and "), kinds);
        }
    }
    panic!("no edit applies to the fixture after {done:?}");
}

/// The first Terraform or values file of the tree that is not valid HCL, and why.
fn syntax_error(tree: &Tree) -> Option<String> {
    tree.iter()
        .filter(|(path, _)| path.ends_with(".tf") || path.ends_with(".tfvars"))
        .find_map(|(path, text)| {
            check_syntax(&Arc::from(path.as_str()), text)
                .err()
                .map(|e| format!("{path}: {e:?}\n{text}"))
        })
}

type Kind = fn(&mut Rng, &mut Tree) -> Option<String>;

const KINDS: &[(&str, Kind)] = &[
    ("variable default or type", variable),
    ("tfvars entry", tfvars_entry),
    ("local", local_value),
    ("output value", output_value),
    ("count or for_each", count_or_for_each),
    ("module argument", module_argument),
    ("default tags", default_tags),
    ("resource attribute", resource_attribute),
    ("comment inside a block", comment_inside_a_block),
    ("comment between blocks", comment_between_blocks),
    ("reformat", reformat_a_block),
    ("add a block", add_a_block),
    ("move a block", move_a_block),
    ("delete a block", delete_a_block),
    ("delete a file", delete_a_file),
    ("add a file", add_a_file),
];

// The tables of edits are rows of `|`-separated cells. A setting is `file | block | attribute |
// value | value…`: an attribute and the values an edit may give it, the first one the fixture's
// (`-` for the block of a values file, whose attributes are the file's own). An insertion is
// `file | block | line`: a line an edit may add to a block.

/// One row of a table of settings.
struct Setting {
    file: &'static str,
    block: &'static str,
    attribute: &'static str,
    values: Vec<&'static str>,
}

fn settings(table: &'static str) -> Vec<Setting> {
    rows(table)
        .map(|cells| {
            assert!(cells.len() >= 5, "a setting with one value: {cells:?}");
            Setting {
                file: cells[0],
                block: if cells[1] == "-" { "" } else { cells[1] },
                attribute: cells[2],
                values: cells[3..].to_vec(),
            }
        })
        .collect()
}

fn insertions(table: &'static str) -> Vec<(&'static str, &'static str, &'static str)> {
    rows(table)
        .map(|cells| match cells[..] {
            [file, block, line] => (file, block, line),
            _ => panic!("an insertion is `file | block | line`: {cells:?}"),
        })
        .collect()
}

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.split(" | ").map(str::trim).collect())
}

/// Gives one of the settings of `table` another of its values, or now and then removes it.
fn set_or_remove(
    rng: &mut Rng,
    tree: &mut Tree,
    table: &'static str,
    remove: u64,
) -> Option<String> {
    let table = settings(table);
    let setting = rng.pick(&table);
    if rng.percent(remove) {
        remove_attribute(tree, setting.file, setting.block, setting.attribute)
    } else {
        set(rng, tree, setting)
    }
}

/// Adds one of the lines of `table` to its block, first or last in it.
fn insert(rng: &mut Rng, tree: &mut Tree, table: &'static str) -> Option<String> {
    let (file, block, line) = *rng.pick(&insertions(table));
    if rng.percent(50) {
        insert_first(tree, file, block, line)
    } else {
        insert_last(tree, file, block, line)
    }
}

const VARIABLE_DEFAULTS: &str = r#"
envs/prod/variables.tf      | variable "region"          | default | "eu-west-1" | "us-east-1"
envs/prod/variables.tf      | variable "team"            | default | "payments" | "risk" | ""
envs/prod/variables.tf      | variable "rotate_logs_key" | default | true | false
envs/prod/variables.tf      | variable "deletion_window" | default | 30 | 7 | 14
envs/prod/variables.tf      | variable "office_cidrs"    | default | ["10.20.0.0/16"] | ["0.0.0.0/0"]
envs/prod/variables.tf      | variable "replicate"       | default | false | true
envs/dev/variables.tf       | variable "project"         | default | "ledger" | "billing"
envs/dev/variables.tf       | variable "owner"           | default | "dev-team" | "qa"
envs/dev/variables.tf       | variable "key_count"       | default | 1 | 0 | 2
envs/dev/variables.tf       | variable "rotate"          | default | true | false
envs/dev/variables.tf       | variable "allowed_cidrs"   | default | ["10.30.0.0/16"] | ["0.0.0.0/0"]
modules/kms/variables.tf    | variable "rotate"          | default | true | false
modules/kms/variables.tf    | variable "deletion_window" | default | 30 | 7
modules/bucket/variables.tf | variable "tags"            | default | {} | { Owner = "storage" }
modules/bucket/variables.tf | variable "versioned"       | default | true | false
modules/bucket/variables.tf | variable "block_public"    | default | true | false
modules/bucket/variables.tf | variable "key_rotation"    | default | true | false
modules/bucket/variables.tf | variable "kms_key_arn"     | default | null | "arn:aws:kms:eu-west-1:111122223333:key/shared"
modules/network/main.tf     | variable "port"            | default | 443 | 22
modules/naming/variables.tf | variable "team"            | default | "platform" | "unowned"
"#;

/// Types a variable may be declared with instead: its values are converted to them.
const VARIABLE_TYPES: &str = r#"
envs/prod/variables.tf      | variable "office_cidrs"    | type | list(string) | set(string)
envs/prod/variables.tf      | variable "deletion_window" | type | number | string
envs/dev/variables.tf       | variable "key_count"       | type | number | string
envs/dev/variables.tf       | variable "rotate"          | type | bool | string | any
envs/dev/variables.tf       | variable "allowed_cidrs"   | type | list(string) | set(string)
modules/network/main.tf     | variable "ingress_cidrs"   | type | list(string) | set(string)
modules/bucket/variables.tf | variable "tags"            | type | map(string) | map(any) | any
modules/kms/variables.tf    | variable "rotate"          | type | bool | string
modules/kms/variables.tf    | variable "deletion_window" | type | number | string
"#;

/// A variable's default changes or goes (it then has no value where nothing else gives one), or
/// its type changes.
fn variable(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    if rng.percent(25) {
        set_or_remove(rng, tree, VARIABLE_TYPES, 0)
    } else {
        set_or_remove(rng, tree, VARIABLE_DEFAULTS, 20)
    }
}

const TFVARS: &str = r#"
envs/prod/terraform.tfvars | - | project         | "ledger" | "billing"
envs/prod/terraform.tfvars | - | vpc_id          | "vpc-0a1b2c3d" | "vpc-99"
envs/prod/terraform.tfvars | - | rotate_logs_key | false | true
envs/prod/terraform.tfvars | - | office_cidrs    | ["10.20.0.0/16", "192.168.10.0/24"] | ["10.20.0.0/16"] | ["10.20.0.0/16", "0.0.0.0/0"]
envs/dev/terraform.tfvars  | - | vpc_id          | "vpc-0d4e5f6a" | "vpc-77"
envs/dev/terraform.tfvars  | - | rotate          | false | true
envs/dev/terraform.tfvars  | - | allowed_cidrs   | ["0.0.0.0/0"] | ["10.30.0.0/16"]
"#;

/// Entries a values file may gain.
const TFVARS_ADDED: &str = r#"
envs/prod/terraform.tfvars | - | team = "risk"
envs/prod/terraform.tfvars | - | deletion_window = 7
envs/prod/terraform.tfvars | - | region = "us-east-1"
envs/prod/terraform.tfvars | - | replicate = true
envs/dev/terraform.tfvars  | - | key_count = 2
envs/dev/terraform.tfvars  | - | owner = "qa"
envs/dev/terraform.tfvars  | - | project = "billing"
"#;

fn tfvars_entry(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    if rng.percent(25) {
        let (file, _, line) = *rng.pick(&insertions(TFVARS_ADDED));
        let text = tree.get_mut(file)?;
        let name = line.split(' ').next().unwrap();
        if find_attribute(text, 0..text.len(), name).is_some() {
            return None;
        }
        text.push_str(line);
        text.push('\n');
        Some(format!("{file}: added `{line}`"))
    } else {
        set_or_remove(rng, tree, TFVARS, 30)
    }
}

const LOCALS: &str = r#"
envs/prod/locals.tf    | locals | data          | true | false
envs/prod/locals.tf    | locals | logs          | var.rotate_logs_key | true | !var.rotate_logs_key
envs/prod/locals.tf    | locals | ingress_cidrs | concat(var.office_cidrs, ["10.0.0.0/8"]) | var.office_cidrs | concat(var.office_cidrs, ["0.0.0.0/0"])
envs/prod/locals.tf    | locals | audit_name    | "${module.naming.prefix}-audit-${data.aws_caller_identity.current.account_id}" | "${module.naming.prefix}-audit"
envs/dev/main.tf       | locals | name          | module.naming.prefix | "ledger-dev"
envs/dev/main.tf       | locals | owner         | var.owner | "sre" | upper(var.owner)
modules/naming/main.tf | locals | prefix        | "${var.project}-${var.environment}" | "${var.environment}-${var.project}"
modules/naming/main.tf | locals | Owner         | var.team | "shared"
modules/naming/main.tf | locals | Project       | var.project | "core"
"#;

fn local_value(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    set_or_remove(rng, tree, LOCALS, 15)
}

const OUTPUTS: &str = r#"
modules/naming/main.tf    | output "prefix"     | value | local.prefix | "shared" | upper(local.prefix)
modules/naming/main.tf    | output "tags"       | value | local.tags | merge(local.tags, { Owner = "shared" }) | { Project = var.project }
modules/naming/main.tf    | output "long_lived" | value | var.environment == "prod" | true | false | var.environment != "prod"
modules/bucket/outputs.tf | output "id"         | value | aws_s3_bucket.this.id | aws_s3_bucket.this.bucket
modules/bucket/outputs.tf | output "arn"        | value | aws_s3_bucket.this.arn | var.name
modules/kms/main.tf       | output "arn"        | value | aws_kms_key.this.arn | aws_kms_key.this.key_id
"#;

fn output_value(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    set_or_remove(rng, tree, OUTPUTS, 0)
}

const COUNTS: &str = r#"
envs/dev/main.tf       | module "keys"    | count    | var.key_count | 0 | 2 | 1
envs/prod/main.tf      | module "key"     | for_each | local.keys | { data = true } | { data = true, logs = false, backup = true } | { for name, rotate in local.keys : name => true }
envs/prod/main.tf      | module "replica" | count    | var.replicate ? 1 : 0 | 1 | 0
modules/bucket/main.tf | module "key"     | count    | var.kms_key_arn == null ? 1 : 0 | 1 | 0
"#;

/// Blocks that may gain a `count` or `for_each`.
const COUNTS_ADDED: &str = r#"
envs/dev/main.tf    | module "dev_web"                                           | count = 0
envs/dev/main.tf    | module "dev_web"                                           | count = 1
envs/prod/main.tf   | module "data"                                              | count = 1
envs/prod/main.tf   | module "web"                                               | for_each = toset(["a", "b"])
envs/dev/main.tf    | resource "aws_s3_bucket" "uploads"                         | count = 2
modules/kms/main.tf | resource "aws_kms_key" "this"                              | count = 0
envs/prod/audit.tf  | resource "aws_s3_bucket_public_access_block" "audit"       | count = 0
"#;

fn count_or_for_each(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    if rng.percent(40) {
        insert(rng, tree, COUNTS_ADDED)
    } else {
        set_or_remove(rng, tree, COUNTS, 10)
    }
}

const MODULE_ARGUMENTS: &str = r#"
envs/prod/main.tf      | module "naming"  | environment     | "prod" | "staging"
envs/prod/main.tf      | module "naming"  | team            | var.team | "risk"
envs/prod/main.tf      | module "key"     | rotate          | each.value | true | each.key == "data"
envs/prod/main.tf      | module "key"     | deletion_window | var.deletion_window | 7
envs/prod/main.tf      | module "data"    | versioned       | true | false
envs/prod/main.tf      | module "data"    | tags            | module.naming.tags | merge(module.naming.tags, { Owner = "data" }) | { Project = var.project }
envs/prod/main.tf      | module "data"    | name            | "${module.naming.prefix}-data" | "ledger-data"
envs/prod/main.tf      | module "data"    | kms_key_arn     | module.key["data"].arn | null | "arn:aws:kms:eu-west-1:111122223333:key/data"
envs/prod/main.tf      | module "replica" | versioned       | false | true
envs/prod/main.tf      | module "web"     | ingress_cidrs   | local.ingress_cidrs | var.office_cidrs | ["0.0.0.0/0"]
envs/prod/main.tf      | module "web"     | vpc_id          | var.vpc_id | "vpc-123"
envs/prod/main.tf      | module "web"     | source          | "../../modules/network" | "./../../modules/network" | "terraform-aws-modules/security-group/aws"
envs/dev/main.tf       | module "naming"  | environment     | "dev" | "prod"
envs/dev/main.tf       | module "naming"  | team            | local.owner | "qa"
envs/dev/main.tf       | module "keys"    | rotate          | var.rotate | true
envs/dev/main.tf       | module "keys"    | source          | "../../modules/kms" | "./../../modules/kms" | "terraform-aws-modules/kms/aws"
envs/dev/main.tf       | module "scratch" | block_public    | false | true
envs/dev/main.tf       | module "scratch" | versioned       | module.naming.long_lived | true
envs/dev/main.tf       | module "scratch" | tags            | module.naming.tags | {}
envs/dev/main.tf       | module "dev_web" | ingress_cidrs   | var.allowed_cidrs | ["10.30.0.0/16"]
modules/bucket/main.tf | module "key"     | rotate          | var.key_rotation | true | false
modules/bucket/main.tf | module "key"     | alias           | "s3/${var.name}" | var.name
"#;

/// Arguments a call may gain.
const MODULE_ARGUMENTS_ADDED: &str = r#"
envs/prod/main.tf      | module "data"    | block_public = false
envs/prod/main.tf      | module "web"     | port = 22
envs/dev/main.tf       | module "keys"    | deletion_window = 7
envs/dev/main.tf       | module "dev_web" | port = 8443
envs/dev/main.tf       | module "scratch" | key_rotation = false
envs/dev/main.tf       | module "scratch" | kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/dev"
modules/bucket/main.tf | module "key"     | deletion_window = 7
"#;

fn module_argument(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    if rng.percent(20) {
        insert(rng, tree, MODULE_ARGUMENTS_ADDED)
    } else {
        set_or_remove(rng, tree, MODULE_ARGUMENTS, 20)
    }
}

const DEFAULT_TAGS: &str = r#"
envs/prod/main.tf  | provider "aws" | Owner       | var.team | "platform" | ""
envs/prod/main.tf  | provider "aws" | CostCenter  | "cc-4410" | "cc-0001"
envs/dev/main.tf   | provider "aws" | Environment | "dev" | "development"
envs/prod/audit.tf | provider "aws" | Owner       | "audit-replication" | "audit"
"#;

/// Tags a provider's `default_tags` may gain.
const DEFAULT_TAGS_ADDED: &str = r#"
envs/dev/main.tf   | provider "aws" | Owner = "dev-team"
envs/dev/main.tf   | provider "aws" | Team = "core"
envs/prod/main.tf  | provider "aws" | Team = "core"
envs/prod/audit.tf | provider "aws" | Team = "core"
"#;

fn default_tags(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    if rng.percent(25) {
        let (file, block, tag) = *rng.pick(&insertions(DEFAULT_TAGS_ADDED));
        insert_after(tree, file, block, "tags = {", tag)
    } else {
        set_or_remove(rng, tree, DEFAULT_TAGS, 25)
    }
}

const RESOURCE_ATTRIBUTES: &str = r#"
modules/kms/main.tf     | resource "aws_kms_key" "this"                                            | enable_key_rotation     | var.rotate | true | false
modules/kms/main.tf     | resource "aws_kms_key" "this"                                            | deletion_window_in_days | var.deletion_window | 7 | 30
modules/kms/main.tf     | resource "aws_kms_key" "this"                                            | description             | "Key for ${var.alias}" | var.alias
modules/bucket/main.tf  | resource "aws_s3_bucket" "this"                                          | tags                    | var.tags | merge(var.tags, { Owner = "storage" }) | {}
modules/bucket/main.tf  | resource "aws_s3_bucket" "this"                                          | bucket                  | var.name | "${var.name}-v2"
modules/bucket/main.tf  | resource "aws_s3_bucket_public_access_block" "this"                      | block_public_acls       | var.block_public | true | false
modules/bucket/main.tf  | resource "aws_s3_bucket_public_access_block" "this"                      | bucket                  | aws_s3_bucket.this.id | aws_s3_bucket.this.bucket | var.name | "elsewhere"
modules/bucket/main.tf  | resource "aws_s3_bucket_versioning" "this"                               | status                  | var.versioned ? "Enabled" : "Suspended" | "Enabled" | "Suspended"
modules/bucket/main.tf  | resource "aws_s3_bucket_server_side_encryption_configuration" "this"     | kms_master_key_id       | var.kms_key_arn == null ? module.key[0].arn : var.kms_key_arn | var.kms_key_arn
modules/network/main.tf | resource "aws_security_group" "this"                                     | cidr_blocks             | var.ingress_cidrs | ["10.0.0.0/8"] | concat(var.ingress_cidrs, ["0.0.0.0/0"])
modules/network/main.tf | resource "aws_security_group" "this"                                     | from_port               | var.port | 22
envs/prod/audit.tf      | resource "aws_s3_bucket" "audit"                                         | Purpose                 | "audit" | "compliance"
envs/prod/audit.tf      | resource "aws_s3_bucket_public_access_block" "audit"                     | block_public_acls       | true | false
envs/prod/audit.tf      | resource "aws_s3_bucket_public_access_block" "audit"                     | bucket                  | aws_s3_bucket.audit.id | local.audit_name | "unrelated"
envs/prod/audit.tf      | resource "aws_s3_bucket_versioning" "audit"                              | status                  | "Enabled" | "Suspended"
envs/prod/audit.tf      | resource "aws_s3_bucket" "audit_replica"                                 | provider                | aws.replica | aws
envs/dev/main.tf        | resource "aws_s3_bucket" "uploads"                                       | bucket                  | "${local.name}-uploads" | "uploads"
"#;

/// Attributes a resource may gain.
const RESOURCE_ATTRIBUTES_ADDED: &str = r#"
envs/dev/main.tf    | resource "aws_s3_bucket" "uploads" | tags = { Owner = "qa" }
envs/dev/main.tf    | resource "aws_s3_bucket" "uploads" | provider = aws
envs/prod/audit.tf  | resource "aws_s3_bucket" "audit"   | force_destroy = true
envs/prod/audit.tf  | resource "aws_s3_bucket" "audit"   | provider = aws.replica
modules/kms/main.tf | resource "aws_kms_key" "this"      | is_enabled = true
"#;

fn resource_attribute(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    if rng.percent(20) {
        insert(rng, tree, RESOURCE_ATTRIBUTES_ADDED)
    } else {
        set_or_remove(rng, tree, RESOURCE_ATTRIBUTES, 25)
    }
}

fn comment_inside_a_block(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    let file = pick_file(rng, tree, |p| p.ends_with(".tf"))?;
    let text = tree.get_mut(&file)?;
    let found = multiline_blocks(text);
    if found.is_empty() {
        return None;
    }
    let (header, range) = rng.pick(&found).clone();
    let lines = line_starts(text, range);
    // Before any line of the block after its header, the closing one included.
    let at = lines[1 + rng.below(lines.len() - 1)];
    let indent = (text[at..].len() - text[at..].trim_start_matches(' ').len()).max(2);
    let comment = comment_text(rng);
    text.insert_str(at, &format!("{}{comment}\n", " ".repeat(indent)));
    Some(format!("{file}: `{comment}` inside `{header}`"))
}

fn comment_between_blocks(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    let file = pick_file(rng, tree, |p| p.ends_with(".tf") || p.ends_with(".tfvars"))?;
    let text = tree.get_mut(&file)?;
    // The start of the file, the line after each blank line, and the end.
    let mut places = vec![0, text.len()];
    places.extend(text.match_indices("\n\n").map(|(at, _)| at + 2));
    let at = *rng.pick(&places);
    let comment = comment_text(rng);
    let (inserted, how) = if at == text.len() {
        (format!("\n{comment}\n"), "at the end")
    } else if rng.percent(50) {
        (format!("{comment}\n"), "right above what follows")
    } else {
        (format!("{comment}\n\n"), "apart from the blocks")
    };
    text.insert_str(at, &inserted);
    Some(format!(
        "{file}: `{comment}` between blocks, {how}, at byte {at}"
    ))
}

/// A comment: a remark, or now and then a suppression of one of the rules.
fn comment_text(rng: &mut Rng) -> String {
    if rng.percent(30) {
        let rule = *rng.pick(&[
            "kms-rotation",
            "kms-deletion-window",
            "bucket-owner",
            "bucket-public-access-block",
            "bucket-versioning",
            "sg-no-world-ingress",
        ]);
        format!("# riveter:ignore {rule} reason=\"accepted by the platform team\"")
    } else {
        let remark = *rng.pick(&[
            "# Reviewed with the platform team.",
            "// TODO: revisit",
            "/* note */",
        ]);
        remark.to_string()
    }
}

fn reformat_a_block(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    let file = pick_file(rng, tree, |p| p.ends_with(".tf"))?;
    let text = tree.get_mut(&file)?;
    let found = multiline_blocks(text);
    if found.is_empty() {
        return None;
    }
    let (header, range) = rng.pick(&found).clone();
    let lines: Vec<&str> = text[range.clone()].split_inclusive('\n').collect();
    let last = lines.len() - 1;
    let (reformatted, how): (String, _) = if rng.percent(50) {
        let indented = lines.iter().enumerate().map(|(n, line)| {
            if n == 0 || n == last || line.trim().is_empty() {
                line.to_string()
            } else {
                format!("  {line}")
            }
        });
        (indented.collect(), "re-indented")
    } else {
        (
            lines.iter().map(|line| unaligned(line)).collect(),
            "with its `=` no longer aligned",
        )
    };
    text.replace_range(range, &reformatted);
    Some(format!("{file}: `{header}` {how}"))
}

/// `name    = value` as `name = value`.
fn unaligned(line: &str) -> String {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    if let Some(at) = rest.find(" =") {
        let name = rest[..at].trim_end();
        let value = &rest[at + 1..];
        if !name.is_empty() && !name.contains(' ') && !value.starts_with("==") {
            return format!("{}{name} {value}", &line[..indent]);
        }
    }
    line.to_string()
}

/// Blocks a change may add: `(file, text)`; appended when the file exists.
const ADDED_BLOCKS: &[(&str, &str)] = &[
    (
        "envs/dev/extra_key.tf",
        r#"resource "aws_kms_key" "extra" {
  description         = "Scratch key"
  enable_key_rotation = false
}
"#,
    ),
    (
        "envs/prod/backup.tf",
        r#"resource "aws_s3_bucket" "backup" {
  bucket = "${module.naming.prefix}-backup"
}
"#,
    ),
    (
        "envs/dev/uploads_access.tf",
        r#"resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
"#,
    ),
    (
        "envs/prod/audit_access.tf",
        r#"resource "aws_s3_bucket_public_access_block" "audit_loose" {
  bucket            = aws_s3_bucket.audit.id
  block_public_acls = false
}
"#,
    ),
    (
        "modules/bucket/replica.tf",
        r#"resource "aws_s3_bucket_versioning" "replica" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Suspended"
  }
}
"#,
    ),
    (
        "modules/network/admin.tf",
        r#"resource "aws_security_group" "admin" {
  name   = "${var.name}-admin"
  vpc_id = var.vpc_id

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#,
    ),
    (
        "envs/prod/main.tf",
        r#"module "archive" {
  source    = "../../modules/bucket"
  name      = "${module.naming.prefix}-archive"
  versioned = false
}
"#,
    ),
    (
        "envs/dev/main.tf",
        r#"module "extra_keys" {
  source   = "../../modules/kms"
  for_each = toset(["a", "b"])
  alias    = "${local.name}-${each.key}"
  rotate   = false
}
"#,
    ),
    (
        "envs/prod/audit.tf",
        r#"resource "aws_kms_key" "audit" {
  description         = "Audit trail"
  enable_key_rotation = true
}
"#,
    ),
    (
        "modules/kms/backup.tf",
        r#"resource "aws_kms_key" "backup" {
  description             = "Backup of ${var.alias}"
  enable_key_rotation     = var.rotate
  deletion_window_in_days = 7
}
"#,
    ),
    (
        "envs/dev/main.tf",
        r#"resource "aws_security_group" "debug" {
  name = "debug"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = var.allowed_cidrs
  }
}
"#,
    ),
];

fn add_a_block(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    let (file, block) = *rng.pick(ADDED_BLOCKS);
    let header = block.lines().next().unwrap().trim_end_matches(" {");
    if tree
        .values()
        .any(|text| text.lines().any(|l| l.starts_with(header)))
    {
        return None;
    }
    let existed = tree.contains_key(file);
    let text = tree.entry(file.to_string()).or_default();
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(block);
    let new = if existed { "" } else { " in a new file" };
    Some(format!("{file}: added `{header}`{new}"))
}

/// Moves a block, with the comments right above it, to the end of another file of its folder.
fn move_a_block(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    let file = pick_file(rng, tree, |p| p.ends_with(".tf"))?;
    let text = &tree[&file];
    let found = blocks(text);
    if found.is_empty() {
        return None;
    }
    let (header, range) = rng.pick(&found).clone();
    let range = with_comments_above(text, range);
    let moved = text[range.clone()].to_string();
    let home = folder(&file).to_string();
    let mut places: Vec<String> = tree
        .keys()
        .filter(|p| p.ends_with(".tf") && **p != file && folder(p) == home)
        .cloned()
        .collect();
    places.push(format!("{home}/moved.tf"));
    let to = rng.pick(&places).clone();
    let rest = cut(text, range);
    if rest.trim().is_empty() {
        tree.remove(&file);
    } else {
        tree.insert(file.clone(), rest);
    }
    let target = tree.entry(to.clone()).or_default();
    if !target.is_empty() {
        target.push('\n');
    }
    target.push_str(&moved);
    Some(format!("moved `{header}` from {file} to {to}"))
}

/// Blocks whose deletion means something to the rules.
const DELETED_BLOCKS: &[(&str, &str)] = &[
    (
        "modules/bucket/main.tf",
        r#"resource "aws_s3_bucket_public_access_block" "this""#,
    ),
    (
        "modules/bucket/main.tf",
        r#"resource "aws_s3_bucket_versioning" "this""#,
    ),
    ("modules/bucket/main.tf", r#"module "key""#),
    (
        "envs/prod/audit.tf",
        r#"resource "aws_s3_bucket_public_access_block" "audit""#,
    ),
    (
        "envs/prod/audit.tf",
        r#"resource "aws_s3_bucket_versioning" "audit""#,
    ),
    ("envs/prod/audit.tf", r#"resource "aws_s3_bucket" "audit""#),
    (
        "envs/prod/audit.tf",
        r#"resource "aws_s3_bucket_public_access_block" "audit_replica""#,
    ),
    ("envs/prod/audit.tf", r#"provider "aws""#),
    ("envs/prod/main.tf", r#"provider "aws""#),
    ("envs/prod/main.tf", r#"module "web""#),
    ("envs/prod/main.tf", r#"module "replica""#),
    ("envs/dev/main.tf", r#"module "keys""#),
    ("envs/dev/main.tf", r#"module "dev_web""#),
    ("envs/dev/main.tf", r#"resource "aws_s3_bucket" "uploads""#),
    ("envs/dev/variables.tf", r#"variable "owner""#),
    ("modules/naming/main.tf", r#"output "long_lived""#),
];

/// Deletes a block (with the comments right above it): one of those above, any block of any
/// file, or every call of a module.
fn delete_a_block(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    if rng.percent(15) {
        return retire_a_module(rng, tree);
    }
    let (file, header) = if rng.percent(60) {
        let (file, header) = *rng.pick(DELETED_BLOCKS);
        (file.to_string(), header.to_string())
    } else {
        let file = pick_file(rng, tree, |p| p.ends_with(".tf"))?;
        let found = blocks(&tree[&file]);
        if found.is_empty() {
            return None;
        }
        let (header, _) = rng.pick(&found).clone();
        (file, header)
    };
    let text = tree.get(&file)?;
    let range = with_comments_above(text, block(text, &header)?);
    let rest = cut(text, range);
    tree.insert(file.clone(), rest);
    Some(format!("{file}: deleted `{header}`"))
}

/// Deletes every call of one module, wherever it is called from, or points them all at a module
/// of the registry.
fn retire_a_module(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    let module = *rng.pick(&["network", "kms", "bucket", "naming"]);
    let registry = rng.percent(30);
    let mut retired = Vec::new();
    for (file, text) in tree.iter_mut().filter(|(p, _)| p.ends_with(".tf")) {
        let calls: Vec<(String, Range<usize>)> = blocks(text)
            .into_iter()
            .filter(|(header, range)| {
                header.starts_with("module ")
                    && find_attribute(text, range.clone(), "source").is_some_and(|(_, value)| {
                        let source = text[value].trim_matches('"').trim_end_matches('/');
                        source.starts_with('.') && source.ends_with(&format!("/{module}"))
                    })
            })
            .collect();
        // From the last, so the ranges of the others stay put.
        for (header, range) in calls.into_iter().rev() {
            if registry {
                let (_, value) = find_attribute(text, range, "source").unwrap();
                text.replace_range(value, &format!("\"terraform-aws-modules/{module}/aws\""));
            } else {
                *text = cut(text, with_comments_above(text, range));
            }
            retired.push(format!("{file} `{header}`"));
        }
    }
    let how = if registry {
        "pointed every call of it at a registry module instead"
    } else {
        "deleted every call of it"
    };
    (!retired.is_empty())
        .then(|| format!("retired modules/{module}: {how} ({})", retired.join(", ")))
}

/// Deletes a file, or renames it in its folder (a values file to a name Terraform does not
/// load).
fn delete_a_file(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    let file = pick_file(rng, tree, |p| p.ends_with(".tf") || p.ends_with(".tfvars"))?;
    let text = tree.remove(&file)?;
    if rng.percent(30) {
        let to = if file.ends_with(".tfvars") {
            format!("{file}.example")
        } else {
            format!("{}/renamed.tf", folder(&file))
        };
        if tree.contains_key(&to) {
            return None;
        }
        tree.insert(to.clone(), text);
        return Some(format!("renamed {file} to {to}"));
    }
    Some(format!("deleted {file}"))
}

/// Files a change may add, besides the new files of `ADDED_BLOCKS`.
const ADDED_FILES: &[(&str, &str)] = &[
    ("envs/dev/rotate.auto.tfvars", "rotate = true\n"),
    (
        "envs/prod/override.auto.tfvars",
        "office_cidrs    = [\"0.0.0.0/0\"]\nrotate_logs_key = true\n",
    ),
    (
        "envs/prod/outputs.tf",
        "output \"data_bucket\" {\n  value = module.data.id\n}\n",
    ),
    (
        "modules/kms/versions.tf",
        "terraform {\n  required_providers {\n    aws = {\n      source = \"hashicorp/aws\"\n    }\n  }\n}\n",
    ),
    (
        "envs/dev/README.md",
        "# dev\n\nThe development environment.\n",
    ),
    // A module's own values file applies only where it is scanned as a root.
    ("modules/kms/terraform.tfvars", "rotate = false\n"),
    (
        "modules/network/terraform.tfvars",
        "ingress_cidrs = [\"0.0.0.0/0\"]\n",
    ),
];

fn add_a_file(rng: &mut Rng, tree: &mut Tree) -> Option<String> {
    let (file, text) = if rng.percent(60) {
        *rng.pick(ADDED_FILES)
    } else {
        *rng.pick(ADDED_BLOCKS)
    };
    if tree.contains_key(file) {
        return None;
    }
    tree.insert(file.to_string(), text.to_string());
    Some(format!("added the file {file}"))
}

// ---------------------------------------------------------------------------------------------
// Text

fn pick_file(rng: &mut Rng, tree: &Tree, which: impl Fn(&str) -> bool) -> Option<String> {
    let files: Vec<&String> = tree.keys().filter(|p| which(p)).collect();
    (!files.is_empty()).then(|| rng.pick(&files).to_string())
}

/// The range of a setting's block, or the whole file for a values file.
fn scope_of(text: &str, block_header: &str) -> Option<Range<usize>> {
    if block_header.is_empty() {
        Some(0..text.len())
    } else {
        block(text, block_header)
    }
}

/// Gives an attribute another of its values.
fn set(rng: &mut Rng, tree: &mut Tree, setting: &Setting) -> Option<String> {
    let text = tree.get_mut(setting.file)?;
    let range = scope_of(text, setting.block)?;
    let (_, value) = find_attribute(text, range, setting.attribute)?;
    let old = text[value.clone()].to_string();
    let others: Vec<&&str> = setting.values.iter().filter(|v| **v != old).collect();
    let new = **rng.pick(&others);
    text.replace_range(value, new);
    let (file, attribute, block) = (setting.file, setting.attribute, setting.block);
    let place = if block.is_empty() {
        String::new()
    } else {
        format!(" in `{block}`")
    };
    Some(format!("{file}: {attribute} = {old} became {new}{place}"))
}

fn remove_attribute(tree: &mut Tree, file: &str, block: &str, attribute: &str) -> Option<String> {
    let text = tree.get_mut(file)?;
    let range = scope_of(text, block)?;
    let (line, _) = find_attribute(text, range, attribute)?;
    let removed = text[line.clone()].trim().to_string();
    text.replace_range(line, "");
    let place = if block.is_empty() {
        String::new()
    } else {
        format!(" from `{block}`")
    };
    Some(format!("{file}: removed `{removed}`{place}"))
}

/// Adds `line` as the first line of a block's body.
fn insert_first(tree: &mut Tree, file: &str, block_header: &str, line: &str) -> Option<String> {
    insert_at(tree, file, block_header, line, |starts| starts[1])
}

/// Adds `line` as the last line of a block's body.
fn insert_last(tree: &mut Tree, file: &str, block_header: &str, line: &str) -> Option<String> {
    insert_at(tree, file, block_header, line, |starts| {
        *starts.last().unwrap()
    })
}

fn insert_at(
    tree: &mut Tree,
    file: &str,
    block_header: &str,
    line: &str,
    at: impl Fn(&[usize]) -> usize,
) -> Option<String> {
    let text = tree.get_mut(file)?;
    let range = block(text, block_header)?;
    let name = line.split(' ').next().unwrap();
    if find_attribute(text, range.clone(), name).is_some() || !is_multiline(text, &range) {
        return None;
    }
    let at = at(&line_starts(text, range));
    text.insert_str(at, &format!("  {line}\n"));
    Some(format!("{file}: added `{line}` to `{block_header}`"))
}

/// Adds `line` after the line of a block that is `after`, trimmed, one level deeper.
fn insert_after(
    tree: &mut Tree,
    file: &str,
    block_header: &str,
    after: &str,
    line: &str,
) -> Option<String> {
    let text = tree.get_mut(file)?;
    let range = block(text, block_header)?;
    let name = line.split(' ').next().unwrap();
    if find_attribute(text, range.clone(), name).is_some() {
        return None;
    }
    let starts = line_starts(text, range.clone());
    let (n, &start) = starts
        .iter()
        .enumerate()
        .find(|(_, s)| text[**s..].lines().next().unwrap().trim() == after)?;
    let indent = text[start..].len() - text[start..].trim_start().len() + 2;
    let at = starts.get(n + 1).copied().unwrap_or(range.end);
    text.insert_str(at, &format!("{}{line}\n", " ".repeat(indent)));
    Some(format!("{file}: added `{line}` to `{block_header}`"))
}

/// The top-level blocks of a file: each one's header (`resource "a" "b"`) and byte range, from
/// its first line to the end of its closing line.
fn blocks(text: &str) -> Vec<(String, Range<usize>)> {
    let mut found = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let l = line.trim_end();
        if !l.starts_with([' ', '#', '/', '}']) && (l.ends_with(" {") || l.ends_with(" {}")) {
            let header = l.trim_end_matches(" {}").trim_end_matches(" {").to_string();
            if let Some(range) = block(text, &header)
                && range.start == pos
            {
                found.push((header, range));
            }
        }
        pos += line.len();
    }
    found
}

fn multiline_blocks(text: &str) -> Vec<(String, Range<usize>)> {
    blocks(text)
        .into_iter()
        .filter(|(_, range)| is_multiline(text, range))
        .collect()
}

/// The byte range of the first top-level block whose first line is `header {` (or `header {}`).
fn block(text: &str, header: &str) -> Option<Range<usize>> {
    let open = format!("{header} {{");
    let empty = format!("{header} {{}}");
    let mut pos = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        let l = line.trim_end();
        match start {
            None if l == empty => return Some(pos..pos + line.len()),
            None if l == open => start = Some(pos),
            Some(start) if l == "}" => return Some(start..pos + line.len()),
            _ => {}
        }
        pos += line.len();
    }
    None
}

/// A block's range widened to the comment lines right above it.
fn with_comments_above(text: &str, range: Range<usize>) -> Range<usize> {
    let mut start = range.start;
    while start > 0 {
        let previous = text[..start - 1].rfind('\n').map_or(0, |at| at + 1);
        if text[previous..start].trim_start().starts_with(['#', '/']) {
            start = previous;
        } else {
            break;
        }
    }
    start..range.end
}

/// `text` without `range`, and without the blank line that separated it from what follows (or
/// from what precedes, at the end).
fn cut(text: &str, range: Range<usize>) -> String {
    let (before, after) = (&text[..range.start], &text[range.end..]);
    match after.strip_prefix('\n') {
        Some(after) => format!("{before}{after}"),
        // `…}\n\n` keeps `…}\n`.
        None => {
            let before = before
                .strip_suffix('\n')
                .filter(|b| b.ends_with('\n'))
                .unwrap_or(before);
            format!("{before}{after}")
        }
    }
}

fn is_multiline(text: &str, range: &Range<usize>) -> bool {
    text[range.clone()].trim_end().contains('\n')
}

/// Where each line of `range` starts.
fn line_starts(text: &str, range: Range<usize>) -> Vec<usize> {
    let mut starts = vec![range.start];
    for (at, _) in text[range.clone()].match_indices('\n') {
        if range.start + at + 1 < range.end {
            starts.push(range.start + at + 1);
        }
    }
    starts
}

/// The first line in `range` that sets `name` to a value written on that line: the line's range
/// (its newline included) and the value's.
fn find_attribute(
    text: &str,
    range: Range<usize>,
    name: &str,
) -> Option<(Range<usize>, Range<usize>)> {
    for start in line_starts(text, range) {
        let line = text[start..].split_inclusive('\n').next().unwrap();
        let Some(rest) = line.trim_start().strip_prefix(name) else {
            continue;
        };
        if !rest.starts_with([' ', '=']) {
            continue;
        }
        let rest = rest.trim_start();
        if !rest.starts_with('=') || rest.starts_with("==") {
            continue;
        }
        let value = rest[1..].trim();
        if value.is_empty() || value.ends_with(['{', '[', '(']) {
            return None;
        }
        let value_start = start + line.len() - rest[1..].trim_start().len();
        return Some((
            start..start + line.len(),
            value_start..value_start + value.len(),
        ));
    }
    None
}
