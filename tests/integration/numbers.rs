//! Numbers are evaluated as Terraform evaluates them, proven against Terraform itself.
//!
//! Each expression of `EXPRESSIONS` is given to riveter's evaluator and to `terraform console`
//! as `tostring(<expression>)`: the text Terraform prints for a number (or a bool, or the string
//! a function built), or `error`. Terraform's answers are stored in
//! `tests/fixtures/terraform-numbers/answers.txt`; when `terraform` is on the PATH it is asked
//! again and must still give them. `RIVETER_RECORD_TERRAFORM=1` rewrites the stored answers
//! from a live Terraform, after the table changes.

use crate::agreement::oracle;
use riveter::terraform::parse_source;
use riveter::value::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

const ANSWERS: &str = "tests/fixtures/terraform-numbers/answers.txt";

/// What riveter writes where Terraform reports an error.
const ERROR: &str = "error";

const EXPRESSIONS: &[&str] = &[
    // Sums and exact decimal literals.
    "0.1 + 0.2",
    "0.1 + 0.2 == 0.3",
    "0.1 + 0.2 != 0.3",
    "1.1 + 2.2",
    "0.3 - 0.1",
    "0.3 - 0.1 == 0.2",
    "100.01 - 100",
    "-0.5 + 0.25",
    // Products and quotients.
    "0.1 * 3",
    "0.1 * 3 == 0.3",
    "1.15 * 100",
    "3 * 0.7",
    "10 / 4",
    "1 / 3",
    "1 / 3 * 3",
    "1 / 3 * 3 == 1",
    "2 / 3",
    "-7 / 2",
    "1 / 0",
    "-1 / 0",
    "0 / 0",
    "1 / 0 - 1 / 0",
    "length([1, 2, 3]) / length([1, 2, 3, 4, 5, 6, 7])",
    "length([1, 2]) / 3",
    // Remainders.
    "10 % 3",
    "-7 % 3",
    "7.5 % 2",
    "10 % 0",
    "0.3 % 0.1",
    // Comparisons.
    "0.1 + 0.2 > 0.3",
    "0.1 + 0.2 >= 0.3",
    "0.30000000000000004 > 0.3",
    "9007199254740993 > 9007199254740992",
    "1e21 == 1000000000000000000000",
    "-0 == 0",
    "1 / 0 > 1e300",
    // Whole numbers beyond 2^53 and 2^64.
    "9007199254740993",
    "9007199254740993 + 0",
    "9007199254740992 + 1",
    "18446744073709551616 * 2",
    "123456789012345678901234567890 + 1",
    "99999999999999999999",
    // Large and small literals, and how they print.
    "1e21",
    "1e22 + 1",
    "1.5e300",
    "1e-7",
    "0.000001",
    "123.456e2",
    "1E3",
    "-0",
    "0 * -1",
    "-0 + 0",
    // Functions.
    "floor(2.7)",
    "floor(-2.5)",
    "ceil(2.1)",
    "ceil(-0.5)",
    "floor(1e30 / 7)",
    "abs(-0.1)",
    "signum(-3)",
    "signum(2.5)",
    "max(1, 0.1 + 0.2, 2.5)",
    "min(0.3, 0.1 + 0.2)",
    "pow(2, 10)",
    "pow(2, 0.5)",
    "pow(2, 0.5) + 0",
    "pow(2, 60)",
    "pow(10, 23)",
    "pow(1.1, 10)",
    "pow(10, -5)",
    "pow(10, 400)",
    "pow(-8, 0.5)",
    "log(8, 2)",
    "log(1000, 10)",
    "log(0, 10)",
    "parseint(\"ff\", 16)",
    "parseint(\"zz\", 36)",
    "parseint(\"123456789012345678901234567890\", 10)",
    "parseint(\"-101\", 2)",
    "sum([0.1, 0.2, 0.3])",
    "tonumber(\"0.1\") + tonumber(\"0.2\") == 0.3",
    // Text: tostring, templates, format, jsonencode.
    "tostring(0.1 + 0.2)",
    "\"${0.1 + 0.2}\"",
    "\"${1e21}\"",
    "format(\"%d\", 3.0)",
    "format(\"%d\", 1e21)",
    "format(\"%d\", 2.5)",
    "format(\"%f\", 1 / 3)",
    "format(\"%.2f\", 2.675)",
    "format(\"%.2f\", 0.125)",
    "format(\"%.0f\", 0.5)",
    "format(\"%e\", 1 / 3)",
    "format(\"%.3e\", 12345.678)",
    "format(\"%g\", 1234567)",
    "format(\"%v\", 1000000)",
    "format(\"%v\", 0.1 + 0.2)",
    "format(\"%5.1f|%-8.2f|%08.3f\", 3.14159, 2.5, -1.5)",
    "format(\"%x %X %o %b\", 255, 255, 8, 5)",
    "format(\"%+d\", 5)",
    "jsonencode(0.1 + 0.2)",
    "jsonencode(1e21)",
    "jsonencode(-0)",
    "jsonencode([1 / 3])",
    "jsonencode(1 / 0)",
    // Counts and indexes from decimal arithmetic.
    "length(range((0.1 + 0.2) * 10))",
    "length(range(0.3 * 10))",
    "[10, 20, 30, 40][(0.1 + 0.2) * 10]",
    "[10, 20, 30][1.0]",
    "[10, 20, 30][1.5]",
    "jsonencode(range(0, 1, 0.25))",
    "jsonencode([for i in range(3) : i * 0.1])",
    "(0.1 + 0.2) * 10 == 3",
    // Strings converted to numbers.
    "tonumber(\" 1\")",
    "tonumber(\"Inf\")",
    "tonumber(\".5\")",
    "tonumber(\"5.\")",
    "tonumber(\"0x10\")",
    "\"5\" + 1",
];

/// riveter's answer: the value as Terraform's `tostring` writes it, or `error`.
fn riveter_answer(expr: &str) -> String {
    let file: Arc<str> = "main.tf".into();
    let src = format!("locals {{\n  x = 1\n}}\nresource \"t\" \"x\" {{\n  v = {expr}\n}}\n");
    let resources = parse_source(&file, &src).unwrap_or_else(|e| panic!("{expr}: {e}"));
    match &resources[0].body.value.get("v").unwrap().value {
        Value::Number(n) => n.text(),
        Value::Bool(b) => b.to_string(),
        Value::String(s) => s.clone(),
        Value::Unknown(_) => ERROR.into(),
        other => format!("{other}"),
    }
}

/// Terraform's answer, from `terraform console` in an empty folder.
fn terraform_answer(dir: &Path, expr: &str) -> String {
    let mut child = Command::new("terraform")
        .arg("console")
        .current_dir(dir)
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .env("CHECKPOINT_DISABLE", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("terraform runs");
    use std::io::Write;
    writeln!(child.stdin.take().unwrap(), "tostring({expr})").unwrap();
    let output = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if !output.status.success() || text.is_empty() {
        return ERROR.into();
    }
    // A string is printed quoted, as HCL writes it; the table holds no escapes.
    let text = text.strip_prefix('"').and_then(|t| t.strip_suffix('"'));
    text.expect("terraform prints a string").to_string()
}

fn stored() -> BTreeMap<String, String> {
    std::fs::read_to_string(ANSWERS)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(expr, answer)| (expr.to_string(), answer.to_string()))
        .collect()
}

#[test]
fn numbers_evaluate_as_in_terraform() {
    assert!(EXPRESSIONS.len() >= 40);
    let mut answers = stored();
    let recording = std::env::var_os("RIVETER_RECORD_TERRAFORM").is_some();
    if oracle::available() {
        let dir = tempfile::tempdir().unwrap();
        let live: BTreeMap<String, String> = EXPRESSIONS
            .iter()
            .map(|e| (e.to_string(), terraform_answer(dir.path(), e)))
            .collect();
        if recording {
            let text: String = EXPRESSIONS
                .iter()
                .map(|e| format!("{e}\t{}\n", live[*e]))
                .collect();
            std::fs::create_dir_all(Path::new(ANSWERS).parent().unwrap()).unwrap();
            std::fs::write(ANSWERS, text).unwrap();
            answers = live;
        } else {
            for e in EXPRESSIONS {
                assert_eq!(
                    answers.get(*e),
                    Some(&live[*e]),
                    "the stored answer for {e} is not what terraform gives now; rerun with \
                     RIVETER_RECORD_TERRAFORM=1 to store it"
                );
            }
        }
    } else {
        assert!(
            !recording,
            "RIVETER_RECORD_TERRAFORM needs terraform on the PATH"
        );
    }
    let disagreements: Vec<String> = EXPRESSIONS
        .iter()
        .filter_map(|e| {
            let theirs = answers
                .get(*e)
                .unwrap_or_else(|| panic!("no stored answer for {e}; record with terraform"));
            let ours = riveter_answer(e);
            (ours != *theirs).then(|| format!("{e}\n  terraform: {theirs}\n  riveter:   {ours}"))
        })
        .collect();
    assert!(
        disagreements.is_empty(),
        "{} of {} expressions disagree:\n{}",
        disagreements.len(),
        EXPRESSIONS.len(),
        disagreements.join("\n")
    );
}

fn resources(src: &str) -> Vec<riveter::terraform::Resource> {
    let file: Arc<str> = "main.tf".into();
    parse_source(&file, src).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn count_from_decimal_arithmetic_is_exact() {
    // In Terraform (0.1 + 0.2) * 10 is 3: three instances, where f64 arithmetic gives
    // 3.0000000000000004 and no count at all.
    let found =
        resources("resource \"t\" \"x\" {\n  count = (0.1 + 0.2) * 10\n  i = count.index\n}\n");
    let index = found[0].body.value.get("i").unwrap();
    match &index.value {
        Value::Unknown(u) => assert_eq!(u.candidates.len(), 3, "{u:?}"),
        other => panic!("count.index should differ per instance, is {other}"),
    }
}

#[test]
fn hostile_numbers_stop_at_riveter_limit_quickly() {
    let started = std::time::Instant::now();
    let mut src = String::from("locals {\n  n0 = 1.5\n");
    // Each local squares the previous one: 2^40 bits by the end, were nothing to stop it.
    for i in 1..40 {
        src.push_str(&format!("  n{i} = local.n{} * local.n{}\n", i - 1, i - 1));
    }
    src.push_str("}\nresource \"t\" \"x\" {\n");
    src.push_str("  squared = local.n39\n");
    // hcl-edit reads a literal as an f64 and rejects one past its range: these come as text.
    src.push_str("  literal = tonumber(\"1e999999999\")\n");
    src.push_str("  tiny = tonumber(\"1e-999999999\") * 1\n");
    src.push_str("  power = pow(10, 1e9)\n");
    src.push_str("  apart = tonumber(\"1e2400\") + tonumber(\"1e-2400\") > 0\n");
    src.push_str("  digits = parseint(\"");
    src.push_str(&"7".repeat(100_000));
    src.push_str("\", 10)\n}\n");
    let found = resources(&src);
    let body = &found[0].body.value;
    for key in ["squared", "literal", "tiny", "digits"] {
        match &body.get(key).unwrap().value {
            Value::Unknown(u) => {
                assert!(u.reason.contains("riveter's limit"), "{key}: {}", u.reason)
            }
            other => panic!("{key} should be unknown, is {other}"),
        }
    }
    // Within Go's range, as Terraform computes it: an infinity, and a sum.
    assert_eq!(body.get("power").unwrap().value.to_string(), "+Inf");
    assert_eq!(body.get("apart").unwrap().value, Value::Bool(true));
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}
