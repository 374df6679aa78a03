//! Modules are directories: every `.tf` and `.tf.json` file of a folder shares its variables and
//! locals, whether or not `-t` named it. Each module is parsed, given its variables' values,
//! and its resources evaluated; its syntax trees are dropped before the next module is read.
//!
//! A local module call (`source = "./modules/x"`) gives the called module's variables their
//! values when every caller in the scan passes the same known value. Called modules are
//! evaluated again with those values until nothing changes. A caller reads the called
//! module's outputs as that one call gives them (`called`).

use super::called::{Calls, MAX_CALL_DEPTH, OutputCache, module_scope, variable_declarations};
use super::confine::ScannedTree;
use super::declarations::{BlockDecl, ParsedFile, Syntax};
use super::eval::{BodyRef, Evaluator, META_ARGUMENTS, Scope, limits, values_equal};
use super::ignore_comments::{self, Directive};
use super::instances::{self, Instances};
use super::parse::{declarations, parse_file};
use super::provider_defaults;
pub use super::reading::Reading;
use super::resource::{BlockKind, FileError, Resource};
use super::source::SourceFile;
use super::variables::{self, FolderValues, VariableInputs};
use super::{display_path, is_terraform, lexical};
use crate::value::{Node, Unknown, Value};
use rayon::prelude::*;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Default)]
pub struct ModuleResult {
    /// The values its callers agreed on, which it was evaluated with.
    inputs: HashMap<String, Value>,
    pub resources: Vec<Resource>,
    /// The resources of the folder's files that were not targeted: rules do not judge them,
    /// but a relation sees them (a bucket's public access block in a file the scan left out).
    pub context: Vec<Resource>,
    pub calls: Vec<ModuleCall>,
    /// Files other than its Terraform files that its expressions read (`file`, `templatefile`).
    pub reads: BTreeSet<PathBuf>,
    pub errors: Vec<FileError>,
    pub warnings: Vec<String>,
    pub directives: Vec<Directive>,
}

pub struct ModuleCall {
    /// The called folder, which need not exist.
    pub target: PathBuf,
    arguments: Vec<(String, Value)>,
}

/// What `evaluate_all` gives: each module folder's result, and the Terraform files of the
/// folders it followed module calls into (hidden folders that discovery skipped).
pub struct Evaluated {
    pub modules: BTreeMap<PathBuf, ModuleResult>,
    pub followed: Vec<PathBuf>,
}

/// Every module of the targeted files, evaluated; by module folder. A local module call
/// into a folder that discovery skipped (a hidden folder) is followed: Terraform
/// applies that module, so its files are scanned too.
pub fn evaluate_all(
    targeted: &[PathBuf],
    reading: Reading,
    walked: &ScannedTree,
    files_read: &AtomicUsize,
) -> Evaluated {
    let mut by_dir: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for file in targeted {
        let file = absolute(file);
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        by_dir.entry(dir).or_default().insert(file);
    }
    // Folders are independent until module calls connect them: evaluate them in parallel.
    // Collecting into a BTreeMap keeps the result the same whatever the number of threads.
    let cache = OutputCache::default();
    let evaluate_folders = |folders: &BTreeMap<PathBuf, BTreeSet<PathBuf>>| {
        folders
            .par_iter()
            .map(|(dir, files)| {
                let module = Module {
                    dir,
                    targeted: files,
                };
                let result = evaluate(module, reading, HashMap::new(), &cache, files_read);
                (dir.clone(), result)
            })
            .collect::<BTreeMap<PathBuf, ModuleResult>>()
    };
    let mut results = evaluate_folders(&by_dir);
    let mut followed = Vec::new();
    // Each round adds folders not evaluated yet, so the rounds end.
    loop {
        let called = skipped_callees(&results, &by_dir, reading.tree, walked);
        if called.is_empty() {
            break;
        }
        followed.extend(called.values().flatten().cloned());
        results.extend(evaluate_folders(&called));
        by_dir.extend(called);
    }
    for _ in 0..MAX_CALL_DEPTH {
        let again: Vec<(PathBuf, HashMap<String, Value>)> = agreed_inputs(&results)
            .into_iter()
            .filter(|(dir, agreed)| {
                by_dir.contains_key(dir) && !same_inputs(&results[dir].inputs, agreed)
            })
            .collect();
        if again.is_empty() {
            break;
        }
        let evaluated: Vec<(PathBuf, ModuleResult)> = again
            .into_par_iter()
            .map(|(dir, agreed)| {
                let module = Module {
                    dir: &dir,
                    targeted: &by_dir[&dir],
                };
                let result = evaluate(module, reading, agreed, &cache, files_read);
                (dir, result)
            })
            .collect();
        results.extend(evaluated);
    }
    Evaluated {
        modules: results,
        followed,
    }
}

/// The folders that evaluated modules call and that discovery skipped, with their Terraform
/// files. (A folder discovery found but `--shard` left to another job is not one of them.)
fn skipped_callees(
    results: &BTreeMap<PathBuf, ModuleResult>,
    evaluated: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    tree: &ScannedTree,
    walked: &ScannedTree,
) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    results
        .values()
        .flat_map(|r| &r.calls)
        .map(|call| &call.target)
        .filter(|target| !evaluated.contains_key(*target))
        .filter(|target| tree.holds(target) && walked.holds_hidden(target))
        .filter_map(|target| {
            let files: BTreeSet<PathBuf> = std::fs::read_dir(target)
                .ok()?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_terraform(p))
                .collect();
            (!files.is_empty()).then(|| (target.clone(), files))
        })
        .collect()
}

fn same_inputs(a: &HashMap<String, Value>, b: &HashMap<String, Value>) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(k, v)| b.get(k).is_some_and(|w| values_equal(v, w)))
}

/// For each called folder, the value of each argument its callers pass: known where every
/// caller passes the same known value, and unknown (saying why) where a caller passes what
/// cannot be known or callers differ, so that the module is never judged on a default its
/// callers replace.
fn agreed_inputs(
    results: &BTreeMap<PathBuf, ModuleResult>,
) -> BTreeMap<PathBuf, HashMap<String, Value>> {
    let mut calls: BTreeMap<&PathBuf, Vec<&ModuleCall>> = BTreeMap::new();
    for call in results.values().flat_map(|r| &r.calls) {
        calls.entry(&call.target).or_default().push(call);
    }
    calls
        .into_iter()
        .map(|(target, calls)| {
            let names: BTreeSet<&str> = calls
                .iter()
                .flat_map(|c| c.arguments.iter().map(|(n, _)| n.as_str()))
                .collect();
            let agreed = names
                .into_iter()
                .map(|name| (name.to_string(), agreed_value(name, &calls)))
                .collect();
            (target.clone(), agreed)
        })
        .collect()
}

/// What the module sees of one argument, over all its calls.
fn agreed_value(name: &str, calls: &[&ModuleCall]) -> Value {
    let passed: Vec<Option<&Value>> = calls
        .iter()
        .map(|c| c.arguments.iter().find(|(n, _)| n == name).map(|(_, v)| v))
        .collect();
    if let Some(unknown) = passed.iter().flatten().find_map(|v| v.first_unknown()) {
        return Value::Unknown(Unknown::new(
            format!("var.{name}"),
            format!("var.{name}, which a caller passes as {}", unknown.reason),
        ));
    }
    match passed.as_slice() {
        [Some(first), rest @ ..]
            if rest
                .iter()
                .all(|v| v.is_some_and(|v| values_equal(v, first))) =>
        {
            (*first).clone()
        }
        _ => Value::Unknown(Unknown::new(
            format!("var.{name}"),
            format!(
                "var.{name}, which the module's {} calls set differently",
                calls.len()
            ),
        )),
    }
}

/// A module of one file held in memory, with no inputs: what tests and `parse_source` use.
pub fn evaluate_single(source: SourceFile, syntax: Syntax) -> Vec<Resource> {
    let file = ParsedFile {
        source,
        syntax,
        targeted: true,
    };
    let here = Path::new(".");
    let mut result = ModuleResult::default();
    let cache = OutputCache::default();
    // Held in memory, the file is in no scanned folder: it may read nothing.
    let reading = Reading {
        root: here,
        tree: &ScannedTree::default(),
        module_sources: &ScannedTree::default(),
        inputs: &VariableInputs::default(),
    };
    evaluate_files(
        std::slice::from_ref(&file),
        here,
        reading,
        &HashMap::new(),
        &cache,
        &mut result,
    );
    result.resources
}

/// A module folder and the files of it that `-t` named.
#[derive(Clone, Copy)]
struct Module<'a> {
    dir: &'a Path,
    targeted: &'a BTreeSet<PathBuf>,
}

/// Evaluates one module folder. Only the targeted files' resources are reported; the other
/// files of the folder still give their variables and locals.
fn evaluate(
    module: Module,
    reading: Reading,
    callers: HashMap<String, Value>,
    cache: &OutputCache,
    files_read: &AtomicUsize,
) -> ModuleResult {
    let mut result = ModuleResult {
        inputs: callers.clone(),
        ..ModuleResult::default()
    };
    let files = read_module(
        module.dir,
        module.targeted,
        reading,
        &mut result,
        files_read,
    );
    evaluate_files(&files, module.dir, reading, &callers, cache, &mut result);
    result
}

/// The resources and module calls of a module's parsed files.
fn evaluate_files(
    files: &[ParsedFile],
    dir: &Path,
    reading: Reading,
    callers: &HashMap<String, Value>,
    cache: &OutputCache,
    result: &mut ModuleResult,
) {
    let decls: Vec<_> = files.iter().map(declarations).collect();
    let module_values = module_var_values(dir, reading, &mut result.warnings);
    let variable_decls = variable_declarations(files, &decls, dir, reading);
    let values = variables::resolve(&variable_decls, reading.inputs, &module_values, callers);
    let spent = Cell::new(0);
    let calls = Calls::new(dir, reading, cache, &spent);
    let scope = module_scope(files, &decls, dir, reading, values, &calls);

    let first_resource = result.resources.len();
    let mut providers = Vec::new();
    for (file, decl) in files.iter().zip(&decls) {
        let mut resources = Vec::new();
        let mut held = FileHolds::default();
        for block in &decl.blocks {
            let Some(body) = evaluate_body(&scope, &file.source, block.body) else {
                continue;
            };
            let body = held.keep(body, block, &file.source, &mut result.errors);
            if block.kind == BlockKind::Provider {
                providers.push(resource(block, &file.source, body.clone()));
            }
            if block.kind == BlockKind::Module
                && let Some(call) = module_call(dir, &body)
            {
                result.calls.push(call);
            }
            if file.targeted {
                resources.push(resource(block, &file.source, body));
            } else if block.kind == BlockKind::Managed || block.kind == BlockKind::Module {
                result.context.push(resource(block, &file.source, body));
            }
        }
        if file.targeted {
            let mut directives = ignore_comments::parse(&file.source.name, &file.source.text);
            ignore_comments::attach(&mut directives, &resources, &file.source.text);
            result.directives.extend(directives);
            result.resources.extend(resources);
        }
    }
    provider_defaults::apply(&providers, &mut result.resources[first_resource..]);
    result.errors.extend(scope.take_limits_met());
    result.warnings.extend(scope.take_warnings());
    result.reads.extend(scope.take_reads());
    result.reads.extend(calls.take_reads());
}

/// What one file's blocks hold after evaluation, against `limits::FILE_VALUES` and
/// `limits::FILE_TEXT_BYTES`: copying one large value into every resource of a file cannot
/// exhaust memory.
#[derive(Default)]
struct FileHolds {
    values: usize,
    text: usize,
    /// The bound was met, and reported.
    past: bool,
}

impl FileHolds {
    /// The body as evaluated, or, past the file's bound, its attributes unknown and the bound
    /// recorded as an error on the block.
    fn keep(
        &mut self,
        body: Node,
        block: &BlockDecl,
        file: &SourceFile,
        errors: &mut Vec<FileError>,
    ) -> Node {
        let (values, text) = limits::measure(&body.value);
        self.values += values;
        self.text += text;
        if self.values <= limits::FILE_VALUES && self.text <= limits::FILE_TEXT_BYTES {
            return body;
        }
        let reason = format!(
            "left unevaluated: the blocks of {} hold more than {} values or {} MiB of text, {}",
            file.name,
            limits::FILE_VALUES,
            limits::FILE_TEXT_BYTES >> 20,
            limits::LIMIT
        );
        // Once, on the first block past the bound: the blocks after it say so in their values.
        if !self.past {
            self.past = true;
            errors.push(FileError {
                file: file.name.to_string(),
                line: block.span.line,
                column: block.span.column,
                message: format!("evaluation limit: {reason}"),
            });
        }
        let unknown = |key: &str| {
            let source = format!("{}.{}.{key}", block.resource_type, block.name);
            Value::Unknown(Unknown::new(source, reason.clone()))
        };
        let entries = match body.value {
            Value::Map(entries) => entries
                .into_iter()
                .map(|(key, node)| {
                    let value = unknown(&key);
                    (key, Node::new(value, node.span))
                })
                .collect(),
            _ => Vec::new(),
        };
        Node::new(Value::Map(entries), body.span)
    }
}

/// A block's body, its instances merged; `None` for a block Terraform would create nothing of.
fn evaluate_body(scope: &Scope, file: &SourceFile, body: BodyRef) -> Option<Node> {
    let evaluate = |mut evaluator: Evaluator| match body {
        BodyRef::Hcl(body) => Node::new(evaluator.body(body), Default::default()),
        BodyRef::Json(expr) => evaluator.attribute(expr),
    };
    let bindings = match instances::instances(scope, file, body) {
        Instances::None => return None,
        Instances::AsWritten => Vec::new(),
        Instances::Each(bindings) => bindings,
    };
    let base = evaluate(Evaluator::new(scope, file));
    let instances: Vec<Value> = bindings
        .into_iter()
        .map(|(name, binding)| evaluate(Evaluator::with_binding(scope, file, name, binding)).value)
        .collect();
    Some(instances::merge(base, &instances))
}

fn resource(block: &BlockDecl, file: &SourceFile, mut body: Node) -> Resource {
    body.span = block.span;
    let name = match block.kind {
        BlockKind::Provider => match body.value.get("alias").map(|n| &n.value) {
            Some(Value::String(alias)) => alias.clone(),
            _ => String::new(),
        },
        _ => block.name.clone(),
    };
    Resource::new(
        block.kind,
        &block.resource_type,
        &name,
        file.name.clone(),
        block.span,
        body,
    )
}

/// A call of a module in this repository (`./` or `../`), with its evaluated arguments.
fn module_call(dir: &Path, body: &Node) -> Option<ModuleCall> {
    let Value::String(source) = &body.value.get("source")?.value else {
        return None;
    };
    if !(source.starts_with("./") || source.starts_with("../")) {
        return None;
    }
    let Value::Map(entries) = &body.value else {
        return None;
    };
    Some(ModuleCall {
        target: lexical(&dir.join(source)),
        arguments: entries
            .iter()
            .filter(|(name, _)| !META_ARGUMENTS.contains(&name.as_str()))
            .map(|(name, node)| (name.clone(), node.value.clone()))
            .collect(),
    })
}

/// Every Terraform file of the folder, parsed. A targeted file that cannot be read or parsed is
/// an error; another file of its folder only a warning, since only its variables were wanted.
fn read_module(
    dir: &Path,
    targeted: &BTreeSet<PathBuf>,
    reading: Reading,
    result: &mut ModuleResult,
    files_read: &AtomicUsize,
) -> Vec<ParsedFile> {
    let mut paths: BTreeSet<PathBuf> = targeted.clone();
    match std::fs::read_dir(dir) {
        Ok(entries) => paths.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_terraform(p)),
        ),
        Err(e) => result.warnings.push(format!(
            "{}: could not list the folder for its variables: {e}",
            dir.display()
        )),
    }
    let mut files = Vec::new();
    for path in paths {
        let is_targeted = targeted.contains(&path);
        if is_targeted {
            files_read.fetch_add(1, Ordering::Relaxed);
        }
        match parse_file(&path, reading.root, reading.tree) {
            Ok((source, syntax)) => files.push(ParsedFile {
                source,
                syntax,
                targeted: is_targeted,
            }),
            Err(error) if is_targeted => result.errors.push(error),
            Err(error) => result
                .warnings
                .push(format!("{error} (its variables and locals are not used)")),
        }
    }
    files
}

/// The values of the folder's own tfvars files, in Terraform's order. A tfvars file that
/// leads out of the scanned tree (a symbolic link) is not read.
fn module_var_values(dir: &Path, reading: Reading, warnings: &mut Vec<String>) -> FolderValues {
    let mut folder = FolderValues::default();
    let paths = match variables::module_var_files(dir) {
        Ok(paths) => paths,
        Err(e) => {
            warnings.push(format!(
                "{}: could not list its tfvars files: {e}",
                dir.display()
            ));
            return folder;
        }
    };
    for path in paths {
        let shown = display_path(&path, reading.root);
        match reading.tree.resolve(&path) {
            Ok(resolved) => match variables::read_var_file(&resolved, &shown) {
                Ok(v) => folder.values.extend(v),
                Err(e) => warnings.push(format!("{e} (its values are not used)")),
            },
            Err(refusal) => {
                warnings.push(format!(
                    "{shown}: the variables file leads {}, refused; the variables it could set are unknown",
                    refusal.place()
                ));
                folder.refused = Some(format!("the refused variables file {shown}"));
            }
        }
    }
    folder
}

fn absolute(path: &Path) -> PathBuf {
    lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}
