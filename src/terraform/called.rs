//! A module's scope, and the outputs of the local modules it calls (docs/evaluation.md, "Module
//! outputs"). Each call's outputs are evaluated with that call's arguments: the called folder is
//! read again, its variables given the call's arguments or their defaults (nothing else, as
//! Terraform gives a called module), and its `output` blocks evaluated. Calls nest; a module
//! that reaches itself, a chain deeper than `MAX_CALL_DEPTH` and more than `MAX_CALLED_MODULES`
//! called modules for one module's evaluation leave outputs unknown with the reason.

use super::declarations::{Declarations, ParsedFile, declarations};
use super::eval::limits::LIMIT;
use super::eval::types::Type;
use super::eval::{CalledModules, Evaluator, Scope, VariableValue, json_with};
use super::parse::parse_file;
use super::resource::BlockKind;
use super::variables::{self, Declaration, VariableInputs};
use super::{display_path, is_terraform, lexical};
use crate::value::Value;
use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Chains of module calls deeper than this are not followed further.
pub const MAX_CALL_DEPTH: usize = 8;
/// The most called modules whose outputs one module's evaluation may evaluate, nested calls
/// included, so that modules calling each other many times with different arguments cannot
/// multiply into a hang.
pub const MAX_CALLED_MODULES: usize = 10_000;

/// A module's scope: its variables with their values, its locals, its policy documents and
/// its module calls, whose outputs `calls` evaluates.
pub fn module_scope<'t>(
    files: &'t [ParsedFile],
    decls: &'t [Declarations<'t>],
    dir: &Path,
    root: &Path,
    values: Vec<(String, VariableValue)>,
    calls: &'t dyn CalledModules,
) -> Scope<'t> {
    let mut scope = Scope::new(dir, root);
    for (name, value) in values {
        scope.set_variable(&name, value);
    }
    scope.set_called_modules(calls);
    for (file, decl) in files.iter().zip(decls) {
        for (name, expr) in &decl.locals {
            scope.add_local(name, &file.source, expr);
        }
        for block in &decl.blocks {
            match block.kind {
                BlockKind::Data if block.resource_type == "aws_iam_policy_document" => {
                    scope.add_policy_document(&block.name, &file.source, block.body)
                }
                BlockKind::Module => scope.add_module_call(&block.name, &file.source, block.body),
                _ => {}
            }
        }
    }
    scope
}

/// The variables a module declares, with their defaults.
pub fn variable_declarations(
    files: &[ParsedFile],
    decls: &[Declarations],
    dir: &Path,
    root: &Path,
) -> Vec<Declaration> {
    // Defaults are constants: evaluated with nothing in scope.
    let empty = Scope::new(dir, root);
    files
        .iter()
        .zip(decls)
        .flat_map(|(file, decl)| {
            let empty = &empty;
            decl.variables.iter().map(move |v| Declaration {
                name: v.name.clone(),
                ty: v.ty.map_or(Type::Any, Type::parse),
                default: v
                    .default
                    .map(|d| Evaluator::new(empty, &file.source).attribute(d).value),
            })
        })
        .collect()
}

/// Outputs already evaluated, shared by every module of a scan: a module called from many
/// places with the same arguments is read once.
#[derive(Default)]
pub struct OutputCache {
    entries: Mutex<HashMap<(PathBuf, String), Cached>>,
}

#[derive(Clone)]
struct Cached {
    outputs: Result<Vec<(String, Value)>, String>,
    /// The called modules evaluated to get them, this one included.
    cost: usize,
    /// Every folder evaluated to get them, this one included.
    reached: BTreeSet<PathBuf>,
    /// The longest chain of calls below this one.
    depth: usize,
}

/// The called modules of one module being evaluated. A cached answer is used only where
/// evaluating again would give the same (no limit met on the way), so that the verdicts do
/// not depend on which thread evaluated a module first.
pub struct Calls<'a> {
    /// The calling module's folder.
    dir: PathBuf,
    root: &'a Path,
    /// The folders being evaluated, outermost first, ending with `dir`.
    chain: Vec<PathBuf>,
    cache: &'a OutputCache,
    /// Called modules evaluated so far for the outermost module, against `MAX_CALLED_MODULES`.
    spent: &'a Cell<usize>,
    /// What the outputs asked of this module needed: folders and the deepest chain below.
    reached: std::cell::RefCell<BTreeSet<PathBuf>>,
    depth: Cell<usize>,
    /// A limit was met (a cycle, the depth, the count): the answer depends on where the
    /// evaluation started, so it is not cached.
    cut: Cell<bool>,
}

impl<'a> Calls<'a> {
    /// The calls of the module in `dir`, evaluated on its own (not for a caller).
    pub fn new(dir: &Path, root: &'a Path, cache: &'a OutputCache, spent: &'a Cell<usize>) -> Self {
        Calls::at(vec![dir.to_path_buf()], root, cache, spent)
    }

    fn at(
        chain: Vec<PathBuf>,
        root: &'a Path,
        cache: &'a OutputCache,
        spent: &'a Cell<usize>,
    ) -> Self {
        Calls {
            dir: chain.last().cloned().unwrap_or_default(),
            root,
            chain,
            cache,
            spent,
            reached: Default::default(),
            depth: Cell::new(0),
            cut: Cell::new(false),
        }
    }

    fn shown(&self, dir: &Path) -> String {
        match display_path(dir, self.root) {
            shown if shown.is_empty() => ".".into(),
            shown => shown,
        }
    }

    /// Whether evaluating anew would meet a limit that `cached` did not.
    fn would_differ(&self, cached: &Cached) -> bool {
        self.chain.iter().any(|dir| cached.reached.contains(dir))
            || self.chain.len() + cached.depth > MAX_CALL_DEPTH
            || self.spent.get() + cached.cost > MAX_CALLED_MODULES
    }

    fn note(&self, target: &Path, depth: usize, reached: &BTreeSet<PathBuf>) {
        self.reached.borrow_mut().insert(target.to_path_buf());
        self.reached.borrow_mut().extend(reached.iter().cloned());
        self.depth.set(self.depth.get().max(depth + 1));
    }
}

impl CalledModules for Calls<'_> {
    fn outputs(
        &self,
        source: &str,
        arguments: &HashMap<String, Value>,
    ) -> Result<Vec<(String, Value)>, String> {
        let target = lexical(&self.dir.join(source));
        if let Some(start) = self.chain.iter().position(|dir| *dir == target) {
            self.cut.set(true);
            let path: Vec<String> = self.chain[start..]
                .iter()
                .chain(std::iter::once(&target))
                .map(|dir| self.shown(dir))
                .collect();
            return Err(format!("calls itself ({})", path.join(" -> ")));
        }
        if self.chain.len() >= MAX_CALL_DEPTH {
            self.cut.set(true);
            return Err(format!(
                "is called more than {MAX_CALL_DEPTH} modules deep, {LIMIT}"
            ));
        }
        let key = (target.clone(), arguments_key(arguments));
        let cached = self
            .cache
            .entries
            .lock()
            .ok()
            .and_then(|c| c.get(&key).cloned());
        if let Some(cached) = cached.filter(|c| !self.would_differ(c)) {
            self.spent.set(self.spent.get() + cached.cost);
            self.note(&target, cached.depth, &cached.reached);
            return cached.outputs;
        }
        if self.spent.get() >= MAX_CALLED_MODULES {
            self.cut.set(true);
            return Err(format!(
                "was left unevaluated: the module's evaluation called {MAX_CALLED_MODULES} modules, {LIMIT}"
            ));
        }
        let before = self.spent.get();
        self.spent.set(before + 1);
        let mut chain = self.chain.clone();
        chain.push(target.clone());
        let callee = Calls::at(chain, self.root, self.cache, self.spent);
        let outputs = evaluate_outputs(&target, arguments, &callee);
        let reached = callee.reached.into_inner();
        self.note(&target, callee.depth.get(), &reached);
        if callee.cut.get() {
            self.cut.set(true);
        } else if let Ok(mut cache) = self.cache.entries.lock() {
            let mut all = reached;
            all.insert(target);
            cache.insert(
                key,
                Cached {
                    outputs: outputs.clone(),
                    cost: self.spent.get() - before,
                    reached: all,
                    depth: callee.depth.get() + 1,
                },
            );
        }
        outputs
    }
}

/// The arguments as text without places: calls with the same values share an evaluation.
fn arguments_key(arguments: &HashMap<String, Value>) -> String {
    let mut names: Vec<&String> = arguments.keys().collect();
    names.sort();
    let style = super::eval::JsonStyle {
        indent: None,
        sort_keys: true,
    };
    names
        .into_iter()
        .map(|name| format!("{name}={}", json_with(&arguments[name], style)))
        .collect::<Vec<_>>()
        .join("\u{1}")
}

/// The outputs of the module in `dir` called with `arguments`.
fn evaluate_outputs(
    dir: &Path,
    arguments: &HashMap<String, Value>,
    calls: &Calls,
) -> Result<Vec<(String, Value)>, String> {
    let files = read_called(dir, calls.root)?;
    let decls: Vec<_> = files.iter().map(declarations).collect();
    let variable_decls = variable_declarations(&files, &decls, dir, calls.root);
    // A called module's variables come from its call alone: Terraform gives it neither the
    // command line's values nor its folder's tfvars files.
    let values = variables::resolve(&variable_decls, &VariableInputs::default(), &[], arguments);
    let scope = module_scope(&files, &decls, dir, calls.root, values, calls);
    let outputs = files
        .iter()
        .zip(&decls)
        .flat_map(|(file, decl)| {
            let scope = &scope;
            decl.outputs.iter().map(move |(name, expr)| {
                let value = Evaluator::new(scope, &file.source).attribute(expr).value;
                (name.clone(), value)
            })
        })
        .collect();
    // What went wrong inside (a cycle of locals) is reported where the module itself is
    // scanned, once, not for every call.
    drop(scope.take_warnings());
    Ok(outputs)
}

/// The called folder's Terraform files, parsed; `Err` says why its outputs cannot be known.
fn read_called(dir: &Path, root: &Path) -> Result<Vec<ParsedFile>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot be read: {e}"))?;
    let paths: BTreeSet<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && is_terraform(p))
        .collect();
    if paths.is_empty() {
        return Err("holds no Terraform files".into());
    }
    paths
        .iter()
        .map(|path| {
            parse_file(path, root)
                .map(|(source, syntax)| ParsedFile {
                    source,
                    syntax,
                    targeted: false,
                })
                .map_err(|error| format!("does not parse ({error})"))
        })
        .collect()
}
