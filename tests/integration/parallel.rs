//! Output that is byte-for-byte the same whatever the number of threads, and shards that
//! split a monorepo's module folders without losing or repeating any.

#[path = "../../benches/support/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::fs;
use std::path::Path;
use std::process::Command;

fn scan(tree: &Path, out: &Path, extra: &[&str]) -> i32 {
    fs::create_dir_all(out).unwrap();
    let file = |name: &str| out.join(name).display().to_string();
    let mut args = vec![
        "scan".to_string(),
        "-p".into(),
        "aws-security".into(),
        "-p".into(),
        "azure-security".into(),
        "-p".into(),
        "gcp-security".into(),
        "-t".into(),
        tree.display().to_string(),
        "--root".into(),
        tree.display().to_string(),
        "--json".into(),
        file("r.json"),
        "--sarif".into(),
        file("r.sarif"),
        "--junit".into(),
        file("r.xml"),
        "--gitlab".into(),
        file("r.cq.json"),
        "-o".into(),
        file("table.txt"),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let status = Command::new(env!("CARGO_BIN_EXE_riveter"))
        .args(&args)
        .status()
        .unwrap();
    status.code().unwrap()
}

#[test]
fn every_report_is_identical_whatever_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("tree");
    generate::generate(&tree, 240, 7);
    let one = dir.path().join("one");
    let four = dir.path().join("four");
    assert_eq!(scan(&tree, &one, &["--jobs", "1"]), 1);
    assert_eq!(scan(&tree, &four, &["--jobs", "4"]), 1);
    for name in ["r.json", "r.sarif", "r.xml", "r.cq.json", "table.txt"] {
        let a = fs::read(one.join(name)).unwrap();
        let b = fs::read(four.join(name)).unwrap();
        assert!(a == b, "{name} differs between 1 and 4 threads");
        assert!(a.len() > 1000, "{name} is suspiciously small");
    }
}

#[test]
fn shards_split_the_module_folders_without_overlap() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("tree");
    generate::generate(&tree, 120, 3);
    let all = dir.path().join("all");
    scan(&tree, &all, &[]);
    let results = |out: &Path| -> Vec<String> {
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(out.join("r.json")).unwrap()).unwrap();
        json["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["resource"].is_object())
            .map(|r| {
                format!(
                    "{} {} {}",
                    r["rule_id"], r["resource"]["file"], r["resource"]["address"]
                )
            })
            .collect()
    };
    let mut union: Vec<String> = Vec::new();
    let mut categories = Vec::new();
    for index in 1..=3 {
        let out = dir.path().join(format!("shard{index}"));
        scan(&tree, &out, &["--shard", &format!("{index}/3")]);
        let mine = results(&out);
        assert!(!mine.is_empty(), "shard {index} is empty");
        union.extend(mine);
        let sarif: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(out.join("r.sarif")).unwrap()).unwrap();
        categories.push(
            sarif["runs"][0]["automationDetails"]["id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let mut everything = results(&all);
    everything.sort();
    union.sort();
    assert_eq!(
        union, everything,
        "the shards together are the whole scan, each finding once"
    );
    assert_eq!(
        categories,
        [
            "riveter/shard-1-of-3/",
            "riveter/shard-2-of-3/",
            "riveter/shard-3-of-3/"
        ]
    );
}
