//! Terraform's built-in functions, each checked against the result Terraform itself gives
//! (`terraform console`, Terraform 1.11).

use riveter::terraform::parse_source;
use riveter::value::Value;
use serde_json::{Value as J, json};
use std::sync::Arc;

fn eval(expr: &str) -> Value {
    let file: Arc<str> = "main.tf".into();
    let src = format!("resource \"t\" \"x\" {{\n  v = {expr}\n}}\n");
    let resources = parse_source(&file, &src).unwrap_or_else(|e| panic!("{e}"));
    resources[0].body.value.get("v").unwrap().value.clone()
}

/// The expression's value, as JSON (unknowns as `${source}` strings).
fn check(expr: &str, expected: J) {
    assert_eq!(eval(expr).to_json(), expected, "{expr}");
}

fn unknown(expr: &str) -> String {
    match eval(expr) {
        Value::Unknown(u) => u.reason,
        other => panic!("{expr} should be unknown, is {other}"),
    }
}

#[test]
fn jsonencode_matches_terraform_byte_for_byte() {
    check(
        r#"jsonencode({b = 1, a = "x<y>&z", c = [true, null, 1.5], d = {z = 1, y = "\u2028"}})"#,
        json!(
            r#"{"a":"x\u003cy\u003e\u0026z","b":1,"c":[true,null,1.5],"d":{"y":"\u2028","z":1}}"#
        ),
    );
    check("jsonencode(1e21)", json!("1000000000000000000000"));
    check("jsonencode(0.1)", json!("0.1"));
    // A template that is one interpolation is that value, not a string.
    check(r#"jsonencode("${2}")"#, json!("2"));
    check(r#"jsonencode("${[1, 2]}")"#, json!("[1,2]"));
}

#[test]
fn jsonencode_writes_unknown_leaves_as_their_source() {
    check(
        r#"jsonencode({ Resource = aws_s3_bucket.b.arn, Action = ["s3:GetObject"] })"#,
        json!(r#"{"Action":["s3:GetObject"],"Resource":"${aws_s3_bucket.b.arn}"}"#),
    );
}

#[test]
fn yamlencode_matches_terraform() {
    check(
        r#"yamlencode({foo = [1, 2, 3], bar = "baz", nested = {a = "b", list = [{x = 1}]}, e = [], m = {}, s = "multi\nline", n = null, t = true})"#,
        json!(
            "\"bar\": \"baz\"\n\"e\": []\n\"foo\":\n- 1\n- 2\n- 3\n\"m\": {}\n\"n\": null\n\"nested\":\n  \"a\": \"b\"\n  \"list\":\n  - \"x\": 1\n\"s\": |-\n  multi\n  line\n\"t\": true\n"
        ),
    );
    check(r#"yamlencode("plain")"#, json!("\"plain\"\n"));
    check(
        r#"yamlencode([{name = "a", tags = ["x", "y"]}, "str", 1.5])"#,
        json!("- \"name\": \"a\"\n  \"tags\":\n  - \"x\"\n  - \"y\"\n- \"str\"\n- 1.5\n"),
    );
    check(
        r#"yamlencode({"key with space" = "v: colon", "yes" = "no", "1" = "01"})"#,
        json!("\"1\": \"01\"\n\"key with space\": \"v: colon\"\n\"yes\": \"no\"\n"),
    );
}

#[test]
fn format_and_formatlist() {
    check(
        r#"format("%s-%03d-%.2f-%5s|%-5s|%v|%q|%%|%t|%x", "a", 7, 3.14159, "r", "l", 42, "q", true, 255)"#,
        json!("a-007-3.14-    r|l    |42|\"q\"|%|true|ff"),
    );
    check(
        r#"formatlist("%s=%s", ["a", "b"], ["1", "2"])"#,
        json!(["a=1", "b=2"]),
    );
    check(r#"formatlist("x-%s", "y")"#, json!(["x-y"]));
    check(
        r#"format("%[2]s %[1]s", "world", "hello")"#,
        json!("hello world"),
    );
}

#[test]
fn strings() {
    check(r#"upper("abc")"#, json!("ABC"));
    check(r#"lower("ABC")"#, json!("abc"));
    check(r#"join("-", ["a", "b"])"#, json!("a-b"));
    check(r#"split(",", "a,,b")"#, json!(["a", "", "b"]));
    check(r#"trimspace("  \n hi \t ")"#, json!("hi"));
    check(r#"replace("1 + 2 + 3", "+", "-")"#, json!("1 - 2 - 3"));
    check(
        r#"replace("hello world", "/w.*d/", "everybody")"#,
        json!("hello everybody"),
    );
    check(r#"substr("hello world", 1, 4)"#, json!("ello"));
    check(r#"substr("hello", -3, -1)"#, json!("llo"));
    check(r#"startswith("hello", "he")"#, json!(true));
    check(r#"endswith("hello", "lo")"#, json!(true));
    check(r#"tostring(5)"#, json!("5"));
    check(r#"tostring(1.50)"#, json!("1.5"));
    check(r#"title("hello world")"#, json!("Hello World"));
    check(r#"trimprefix("helloworld", "hello")"#, json!("world"));
    check(r#"trimsuffix("helloworld", "world")"#, json!("hello"));
}

#[test]
fn regex_returns_a_match_a_list_or_a_map() {
    check(r#"regex("[a-z]+", "123abc456")"#, json!("abc"));
    check(r#"regex("(\\d+)-(\\d+)", "10-20")"#, json!(["10", "20"]));
    check(
        r#"regex("^(?P<user>[a-z]+)@(?P<host>.+)$", "ann@example.com")"#,
        json!({"host": "example.com", "user": "ann"}),
    );
    check(r#"regexall("[a-z]+", "1a2bb")"#, json!(["a", "bb"]));
    check(r#"can(regex("^x", "abc"))"#, json!(false));
}

#[test]
fn collections() {
    check("length(\"héllo\")", json!(5));
    check(r#"element(["a", "b", "c"], 4)"#, json!("b"));
    check("keys({b = 1, a = 2})", json!(["a", "b"]));
    check("values({b = 1, a = 2})", json!([2, 1]));
    check(r#"lookup({a = 1}, "b", "d")"#, json!("d"));
    check("merge({a = 1, b = 2}, {b = 3})", json!({"a": 1, "b": 3}));
    check("concat([1], [2, 3])", json!([1, 2, 3]));
    check(r#"contains(["a"], "a")"#, json!(true));
    check(r#"distinct(["a", "b", "a", "c"])"#, json!(["a", "b", "c"]));
    check("flatten([[1, [2]], [], [3]])", json!([1, 2, 3]));
    check(r#"compact(["a", "", "b", null])"#, json!(["a", "b"]));
    check(r#"zipmap(["a", "b"], [1, 2])"#, json!({"a": 1, "b": 2}));
    check(r#"coalesce("", "b")"#, json!("b"));
    check(r#"coalescelist([], ["x"])"#, json!(["x"]));
    check("one([])", J::Null);
    check(r#"one(["x"])"#, json!("x"));
    check(r#"toset(["c", "a", "b", "a"])"#, json!(["a", "b", "c"]));
    check("range(3)", json!([0, 1, 2]));
    check(r#"tomap({a = "1"})"#, json!({"a": "1"}));
    check(r#"tolist(["a"])"#, json!(["a"]));
}

#[test]
fn numbers_and_conversions() {
    check("max(12, 54, 3)", json!(54));
    check("min(12, 54, 3)", json!(3));
    check("ceil(5.1)", json!(6));
    check("floor(-5.1)", json!(-6));
    check("abs(-12.4)", json!(12.4));
    check(r#"tonumber("12")"#, json!(12));
    check(r#"tobool("true")"#, json!(true));
    check(r#"parseint("ff", 16)"#, json!(255));
}

#[test]
fn networks() {
    check(r#"cidrsubnet("10.0.0.0/16", 8, 2)"#, json!("10.0.2.0/24"));
    check(
        r#"cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)"#,
        json!("fd00:fd12:3456:7800:a200::/72"),
    );
    check(r#"cidrhost("10.12.112.0/20", 16)"#, json!("10.12.112.16"));
    check(r#"cidrhost("10.12.112.0/20", 268)"#, json!("10.12.113.12"));
    check(r#"cidrnetmask("172.16.0.0/12")"#, json!("255.240.0.0"));
    check(
        r#"cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)"#,
        json!([
            "10.1.0.0/20",
            "10.1.16.0/20",
            "10.1.32.0/24",
            "10.1.48.0/20"
        ]),
    );
}

#[test]
fn encodings() {
    check(
        r#"base64encode("Hello, World!")"#,
        json!("SGVsbG8sIFdvcmxkIQ=="),
    );
    check(
        r#"base64decode("SGVsbG8sIFdvcmxkIQ==")"#,
        json!("Hello, World!"),
    );
    check(
        r#"jsondecode("{\"a\": [1, true]}")"#,
        json!({"a": [1, true]}),
    );
    check(r#"urlencode("a b/c")"#, json!("a+b%2Fc"));
}

#[test]
fn try_and_can_catch_errors_but_not_unknowns() {
    check(r#"try({a = 1}.b, "fallback")"#, json!("fallback"));
    check("try([1][3], 9)", json!(9));
    check("can([1][0])", json!(true));
    check("can([1][5])", json!(false));
    assert_eq!(
        unknown("try(var.missing, 1)"),
        "var.missing, which is not declared in this module"
    );
}

#[test]
fn unsupported_and_impure_functions_are_unknown_never_errors() {
    assert_eq!(
        unknown("timestamp()"),
        "timestamp(), which changes from run to run"
    );
    assert_eq!(
        unknown("nosuchfunction(1)"),
        "nosuchfunction(1), a function riveter does not evaluate"
    );
    assert_eq!(
        unknown(r#"provider::aws::arn_parse("arn:aws:s3:::b")"#),
        r#"provider::aws::arn_parse("arn:aws:s3:::b"), a provider-defined function riveter does not evaluate"#
    );
    assert_eq!(
        unknown("upper(aws_s3_bucket.b.id)"),
        "aws_s3_bucket.b.id, which is known only after apply"
    );
}

/// An argument of a sample call: a scalar, or a list or map whose elements are replaced one by
/// one.
enum Arg {
    Whole(&'static str),
    List(&'static [&'static str]),
    Map(&'static [(&'static str, &'static str)]),
}
use Arg::{List as L, Map as M, Whole as W};

/// One call of every built-in function riveter evaluates (the file functions read the disk and
/// have tests of their own).
fn sample_calls() -> Vec<(&'static str, Vec<Arg>)> {
    vec![
        ("abs", vec![W("-3")]),
        ("alltrue", vec![L(&["true", "false"])]),
        ("anytrue", vec![L(&["true", "false"])]),
        ("base64decode", vec![W("\"aGk=\"")]),
        ("base64encode", vec![W("\"hi\"")]),
        ("basename", vec![W("\"a/b.txt\"")]),
        ("ceil", vec![W("1.2")]),
        ("chomp", vec![W("\"a\\n\"")]),
        ("chunklist", vec![L(&["\"a\"", "\"b\"", "\"c\""]), W("2")]),
        ("cidrhost", vec![W("\"10.0.0.0/8\""), W("2")]),
        ("cidrnetmask", vec![W("\"10.0.0.0/8\"")]),
        ("cidrsubnet", vec![W("\"10.0.0.0/8\""), W("8"), W("2")]),
        ("cidrsubnets", vec![W("\"10.0.0.0/8\""), W("8"), W("8")]),
        ("coalesce", vec![W("\"\""), W("\"a\"")]),
        ("coalescelist", vec![L(&[]), L(&["\"a\""])]),
        ("compact", vec![L(&["\"a\"", "\"\"", "\"b\""])]),
        ("concat", vec![L(&["\"a\""]), L(&["\"b\""])]),
        ("contains", vec![L(&["\"a\"", "\"b\""]), W("\"a\"")]),
        ("dirname", vec![W("\"a/b\"")]),
        ("distinct", vec![L(&["\"a\"", "\"b\"", "\"a\""])]),
        ("element", vec![L(&["\"a\"", "\"b\""]), W("1")]),
        ("endswith", vec![W("\"abc\""), W("\"c\"")]),
        ("flatten", vec![L(&["[\"a\"]", "[\"b\", \"c\"]"])]),
        ("floor", vec![W("1.5")]),
        ("format", vec![W("\"%s-%d\""), W("\"a\""), W("1")]),
        ("formatlist", vec![W("\"%s-x\""), L(&["\"a\"", "\"b\""])]),
        ("indent", vec![W("2"), W("\"a\\nb\"")]),
        ("index", vec![L(&["\"a\"", "\"b\""]), W("\"b\"")]),
        ("join", vec![W("\",\""), L(&["\"a\"", "\"b\""])]),
        ("jsondecode", vec![W("\"{\\\"a\\\": 1}\"")]),
        ("jsonencode", vec![M(&[("a", "\"1\""), ("b", "[1, 2]")])]),
        ("keys", vec![M(&[("a", "1"), ("b", "2")])]),
        ("length", vec![L(&["\"a\"", "\"b\""])]),
        ("log", vec![W("8"), W("2")]),
        ("lookup", vec![M(&[("a", "\"1\"")]), W("\"a\""), W("\"d\"")]),
        ("lower", vec![W("\"AB\"")]),
        ("max", vec![W("1"), W("2")]),
        ("merge", vec![M(&[("a", "\"1\"")]), M(&[("b", "\"2\"")])]),
        ("min", vec![W("1"), W("2")]),
        ("one", vec![L(&["\"a\""])]),
        ("parseint", vec![W("\"ff\""), W("16")]),
        ("pow", vec![W("2"), W("3")]),
        ("range", vec![W("3")]),
        ("regex", vec![W("\"[a-z]+\""), W("\"ab1\"")]),
        ("regexall", vec![W("\"[a-z]\""), W("\"ab\"")]),
        ("replace", vec![W("\"a-b\""), W("\"-\""), W("\"_\"")]),
        ("reverse", vec![L(&["\"a\"", "\"b\""])]),
        ("setunion", vec![L(&["\"a\""]), L(&["\"b\""])]),
        ("signum", vec![W("-2")]),
        (
            "slice",
            vec![L(&["\"a\"", "\"b\"", "\"c\""]), W("0"), W("2")],
        ),
        ("sort", vec![L(&["\"b\"", "\"a\""])]),
        ("split", vec![W("\",\""), W("\"a,b\"")]),
        ("startswith", vec![W("\"abc\""), W("\"a\"")]),
        ("strcontains", vec![W("\"abc\""), W("\"b\"")]),
        ("strrev", vec![W("\"ab\"")]),
        ("substr", vec![W("\"abc\""), W("0"), W("2")]),
        ("sum", vec![L(&["1", "2"])]),
        ("title", vec![W("\"a b\"")]),
        ("tobool", vec![W("\"true\"")]),
        ("tolist", vec![L(&["\"a\"", "\"b\""])]),
        ("tomap", vec![M(&[("a", "\"1\"")])]),
        ("tonumber", vec![W("\"1\"")]),
        ("toset", vec![L(&["\"a\"", "\"b\""])]),
        ("tostring", vec![W("1")]),
        ("trim", vec![W("\"?a?\""), W("\"?\"")]),
        ("trimprefix", vec![W("\"ab\""), W("\"a\"")]),
        ("trimspace", vec![W("\" a \"")]),
        ("trimsuffix", vec![W("\"ab\""), W("\"b\"")]),
        ("upper", vec![W("\"a\"")]),
        ("urlencode", vec![W("\"a b\"")]),
        ("values", vec![M(&[("a", "1"), ("b", "2")])]),
        ("yamlencode", vec![M(&[("a", "\"1\"")])]),
        (
            "zipmap",
            vec![L(&["\"a\"", "\"b\""]), L(&["\"1\"", "\"2\""])],
        ),
    ]
}

/// What is tried in place of the unknown: values of every type, and the edge cases functions
/// treat apart (empty, duplicate, wildcard).
const CONCRETE: &[&str] = &[
    "\"a\"",
    "\"b\"",
    "\"\"",
    "\"*\"",
    "\"10.0.0.0/16\"",
    "\"ff\"",
    "0",
    "1",
    "2",
    "2.5",
    "-1",
    "true",
    "false",
    "[]",
    "[\"a\"]",
    "[\"a\", \"b\"]",
    "{}",
    "{ a = \"1\" }",
    "null",
];

/// The call with the argument at `at` (or the element `element` inside it) written as `text`.
fn call_text(name: &str, args: &[Arg], at: usize, element: Option<usize>, text: &str) -> String {
    let written: Vec<String> = args
        .iter()
        .enumerate()
        .map(|(i, arg)| {
            let here = |j: usize| i == at && element == Some(j);
            match arg {
                W(_) if i == at => text.to_string(),
                W(t) => t.to_string(),
                L(items) => {
                    let items: Vec<String> = items
                        .iter()
                        .enumerate()
                        .map(|(j, t)| {
                            if here(j) {
                                text.to_string()
                            } else {
                                t.to_string()
                            }
                        })
                        .collect();
                    format!("[{}]", items.join(", "))
                }
                M(entries) => {
                    let entries: Vec<String> = entries
                        .iter()
                        .enumerate()
                        .map(|(j, (k, t))| format!("{k} = {}", if here(j) { text } else { t }))
                        .collect();
                    format!("{{ {} }}", entries.join(", "))
                }
            }
        })
        .collect();
    format!("{name}({})", written.join(", "))
}

/// Whether a value with unknowns in it holds for a concrete one: every known part equal, every
/// list as long, every map with the same keys.
fn holds_for(partial: &Value, concrete: &Value) -> bool {
    match (partial, concrete) {
        (Value::Unknown(_), _) => true,
        (Value::List(a), Value::List(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| holds_for(&x.value, &y.value))
        }
        (Value::Map(a), Value::Map(b)) => {
            a.len() == b.len()
                && a.iter().all(|(k, x)| {
                    b.iter()
                        .any(|(l, y)| k == l && holds_for(&x.value, &y.value))
                })
        }
        (a, b) => a.to_json() == b.to_json(),
    }
}

/// Replacing any argument, or any element or map value inside one, by an unknown gives an
/// unknown, or a value whose known parts are what every concrete value in its place gives.
#[test]
fn unknowns_are_never_lost() {
    let mut broken = Vec::new();
    let mut cases = 0;
    for (name, args) in sample_calls() {
        for (at, arg) in args.iter().enumerate() {
            let elements: Vec<Option<usize>> = match arg {
                W(_) => vec![None],
                L(items) => (0..items.len()).map(Some).collect(),
                M(entries) => (0..entries.len()).map(Some).collect(),
            };
            for element in elements {
                let unknown = eval(&call_text(name, &args, at, element, "var.unset"));
                for concrete in CONCRETE {
                    let expr = call_text(name, &args, at, element, concrete);
                    let value = eval(&expr);
                    cases += 1;
                    // A value Terraform would reject, or that riveter cannot know either, says
                    // nothing about the unknown's.
                    if value.first_unknown().is_some() {
                        continue;
                    }
                    if !holds_for(&unknown, &value) {
                        broken.push(format!("{expr} = {value}, but with an unknown: {unknown}"));
                    }
                }
            }
        }
    }
    eprintln!("unknowns_are_never_lost: {cases} calls compared with their unknown counterparts");
    assert!(cases > 2000, "{cases} cases");
    assert!(
        broken.is_empty(),
        "{} cases lose an unknown:\n{}",
        broken.len(),
        broken.join("\n")
    );
}
