//! A module's scope, and the outputs of the local modules it calls (docs/evaluation.md, "Module
//! outputs"). Each call's outputs are evaluated with that call's arguments: the called folder is
//! read again, its variables given the call's arguments or their defaults (nothing else, as
//! Terraform gives a called module), and its `output` blocks evaluated on the calling module's
//! budget of steps. Calls nest; a module that reaches itself, a chain deeper than
//! `MAX_CALL_DEPTH`, more than `MAX_CALLED_MODULES` called modules or a spent budget for one
//! module's evaluation leave outputs unknown with the reason.

use super::reading::Reading;
use super::variables::{self, CallerValues, Declaration, FolderValues, VariableInputs};
use crate::terraform::eval::json_text::{JsonStyle, json_with};
use crate::terraform::eval::limits::{FileSteps, LIMIT};
use crate::terraform::eval::types::Type;
use crate::terraform::eval::{Budget, CalledModules, Evaluator, Scope, VariableValue};
use crate::terraform::resource::Origin;
use crate::terraform::resource::{BlockKind, FileError};
use crate::terraform::syntax::declarations::{Declarations, ParsedFile};
use crate::terraform::syntax::parse::{declarations, parse_file};
use crate::terraform::{display_path, is_terraform, lexical};
use crate::value::Value;
use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Chains of module calls deeper than this are not followed further.
pub const MAX_CALL_DEPTH: usize = 8;
/// The most called modules whose outputs one module's evaluation may evaluate, nested calls
/// included, so that modules calling each other many times with different arguments cannot
/// multiply into a hang.
pub const MAX_CALLED_MODULES: usize = 10_000;

/// A module's scope: its variables with their values, its locals, its policy documents and
/// its module calls, whose outputs `calls` evaluates on the same `budget`.
pub fn module_scope<'t>(
    files: &'t [ParsedFile],
    decls: &'t [Declarations<'t>],
    dir: &Path,
    reading: Reading<'t>,
    values: Vec<(String, VariableValue, Option<Arc<Origin>>)>,
    calls: &'t Calls,
) -> Scope<'t> {
    let mut scope = Scope::new(dir, reading.root, reading.tree);
    scope.share_budget(calls.budget.clone());
    for (name, value, origin) in values {
        scope.set_variable(&name, value);
        if let Some(origin) = origin {
            scope.set_variable_origin(&name, origin);
        }
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
    reading: Reading,
) -> Vec<Declaration> {
    // Defaults are constants: evaluated with nothing in scope.
    let empty = Scope::new(dir, reading.root, reading.tree);
    files
        .iter()
        .zip(decls)
        .flat_map(|(file, decl)| {
            let empty = &empty;
            decl.variables.iter().map(move |v| Declaration {
                default_at: v.default.map(|d| {
                    let line = file.source.span(hcl::edit::Span::span(d)).line;
                    Arc::new(Origin::new(
                        "the default",
                        Some(file.source.name.clone()),
                        line,
                    ))
                }),
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
    /// The evaluation steps they took, by file, nested calls included.
    steps: FileSteps,
    /// The limits they met, nested calls included: reported wherever they are reused.
    limits_met: Vec<FileError>,
    /// The files their expressions read (`file`, `templatefile`), nested calls included.
    reads: BTreeSet<PathBuf>,
}

/// The called modules of one module being evaluated. A cached answer is used only where
/// evaluating again would give the same (no limit met on the way), so that the verdicts do
/// not depend on which thread evaluated a module first.
pub struct Calls<'a> {
    /// The calling module's folder.
    dir: PathBuf,
    reading: Reading<'a>,
    /// The folders being evaluated, outermost first, ending with `dir`.
    chain: Vec<PathBuf>,
    cache: &'a OutputCache,
    /// Called modules evaluated so far for the outermost module, against `MAX_CALLED_MODULES`.
    spent: &'a Cell<usize>,
    /// The outermost module's evaluation steps, which called modules count against too.
    budget: Budget,
    /// What the outputs asked of this module needed: folders and the deepest chain below.
    reached: std::cell::RefCell<BTreeSet<PathBuf>>,
    depth: Cell<usize>,
    /// Files the called modules' outputs read: a change to one changes the caller too.
    reads: std::cell::RefCell<BTreeSet<PathBuf>>,
    /// A limit was met (a cycle, the depth, the count): the answer depends on where the
    /// evaluation started, so it is not cached.
    cut: Cell<bool>,
}

impl<'a> Calls<'a> {
    /// The calls of the module in `dir`, evaluated on its own (not for a caller).
    pub fn new(
        dir: &Path,
        reading: Reading<'a>,
        cache: &'a OutputCache,
        spent: &'a Cell<usize>,
    ) -> Self {
        Calls::at(
            vec![dir.to_path_buf()],
            reading,
            cache,
            spent,
            Budget::default(),
        )
    }

    fn at(
        chain: Vec<PathBuf>,
        reading: Reading<'a>,
        cache: &'a OutputCache,
        spent: &'a Cell<usize>,
        budget: Budget,
    ) -> Self {
        Calls {
            dir: chain.last().cloned().unwrap_or_default(),
            reading,
            chain,
            cache,
            spent,
            budget,
            reached: Default::default(),
            depth: Cell::new(0),
            reads: Default::default(),
            cut: Cell::new(false),
        }
    }

    fn shown(&self, dir: &Path) -> String {
        match display_path(dir, self.reading.root) {
            shown if shown.is_empty() => ".".into(),
            shown => shown,
        }
    }

    /// Whether evaluating anew would meet a limit that `cached` did not.
    fn would_differ(&self, cached: &Cached) -> bool {
        self.chain.iter().any(|dir| cached.reached.contains(dir))
            || self.chain.len() + cached.depth > MAX_CALL_DEPTH
            || self.spent.get() + cached.cost > MAX_CALLED_MODULES
            || self.budget.would_spend(&cached.steps)
    }

    /// The evaluation steps taken so far by the module and the called modules' outputs, by
    /// file.
    pub fn steps_used(&self) -> FileSteps {
        self.budget.used()
    }

    /// The files the outputs evaluated so far read.
    pub fn take_reads(&self) -> BTreeSet<PathBuf> {
        std::mem::take(&mut self.reads.borrow_mut())
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
        place: &str,
    ) -> Result<Vec<(String, Value)>, String> {
        let target = lexical(&self.dir.join(source));
        // Terraform would read the folder wherever it is; riveter reads only inside the
        // scanned tree and the repository, and what it reads is the resolved folder. The
        // folder as written stays the call's identity (the chain, the cache).
        let resolved = self
            .reading
            .module_sources
            .resolve(&target)
            .map_err(|refusal| {
                format!(
                    "lies {} (module source \"{source}\"), refused at {place}",
                    refusal.place()
                )
            })?;
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
            self.budget.charge(&cached.steps);
            self.budget.add_met(&cached.limits_met);
            self.note(&target, cached.depth, &cached.reached);
            self.reads.borrow_mut().extend(cached.reads.iter().cloned());
            return cached.outputs;
        }
        if self.spent.get() >= MAX_CALLED_MODULES {
            self.cut.set(true);
            return Err(format!(
                "was left unevaluated: the module's evaluation called {MAX_CALLED_MODULES} modules, {LIMIT}"
            ));
        }
        let before = self.spent.get();
        let steps_before = self.budget.used();
        let met_before = self.budget.met_count();
        self.spent.set(before + 1);
        let mut chain = self.chain.clone();
        chain.push(target.clone());
        let budget = self.budget.clone();
        let callee = Calls::at(chain, self.reading, self.cache, self.spent, budget);
        let outputs = evaluate_outputs(&resolved, arguments, &callee);
        let reached = callee.reached.into_inner();
        let reads = callee.reads.into_inner();
        self.note(&target, callee.depth.get(), &reached);
        self.reads.borrow_mut().extend(reads.iter().cloned());
        let steps = self.budget.since(&steps_before);
        let limits_met = self.budget.met_since(met_before);
        // A limit met on the way (a file's steps spent) may depend on what was evaluated
        // before: not an answer to reuse.
        if callee.cut.get() || !limits_met.is_empty() {
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
                    steps,
                    limits_met,
                    reads,
                },
            );
        }
        outputs
    }
}

/// The arguments as text without places: calls with the same values share an evaluation.
pub fn arguments_key(arguments: &HashMap<String, Value>) -> String {
    let mut names: Vec<&String> = arguments.keys().collect();
    names.sort();
    let style = JsonStyle {
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
    let files = read_called(dir, calls.reading)?;
    let decls: Vec<_> = files.iter().map(declarations).collect();
    let variable_decls = variable_declarations(&files, &decls, dir, calls.reading);
    // A called module's variables come from its call alone: Terraform gives it neither the
    // command line's values nor its folder's tfvars files.
    let values = variables::resolve(
        &variable_decls,
        &VariableInputs::default(),
        &FolderValues::default(),
        &CallerValues {
            values: arguments.clone(),
            origins: HashMap::new(),
        },
    );
    let scope = module_scope(&files, &decls, dir, calls.reading, values, calls);
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
    calls.reads.borrow_mut().extend(scope.take_reads());
    Ok(outputs)
}

/// The called folder's Terraform files, parsed; `Err` says why its outputs cannot be known.
fn read_called(dir: &Path, reading: Reading) -> Result<Vec<ParsedFile>, String> {
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
            parse_file(path, reading.root, reading.module_sources)
                .map(|(source, syntax)| ParsedFile {
                    source,
                    syntax,
                    targeted: false,
                })
                .map_err(|error| format!("does not parse ({error})"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::terraform::{Resource, VariableInputs, discover, load};
    use crate::value::Value;
    use std::fs;

    /// Scans `files` (path, text) from a fresh folder, all of it (the called modules are
    /// in the scanned tree); the resources of `app/`.
    fn scan(files: &[(&str, &str)]) -> Vec<Resource> {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        let root = dir.path().canonicalize().unwrap();
        let discovered = discover(&[root.display().to_string()]).unwrap();
        load(discovered, &root, &VariableInputs::default())
            .resources
            .into_iter()
            .filter(|r| r.file.starts_with("app/"))
            .collect()
    }

    fn attribute(resources: &[Resource], address: &str, key: &str) -> Value {
        let resource = resources.iter().find(|r| r.address == address).unwrap();
        resource.body.value.get(key).unwrap().value.clone()
    }

    fn reason(value: &Value) -> &str {
        &value.as_unknown().expect("an unknown").reason
    }

    const NAMING: &str = r#"
variable "prefix" {}
variable "suffix" { default = "key" }
locals { joined = "${var.prefix}-${var.suffix}" }
output "constant" { value = "fixed" }
output "name" { value = local.joined }
output "tags" { value = { team = var.prefix } }
output "arn" { value = aws_kms_key.k.arn }
"#;

    #[test]
    fn each_call_sees_the_outputs_its_own_arguments_give() {
        let app = r#"
module "a" {
  source = "../modules/naming"
  prefix = "alpha"
}
module "b" {
  source = "../modules/naming"
  prefix = "beta"
  suffix = "bucket"
}
resource "aws_kms_key" "a" {
  description = module.a.name
  policy      = module.a.constant
  tags        = module.a.tags
}
resource "aws_kms_key" "b" { description = module.b.name }
"#;
        let resources = scan(&[("app/main.tf", app), ("modules/naming/main.tf", NAMING)]);
        let text = |s: &str| Value::String(s.into());
        assert_eq!(
            attribute(&resources, "aws_kms_key.a", "description"),
            text("alpha-key")
        );
        assert_eq!(
            attribute(&resources, "aws_kms_key.a", "policy"),
            text("fixed")
        );
        let tags = attribute(&resources, "aws_kms_key.a", "tags");
        assert_eq!(tags.get("team").map(|n| &n.value), Some(&text("alpha")));
        assert_eq!(
            attribute(&resources, "aws_kms_key.b", "description"),
            text("beta-bucket")
        );
    }

    #[test]
    fn outputs_that_depend_on_unknowns_stay_unknown_and_say_why() {
        let app = r#"
variable "prefix" {}
module "n" {
  source = "../modules/naming"
  prefix = var.prefix
}
module "remote" {
  source = "terraform-aws-modules/kms/aws"
}
module "many" {
  source = "../modules/naming"
  count  = 2
  prefix = "x"
}
resource "aws_kms_key" "k" {
  description = module.n.name
  policy      = module.n.arn
  tags        = module.remote.tags
  key_usage   = module.many.name
}
"#;
        let resources = scan(&[("app/main.tf", app), ("modules/naming/main.tf", NAMING)]);
        let got = |key| attribute(&resources, "aws_kms_key.k", key);
        let name = got("description");
        assert!(
            reason(&name).starts_with(
                "module.n.name, an output that depends on var.prefix, which has no value"
            ),
            "{name:?}"
        );
        // The known part of a string stays readable by the text operators.
        assert!(
            name.as_unknown().unwrap().as_text().ends_with("-key"),
            "{name:?}"
        );
        let arn = got("policy");
        assert_eq!(
            reason(&arn),
            "module.n.arn, an output that depends on aws_kms_key.k.arn, which is known only after apply"
        );
        assert!(arn.as_unknown().unwrap().identifier);
        assert!(
            reason(&got("tags")).contains("module.remote, an output of the module \"terraform-aws-modules/kms/aws\", which riveter does not read"),
            "{:?}",
            got("tags")
        );
        assert!(
            reason(&got("key_usage")).contains("called with count or for_each"),
            "{:?}",
            got("key_usage")
        );
    }

    #[test]
    fn modules_that_call_each_other_end_in_an_unknown_not_a_hang() {
        let a = r#"
module "b" { source = "../b" }
resource "aws_kms_key" "k" { description = module.b.out }
"#;
        let b = r#"
module "a" { source = "../app" }
output "out" { value = module.a.out }
"#;
        let app_out = format!("{a}\noutput \"out\" {{ value = \"x\" }}\n");
        let resources = scan(&[("app/main.tf", &app_out), ("b/main.tf", b)]);
        let value = attribute(&resources, "aws_kms_key.k", "description");
        assert!(
            reason(&value).contains("calls itself (app -> b -> app)"),
            "{value:?}"
        );
    }

    #[test]
    fn nested_local_modules_pass_their_outputs_up() {
        let app = r#"
module "mid" {
  source = "../modules/mid"
  env    = "prod"
}
resource "aws_kms_key" "k" { description = module.mid.name }
"#;
        let mid = r#"
variable "env" {}
module "naming" {
  source = "../naming"
  prefix = var.env
}
output "name" { value = upper(module.naming.name) }
"#;
        let resources = scan(&[
            ("app/main.tf", app),
            ("modules/mid/main.tf", mid),
            ("modules/naming/main.tf", NAMING),
        ]);
        assert_eq!(
            attribute(&resources, "aws_kms_key.k", "description"),
            Value::String("PROD-KEY".into())
        );
    }

    #[test]
    fn a_called_module_that_does_not_parse_is_named() {
        let app = r#"
module "broken" { source = "../broken" }
module "missing" { source = "../missing" }
resource "aws_kms_key" "k" {
  description = module.broken.name
  policy      = module.missing.name
}
"#;
        let resources = scan(&[("app/main.tf", app), ("broken/main.tf", "output {")]);
        let broken = attribute(&resources, "aws_kms_key.k", "description");
        assert!(
            reason(&broken).contains("which does not parse (broken/main.tf:"),
            "{broken:?}"
        );
        let missing = attribute(&resources, "aws_kms_key.k", "policy");
        assert!(
            reason(&missing).contains("../missing, which cannot be read"),
            "{missing:?}"
        );
    }

    #[test]
    fn a_module_is_read_inside_the_repository_and_refused_outside_it() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        let root = base.join("repo");
        let files = [
            (
                "repo/app/main.tf",
                "module \"naming\" {\n  source = \"../modules/naming\"\n  prefix = \"x\"\n}\nmodule \"away\" {\n  source = \"../../away\"\n  prefix = \"y\"\n}\nresource \"aws_kms_key\" \"k\" {\n  description = module.naming.name\n  policy      = module.away.name\n}\n",
            ),
            ("repo/modules/naming/main.tf", NAMING),
            ("away/main.tf", NAMING),
        ];
        for (path, text) in files {
            fs::create_dir_all(base.join(path).parent().unwrap()).unwrap();
            fs::write(base.join(path), text).unwrap();
        }
        // Only `app/` is scanned: the module beside it is in the repository, and is read;
        // the one above the repository is not.
        let discovered = discover(&[root.join("app").display().to_string()]).unwrap();
        let terraform = load(discovered, &root, &VariableInputs::default());
        let value = attribute(&terraform.resources, "aws_kms_key.k", "description");
        assert_eq!(value, Value::String("x-key".into()));
        let away = attribute(&terraform.resources, "aws_kms_key.k", "policy");
        assert_eq!(
            reason(&away),
            "module.away, an output of ../../away, which lies outside the scanned tree (module source \"../../away\"), refused at app/main.tf:6"
        );
    }

    #[test]
    fn a_deep_chain_of_calls_stops_at_the_limit() {
        let mut files: Vec<(String, String)> = Vec::new();
        let depth = super::MAX_CALL_DEPTH + 2;
        for level in 0..depth {
            let text = if level + 1 == depth {
                "output \"out\" { value = \"bottom\" }\n".to_string()
            } else {
                format!(
                    "module \"next\" {{ source = \"../m{}\" }}\noutput \"out\" {{ value = module.next.out }}\n",
                    level + 1
                )
            };
            files.push((format!("m{level}/main.tf"), text));
        }
        files.push((
            "app/main.tf".into(),
            "module \"top\" { source = \"../m0\" }\nresource \"aws_kms_key\" \"k\" { description = module.top.out }\n".into(),
        ));
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let resources = scan(&borrowed);
        let value = attribute(&resources, "aws_kms_key.k", "description");
        assert!(reason(&value).contains("riveter's limit"), "{value:?}");
    }

    #[test]
    fn a_called_modules_limit_leaves_its_output_unknown_and_nothing_else() {
        let app = r#"
module "heavy" { source = "../heavy" }
resource "aws_kms_key" "k" {
  description = module.heavy.count
  key_usage   = "after"
}
"#;
        let heavy = r#"
output "count" {
  value = length(flatten([for a in range(1000) : [for b in range(1000) : b]]))
}
"#;
        let resources = scan(&[("app/main.tf", app), ("heavy/main.tf", heavy)]);
        let count = attribute(&resources, "aws_kms_key.k", "description");
        assert!(reason(&count).contains("riveter's limit"), "{count:?}");
        // The limit is the output's own: what the caller evaluates next keeps its value.
        let after = attribute(&resources, "aws_kms_key.k", "key_usage");
        assert_eq!(after, Value::String("after".into()));
    }

    #[test]
    fn outputs_written_in_terraform_json_are_read_too() {
        let app = r#"
module "naming" {
  source = "../naming"
  prefix = "json"
}
resource "aws_kms_key" "k" { description = module.naming.name }
"#;
        let naming = r#"{
  "variable": { "prefix": {} },
  "output": { "name": { "value": "${var.prefix}-named" } }
}"#;
        let resources = scan(&[("app/main.tf", app), ("naming/main.tf.json", naming)]);
        assert_eq!(
            attribute(&resources, "aws_kms_key.k", "description"),
            Value::String("json-named".into())
        );
    }

    #[test]
    fn a_file_a_called_module_reads_for_its_outputs_is_read_by_the_caller() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let files = [
            (
                "app/main.tf",
                "module \"cfg\" { source = \"../cfg\" }\nresource \"aws_kms_key\" \"k\" { description = module.cfg.text }\n",
            ),
            (
                "cfg/main.tf",
                "output \"text\" { value = file(\"settings.txt\") }\n",
            ),
            ("cfg/settings.txt", "from a file"),
        ];
        for (path, text) in files {
            fs::create_dir_all(root.join(path).parent().unwrap()).unwrap();
            fs::write(root.join(path), text).unwrap();
        }
        let discovered = discover(&[root.display().to_string()]).unwrap();
        let terraform = load(discovered, &root, &VariableInputs::default());
        assert_eq!(
            attribute(&terraform.resources, "aws_kms_key.k", "description"),
            Value::String("from a file".into())
        );
        let (folder, app) = terraform.modules.modules().next().unwrap();
        assert_eq!(folder, "app");
        assert_eq!(app.reads.iter().collect::<Vec<_>>(), ["cfg/settings.txt"]);
        assert_eq!(app.named_calls.values().collect::<Vec<_>>(), ["cfg"]);
    }
}
