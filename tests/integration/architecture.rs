//! docs/architecture.md stays true: its table of which module may import which is what the code
//! does, and no two modules (or submodules of one module) import each other, even through others.
//!
//! Imports are read from the source text: every path that starts with `crate::` or `super::`
//! (in `use` items or written out in code, grouped or not), outside comments, string literals
//! and `#[cfg(test)]` modules.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn the_may_import_table_is_what_the_code_imports() {
    let code = Crate::read(&root().join("src"));
    let documented = may_import_table(&architecture());
    let actual = code.top_level_graph();
    let mut problems = Vec::new();
    for module in code.top_level_modules() {
        let Some(allowed) = documented.get(&module) else {
            problems.push(format!("`{module}` has no row in the table"));
            continue;
        };
        let imported = actual.get(&module).cloned().unwrap_or_default();
        for extra in imported.difference(allowed) {
            problems.push(format!(
                "`{module}` imports `{extra}`, which its row does not allow"
            ));
        }
        for unused in allowed.difference(&imported) {
            problems.push(format!(
                "`{module}` no longer imports `{unused}`: take it out of its row"
            ));
        }
    }
    for module in documented.keys() {
        if !code.top_level_modules().contains(module) {
            problems.push(format!(
                "the table has a row for `{module}`, which is not a module"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "docs/architecture.md, \"Modules\":\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn no_cycle_between_modules() {
    let code = Crate::read(&root().join("src"));
    let mut graphs = vec![code.top_level_graph()];
    graphs.extend(code.submodule_graphs());
    let mut problems = Vec::new();
    for graph in &graphs {
        for component in cycles(graph) {
            for from in &component {
                for to in graph[from].intersection(&component) {
                    problems.push(format!(
                        "`{from}` imports `{to}`, closing a cycle among {component:?}"
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "docs/architecture.md: modules import each other one way only:\n  {}",
        problems.join("\n  ")
    );
}

/// The reader itself, on code whose imports are known: a test of the test.
#[test]
fn imports_are_read_from_code_only() {
    let source = r#"
        use crate::{report::{Finding, Outcome}, rules as r};
        use super::sibling::Thing;
        // use crate::in_a_comment;
        /* use crate::in_a_block_comment; */
        const TEXT: &str = "crate::in_a_string";
        const RAW: &str = r"crate::in_a_raw_string";
        fn f<'a>(x: &'a str) -> char { let _ = crate::engine::scan; 'c' }
        #[cfg(test)]
        mod tests {
            use crate::in_tests;
        }
        fn g() { super::super::value::Value::Null; }
    "#;
    let module = vec!["terraform".to_string(), "hcl".to_string()];
    let paths = imported_paths(source, &module);
    let firsts: BTreeSet<Vec<String>> = paths
        .into_iter()
        .map(|p| p.into_iter().take(2).collect())
        .collect();
    let expected: BTreeSet<Vec<String>> = [
        vec!["report", "Finding"],
        vec!["report", "Outcome"],
        vec!["rules"],
        vec!["terraform", "sibling"],
        vec!["engine", "scan"],
        vec!["value", "Value"],
    ]
    .into_iter()
    .map(|p| p.into_iter().map(String::from).collect())
    .collect();
    assert_eq!(firsts, expected);
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn architecture() -> String {
    fs::read_to_string(root().join("docs/architecture.md")).expect("docs/architecture.md")
}

/// The library's source files, each with its module path (`["terraform", "eval", "scope"]`).
struct Crate {
    files: Vec<(Vec<String>, String)>,
    /// Every module that has a file: `terraform`, `terraform::eval`, ...
    modules: BTreeSet<Vec<String>>,
}

impl Crate {
    fn read(src: &Path) -> Crate {
        let mut files = Vec::new();
        collect(src, src, &mut files);
        let modules = files.iter().map(|(m, _)| m.clone()).collect();
        Crate { files, modules }
    }

    fn top_level_modules(&self) -> BTreeSet<String> {
        self.modules
            .iter()
            .filter(|m| m.len() == 1)
            .map(|m| m[0].clone())
            .collect()
    }

    /// Which top-level module names which other one.
    fn top_level_graph(&self) -> Graph {
        let mut graph: Graph = self
            .top_level_modules()
            .into_iter()
            .map(|m| (m, BTreeSet::new()))
            .collect();
        for (module, text) in &self.files {
            let Some(from) = module.first() else { continue };
            for path in imported_paths(text, module) {
                if let Some(to) = path.first()
                    && to != from
                    && graph.contains_key(to)
                {
                    graph.get_mut(from).unwrap().insert(to.clone());
                }
            }
        }
        graph
    }

    /// For each module with submodules, at any depth (`terraform`, `terraform::syntax`, ...):
    /// which of its submodules names which sibling, as `parent::child` (a file deeper down
    /// counts as its child of the parent). A child naming its parent's own items, or the parent
    /// naming a child, is not an edge.
    fn submodule_graphs(&self) -> Vec<Graph> {
        let mut graphs: BTreeMap<Vec<String>, Graph> = BTreeMap::new();
        for module in self.modules.iter().filter(|m| m.len() >= 2) {
            graphs
                .entry(module[..module.len() - 1].to_vec())
                .or_default()
                .insert(module.join("::"), BTreeSet::new());
        }
        for (module, text) in &self.files {
            let paths = imported_paths(text, module);
            // Each ancestor `parent` of the file with the child of it that holds the file.
            for depth in 1..module.len() {
                let parent = &module[..depth];
                let Some(graph) = graphs.get_mut(parent) else {
                    continue;
                };
                let from = module[..=depth].join("::");
                for path in &paths {
                    if path.len() > depth && path[..depth] == *parent {
                        let to = path[..=depth].join("::");
                        if to != from && self.modules.contains(&path[..=depth]) {
                            graph.get_mut(&from).unwrap().insert(to);
                        }
                    }
                }
            }
        }
        graphs.into_values().collect()
    }
}

fn collect(src: &Path, dir: &Path, files: &mut Vec<(Vec<String>, String)>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(src, &path, files);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(src).unwrap().with_extension("");
        let mut module: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        // The crate roots are not modules of the library: main.rs is the binary.
        if module == ["lib"] || module == ["main"] {
            continue;
        }
        if module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        files.push((module, fs::read_to_string(&path).unwrap()));
    }
}

/// The absolute module paths (`["report", "Finding"]`) that the code of `module` names.
fn imported_paths(source: &str, module: &[String]) -> Vec<Vec<String>> {
    let tokens = tokens(&without_tests(&code_only(source)));
    let mut paths = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let start = i;
        let mut base: Vec<String> = match tokens[i].as_str() {
            "crate" => Vec::new(),
            "super" => module.to_vec(),
            _ => {
                i += 1;
                continue;
            }
        };
        // `a::super` is not a path start; `super::super::x` is.
        if start > 0 && tokens[start - 1] == "::" {
            i += 1;
            continue;
        }
        i += 1;
        if tokens[start] == "super" {
            base.pop();
            while tokens.get(i).is_some_and(|t| t == "::")
                && tokens.get(i + 1).is_some_and(|t| t == "super")
            {
                base.pop();
                i += 2;
            }
        }
        if tokens.get(i).is_some_and(|t| t == "::") {
            i = tree(&tokens, i + 1, &base, &mut paths);
        }
    }
    paths
}

/// Reads a use tree at `tokens[i]` (`a::b`, `a::{b, c::d}`, `a as b`, `*`), adding each path
/// under `base`; returns the index after it.
fn tree(tokens: &[String], mut i: usize, base: &[String], paths: &mut Vec<Vec<String>>) -> usize {
    match tokens.get(i).map(String::as_str) {
        Some("{") => {
            i += 1;
            while i < tokens.len() && tokens[i] != "}" {
                i = tree(tokens, i, base, paths);
                if tokens.get(i).is_some_and(|t| t == ",") {
                    i += 1;
                }
            }
            i + 1
        }
        Some("*") | Some("self") => {
            paths.push(base.to_vec());
            i + 1
        }
        Some(word) if is_identifier(word) => {
            let mut path = base.to_vec();
            path.push(word.to_string());
            i += 1;
            if tokens.get(i).is_some_and(|t| t == "::") {
                return tree(tokens, i + 1, &path, paths);
            }
            paths.push(path);
            if tokens.get(i).is_some_and(|t| t == "as") {
                i += 2;
            }
            i
        }
        _ => i,
    }
}

fn is_identifier(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Identifiers, `::`, and single punctuation characters.
fn tokens(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push("::".into());
            i += 2;
        } else {
            if !c.is_whitespace() {
                tokens.push(c.to_string());
            }
            i += 1;
        }
    }
    tokens
}

/// The source with comments, string literals and character literals blanked out.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i..].starts_with(&['/', '*']) {
                    depth += 1;
                    i += 2;
                } else if chars[i..].starts_with(&['*', '/']) {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if let Some(hashes) = raw_string_start(rest) {
            // r"..." or r#"..."#: no escapes; ends at a quote followed by as many hashes.
            i += 2 + hashes;
            let end: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            while i < chars.len() && !chars[i..].starts_with(&end) {
                i += 1;
            }
            i += end.len();
            out.push_str("\"\"");
        } else if chars[i] == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if chars[i] == '\'' && (rest.get(1) == Some(&'\\') || rest.get(2) == Some(&'\'')) {
            // A character literal; a lifetime (`'a`) has no closing quote after one character.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// `r"` or `r#..#"` at the start of `rest` (not inside an identifier such as `for`): the number
/// of hashes.
fn raw_string_start(rest: &[char]) -> Option<usize> {
    if rest.first() != Some(&'r') {
        return None;
    }
    let hashes = rest[1..].iter().take_while(|&&c| c == '#').count();
    (rest.get(1 + hashes) == Some(&'"')).then_some(hashes)
}

/// The code without its `#[cfg(test)] mod name { ... }` blocks.
fn without_tests(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let is_module = after.trim_start().starts_with("mod ");
        match (is_module, after.find('{')) {
            (true, Some(open)) => {
                let mut depth = 0;
                let mut end = after.len();
                for (j, c) in after[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = open + j + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                rest = &after[end..];
            }
            _ => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// The table under "## Modules": each module's "may import" cell as a set.
fn may_import_table(doc: &str) -> BTreeMap<String, BTreeSet<String>> {
    let section = section(doc, "## Modules");
    let mut table = BTreeMap::new();
    for line in section.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let module = backticked(cells[0]).into_iter().next().unwrap();
        let allowed = backticked(cells.last().unwrap()).into_iter().collect();
        table.insert(module, allowed);
    }
    assert!(!table.is_empty(), "no module table under \"## Modules\"");
    table
}

/// The text from `heading` to the next heading of the same or a higher level.
fn section<'d>(doc: &'d str, heading: &str) -> &'d str {
    let start = doc
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("docs/architecture.md has no \"{heading}\""));
    let body = &doc[start + heading.len() + 2..];
    let level = heading.split(' ').next().unwrap();
    let end = body
        .match_indices("\n#")
        .find(|(at, _)| {
            let hashes = body[at + 1..].chars().take_while(|&c| c == '#').count();
            hashes <= level.len()
        })
        .map_or(body.len(), |(at, _)| at);
    &body[..end]
}

fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The strongly connected components with more than one module (Tarjan's algorithm).
fn cycles(graph: &Graph) -> Vec<BTreeSet<String>> {
    struct State<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<BTreeSet<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !graph.contains_key(w) {
                continue;
            }
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = BTreeSet::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.insert(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.found
}

/// A cycle between the submodules of a nested folder is found, not only one between the
/// submodules of a top-level module.
#[test]
fn a_cycle_in_a_nested_folder_is_found() {
    let files: Vec<(Vec<String>, String)> = [
        (vec!["a"], ""),
        (vec!["a", "b"], ""),
        (vec!["a", "b", "x"], "use crate::a::b::y::Item;"),
        (vec!["a", "b", "y"], "use super::x::Other;"),
        (vec!["a", "b", "z"], "use super::x::Other;"),
    ]
    .into_iter()
    .map(|(m, text)| (m.into_iter().map(String::from).collect(), text.to_string()))
    .collect();
    let modules = files.iter().map(|(m, _)| m.clone()).collect();
    let code = Crate { files, modules };
    let found: Vec<BTreeSet<String>> = code.submodule_graphs().iter().flat_map(cycles).collect();
    assert_eq!(
        found,
        vec![
            ["a::b::x", "a::b::y"]
                .into_iter()
                .map(String::from)
                .collect()
        ]
    );
}

#[test]
fn a_new_cycle_is_found() {
    let graph: Graph = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    let found = cycles(&graph);
    assert_eq!(
        found,
        vec![["a", "b", "c"].into_iter().map(String::from).collect()]
    );
}
