//! What one module (a directory) knows: its variables' values, its locals (evaluated when first
//! used, in whatever order they reference each other), its `aws_iam_policy_document`s, and the
//! outputs of the local modules it calls (each call evaluated when first used, with its own
//! arguments).

use super::Evaluator;
pub use super::limits::Budget;
use super::ways::{self, Ways};
use crate::terraform::discovery::confine::ScannedTree;
use crate::terraform::eval::policy_document;
use crate::terraform::resource::Origin;
pub use crate::terraform::syntax::declarations::BodyRef;
use crate::terraform::syntax::source::SourceFile;
use crate::value::{Node, Unknown, Value};
use hcl::edit::expr::Expression;
use hcl::edit::visit::{Visit, visit_expr};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub enum VariableValue {
    Known(Value),
    /// Declared, with no default and no value given: it may be null.
    NoValue,
    /// Declared `nullable = false`, with no default and no value given: unknown, never null.
    NoValueNotNull,
    /// Given a value its type constraint rejects.
    Invalid(String),
    /// Possibly set by a variables file riveter may not read; the reason names it.
    Unreadable(String),
}

/// Arguments of a `module` block that are not the called module's variables.
pub const META_ARGUMENTS: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

/// Evaluates the outputs of a module that this one calls; the module loader answers, since
/// it reads the called folder's files.
pub trait CalledModules {
    /// The outputs of the local module at `source` (as written, relative to the calling
    /// module's folder) called with `arguments`, in declaration order; `Err` says why they
    /// cannot be known (the folder does not parse, the modules call each other, a limit).
    /// `place` (`file:line`) is where the call names its source.
    fn outputs(
        &self,
        source: &str,
        arguments: &HashMap<String, Value>,
        place: &str,
    ) -> Result<Vec<(String, Value)>, String>;
}

/// A local, or a policy document, being evaluated: `None` while in progress, to find cycles.
type Memo = RefCell<HashMap<String, Option<Value>>>;

pub struct Scope<'t> {
    /// Where `file()` and `templatefile()` read relative paths from.
    module_dir: PathBuf,
    /// What reported paths are relative to: a template's name in a reason.
    root: PathBuf,
    /// What every file read must stay inside.
    tree: &'t ScannedTree,
    variables: HashMap<String, VariableValue>,
    /// Where each variable with a value got it, for findings to name.
    variable_origins: HashMap<String, Arc<Origin>>,
    locals: HashMap<String, (&'t SourceFile, &'t Expression)>,
    local_values: Memo,
    documents: HashMap<String, (&'t SourceFile, BodyRef<'t>)>,
    /// Each document's instances, once its `count` or `for_each` is evaluated (`None` while in
    /// progress).
    document_instances: RefCell<HashMap<String, Option<Arc<DocumentInstances>>>>,
    /// Each instance's policy, by name and instance key (`x`, `x[0]`, `x["a"]`).
    document_values: RefCell<HashMap<String, Value>>,
    /// The documents being rendered, to find one that includes itself.
    documents_in_progress: RefCell<Vec<String>>,
    /// Whether each document's body uses `count` or `each`, and how many of its instances
    /// have a policy of their own so far.
    document_instance_use: RefCell<HashMap<String, (bool, usize)>>,
    /// The `module` blocks of the module, by name.
    module_calls: HashMap<String, (&'t SourceFile, BodyRef<'t>)>,
    /// Each call's outputs as one object, once evaluated (`None` while in progress).
    module_values: Memo,
    called: Option<&'t dyn CalledModules>,
    /// The locals being evaluated, outermost first, to name a cycle.
    in_progress: RefCell<Vec<String>>,
    reported_cycles: RefCell<BTreeSet<Vec<String>>>,
    warnings: RefCell<Vec<String>>,
    /// Files its expressions read or looked for (`file`, `templatefile`, `fileexists`).
    reads: RefCell<BTreeSet<PathBuf>>,
    /// Its files' evaluation steps and nesting, and the limits met (`limits`).
    pub(super) budget: Budget,
}

impl<'t> Scope<'t> {
    pub fn new(module_dir: &Path, root: &Path, tree: &'t ScannedTree) -> Scope<'t> {
        Scope {
            module_dir: module_dir.to_path_buf(),
            root: root.to_path_buf(),
            tree,
            variables: HashMap::new(),
            variable_origins: HashMap::new(),
            locals: HashMap::new(),
            local_values: RefCell::default(),
            documents: HashMap::new(),
            document_instances: RefCell::default(),
            document_values: RefCell::default(),
            documents_in_progress: RefCell::default(),
            document_instance_use: RefCell::default(),
            module_calls: HashMap::new(),
            module_values: RefCell::default(),
            called: None,
            in_progress: RefCell::default(),
            reported_cycles: RefCell::default(),
            warnings: RefCell::default(),
            reads: RefCell::default(),
            budget: Budget::default(),
        }
    }

    pub fn set_variable(&mut self, name: &str, value: VariableValue) {
        self.variables.insert(name.to_string(), value);
    }

    pub fn set_variable_origin(&mut self, name: &str, origin: Arc<Origin>) {
        self.variable_origins.insert(name.to_string(), origin);
    }

    /// Where the variable got its value, when it has one.
    pub fn variable_origin(&self, name: &str) -> Option<&Arc<Origin>> {
        self.variable_origins.get(name)
    }

    /// The expression of a local, for following where its value comes from.
    pub fn local_expression(&self, name: &str) -> Option<&'t Expression> {
        self.locals.get(name).map(|(_, expr)| *expr)
    }

    pub fn add_local(&mut self, name: &str, file: &'t SourceFile, expr: &'t Expression) {
        self.locals.insert(name.to_string(), (file, expr));
    }

    pub fn add_policy_document(&mut self, name: &str, file: &'t SourceFile, body: BodyRef<'t>) {
        self.documents.insert(name.to_string(), (file, body));
    }

    /// A `module` block, whose outputs `module` evaluates when a reference needs them.
    pub fn add_module_call(&mut self, name: &str, file: &'t SourceFile, body: BodyRef<'t>) {
        self.module_calls.insert(name.to_string(), (file, body));
    }

    /// Who evaluates the called modules' outputs; without it they stay unknown.
    pub fn set_called_modules(&mut self, called: &'t dyn CalledModules) {
        self.called = Some(called);
    }

    /// Evaluates on `budget`, shared with the module whose call this evaluation answers.
    pub fn share_budget(&mut self, budget: Budget) {
        self.budget = budget;
    }

    pub fn module_dir(&self) -> &Path {
        &self.module_dir
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn tree(&self) -> &ScannedTree {
        self.tree
    }

    /// Notes something the user should see once (a read refused), however many instances
    /// evaluate the expression.
    pub fn warn_once(&self, warning: String) {
        let mut warnings = self.warnings.borrow_mut();
        if !warnings.contains(&warning) {
            warnings.push(warning);
        }
    }

    /// Records a read the code asked for and riveter refused, as an error of the scan on the
    /// call's line: the scan cannot be trusted to have judged what that read would have given.
    pub fn refuse_read(&self, file: &SourceFile, offset: usize, reason: &str) {
        let (line, column) = file.position(offset);
        let span = crate::value::Span {
            line,
            column,
            end_line: line,
            end_column: column,
        };
        self.budget
            .error(&file.name, span, format!("read refused: {reason}"));
    }

    /// The limits evaluation met so far, each an error on a file and line.
    pub fn take_limits_met(&self) -> Vec<crate::terraform::resource::FileError> {
        self.budget.take_met()
    }

    pub fn take_warnings(&self) -> Vec<String> {
        std::mem::take(&mut self.warnings.borrow_mut())
    }

    /// Notes that an expression read (or looked for) a file, whose change changes the module.
    pub fn note_read(&self, path: &Path) {
        self.reads.borrow_mut().insert(path.to_path_buf());
    }

    pub fn take_reads(&self) -> BTreeSet<PathBuf> {
        std::mem::take(&mut self.reads.borrow_mut())
    }

    pub fn variable(&self, name: &str) -> Value {
        let source = format!("var.{name}");
        match self.variables.get(name) {
            Some(VariableValue::Known(value)) => value.clone(),
            // Without `nullable = false`, null is one of the values a variable may be given.
            Some(VariableValue::NoValue) => {
                let reason = format!("{source}, which has no value");
                let set = Value::Unknown(Unknown::new(&source, reason.clone()));
                Value::Unknown(Unknown::maybe_absent(
                    &source,
                    reason,
                    format!(
                        "{source} has no value, and may be null, since it is not declared with nullable = false"
                    ),
                    Node::bare(set),
                ))
            }
            Some(VariableValue::NoValueNotNull) => Value::Unknown(Unknown::new(
                &source,
                format!("{source}, which has no value"),
            )),
            Some(VariableValue::Invalid(why)) => Value::Unknown(Unknown::new(
                &source,
                format!("{source}, whose value {why}"),
            )),
            Some(VariableValue::Unreadable(why)) => Value::Unknown(Unknown::new(
                &source,
                format!("{source}, which {why} may set"),
            )),
            None => Value::Unknown(Unknown::new(
                &source,
                format!("{source}, which is not declared in this module"),
            )),
        }
    }

    pub fn local(&self, name: &str) -> Value {
        let source = format!("local.{name}");
        if let Some(state) = self.local_values.borrow().get(name) {
            return state.clone().unwrap_or_else(|| self.cycle(name, &source));
        }
        let Some((file, expr)) = self.locals.get(name).copied() else {
            return Value::Unknown(Unknown::new(
                &source,
                format!("{source}, which is not defined in this module"),
            ));
        };
        self.local_values
            .borrow_mut()
            .insert(name.to_string(), None);
        self.in_progress.borrow_mut().push(name.to_string());
        let value = Evaluator::new(self, file).attribute(expr).value;
        self.in_progress.borrow_mut().pop();
        self.local_values
            .borrow_mut()
            .insert(name.to_string(), Some(value.clone()));
        value
    }

    /// A local that depends on itself stays unknown; the cycle is reported once.
    fn cycle(&self, name: &str, source: &str) -> Value {
        let stack = self.in_progress.borrow();
        let start = stack.iter().position(|n| n == name).unwrap_or(0);
        let mut members: Vec<String> = stack[start..].to_vec();
        let path = members
            .iter()
            .chain(std::iter::once(&name.to_string()))
            .map(|n| format!("local.{n}"))
            .collect::<Vec<_>>()
            .join(" -> ");
        members.sort();
        if self.reported_cycles.borrow_mut().insert(members) {
            self.warnings.borrow_mut().push(format!(
                "{}: the locals {path} depend on each other; they stay unknown",
                self.module_dir.display()
            ));
        }
        Value::Unknown(Unknown::new(
            source,
            format!("{source}, which is part of a cycle ({path})"),
        ))
    }

    /// `module.NAME`: the call's outputs as an object, evaluated with the call's arguments. An
    /// output that cannot be known is an unknown that names it and says what it depends on.
    pub fn module(&self, name: &str) -> Value {
        let source = format!("module.{name}");
        if let Some(state) = self.module_values.borrow().get(name) {
            return state.clone().unwrap_or_else(|| {
                Value::Unknown(Unknown::new(
                    &source,
                    format!("{source}, whose arguments depend on its own outputs"),
                ))
            });
        }
        let Some((file, body)) = self.module_calls.get(name).copied() else {
            return Value::Unknown(Unknown::new(
                &source,
                format!("{source}, which is not called in this module"),
            ));
        };
        self.module_values
            .borrow_mut()
            .insert(name.to_string(), None);
        let value = match self.call_outputs(file, body) {
            Ok(outputs) => Value::Map(
                outputs
                    .into_iter()
                    .map(|(output, value)| {
                        let value = from_output(value, &format!("{source}.{output}"));
                        (output, Node::bare(value))
                    })
                    .collect(),
            ),
            Err(why) => {
                let reason = format!("{source}, {why}");
                if why.ends_with(super::limits::LIMIT) {
                    self.budget.met(&file.name, body.span(file), &reason);
                }
                Value::Unknown(Unknown::new(&source, reason))
            }
        };
        self.module_values
            .borrow_mut()
            .insert(name.to_string(), Some(value.clone()));
        value
    }

    /// The call's arguments, evaluated here, given to the called module; `Err` says why its
    /// outputs are not evaluated.
    fn call_outputs(
        &self,
        file: &SourceFile,
        body: BodyRef<'_>,
    ) -> Result<Vec<(String, Value)>, String> {
        let mut evaluator = Evaluator::new(self, file);
        let arguments = match body {
            BodyRef::Hcl(body) => evaluator.body(body),
            BodyRef::Json(expr) => evaluator.attribute(expr).value,
        };
        let Value::Map(arguments) = arguments else {
            return Err("a module block riveter cannot read".into());
        };
        let argument = |key: &str| {
            arguments
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, n)| &n.value)
        };
        if argument("count").is_some() || argument("for_each").is_some() {
            // One object per instance; riveter evaluates a module's outputs once per call.
            return Err(
                "an output of a module called with count or for_each, which riveter does not evaluate per instance"
                    .into(),
            );
        }
        let source = match argument("source") {
            Some(Value::String(source)) => source.clone(),
            _ => return Err("an output of a module whose source is not a string".into()),
        };
        if !(source.starts_with("./") || source.starts_with("../")) {
            return Err(format!(
                "an output of the module \"{source}\", which riveter does not read (only local modules are)"
            ));
        }
        let Some(called) = self.called else {
            return Err("an output of another module".into());
        };
        let given: HashMap<String, Value> = arguments
            .iter()
            .filter(|(k, _)| !META_ARGUMENTS.contains(&k.as_str()))
            .map(|(k, n)| (k.clone(), n.value.clone()))
            .collect();
        // The `source` line, which a refused folder is reported at.
        let line = arguments
            .iter()
            .find(|(k, _)| k == "source")
            .map_or(0, |(_, n)| n.span.line);
        let place = format!("{}:{line}", file.name);
        called
            .outputs(&source, &given, &place)
            .map_err(|why| format!("an output of {source}, which {why}"))
    }

    /// `path.module` and `path.root` are `.`: relative paths are read from the module's folder.
    pub fn path(&self, which: &str) -> Option<String> {
        match which {
            "module" | "root" | "cwd" => Some(".".into()),
            _ => None,
        }
    }

    /// The instances of `data "aws_iam_policy_document" "name"`, as its `count` or `for_each`
    /// says before `plan`; `None` when the module has no such block.
    pub fn document_instances(&self, name: &str) -> Option<Arc<DocumentInstances>> {
        let block = format!("data.aws_iam_policy_document.{name}");
        if let Some(state) = self.document_instances.borrow().get(name) {
            return Some(state.clone().unwrap_or_else(|| {
                Arc::new(DocumentInstances::Unknown {
                    each: false,
                    cause: Unknown::new(&block, format!("{block}, whose count depends on itself")),
                })
            }));
        }
        let (file, body) = self.documents.get(name).copied()?;
        let BodyRef::Hcl(hcl) = body else {
            return Some(Arc::new(DocumentInstances::AsWritten));
        };
        self.document_instances
            .borrow_mut()
            .insert(name.to_string(), None);
        let argument = |key: &str| {
            let expr = &hcl.get_attribute(key)?.value;
            let value = Evaluator::new(self, file).attribute(expr).value;
            Some((file.text_of(hcl::edit::Span::span(expr)).to_string(), value))
        };
        let instances = Arc::new(match (argument("for_each"), argument("count")) {
            (Some((source, for_each)), _) => DocumentInstances::for_each(&source, for_each),
            (None, Some((source, count))) => DocumentInstances::count(&source, count),
            (None, None) => DocumentInstances::Single,
        });
        self.document_instances
            .borrow_mut()
            .insert(name.to_string(), Some(instances.clone()));
        Some(instances)
    }

    /// The `json` (and `minified_json`, the same text) of `data "aws_iam_policy_document"
    /// "name"`: of the instance `key` (`[0]`, `["a"]`, or `""` for the block itself) whose
    /// `count` or `each` is `binding` (`None`: the block as written, where they are unknown).
    pub fn policy_document(
        &self,
        name: &str,
        key: &str,
        binding: Option<(&str, Value)>,
    ) -> Option<Value> {
        let block = format!("data.aws_iam_policy_document.{name}");
        let (file, body) = self.documents.get(name).copied()?;
        // An instance whose statements use neither `count` nor `each` has the block's policy,
        // rendered once for all; past `DOCUMENT_INSTANCES` instances of its own, one stands
        // for the rest, `count.index` and `each` unknown.
        let (key, binding) = match binding {
            Some(binding) if self.own_policy(name, key, body) => (key, Some(binding)),
            _ => ("", None),
        };
        let id = format!("{name}{key}");
        if let Some(value) = self.document_values.borrow().get(&id) {
            return Some(value.clone());
        }
        if self
            .documents_in_progress
            .borrow()
            .iter()
            .any(|n| n == name)
        {
            return Some(Value::Unknown(Unknown::new(
                &block,
                format!("{block}, which includes itself"),
            )));
        }
        self.documents_in_progress
            .borrow_mut()
            .push(name.to_string());
        let mut evaluator = match binding {
            Some((bound, value)) => Evaluator::with_binding(self, file, bound, value),
            None => Evaluator::new(self, file),
        };
        let body_value = match body {
            BodyRef::Hcl(body) => evaluator.body(body),
            BodyRef::Json(expr) => evaluator.attribute(expr).value,
        };
        self.documents_in_progress.borrow_mut().pop();
        let value = rendered_document(&body_value, &format!("{block}{key}.json"));
        self.document_values.borrow_mut().insert(id, value.clone());
        Some(value)
    }

    /// Whether the instance `key` of a document gets a policy of its own: its body uses
    /// `count` or `each`, and the document has fewer than `DOCUMENT_INSTANCES` such instances,
    /// this one included once it is rendered.
    fn own_policy(&self, name: &str, key: &str, body: BodyRef<'_>) -> bool {
        if self
            .document_values
            .borrow()
            .contains_key(&format!("{name}{key}"))
        {
            return true;
        }
        let mut uses = self.document_instance_use.borrow_mut();
        let (uses_instance, rendered) = uses.entry(name.to_string()).or_insert_with(|| {
            let uses_instance = match body {
                BodyRef::Hcl(body) => {
                    let mut finder = InstanceReferences::default();
                    finder.visit_body(body);
                    finder.found
                }
                BodyRef::Json(_) => false,
            };
            (uses_instance, 0)
        });
        if !*uses_instance || *rendered >= DOCUMENT_INSTANCES {
            return false;
        }
        *rendered += 1;
        true
    }
}

/// The most instances of one policy document that get a policy of their own, as `count` and
/// `for_each` expand no more (`terraform/instances.rs`).
pub const DOCUMENT_INSTANCES: usize = 256;

/// Finds `count` and `each` in a block's body.
#[derive(Default)]
struct InstanceReferences {
    found: bool,
}

impl Visit for InstanceReferences {
    fn visit_expr(&mut self, expr: &Expression) {
        match expr {
            Expression::Variable(name) if matches!(name.as_str(), "count" | "each") => {
                self.found = true;
            }
            _ if self.found => {}
            _ => visit_expr(self, expr),
        }
    }
}

/// How many instances a policy document has, as Terraform knows before `plan`.
#[derive(Debug, Clone)]
pub enum DocumentInstances {
    /// No `count` or `for_each`: a reference names the block itself.
    Single,
    /// A `.tf.json` block, whose `count` and `for_each` riveter does not read: it stands for
    /// every instance, whatever index a reference gives.
    AsWritten,
    /// `count`, known.
    Count(usize),
    /// `for_each` over a known map or set: each key with its `each.value`.
    ForEach(BTreeMap<String, Value>),
    /// A `count` (`each` false) or `for_each` (`each` true) that cannot be known before
    /// `plan`, or that Terraform would reject.
    Unknown { each: bool, cause: Box<Unknown> },
}

impl DocumentInstances {
    fn count(source: &str, count: Value) -> DocumentInstances {
        let reject = |why: String| DocumentInstances::Unknown {
            each: false,
            cause: Unknown::new(source, format!("count = {source}, {why}")),
        };
        match count {
            Value::Unknown(cause) => DocumentInstances::Unknown { each: false, cause },
            Value::Number(n) => match n.to_i64().and_then(|n| usize::try_from(n).ok()) {
                Some(n) => DocumentInstances::Count(n),
                None => reject(format!("which is {n}, not a whole number of 0 or more")),
            },
            other => reject(format!("which is a {}, not a number", other.kind())),
        }
    }

    fn for_each(source: &str, for_each: Value) -> DocumentInstances {
        match for_each {
            Value::Unknown(cause) => DocumentInstances::Unknown { each: true, cause },
            Value::Map(entries) => {
                DocumentInstances::ForEach(entries.into_iter().map(|(k, n)| (k, n.value)).collect())
            }
            // A set of strings: each key is its value.
            Value::List(items) if items.iter().all(|n| matches!(n.value, Value::String(_))) => {
                DocumentInstances::ForEach(
                    items
                        .into_iter()
                        .filter_map(|n| match n.value {
                            Value::String(s) => Some((s.clone(), Value::String(s))),
                            _ => None,
                        })
                        .collect(),
                )
            }
            other => DocumentInstances::Unknown {
                each: true,
                cause: Unknown::new(
                    source,
                    format!(
                        "for_each = {source}, which is a {}, not a map or a set of strings",
                        other.kind()
                    ),
                ),
            },
        }
    }
}

/// A policy document's JSON. One whose statements or principals are dynamic blocks that may be
/// absent is rendered each way they can be: the same text every way is known; otherwise it is
/// unknown, with each way's text a candidate that rules decide on.
fn rendered_document(body: &Value, source: &str) -> Value {
    let render = |body: &Value| match policy_document::render(body) {
        Ok(text) => Value::from_rendered(text, source),
        Err(cause) => Value::Unknown(Unknown::new(source, cause.reason)),
    };
    let (bodies, why) = match ways::ways(body) {
        Ways::One => return render(body),
        Ways::TooMany(why) => {
            let reason = format!(
                "{source}, whose dynamic blocks that may be absent can make more than {} documents, riveter's limit on them: {}",
                ways::MAX_WAYS,
                why.join("; ")
            );
            return Value::Unknown(Unknown::new(source, reason));
        }
        Ways::Several(bodies, why) => (bodies, why),
    };
    let mut documents: Vec<Value> = Vec::new();
    for document in bodies.iter().map(render) {
        if !documents.contains(&document) {
            documents.push(document);
        }
    }
    if documents.len() == 1 {
        return documents.pop().unwrap_or(Value::Null);
    }
    let mut unknown = Unknown::new(
        source,
        format!(
            "{source}, which holds blocks that may be absent: {}",
            why.join("; ")
        ),
    );
    unknown.candidates = documents;
    Value::Unknown(unknown)
}

/// An output's value as its caller sees it: an unknown in it names the output and says what
/// it depends on, since the called module's expression means nothing where it is read.
fn from_output(value: Value, output: &str) -> Value {
    match value {
        Value::Unknown(mut unknown) => {
            unknown.reason = format!("{output}, an output that depends on {}", unknown.reason);
            if let Some(absence) = &mut unknown.absent {
                absence.why = format!(
                    "{output}, an output of another module, may be absent: {}",
                    absence.why
                );
                let present = std::mem::replace(&mut absence.present.value, Value::Null);
                absence.present.value = from_output(present, output);
            }
            // A string with known parts keeps them: the text operators read them.
            if unknown.parts.is_empty() {
                unknown.source = output.to_string();
            }
            Value::Unknown(unknown)
        }
        Value::List(items) => Value::List(
            items
                .into_iter()
                .map(|n| Node::new(from_output(n.value, output), n.span))
                .collect(),
        ),
        Value::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, n)| (k, Node::new(from_output(n.value, output), n.span)))
                .collect(),
        ),
        other => other,
    }
}
