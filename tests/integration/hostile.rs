//! Attacks on the gate. riveter gates pull requests from strangers, so the Terraform it scans
//! is written by an attacker. Each case is a small tree holding the attack beside an ordinary
//! `kms.tf` (a key without rotation), scanned with the aws-security pack and every report
//! asked for, as CI scans a pull request (`attack.rs` has the layout). Whatever the attack,
//! these hold (the letters name them in every failure):
//!
//! - (a) the gate never passes: exit code 1 (fails) or 2 (cannot be trusted), no panic, no
//!   signal;
//! - (b) `aws_kms_key.weak` still fails the rotation check in the JSON report;
//! - (c) every report is written and valid (JSON against docs/report.schema.json with a verdict
//!   that agrees with the exit code, SARIF, JUnit as well-formed XML, GitLab, Markdown, HTML),
//!   and every error in it names a file of the tree and a line;
//! - (d) the scan ends within a minute under a 4 GiB address space, and writes no report or
//!   stream larger than 64 MiB;
//! - (e) no line of standard output or error is a GitHub workflow command, and every line of
//!   the github report is one of riveter's annotations;
//! - (f) no token or secret from `.git/config`, a folder beside the scanned one, or the
//!   environment appears in any output;
//! - (g) nothing is written besides the reports.
//!
//! Some attacks add their own expectation, marked "(class)". `fuzz.rs` generates many more
//! attacks from the project's fixtures and these, and checks the same properties.

mod attack;
mod fuzz;

use attack::{Format, Run, attack};

/// A local of a million elements, used by one resource.
const BOMB: &str = "locals {\n  pad = [for a in range(1000) : [for b in range(1000) : 0]]\n}\n\nresource \"aws_s3_bucket\" \"padded\" {\n  bucket = \"pad-${length(local.pad)}\"\n}\n";

#[test]
fn evaluation_bomb_in_a_file_before_kms() {
    attack("evaluation_bomb_in_a_file_before_kms")
        .file("aaa.tf", BOMB)
        .run()
        .verify(Vec::new());
}

#[test]
fn evaluation_bomb_in_a_file_after_kms() {
    attack("evaluation_bomb_in_a_file_after_kms")
        .file("zzz.tf", BOMB)
        .run()
        .verify(Vec::new());
}

#[test]
fn evaluation_bomb_in_a_called_local_module() {
    attack("evaluation_bomb_in_a_called_local_module")
        .file(
            "aaa.tf",
            "module \"pad\" {\n  source = \"./modules/pad\"\n}\n",
        )
        .file("modules/pad/main.tf", BOMB)
        .run()
        .verify(Vec::new());
}

/// Calls that multiply: 200 instances each calling 200 instances of a module whose local
/// evaluates 40,000 expressions. Each folder's instances share its files' steps, so the scan
/// stops with an error instead of evaluating forty thousand modules.
#[test]
fn module_instances_that_multiply() {
    attack("module_instances_that_multiply")
        .file(
            "aaa.tf",
            "module \"wide\" {\n  source   = \"./modules/m1\"\n  for_each = toset([for i in range(200) : tostring(i)])\n  n        = each.key\n}\n",
        )
        .file(
            "modules/m1/main.tf",
            "variable \"n\" {}\nmodule \"deeper\" {\n  source   = \"../m2\"\n  for_each = toset([for i in range(200) : \"${var.n}-${i}\"])\n  n        = each.key\n}\n",
        )
        .file(
            "modules/m2/main.tf",
            "variable \"n\" {}\nlocals {\n  heavy = length(flatten([for a in range(200) : [for b in range(200) : \"${var.n}${a}${b}\"]]))\n}\nresource \"aws_kms_key\" \"k\" {\n  description         = local.heavy\n  enable_key_rotation = true\n}\n",
        )
        .run()
        .verify(Vec::new());
}

/// A local doubled forty times: 16 TiB of text if nothing stops it.
#[test]
fn string_doubled_forty_times() {
    let mut tf = String::from("locals {\n  s0 = \"0123456789abcdef\"\n");
    for i in 1..=40 {
        tf.push_str(&format!(
            "  s{i} = \"${{local.s{}}}${{local.s{}}}\"\n",
            i - 1,
            i - 1
        ));
    }
    tf.push_str("}\n\nresource \"aws_kms_key\" \"doubled\" {\n  description = local.s40\n}\n");
    attack("string_doubled_forty_times")
        .file("aaa.tf", tf)
        .run()
        .verify(Vec::new());
}

#[test]
fn deeply_nested_brackets_unclosed() {
    let tf = format!("locals {{\n  deep = {}\n}}\n", "[".repeat(100 * 1024));
    attack("deeply_nested_brackets_unclosed")
        .file("deep.tf", tf)
        .run()
        .verify(Vec::new());
}

#[test]
fn deeply_nested_brackets_balanced() {
    let depth = 50 * 1024;
    let tf = format!(
        "locals {{\n  deep = {}1{}\n}}\n\nresource \"aws_s3_bucket\" \"deep\" {{\n  bucket = jsonencode(local.deep)\n}}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    attack("deeply_nested_brackets_balanced")
        .file("deep.tf", tf)
        .run()
        .verify(Vec::new());
}

#[test]
fn deeply_nested_function_calls() {
    let depth = 20_000;
    let tf = format!(
        "resource \"aws_kms_key\" \"nested\" {{\n  description = {}\"x\"{}\n}}\n",
        "upper(".repeat(depth),
        ")".repeat(depth)
    );
    attack("deeply_nested_function_calls")
        .file("deep.tf", tf)
        .run()
        .verify(Vec::new());
}

/// 5000 locals, each the previous one, written last first. Terraform evaluates it: the key's
/// rotation is `false`.
#[test]
fn chain_of_5000_locals() {
    let mut tf = String::from("locals {\n");
    for i in (1..5000).rev() {
        tf.push_str(&format!("  l{i} = local.l{}\n", i - 1));
    }
    tf.push_str("  l0 = false\n}\n\nresource \"aws_kms_key\" \"chain\" {\n  enable_key_rotation = local.l4999\n}\n");
    let run = attack("chain_of_5000_locals").file("chain.tf", tf).run();
    let extra = never_passes(&run, "aws_kms_key.chain");
    run.verify(extra);
}

/// A template that renders itself (Terraform refuses templatefile inside templatefile).
#[test]
fn template_that_includes_itself() {
    attack("template_that_includes_itself")
        .file("self.tftpl", "again ${templatefile(self, { self = self })}\n")
        .file(
            "template.tf",
            "resource \"aws_kms_key\" \"template\" {\n  description = templatefile(\"${path.module}/self.tftpl\", { self = \"${path.module}/self.tftpl\" })\n}\n",
        )
        .run()
        .verify(Vec::new());
}

/// A 4 MiB string in 200 failing keys: each finding shows what it found.
#[test]
fn four_mib_string_in_200_resources() {
    let mut tf = format!(
        "locals {{\n  big = \"{}\"\n}}\n",
        "A".repeat((4 << 20) - 64)
    );
    for i in 0..200 {
        tf.push_str(&format!(
            "\nresource \"aws_kms_key\" \"big_{i}\" {{\n  enable_key_rotation = local.big\n}}\n"
        ));
    }
    attack("four_mib_string_in_200_resources")
        .file("big.tf", tf)
        .run()
        .verify(Vec::new());
}

/// A map of 100,000 keys built three ways; a map that searches its keys on every insert
/// takes minutes.
fn quadratic(name: &str, map: &str) {
    let tf = format!(
        "locals {{\n  keys = [for i in range(100000) : \"k${{i}}\"]\n  map  = {map}\n}}\n\nresource \"aws_s3_bucket\" \"keys\" {{\n  bucket = \"n-${{length(local.map)}}\"\n}}\n"
    );
    attack(name).file("keys.tf", tf).run().verify(Vec::new());
}

#[test]
fn quadratic_zipmap_of_100k_keys() {
    quadratic(
        "quadratic_zipmap_of_100k_keys",
        "zipmap(local.keys, local.keys)",
    );
}

#[test]
fn quadratic_merge_of_100k_maps() {
    quadratic(
        "quadratic_merge_of_100k_maps",
        "merge([for k in local.keys : { (k) = k }]...)",
    );
}

#[test]
fn quadratic_for_into_map_of_100k_keys() {
    quadratic(
        "quadratic_for_into_map_of_100k_keys",
        "{ for k in local.keys : k => k }",
    );
}

/// 20,000 definitions of one key in an object: a one-letter key and a longer one (riveter
/// renames earlier definitions to parse the object, and runs out of fresh names differently
/// for each).
fn duplicate_keys(name: &str, key: &str) {
    let tf = format!(
        "locals {{\n  dup = {{\n{}  }}\n}}\n\nresource \"aws_s3_bucket\" \"dup\" {{\n  bucket = \"n-${{length(local.dup)}}\"\n}}\n",
        format!("    {key} = 1\n").repeat(20_000)
    );
    attack(name).file("dup.tf", tf).run().verify(Vec::new());
}

#[test]
fn object_with_20k_duplicate_one_letter_keys() {
    duplicate_keys("object_with_20k_duplicate_one_letter_keys", "a");
}

#[test]
fn object_with_20k_duplicate_long_keys() {
    duplicate_keys("object_with_20k_duplicate_long_keys", "name");
}

/// The checkout's token, read by a relative path from the module and from the working
/// folder.
#[test]
fn file_reads_git_config() {
    attack("file_reads_git_config")
        .file(
            "leak.tf",
            "resource \"aws_kms_key\" \"leak_module\" {\n  enable_key_rotation = file(\"${path.module}/../.git/config\")\n}\n\nresource \"aws_kms_key\" \"leak_cwd\" {\n  enable_key_rotation = file(\".git/config\")\n}\n\nresource \"aws_kms_key\" \"leak_dotdot\" {\n  enable_key_rotation = file(\"../.git/config\")\n}\n",
        )
        .run()
        .verify(Vec::new());
}

#[test]
fn file_reads_etc_passwd() {
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let first = passwd.lines().next().unwrap_or("root:x:0:0").to_string();
    attack("file_reads_etc_passwd")
        .file(
            "leak.tf",
            "resource \"aws_kms_key\" \"passwd\" {\n  enable_key_rotation = file(\"/etc/passwd\")\n}\n",
        )
        .forbid(first)
        .run()
        .verify(Vec::new());
}

/// `terraform.tfvars` and an `.auto.tfvars` that are links to a file beside the scanned
/// folder: their values must not be read, let alone shown.
#[test]
fn symlinked_tfvars_outside_the_tree() {
    attack("symlinked_tfvars_outside_the_tree")
        .file(
            "vars.tf",
            "variable \"rotation\" {}\nvariable \"leak\" {}\n\nresource \"aws_kms_key\" \"from_tfvars\" {\n  enable_key_rotation = var.rotation\n}\n\nresource \"aws_kms_key\" \"from_auto_tfvars\" {\n  enable_key_rotation = var.leak\n}\n",
        )
        .link("terraform.tfvars", "../sibling/leak.tfvars")
        .link("leak.auto.tfvars", "../sibling/leak.tfvars")
        .run()
        .verify(Vec::new());
}

/// Every other way a function reads a file: beside the tree, in $HOME, as base64, as a
/// template, and the names `fileset` finds.
#[test]
fn functions_read_beside_the_tree_and_home() {
    let reads = [
        "file(\"${path.module}/../sibling/secret.txt\")",
        "file(pathexpand(\"~/secret.txt\"))",
        "filebase64(\"${path.module}/../sibling/secret.txt\")",
        "templatefile(\"${path.module}/../sibling/secret.txt\", {})",
        "jsonencode(fileset(\"${path.module}/../sibling\", \"*\"))",
        "file(abspath(\"${path.module}/../sibling/secret.txt\"))",
    ];
    let tf: String = reads
        .iter()
        .enumerate()
        .map(|(i, read)| {
            format!(
                "resource \"aws_kms_key\" \"read_{i}\" {{\n  enable_key_rotation = {read}\n}}\n\n"
            )
        })
        .collect();
    attack("functions_read_beside_the_tree_and_home")
        .file("leak.tf", tf)
        .run()
        .verify(Vec::new());
}

/// `::stop-commands::` would turn off riveter's annotations; `::add-mask::` and `::error::`
/// forge the runner's log.
#[test]
fn workflow_command_in_a_label() {
    attack("workflow_command_in_a_label")
        .file(
            "label.tf",
            "resource \"aws_kms_key\" \"a\\n::stop-commands::x\\n\" {\n  enable_key_rotation = false\n}\n",
        )
        .run()
        .verify(Vec::new());
}

/// The same text where Terraform accepts it: in values a failing finding shows. (A block with
/// `for_each` is one resource; its instances' keys are not part of an address, and a value
/// that differs between instances is unknown, so a single key is used to reach the report.)
#[test]
fn workflow_command_in_values() {
    let mut tf = values_shown(&[
        "\\n::stop-commands::x\\n",
        "\\r::add-mask::y",
        "\\u2028::error::z",
    ]);
    tf.push_str("resource \"aws_kms_key\" \"each\" {\n  for_each            = toset([\"\\n::stop-commands::x\\n\"])\n  enable_key_rotation = each.key\n}\n\nresource \"aws_kms_key\" \"heredoc\" {\n  enable_key_rotation = <<-EOT\n\n    ::error file=kms.tf,line=1::forged\n  EOT\n}\n");
    attack("workflow_command_in_values")
        .file("values.tf", tf)
        .run()
        .verify(Vec::new());
}

#[test]
fn file_name_with_a_newline() {
    attack("file_name_with_a_newline")
        .file(
            "evil\n::warning::pwned\n.tf",
            "resource \"aws_kms_key\" \"newline_name\" {\n  enable_key_rotation = false\n}\n",
        )
        .run()
        .verify(Vec::new());
}

/// Names that would be a heading, a mention and raw HTML in the pull request's comment
/// (Terraform rejects them; a scan that reads them must still show them inert).
#[test]
fn markdown_injection_in_labels() {
    let labels = [
        "# ✅ all checks passed",
        "x\\n# ✅ all checks passed\\n",
        "@octocat",
        "x` @octocat `y",
        "<details>PWNED",
        "<img src=x onerror=PWNED>",
    ];
    let tf: String = labels
        .iter()
        .map(|l| {
            format!("resource \"aws_kms_key\" \"{l}\" {{\n  enable_key_rotation = false\n}}\n\n")
        })
        .collect();
    let run = attack("markdown_injection_in_labels")
        .file("labels.tf", tf)
        .run();
    let extra = markup_is_inert(&run);
    run.verify(extra);
}

/// The same text where Terraform accepts it: in values a failing finding shows.
#[test]
fn markdown_injection_in_values() {
    let tf = values_shown(&[
        "\\n# ✅ all checks passed\\n",
        "x` @octocat `y",
        "@octocat",
        "<details>PWNED",
        "<img src=x onerror=PWNED>",
        "</script><script>PWNED",
        "| --- |\\n| ✅ | all checks passed |",
    ]);
    let run = attack("markdown_injection_in_values")
        .file("md.tf", tf)
        .run();
    let extra = markup_is_inert(&run);
    run.verify(extra);
}

/// Characters XML 1.0 forbids, in what a failing finding shows.
#[test]
fn characters_junit_cannot_hold() {
    attack("characters_junit_cannot_hold")
        .file(
            "xml.tf",
            "resource \"aws_kms_key\" \"noncharacter\" {\n  enable_key_rotation = \"\\uFFFE\"\n}\n\nresource \"aws_kms_key\" \"raw_noncharacter\" {\n  enable_key_rotation = \"a\u{FFFE}b\u{FFFF}c\"\n}\n\nresource \"aws_kms_key\" \"control\" {\n  enable_key_rotation = \"\\u0001\\u001b[2J\"\n}\n",
        )
        .run()
        .verify(Vec::new());
}

/// Escape sequences and carriage returns that would rewrite the log a reviewer reads.
#[test]
fn terminal_control_characters_in_values() {
    let run = attack("terminal_control_characters_in_values")
        .file(
            "tty.tf",
            values_shown(&[
                "\\u001b[2K\\rValidation passed!",
                "\\u0007",
                "\u{1b}]8;;http://x\u{7}link",
            ]),
        )
        .run();
    let mut extra = Vec::new();
    for (stream, bytes) in [("stdout", &run.stdout.bytes), ("stderr", &run.stderr.bytes)] {
        if let Some(b) = bytes
            .iter()
            .find(|&&b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f)
        {
            extra.push(format!("{stream} holds the control character {b:#04x}"));
        }
    }
    run.verify(extra);
}

/// `0.1 + 0.2 == 0.3` is true in Terraform (its numbers are decimals), so the key exists.
#[test]
fn decimal_arithmetic_decides_a_count() {
    let run = attack("decimal_arithmetic_decides_a_count")
        .file(
            "decimal.tf",
            "resource \"aws_kms_key\" \"decimal\" {\n  count               = 0.1 + 0.2 == 0.3 ? 1 : 0\n  enable_key_rotation = false\n}\n",
        )
        .run();
    let extra = run.expect_rotation_fails("aws_kms_key.decimal");
    run.verify(extra);
}

/// A pull request that adds an ignore file naming the failing file: the file is still
/// judged, and the scan says the ignore file named it.
fn ignore_file(name: &str, ignore: &str) {
    let run = attack(name).file(ignore, "kms.tf\n").run();
    let warned = run
        .stderr_text()
        .lines()
        .any(|l| l.contains("kms.tf") && l.to_lowercase().contains("warning"));
    let extra = if warned {
        Vec::new()
    } else {
        vec![format!(
            "no warning on standard error names kms.tf, which {ignore} excludes"
        )]
    };
    run.verify(extra);
}

#[test]
fn gitignore_names_kms_tf() {
    ignore_file("gitignore_names_kms_tf", ".gitignore");
}

#[test]
fn ignore_file_names_kms_tf() {
    ignore_file("ignore_file_names_kms_tf", ".ignore");
}

/// A module the root calls, in a hidden folder the walk skips: it is Terraform all the same.
#[test]
fn module_in_a_hidden_folder() {
    let run = attack("module_in_a_hidden_folder")
        .file(
            "main.tf",
            "module \"kms\" {\n  source = \"./.mods/kms\"\n}\n",
        )
        .file(
            ".mods/kms/main.tf",
            "resource \"aws_kms_key\" \"hidden\" {\n  enable_key_rotation = false\n}\n",
        )
        .run();
    let found = run.json().is_some_and(|json| {
        json["results"].as_array().into_iter().flatten().any(|r| {
            r["rule_id"] == attack::ROTATION_CHECK
                && r["status"] == "fail"
                && r["resource"]["address"]
                    .as_str()
                    .is_some_and(|a| a.ends_with("aws_kms_key.hidden"))
                && r["resource"]["file"] == "scan/.mods/kms/main.tf"
        })
    });
    let extra = if found {
        Vec::new()
    } else {
        vec!["aws_kms_key.hidden in scan/.mods/kms/main.tf does not fail the rotation check".into()]
    };
    run.verify(extra);
}

#[test]
fn jobs_5000() {
    // Refused at once: 5000 threads' stacks would be gigabytes before the first file.
    attack("jobs_5000")
        .args(&["--jobs", "5000"])
        .run()
        .verify_refused("5000 is not in 1..=256");
}

/// A suppression whose reason never closes is no suppression, and the scan says where it is.
#[test]
fn suppression_with_an_unclosed_reason() {
    let run = attack("suppression_with_an_unclosed_reason")
        .file(
            "unclosed.tf",
            "# riveter:ignore aws-kms-rotation reason=\"the HSM team rotates it\nresource \"aws_kms_key\" \"unclosed\" {\n  enable_key_rotation = false\n}\n",
        )
        .run();
    let mut extra = run.expect_rotation_fails("aws_kms_key.unclosed");
    // The table (standard output here, where the github format goes to a file) and the
    // reports carry the scan's errors.
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout.bytes),
        run.stderr_text()
    );
    if !said.contains("scan/unclosed.tf:1:") {
        extra.push("no message names scan/unclosed.tf:1".into());
    }
    run.verify(extra);
}

/// A ref that git would read as an option: `git diff --output=FILE` writes a file and lists
/// no change, so the gate would see an empty change and pass.
#[test]
fn changed_since_a_ref_that_is_a_git_option() {
    // Refused before git runs: it writes no file (property g) and no empty change passes.
    attack("changed_since_a_ref_that_is_a_git_option")
        .committed()
        .args(&["--changed-since=--output=pwned"])
        .run()
        .verify_refused("which git would take for an option");
}

/// Seeded variants of the fixtures and of the attacks above (fuzz.rs).
#[test]
fn generated_attacks() {
    fuzz::run_all();
}

/// One failing key per text, the text (as HCL string content) its `enable_key_rotation`: a
/// failing finding shows what it found.
fn values_shown(texts: &[&str]) -> String {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            format!("resource \"aws_kms_key\" \"shown_{i}\" {{\n  enable_key_rotation = \"{text}\"\n}}\n\n")
        })
        .collect()
}

/// A violation unless the rotation check fails or cannot decide the resource at `address`:
/// a limit may make it unknown, never a pass.
fn never_passes(run: &Run, address: &str) -> Vec<String> {
    let found = run.rotation_results(address);
    if !found.is_empty() && found.iter().all(|(s, _)| s == "fail" || s == "unknown") {
        return Vec::new();
    }
    vec![format!(
        "{address} should fail (or be unknown on) {}; the JSON report has {found:?}",
        attack::ROTATION_CHECK
    )]
}

/// The attacker's text is shown, not obeyed: in the Markdown summary (the pull request's
/// comment) no heading, mention or HTML of theirs outside a code span, and in the HTML report
/// no element of theirs.
fn markup_is_inert(run: &Run) -> Vec<String> {
    let mut v = Vec::new();
    if let Some(md) = run.report(Format::Markdown) {
        let md = String::from_utf8_lossy(md);
        for line in md.lines() {
            if line.trim_start().starts_with('#') && line.contains("all checks passed") {
                v.push(format!("markdown heading from the attacker: {line:?}"));
            }
            if line.trim_start().starts_with("| ✅") {
                v.push(format!("markdown table row from the attacker: {line:?}"));
            }
            let prose = outside_code_spans(line);
            for active in ["@octocat", "<details>PWNED", "<img src=x", "<script>PWNED"] {
                if prose.contains(active) {
                    v.push(format!(
                        "markdown holds {active:?} outside a code span: {}",
                        attack::clip(line, 160)
                    ));
                }
            }
        }
    }
    if let Some(html) = run.report(Format::Html) {
        let html = String::from_utf8_lossy(html);
        for active in ["<details>PWNED", "<img src=x", "</script><script>PWNED"] {
            if html.contains(active) {
                v.push(format!("the HTML report holds {active:?} as markup"));
            }
        }
    }
    v
}

/// A Markdown line without its code spans (a run of backticks up to the next run of the same
/// length), where text is rendered as Markdown.
fn outside_code_spans(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '`' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|&&c| c == '`').count();
        let mut j = i + run;
        let mut close = None;
        while j < chars.len() {
            if chars[j] == '`' {
                let other = chars[j..].iter().take_while(|&&c| c == '`').count();
                if other == run {
                    close = Some(j + other);
                    break;
                }
                j += other;
            } else {
                j += 1;
            }
        }
        match close {
            Some(end) => i = end,
            None => {
                out.extend(&chars[i..i + run]);
                i += run;
            }
        }
    }
    out
}
