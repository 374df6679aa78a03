//! Module instances as Terraform plans them: the same configuration planned by Terraform and
//! scanned by riveter gives the same instance addresses and values.
//!
//! Each case of `tests/fixtures/plans/instances` is a configuration of `terraform_data`
//! resources and local modules (no provider, no network). Its `expected.json` is Terraform's
//! answer, recorded by `scripts/record-instance-plans`: every planned `terraform_data` instance's
//! address and its `input`. riveter scans the case's folder with a rule that every `input`
//! fails (`rules.yml`), so the JSON report carries each instance's value as the assertion's
//! `actual`; the test compares the addresses and values (numbers as numbers: the report writes
//! a number that is not a whole `i64` as the nearest `f64`).
//!
//! A block with its own `count` or `for_each` is one resource in riveter, known where every
//! instance agrees (docs/evaluation.md, "count and for_each"): it is compared with all of
//! Terraform's instances of the block, and where they differ riveter must say unknown.
//!
//! When `terraform` is on the PATH, each case is planned again in a temporary copy and must still
//! give the stored answer, so the answers cannot drift from Terraform's.

use crate::agreement::oracle;
use crate::util::{copy_tree, riveter, stderr, terraform};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The cases, each a folder with `config/` (what is planned and scanned) and `expected.json`.
fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/instances")
}

/// Every case's name, in order.
fn cases() -> Vec<String> {
    let mut cases: Vec<String> = fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    cases.sort();
    cases
}

/// Addresses and `input` values, in address order.
type Instances = BTreeMap<String, Value>;

fn stored(case: &str) -> Instances {
    let path = cases_dir().join(case).join("expected.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run scripts/record-instance-plans {case}",
            path.display()
        )
    });
    let answers: Map<String, Value> = serde_json::from_str(&text).unwrap();
    answers.into_iter().collect()
}

/// Terraform's answer now: the case planned in a temporary copy, read as the recording script
/// reads it.
fn planned(case: &str) -> Instances {
    let work = tempfile::tempdir().unwrap();
    copy_tree(&cases_dir().join(case).join("config"), work.path());
    terraform(work.path(), &["init", "-input=false", "-no-color"]);
    terraform(
        work.path(),
        &["plan", "-input=false", "-no-color", "-out=plan.tfplan"],
    );
    let shown = terraform(work.path(), &["show", "-json", "plan.tfplan"]);
    let plan: Value = serde_json::from_slice(&shown.stdout).unwrap();
    let mut instances = Instances::new();
    for change in plan["resource_changes"].as_array().unwrap() {
        if change["mode"] != "managed" || change["type"] != "terraform_data" {
            continue;
        }
        let address = change["address"].as_str().unwrap();
        let change = &change["change"];
        assert_eq!(
            change["actions"],
            serde_json::json!(["create"]),
            "{address}"
        );
        assert!(
            !any_true(&change["after_unknown"]["input"]),
            "{case}: {address}: Terraform knows its input only after apply, so there is no \
             answer to compare"
        );
        instances.insert(address.to_string(), change["after"]["input"].clone());
    }
    instances
}

/// `after_unknown` mirrors a value: `true` where a part is known only after apply.
fn any_true(marks: &Value) -> bool {
    match marks {
        Value::Bool(b) => *b,
        Value::Array(items) => items.iter().any(any_true),
        Value::Object(entries) => entries.values().any(any_true),
        _ => false,
    }
}

/// What riveter reports for one address: the result's status and the `input` it found.
#[derive(Debug)]
struct Found {
    status: String,
    input: Value,
}

/// riveter's answer: the case's folder scanned with the rule that every `input` fails.
fn scanned(case: &str, problems: &mut Vec<String>) -> BTreeMap<String, Found> {
    let config = cases_dir().join(case).join("config");
    let rules = cases_dir().join("rules.yml");
    let out = riveter(
        &config,
        &["scan", "-r", rules.to_str().unwrap(), "-f", "json"],
    );
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{case}: {e}: {}", stderr(&out)));
    for error in report["errors"].as_array().unwrap() {
        problems.push(format!("{case}: riveter reports an error: {error}"));
    }
    let mut found = BTreeMap::new();
    for result in report["results"].as_array().unwrap() {
        let Some(address) = result["resource"]["address"].as_str() else {
            problems.push(format!(
                "{case}: a result on no resource: {}",
                result["message"]
            ));
            continue;
        };
        let input = result["assertions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["key"] == "input")
            .map_or(Value::Null, |a| a["actual"].clone());
        let status = result["status"].as_str().unwrap().to_string();
        if found
            .insert(address.to_string(), Found { status, input })
            .is_some()
        {
            problems.push(format!("{case}: riveter reports {address} twice"));
        }
    }
    found
}

/// The address of the block an instance of a resource's own `count` or `for_each` belongs
/// to: `module.m["a"].terraform_data.x["k"]` is `module.m["a"].terraform_data.x`. `None` when
/// the address has no instance key of its own.
fn block_of(address: &str) -> Option<&str> {
    if !address.ends_with(']') {
        return None;
    }
    // The last `[` outside a quoted key: keys may hold brackets, dots and escaped quotes.
    let (mut last, mut quoted, mut escaped) = (None, false, false);
    for (at, c) in address.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => last = Some(at),
            _ => {}
        }
    }
    last.map(|at| &address[..at])
}

/// The same value, numbers compared as numbers.
fn same(terraform: &Value, riveter: &Value) -> bool {
    match (terraform, riveter) {
        (Value::Number(a), Value::Number(b)) => {
            match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
                (Some(a), Some(b), _, _) => a == b,
                (_, _, Some(a), Some(b)) => a == b,
                _ => a.as_f64() == b.as_f64(),
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => terraform == riveter,
    }
}

/// Whether one resource that stands for all of a block's instances says what they agree on,
/// and unknown (the report writes `"${expression}"`) where they differ; an object attribute by
/// attribute.
fn same_merged(riveter: &Value, values: &[&Value]) -> bool {
    if values.iter().all(|v| same(values[0], v)) {
        return same(values[0], riveter);
    }
    let keys = |v: &Value| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>());
    let shared =
        keys(values[0]).filter(|first| values.iter().all(|v| keys(v).as_ref() == Some(first)));
    match shared {
        // Objects with the same attributes: riveter knows the object and each attribute the
        // instances agree on.
        Some(shared) => riveter.as_object().is_some_and(|found| {
            found.len() == shared.len()
                && shared.iter().all(|key| {
                    let of_key: Vec<&Value> = values.iter().map(|v| &v[key.as_str()]).collect();
                    found.get(key).is_some_and(|got| same_merged(got, &of_key))
                })
        }),
        None => is_unknown(riveter),
    }
}

/// An unknown in the JSON report: its expression as a template.
fn is_unknown(riveter: &Value) -> bool {
    riveter.as_str().is_some_and(|text| text.contains("${"))
}

/// Every way riveter's answer differs from Terraform's for one case.
fn compare(case: &str, terraform: &Instances, riveter: &BTreeMap<String, Found>) -> Vec<String> {
    let mut problems = Vec::new();
    let show = |v: &Value| serde_json::to_string(v).unwrap();
    // Terraform's instances of a block riveter keeps as one resource.
    let mut by_block: BTreeMap<&str, Vec<(&str, &Value)>> = BTreeMap::new();
    for (address, value) in terraform {
        if riveter.contains_key(address) {
            continue;
        }
        match block_of(address).filter(|block| riveter.contains_key(*block)) {
            Some(block) => by_block.entry(block).or_default().push((address, value)),
            None => problems.push(format!(
                "{case}: Terraform plans {address} (input {}), riveter has no such instance",
                show(value)
            )),
        }
    }
    for (address, found) in riveter {
        if !["fail", "unknown"].contains(&found.status.as_str()) {
            problems.push(format!(
                "{case}: {address} is {} in riveter: {}",
                found.status,
                show(&found.input)
            ));
        }
        if let Some(value) = terraform.get(address) {
            if !same(value, &found.input) {
                problems.push(format!(
                    "{case}: {address}\n  terraform: {}\n  riveter:   {}",
                    show(value),
                    show(&found.input)
                ));
            }
        } else if let Some(instances) = by_block.get(address.as_str()) {
            let values: Vec<&Value> = instances.iter().map(|(_, v)| *v).collect();
            if !same_merged(&found.input, &values) {
                let named: Vec<String> = instances
                    .iter()
                    .map(|(a, v)| format!("\n  terraform: {a} = {}", show(v)))
                    .collect();
                problems.push(format!(
                    "{case}: {address} (one resource for {} instances){}\n  riveter:   {}",
                    instances.len(),
                    named.concat(),
                    show(&found.input)
                ));
            }
        } else {
            problems.push(format!(
                "{case}: riveter reports {address} (input {}), Terraform plans no such instance",
                show(&found.input)
            ));
        }
    }
    problems
}

/// Where the stored answer of a case is not what Terraform plans now.
fn drift(case: &str, stored: &Instances, live: &Instances) -> Vec<String> {
    let show = |v: Option<&Value>| v.map_or("nothing".into(), |v| v.to_string());
    let addresses: std::collections::BTreeSet<&String> = stored.keys().chain(live.keys()).collect();
    addresses
        .into_iter()
        .filter(|a| match (stored.get(*a), live.get(*a)) {
            (Some(s), Some(l)) => !same(l, s),
            _ => true,
        })
        .map(|a| {
            format!(
                "{case}: {a}: stored {}, terraform plans {}",
                show(stored.get(a)),
                show(live.get(a))
            )
        })
        .collect()
}

#[test]
fn module_instances_have_terraform_addresses_and_values() {
    let cases = cases();
    assert!(cases.len() >= 8, "{cases:?}");
    let answers: BTreeMap<&str, Instances> =
        cases.iter().map(|c| (c.as_str(), stored(c))).collect();

    if oracle::available() {
        let drifted: Vec<String> = cases
            .iter()
            .flat_map(|case| drift(case, &answers[case.as_str()], &planned(case)))
            .collect();
        assert!(
            drifted.is_empty(),
            "the stored answers are not what terraform plans now; run \
             scripts/record-instance-plans:\n{}",
            drifted.join("\n")
        );
        println!(
            "terraform planned {} cases again and gives the stored answers",
            cases.len()
        );
    } else {
        println!(
            "terraform not on the PATH: stored answers checked (tests/fixtures/plans/instances/*/expected.json)"
        );
    }

    let mut problems = Vec::new();
    let mut instances = 0;
    for case in &cases {
        let terraform = &answers[case.as_str()];
        assert!(!terraform.is_empty(), "{case}: Terraform plans nothing");
        instances += terraform.len();
        let riveter = scanned(case, &mut problems);
        problems.extend(compare(case, terraform, &riveter));
    }
    assert!(
        problems.is_empty(),
        "riveter and terraform disagree:\n{}",
        problems.join("\n")
    );
    println!(
        "riveter gives Terraform's {instances} instances of {} cases",
        cases.len()
    );
}

#[test]
fn an_instance_key_is_found_whatever_its_key_holds() {
    assert_eq!(
        block_of(r#"module.m["a"].terraform_data.x[0]"#),
        Some(r#"module.m["a"].terraform_data.x"#)
    );
    assert_eq!(
        block_of(r#"terraform_data.x["a[1].\"b]"]"#),
        Some("terraform_data.x")
    );
    assert_eq!(block_of(r#"module.m["a"].terraform_data.x"#), None);
}

#[test]
fn a_merged_block_is_known_only_where_every_instance_agrees() {
    let a = serde_json::json!({ "pool": "a", "index": 0 });
    let b = serde_json::json!({ "pool": "a", "index": 1 });
    let values = [&a, &b];
    let unknown = serde_json::json!({ "pool": "a", "index": "${count.index}" });
    assert!(same_merged(&unknown, &values));
    // A guess where the instances differ is a disagreement, as is a wrong agreed value.
    let guess = serde_json::json!({ "pool": "a", "index": 0 });
    assert!(!same_merged(&guess, &values));
    let wrong = serde_json::json!({ "pool": "b", "index": "${count.index}" });
    assert!(!same_merged(&wrong, &values));
    // What the instances agree on is known: an unknown object is less than riveter says.
    assert!(!same_merged(&serde_json::json!("${each.value}"), &values));
    assert!(same_merged(
        &serde_json::json!("${count.index}"),
        &[&serde_json::json!(0), &serde_json::json!(1)]
    ));
    // Numbers are compared as numbers: the report writes 1e21 as an f64.
    let whole: Value = serde_json::from_str("1000000000000000000000").unwrap();
    assert!(same(&whole, &serde_json::json!(1e21)));
    assert!(same(&serde_json::json!(2), &serde_json::json!(2.0)));
    assert!(!same(&serde_json::json!(2), &serde_json::json!("2")));
}
