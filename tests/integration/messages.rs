//! What a finding says and where it points: one element of a list of blocks is named by its
//! own line in every report, messages are sentences rather than operator maps, and a check
//! that looks for secrets never repeats the secret.

use crate::util::{riveter, stdout};
use serde_json::Value;
use std::fs;

/// An HTTPS ingress from anywhere, then an SSH ingress from anywhere.
const TWO_INGRESSES: &str = r#"resource "aws_security_group" "web" {
  name = "web"
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#;

#[test]
fn a_finding_about_one_ingress_block_points_at_that_blocks_source_range_in_every_report() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.tf"), TWO_INGRESSES).unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-p",
            "aws-security",
            "--include-rules",
            "aws-sg-no-ssh-from-internet",
            "-t",
            "main.tf",
            "--json",
            "r.json",
            "--sarif",
            "r.sarif",
            "--junit",
            "r.xml",
            "--gitlab",
            "r.gitlab.json",
            "--markdown",
            "r.md",
            "--html",
            "r.html",
        ],
    );
    let table = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{table}");
    // The SSH block's cidr_blocks line, not the HTTPS block's.
    assert!(
        table.contains("✗ aws_security_group.web  main.tf:13"),
        "{table}"
    );
    let sentence = r#"ingress block 2, at line 9, sets protocol = "tcp", from_port = 22, to_port = 22 and cidr_blocks = ["0.0.0.0/0"]"#;
    assert!(table.contains(sentence), "{table}");

    let json: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    let result = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["status"] == "fail")
        .unwrap();
    assert_eq!(result["message"], sentence);
    let failed = result["assertions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "ingress")
        .unwrap();
    assert_eq!(failed["line"], 13, "{failed}");
    // The structured values stay in the JSON report.
    assert!(failed["expected"].is_array(), "{failed}");
    assert_eq!(failed["actual"][1]["from_port"], 22, "{failed}");

    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("r.sarif")).unwrap()).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 13, "{region}");
    let gitlab: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("r.gitlab.json")).unwrap())
            .unwrap();
    assert_eq!(gitlab[0]["location"]["lines"]["begin"], 13, "{gitlab}");
    for report in ["r.xml", "r.md", "r.html"] {
        let text = fs::read_to_string(dir.path().join(report)).unwrap();
        assert!(text.contains("main.tf:13"), "{report}: {text}");
        assert!(!text.contains("no element matching"), "{report}: {text}");
    }
}

/// Every failure and unknown of every built-in pack on the packs' own fixtures reads as words:
/// no operator map (`{"lte": 22}`) appears in a message.
#[test]
fn no_message_of_the_built_in_packs_holds_an_operator_map() {
    let list = stdout(&riveter(".", &["packs", "list"]));
    let packs: Vec<&str> = list
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| !name.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert!(packs.len() >= 16, "{list}");
    let operators = regex_lite_operators();
    let mut messages = 0;
    for folder in ["aws", "azure", "gcp", "kubernetes"] {
        let mut args = vec!["scan", "-f", "json", "-t"];
        let path = format!("rule-packs/tests/{folder}");
        args.push(&path);
        for pack in &packs {
            args.extend(["-p", pack]);
        }
        let out = riveter(".", &args);
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        for result in json["results"].as_array().unwrap() {
            if result["status"] == "pass" {
                continue;
            }
            messages += 1;
            let message = result["message"].as_str().unwrap();
            for op in &operators {
                assert!(
                    !message.contains(op.as_str()),
                    "{} on {}: {message}",
                    result["rule_id"],
                    result["resource"]["address"]
                );
            }
        }
    }
    assert!(messages > 500, "{messages} messages");
}

/// `{"lte":`, `{"contains":`, ...: how an operator map would look in a message.
fn regex_lite_operators() -> Vec<String> {
    [
        "in",
        "not_in",
        "lte",
        "gte",
        "lt",
        "gt",
        "contains",
        "not_contains",
        "none_match",
        "equals",
        "matches",
        "regex",
        "not_matches",
        "length",
        "exists",
        "not_exists",
    ]
    .iter()
    .map(|op| format!("{{\"{op}\":"))
    .collect()
}

/// A check that looks for credentials says where it found one, never the credential, in any
/// report a pull request's readers see.
#[test]
fn a_check_that_finds_a_secret_never_repeats_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("main.tf"),
        r#"resource "aws_instance" "leaky" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = "export AWS_ACCESS_KEY_ID=AKIAZZZZEXAMPLE4KEY7\nexport AWS_SECRET_ACCESS_KEY=s3cr3tValueThatMustNotLeak00000000000000"
}

# The key is there, the secret's name is not: one assertion fails, the other passes, and
# neither repeats the value.
resource "aws_instance" "half" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = "export AWS_ACCESS_KEY_ID=AKIAZZZZEXAMPLE4KEY7\nexport DB_PASSWORD=s3cr3tValueThatMustNotLeak11111111"
}
"#,
    )
    .unwrap();
    let out = riveter(
        dir.path(),
        &[
            "scan",
            "-p",
            "aws-security",
            "--include-rules",
            "aws-ec2-user-data-no-access-keys",
            "-t",
            "main.tf",
            "--json",
            "r.json",
            "--sarif",
            "r.sarif",
            "--junit",
            "r.xml",
            "--gitlab",
            "r.gitlab.json",
            "--markdown",
            "r.md",
            "-f",
            "github",
        ],
    );
    let shown = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("may be a secret"), "{shown}");
    for text in std::iter::once(shown).chain(
        ["r.json", "r.sarif", "r.xml", "r.gitlab.json", "r.md"]
            .iter()
            .map(|r| fs::read_to_string(dir.path().join(r)).unwrap()),
    ) {
        assert!(!text.contains("AKIAZZZZEXAMPLE4KEY7"), "{text}");
        assert!(!text.contains("s3cr3tValue"), "{text}");
    }
}
