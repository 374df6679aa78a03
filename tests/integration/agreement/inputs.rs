//! The inputs of the differential test: deterministic, so that Terraform's answers can be kept
//! as data and looked up by each input's hash.
//!
//! - every `.tf` fixture of the repository, whole;
//! - each attribute of those fixtures alone, with a newline, a comment or spaces inserted at
//!   every token boundary of its expression;
//! - expressions built by nesting parentheses, `for` bodies, conditionals, operators,
//!   templates and heredocs in each other (a seeded generator), with the same insertions at
//!   sampled boundaries;
//! - hand-written cases from parser bugs reported by users of HCL parsers.

use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// One input: where it comes from (for messages), and its text.
pub struct Input {
    pub origin: String,
    pub text: String,
    pub hash: String,
}

impl Input {
    fn new(origin: String, text: String) -> Input {
        let hash = hash(&text);
        Input { origin, text, hash }
    }
}

/// The first 16 hex digits of the text's SHA-256: the key of Terraform's stored answer.
pub fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// What is inserted at a token boundary: a newline at every one, and one of the others in
/// turn (every kind at every boundary would make too many inputs for little more coverage).
const NEWLINE: (&str, &str) = ("newline", "\n");
const OTHER_INSERTIONS: &[(&str, &str)] = &[
    ("hash comment", " # note\n"),
    ("slash comment", " // note\n"),
    ("block comment", " /* note */ "),
    ("multi-line block comment", " /* note\n */ "),
    ("spaces", "   "),
];

/// Every input, without duplicates, in a fixed order.
pub fn all() -> Vec<Input> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut push = |input: Input| {
        if seen.insert(input.hash.clone()) {
            out.push(input);
        }
    };
    let fixtures = fixture_files();
    for path in &fixtures {
        let text = fs::read_to_string(path).unwrap();
        let name = path.display().to_string();
        push(Input::new(name.clone(), text.clone()));
        for (key, expr) in attributes(&text) {
            let origin = format!("{name} {key}");
            let wrap = |e: &str| format!("{key} ={e}\n");
            for input in insertion_variants(&origin, &expr, &wrap, usize::MAX) {
                push(input);
            }
        }
    }
    for (i, expr) in nested_expressions().into_iter().enumerate() {
        let context = CONTEXTS[i % CONTEXTS.len()];
        let origin = format!("nested #{i}");
        push(Input::new(origin.clone(), context.replace("EXPR", &expr)));
        // A sample of the boundaries: every one of every expression would be too many.
        let wrap = |e: &str| context.replace("EXPR", e);
        for input in insertion_variants(&origin, &expr, &wrap, 6) {
            push(input);
        }
    }
    for (i, text) in hand_written().iter().enumerate() {
        push(Input::new(format!("hand-written #{i}"), text.to_string()));
    }
    out
}

/// Where a generated expression sits: newlines mean different things in each.
const CONTEXTS: &[&str] = &[
    "x = EXPR\n",
    "resource \"a\" \"b\" {\n  x = EXPR\n}\n",
    "locals {\n  x = {\n    k = EXPR\n  }\n}\n",
    "x = [\n  EXPR,\n]\n",
    "x = f(\n  EXPR\n)\n",
];

/// The `.tf` files under the test fixtures and the examples, sorted.
fn fixture_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for root in ["tests/fixtures", "examples"] {
        collect(Path::new(root), &mut files);
    }
    files.sort();
    files
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "tf") {
            out.push(path);
        }
    }
}

/// `expr` with an insertion at each of its boundaries, wrapped into a file by `wrap`; when there
/// are more than `sample` boundaries, a deterministic sample of them.
fn insertion_variants(
    origin: &str,
    expr: &str,
    wrap: &dyn Fn(&str) -> String,
    sample: usize,
) -> Vec<Input> {
    let points = boundaries(expr);
    let step = points.len().div_ceil(sample.max(1)).max(1);
    let mut out = Vec::new();
    for (n, &at) in points.iter().enumerate() {
        if n % step != 0 && n + 1 != points.len() {
            continue;
        }
        for (what, insertion) in [NEWLINE, OTHER_INSERTIONS[n % OTHER_INSERTIONS.len()]] {
            let text = wrap(&format!("{}{}{}", &expr[..at], insertion, &expr[at..]));
            out.push(Input::new(format!("{origin}: {what} at byte {at}"), text));
        }
    }
    out
}

/// The top-level attributes of a file and of its blocks, at any depth: `(name, expression)`.
fn attributes(src: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || c == b'{' || c == b'}' {
            i += 1;
        } else if c == b'#' || (c == b'/' && b.get(i + 1) == Some(&b'/')) {
            i = line_end(b, i);
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i = find(b, i + 2, b"*/").map_or(b.len(), |e| e + 2);
        } else if c == b'"' {
            // A block label.
            i = Lexer::new(src, i).string_end();
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && is_ident(b[i]) {
                i += 1;
            }
            let name = &src[start..i];
            let mut j = i;
            while j < b.len() && (b[j] == b' ' || b[j] == b'\t') {
                j += 1;
            }
            if b.get(j) == Some(&b'=') && b.get(j + 1) != Some(&b'=') {
                let end = Lexer::new(src, j + 1).expression_end();
                out.push((
                    name.to_string(),
                    src[j + 1..end]
                        .trim_end()
                        .trim_start_matches(' ')
                        .to_string(),
                ));
                out.last_mut().unwrap().1.insert(0, ' ');
                i = end;
            }
        } else {
            i += 1;
        }
    }
    out
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

fn line_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| from + p)
}

fn find(b: &[u8], from: usize, what: &[u8]) -> Option<usize> {
    b[from..]
        .windows(what.len())
        .position(|w| w == what)
        .map(|p| from + p)
}

/// The offsets just after each token of an expression where code continues: where a newline,
/// a comment or spaces can be inserted without entering a string or a heredoc's text.
fn boundaries(expr: &str) -> Vec<usize> {
    let mut lexer = Lexer::new(expr, 0);
    lexer.points.push(0);
    lexer.code(None);
    lexer.points.retain(|&p| p < expr.trim_end().len());
    lexer.points.sort_unstable();
    lexer.points.dedup();
    lexer.points
}

/// A small HCL lexer: enough to find token ends, strings, heredocs and nesting.
struct Lexer<'s> {
    b: &'s [u8],
    pos: usize,
    points: Vec<usize>,
}

impl<'s> Lexer<'s> {
    fn new(src: &'s str, pos: usize) -> Self {
        Lexer {
            b: src.as_bytes(),
            pos,
            points: Vec::new(),
        }
    }

    /// The end of an attribute's expression: the first newline outside brackets.
    fn expression_end(&mut self) -> usize {
        self.code(Some(b'\n'));
        self.pos
    }

    fn string_end(&mut self) -> usize {
        self.pos += 1;
        self.template(b'"');
        self.pos
    }

    /// Code until `closer` at this depth (not consumed), or the end.
    fn code(&mut self, closer: Option<u8>) {
        let b = self.b;
        while self.pos < b.len() {
            let c = b[self.pos];
            if Some(c) == closer {
                return;
            }
            match c {
                b' ' | b'\t' | b'\r' | b'\n' => self.pos += 1,
                b'#' => self.pos = line_end(b, self.pos),
                b'/' if b.get(self.pos + 1) == Some(&b'/') => self.pos = line_end(b, self.pos),
                b'/' if b.get(self.pos + 1) == Some(&b'*') => {
                    self.pos = find(b, self.pos + 2, b"*/").map_or(b.len(), |e| e + 2)
                }
                b'"' => {
                    self.pos += 1;
                    self.template(b'"');
                    self.points.push(self.pos);
                }
                b'<' if b.get(self.pos + 1) == Some(&b'<') => {
                    self.heredoc();
                    self.points.push(self.pos);
                }
                b'(' | b'[' | b'{' => {
                    self.pos += 1;
                    self.points.push(self.pos);
                    let close = match c {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    self.code(Some(close));
                    if self.pos < b.len() {
                        self.pos += 1;
                        self.points.push(self.pos);
                    }
                }
                b')' | b']' | b'}' => {
                    // Unbalanced: stop here.
                    return;
                }
                _ if is_ident(c) && !c.is_ascii_digit() && c != b'-' => {
                    while self.pos < b.len() && is_ident(b[self.pos]) {
                        self.pos += 1;
                    }
                    self.points.push(self.pos);
                }
                b'0'..=b'9' => {
                    while self.pos < b.len()
                        && (b[self.pos].is_ascii_digit()
                            || (b[self.pos] == b'.'
                                && b.get(self.pos + 1).is_some_and(u8::is_ascii_digit)))
                    {
                        self.pos += 1;
                    }
                    self.points.push(self.pos);
                }
                _ => {
                    let rest = &b[self.pos..];
                    let len = ["...", "==", "!=", "<=", ">=", "&&", "||", "=>", "::"]
                        .iter()
                        .find(|op| rest.starts_with(op.as_bytes()))
                        .map_or(1, |op| op.len());
                    self.pos += len;
                    self.points.push(self.pos);
                }
            }
        }
    }

    /// A quoted template after its opening quote, through its closing quote.
    fn template(&mut self, quote: u8) {
        let b = self.b;
        while self.pos < b.len() {
            match b[self.pos] {
                b'\\' => self.pos += 2,
                c if c == quote => {
                    self.pos += 1;
                    return;
                }
                b'\n' => return,
                b'$' | b'%' if b.get(self.pos + 1) == Some(&b[self.pos]) => self.pos += 2,
                b'$' | b'%' if b.get(self.pos + 1) == Some(&b'{') => {
                    self.pos += 2;
                    if b.get(self.pos) == Some(&b'~') {
                        self.pos += 1;
                    }
                    self.points.push(self.pos);
                    self.code(Some(b'}'));
                    self.pos += 1;
                }
                _ => self.pos += 1,
            }
        }
    }

    /// `<<EOT` or `<<-EOT` through its closing delimiter.
    fn heredoc(&mut self) {
        let b = self.b;
        let mut p = self.pos + 2;
        if b.get(p) == Some(&b'-') {
            p += 1;
        }
        let start = p;
        while p < b.len() && is_ident(b[p]) {
            p += 1;
        }
        let delimiter = &b[start..p];
        p = line_end(b, p);
        while p < b.len() {
            p += 1;
            let end = line_end(b, p);
            if b[p..end].trim_ascii() == delimiter {
                self.pos = end;
                return;
            }
            p = end;
        }
        self.pos = b.len();
    }
}

/// A deterministic generator (xorshift): the same expressions on every run.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

const ATOMS: &[&str] = &[
    "1",
    "2.5",
    "1e3",
    "\"s\"",
    "var.x",
    "true",
    "null",
    "local.m[\"k\"]",
    "var.list[0]",
    "each.value.name",
    "upper(var.s)",
    "var.l[*].id",
    "-1",
    "!var.b",
    "10.11.10.12",
    "1.2.3",
    "var.l.0",
];

/// Shapes with holes `A`, `B` and `C`.
const SHAPES: &[&str] = &[
    "(A)",
    "( A )",
    "A + B",
    "A - B * C",
    "A && B || C",
    "A == B",
    "A != B",
    "A >= B",
    "A % B",
    "A / B",
    "A ? B : C",
    "A ? B : C ? A : B",
    "[for v in A : B]",
    "[for i, v in A : B if C]",
    "{for k, v in A : k => B}",
    "{for k, v in A : k => B...}",
    "{for k, v in A : k => B if C}",
    "{for k, v in A : B => C... if A}",
    "\"a-${A}-b\"",
    "\"${A}\"",
    "\"%{if A}y%{else}n%{endif}\"",
    "\"%{for v in A}${B}%{endfor}\"",
    "\"${A ? B : C}\"",
    "<<EOT\n${A}\nEOT\n",
    "<<-EOT\n  x ${A} y\n  EOT\n",
    "[A, B]",
    "[A, B,]",
    "{a = A, b = B}",
    "{a = A\nb = B}",
    "{\"k\" = A, (B) = C}",
    "{a = A, a = B}",
    "f(A, B)",
    "f(A...)",
    "f(A,)",
    "A[B]",
    "A.attr",
    "A[*].id",
    "A.*.id",
    "provider::p::f(A)",
    "try(A, B)",
];

/// Shapes filled with atoms, then shapes filled with those: two levels of nesting.
fn nested_expressions() -> Vec<String> {
    let mut rng = Seeded(0x5eed_7e77_a1f0_2024);
    let mut level1 = Vec::new();
    for shape in SHAPES {
        for _ in 0..4 {
            level1.push(fill(shape, &mut rng, ATOMS));
        }
    }
    let inner: Vec<&str> = level1.iter().map(String::as_str).collect();
    let mut out = level1.clone();
    for shape in SHAPES {
        for _ in 0..40 {
            out.push(fill(shape, &mut rng, &inner));
        }
    }
    out
}

fn fill(shape: &str, rng: &mut Seeded, from: &[&str]) -> String {
    let mut out = String::new();
    for c in shape.chars() {
        match c {
            'A' | 'B' | 'C' => out.push_str(rng.pick(from)),
            c => out.push(c),
        }
    }
    out
}

/// Files from parser bugs that users of HCL parsers have reported, and the edges around them.
fn hand_written() -> &'static [&'static str] {
    &[
        // A comment after a binary operator's right-hand side.
        "threshold = 24 * 60 * 60 // 1 day\n",
        "threshold = 24 * 60 * 60 # 1 day\n",
        "threshold = 24 * 60 * 60 /* 1 day */\n",
        "ami = \"ami-5f6495430e7781fe5\" // Ubuntu 20.04 LTS\n",
        "x = 1 + # why\n  2\n",
        "x = (1 + # why\n  2)\n",
        "x = (1 + // why\n  2)\n",
        "x = 1 + /* why */ 2\n",
        // A multi-line conditional inside a template interpolation.
        "resource \"google_pubsub_subscription\" \"s\" {\n  topic = \"pre-${each.value.t}-${\n    each.value.t == \"a\" && each.value.s == \"1\" ? \"2331240\" :\n    each.value.t == \"b\" ? \"9231231\" : \"\"\n  }\"\n}\n",
        "x = \"${\n  var.a\n}\"\n",
        "x = \"${var.a ?\n\"y\" :\n\"n\"}\"\n",
        "x = <<EOT\n${var.a ?\n  \"y\" :\n  \"n\"}\nEOT\n",
        // Newlines inside parentheses.
        "resource \"foo\" \"inline\" {\n  policy = (var.policy != \"\" ?\n    var.policy :\n    templatefile(\"t\", {\n      foo = bar\n    })\n  )\n}\n",
        "mode = (\n  contains(local.r, var.region)\n  || (var.s == \"b\" && each.key == \"s\")\n) ? \"SameZone\" : \"ZoneRedundant\"\n",
        "x = (\n  1\n  +\n  2\n)\n",
        "x = (\n  [\n    1,\n  ]\n)\ny = 4\n",
        // Binary operators starting a line inside a `for` condition.
        "locals {\n  d = {\n    for k, v in local.a :\n    k => v\n    if !contains(keys(local.b), k)\n    && !contains(keys(local.c), k)\n  }\n}\n",
        // Function calls as object keys.
        "locals {\n  tags = {\n    format(\n      \"k/%s\",\n      module.c.id,\n    ) = \"owned\"\n    \"karpenter.sh/discovery\" = module.c.id\n  }\n}\n",
        // Unquoted CIDR blocks: an invalid number literal.
        "resource \"aws_security_group_rule\" \"r\" {\n  cidr_blocks = [10.11.10.12/32]\n}\n",
        "x = 10.0.0.0/16\n",
        "x = 1.5.foo\n",
        "x = 1.foo\n",
        "x = var.list.0.1\n",
        "x = \"${aws_s3_bucket.b.id10.0.0.0/8}\"\n",
        "x = 1e5\n",
        "x = 1E+5\n",
        "x = 1.5e-3\n",
        "x = 1e\n",
        "x = 01\n",
        "x = 1..2\n",
        // The same object key twice: the last value wins.
        "locals {\n  m = {\n    a = 1\n    b = 2\n    a = 3\n  }\n}\n",
        "module \"m\" {\n  source = \"./m\"\n  tags = { env = \"a\", env = \"b\" }\n}\n",
        "x = { \"a\" = 1, a = 2 }\n",
        "x = { a = { for k in var.l : k => k }, a = 2 }\n",
        // Blocks and bodies.
        "resource \"x\" \"y\" {\n",
        "resource \"x\" \"y\" {}\n",
        "resource \"x\" \"y\" { a = 1 }\n",
        "resource \"x\" \"y\" { a = 1\n}\n",
        "resource \"x\" \"y\" {\n  a = 1 }\n",
        "resource \"x\" \"y\" { a = 1, b = 2 }\n",
        "resource x y {\n}\n",
        "resource \"x\" \"y\" {\n  a = 1\n}}\n",
        "x = 1 y = 2\n",
        "x = \n1\n",
        "= 1\n",
        "x\n",
        "x = [1, 2\n",
        "x = \"unterminated\n",
        "x = { a = 1 b = 2 }\n",
        "x = <<EOT\nno end\n",
        "a = 1\na = 2\n",
        "x = 1 # trailing\n",
        "x = 1 // trailing\n",
        "/* a\n block */ x = 1\n",
        "x = 1 /* a\n b */\n",
        "x = var.a\n  ? 1\n  : 2\n",
        "x = var.a ?\n  1 :\n  2\n",
        "x = [\n  for v in var.l :\n  v\n  if v != null\n]\n",
        "x = {\n  a = 1,\n  b = 2,\n}\n",
        "x = f(\n  1,\n  2,\n)\n",
        "x = f(\n  var.l...\n)\n",
        "\u{feff}x = 1\n",
        "x = 1\r\ny = 2\r\n",
        "x = \"\\u00e9\"\n",
        "x = \"caf\u{e9}\" + 1 +\n",
        "x = \"\u{e9}\u{e9}\" + 10.11.10.12\n",
        // A mistake inside the earlier definition of a key defined twice is still a mistake.
        "x = {a = var.l[*].\nid, a = 1}\n",
        "x = {a = {a = var.l[ # note\n*].id, a = 1}, b = 2}\n",
        "x = {a = 10.0.0.0/16, a = 1}\n",
        "x = {a = 1, a = 2, a = 3}\n",
        // An object key followed by something other than `=` or `:`.
        "x = {b c = 1}\n",
        "x = {b, a = 2}\n",
        "x = {\"b\" ,c = 1}\n",
        "x = {b   }\n",
        "x = {a = 1 # note\ne3, a = 2}\n",
        // Brackets left open.
        "x = a[1 2]\n",
        "x = ( a[1\n  e3] )\n",
        "x = [for v in [1, 2\n3] : v]\n",
        "x = [1, 2 3]\n",
        "resource \"a\" \"b\" {\n  x = [1,\n",
        // A name with no definition, and a line that cannot start one.
        "x = 1\ne3\n",
        "resource \"a\" \"b\" {\n  x = 1\n  e3.attr\n}\n",
        "x = a.* # why\n.id\n",
        // Attribute-only splats.
        "x = a.*.\nid\n",
        "x = a.*.id. # why\nname\n",
        "x = a.*.id[0].\nname\n",
        // Quoted strings split over lines.
        "resource \"a\" \"b\" {\n  bucket = \"unterminated\n}\n",
        "x = \"a ${\n  b\n} c\"\n",
        "x = [\"a\",\n  \"b\n\"]\n",
        "x = \"a\nb\"\n",
        "x = {a = \"a\nb\"}\n",
        "resource \"aws_s3\nbucket\" \"b\" {\n}\n",
        // The line after an object item's value is read as the next key.
        "x = {\n  k = upper(var.s)\n[*].id\n}\n",
        "x = {\n  k = f(a)\n - g(b) * 2 # why\n}\n",
        "x = {\n  k = f(a)\n - g(b) }\n",
        // Heredocs that no line closes: the rest of the file is their text.
        "x = <<EOT\nabc\nEOT # why\n\ny = 1\n",
        "x = <<EOT\n  x ${1\nEOT\n",
        "x = <<-EOT\n  x ${<<EOT\nabc\n  EOT\n",
        "x = <<EOT\n${a} %{endif}\nEOT // why\n",
        "x = <<EOT\n%{if a}b%{else}c%{else}d%{endif}\nEOT // why\n",
        "x = <<EOT\n${}\nEOT // why\n",
        "x = <<EOT\n${a.b[0] + f(1) ? \"x\" : <<-X\n  y\n  X\n} z\nEOT # why\n",
    ]
}
