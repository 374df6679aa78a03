//! What one module (a directory) knows: its variables' values, its locals (evaluated when first
//! used, in whatever order they reference each other), and its `aws_iam_policy_document`s.

use super::Evaluator;
use super::limits::Budget;
use crate::terraform::policy_document;
use crate::terraform::source::SourceFile;
use crate::value::{Unknown, Value};
use hcl::edit::expr::Expression;
use hcl::edit::structure::Body;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// A block body in either syntax.
#[derive(Clone, Copy)]
pub enum BodyRef<'t> {
    Hcl(&'t Body),
    /// Terraform's JSON syntax: the block is an object.
    Json(&'t Expression),
}

#[derive(Debug, Clone, PartialEq)]
pub enum VariableValue {
    Known(Value),
    /// Declared, with no default and no value given.
    NoValue,
    /// Given a value its type constraint rejects.
    Invalid(String),
}

/// A local, or a policy document, being evaluated: `None` while in progress, to find cycles.
type Memo = RefCell<HashMap<String, Option<Value>>>;

pub struct Scope<'t> {
    /// Where `file()` and `templatefile()` read, and what they may not leave.
    module_dir: PathBuf,
    scan_root: PathBuf,
    variables: HashMap<String, VariableValue>,
    locals: HashMap<String, (&'t SourceFile, &'t Expression)>,
    local_values: Memo,
    documents: HashMap<String, (&'t SourceFile, BodyRef<'t>)>,
    document_values: Memo,
    /// The locals being evaluated, outermost first, to name a cycle.
    in_progress: RefCell<Vec<String>>,
    reported_cycles: RefCell<BTreeSet<Vec<String>>>,
    warnings: RefCell<Vec<String>>,
    /// The module's evaluation steps, against `limits::MODULE_STEPS`.
    pub(super) budget: Budget,
}

impl<'t> Scope<'t> {
    pub fn new(module_dir: &Path, scan_root: &Path) -> Scope<'t> {
        Scope {
            module_dir: module_dir.to_path_buf(),
            scan_root: scan_root.to_path_buf(),
            variables: HashMap::new(),
            locals: HashMap::new(),
            local_values: RefCell::default(),
            documents: HashMap::new(),
            document_values: RefCell::default(),
            in_progress: RefCell::default(),
            reported_cycles: RefCell::default(),
            warnings: RefCell::default(),
            budget: Budget::default(),
        }
    }

    pub fn set_variable(&mut self, name: &str, value: VariableValue) {
        self.variables.insert(name.to_string(), value);
    }

    pub fn add_local(&mut self, name: &str, file: &'t SourceFile, expr: &'t Expression) {
        self.locals.insert(name.to_string(), (file, expr));
    }

    pub fn add_policy_document(&mut self, name: &str, file: &'t SourceFile, body: BodyRef<'t>) {
        self.documents.insert(name.to_string(), (file, body));
    }

    pub fn module_dir(&self) -> &Path {
        &self.module_dir
    }

    pub fn scan_root(&self) -> &Path {
        &self.scan_root
    }

    pub fn take_warnings(&self) -> Vec<String> {
        std::mem::take(&mut self.warnings.borrow_mut())
    }

    pub fn variable(&self, name: &str) -> Value {
        let source = format!("var.{name}");
        match self.variables.get(name) {
            Some(VariableValue::Known(value)) => value.clone(),
            Some(VariableValue::NoValue) => Value::Unknown(Unknown::new(
                &source,
                format!("{source}, which has no value"),
            )),
            Some(VariableValue::Invalid(why)) => Value::Unknown(Unknown::new(
                &source,
                format!("{source}, whose value {why}"),
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

    /// `path.module` and `path.root` are `.`: relative paths are read from the module's folder.
    pub fn path(&self, which: &str) -> Option<String> {
        match which {
            "module" | "root" | "cwd" => Some(".".into()),
            _ => None,
        }
    }

    /// The `json` (or `minified_json`) of `data "aws_iam_policy_document" "name"`.
    pub fn policy_document(&self, name: &str, minified: bool) -> Option<Value> {
        let key = format!("{name}/{minified}");
        if let Some(state) = self.document_values.borrow().get(&key) {
            let source = format!("data.aws_iam_policy_document.{name}");
            return Some(state.clone().unwrap_or_else(|| {
                Value::Unknown(Unknown::new(
                    &source,
                    format!("{source}, which includes itself"),
                ))
            }));
        }
        let (file, body) = self.documents.get(name).copied()?;
        self.document_values.borrow_mut().insert(key.clone(), None);
        let mut evaluator = Evaluator::new(self, file);
        let body_value = match body {
            BodyRef::Hcl(body) => evaluator.body(body),
            BodyRef::Json(expr) => evaluator.attribute(expr).value,
        };
        let source = format!("data.aws_iam_policy_document.{name}.json");
        let value = match policy_document::render(&body_value, minified) {
            Ok(text) => Value::from_rendered(text, &source),
            Err(cause) => Value::Unknown(Unknown::new(source, cause.reason)),
        };
        self.document_values
            .borrow_mut()
            .insert(key, Some(value.clone()));
        Some(value)
    }
}
