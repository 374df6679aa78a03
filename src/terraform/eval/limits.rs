//! Bounds on evaluation, so that a configuration whose values explode (a local that doubles the
//! previous one forty times, a template repeated into gigabytes, loops a billion iterations
//! deep, a chain of thousands of locals) cannot hang the scan, exhaust its memory or overflow
//! its stack (docs/evaluation.md, "Limits").
//!
//! Every bound is per value or per file, never shared between files: a file that spends its
//! own steps cannot make another file's resources unknown. A value past a bound becomes an
//! unknown whose reason names the bound, and the bound met is recorded as an error on the file
//! and line of the expression, so the scan's verdict is "cannot be trusted" (exit 2) rather
//! than a pass on values riveter gave up on.

use crate::terraform::resource::FileError;
use crate::value::{Span, Value};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// The most values (list elements, map entries and scalars) one value may hold.
pub const MAX_VALUES: usize = 200_000;
/// Ends every reason a bound gives, so that it is not mistaken for an expression Terraform
/// would reject.
pub const LIMIT: &str = "riveter's limit";
/// The most bytes of text one value may hold, its strings and keys together.
pub const MAX_TEXT_BYTES: usize = 4 << 20;
/// The deepest one value may nest (lists and maps within each other). Values are walked,
/// cloned and dropped recursively, so their depth is bounded like the evaluation's.
pub const MAX_VALUE_DEPTH: usize = 128;
/// The most expressions one value may evaluate (every sub-expression, every iteration of a
/// `for`): one local, one output, one instance of a resource's body. The locals and outputs
/// it refers to count on their own. Real modules evaluate a few hundred expressions in all
/// (docs/performance.md).
pub const VALUE_STEPS: u64 = 100_000;
/// How many values copying or reading one costs a step (`Evaluator::charge_for`).
pub const VALUES_PER_STEP: usize = 64;
/// The most expressions one file may evaluate, in one module's evaluation and the evaluations
/// of called modules' outputs it asks for.
pub const FILE_STEPS: u64 = 1_000_000;
/// The deepest evaluation may nest: expressions within expressions, a local that refers to a
/// local, a template that renders a template. Past it the expression is refused before the
/// stack is.
pub const MAX_EVAL_DEPTH: u32 = 256;
/// What one file's resources, data sources and module calls may hold in all, after
/// evaluation, so that copying one large value into every resource cannot exhaust memory.
pub const FILE_VALUES: usize = 2_000_000;
pub const FILE_TEXT_BYTES: usize = 32 << 20;

/// Why a value is too large to keep, or `None` when it is within the bounds.
pub fn oversized(value: &Value) -> Option<String> {
    let mut size = Size::default();
    size.add(value, 0).err()
}

/// How much a value holds: its values and bytes of text.
pub fn measure(value: &Value) -> (usize, usize) {
    let mut size = Size {
        unbounded: true,
        ..Size::default()
    };
    let _ = size.add(value, 0);
    (size.values, size.text)
}

#[derive(Default)]
struct Size {
    values: usize,
    text: usize,
    /// Counting only, for `measure`.
    unbounded: bool,
}

impl Size {
    fn add(&mut self, value: &Value, depth: usize) -> Result<(), String> {
        self.one()?;
        match value {
            Value::String(s) => self.text(s.len()),
            // A string with unknown parts counts as its parts, known and unknown; a value that
            // may be absent, as what it is when it is there.
            Value::Unknown(u) => {
                u.parts.iter().try_for_each(|part| {
                    self.one()?;
                    self.text(part.shown().len())
                })?;
                match &u.absent {
                    Some(absence) => self.add(&absence.present.value, depth + 1),
                    None => Ok(()),
                }
            }
            Value::List(_) | Value::Map(_) if depth >= MAX_VALUE_DEPTH && !self.unbounded => Err(
                format!("a value nested more than {MAX_VALUE_DEPTH} levels deep, {LIMIT}"),
            ),
            Value::List(items) => items.iter().try_for_each(|n| self.add(&n.value, depth + 1)),
            Value::Map(entries) => entries.iter().try_for_each(|(k, n)| {
                self.text(k.len())?;
                self.add(&n.value, depth + 1)
            }),
            _ => Ok(()),
        }
    }

    fn one(&mut self) -> Result<(), String> {
        self.values += 1;
        if self.values > MAX_VALUES && !self.unbounded {
            return Err(format!(
                "a value of more than {MAX_VALUES} elements, {LIMIT}"
            ));
        }
        Ok(())
    }

    fn text(&mut self, bytes: usize) -> Result<(), String> {
        self.text += bytes;
        if self.text > MAX_TEXT_BYTES && !self.unbounded {
            return Err(format!(
                "a value of more than {} MiB of text, {LIMIT}",
                MAX_TEXT_BYTES >> 20
            ));
        }
        Ok(())
    }
}

/// The limits met by one module's evaluation, and its files' steps. Steps rather than
/// seconds, so that the same configuration gives the same verdicts on every machine and thread
/// count. A clone shares it: the outputs of the modules a module calls are evaluated on the
/// same counts, so that calls cannot multiply the work.
#[derive(Default, Clone)]
pub struct Budget {
    /// Steps taken by each file's expressions, by the file's name.
    files: Rc<RefCell<HashMap<Arc<str>, u64>>>,
    /// How deep evaluation is nested now, across locals, templates and called modules.
    depth: Rc<Cell<u32>>,
    /// Every limit met, where it was met, in the order met: each one is an error of the scan.
    /// Sorted and deduplicated when taken.
    met: Rc<RefCell<Vec<FileError>>>,
}

/// A step counted against one file: what was spent of it before, to undo a charge.
pub type FileSteps = HashMap<Arc<str>, u64>;

impl Budget {
    /// Counts `steps` of the expressions of `file`; the reason once the file's steps are
    /// spent.
    pub fn steps(&self, file: &Arc<str>, steps: u64) -> Result<(), String> {
        let mut files = self.files.borrow_mut();
        let spent = files.entry(file.clone()).or_default();
        if *spent + steps > FILE_STEPS {
            *spent = FILE_STEPS;
            return Err(format!(
                "left unevaluated: {file} evaluated {FILE_STEPS} expressions, {LIMIT}"
            ));
        }
        *spent += steps;
        Ok(())
    }

    /// The steps every file has taken so far.
    pub fn used(&self) -> FileSteps {
        self.files.borrow().clone()
    }

    /// Whether adding `more` would spend some file's steps.
    pub fn would_spend(&self, more: &FileSteps) -> bool {
        let files = self.files.borrow();
        more.iter()
            .any(|(file, steps)| files.get(file).copied().unwrap_or(0) + steps >= FILE_STEPS)
    }

    /// The steps taken since `before`, by file.
    pub fn since(&self, before: &FileSteps) -> FileSteps {
        self.files
            .borrow()
            .iter()
            .filter_map(|(file, steps)| {
                let spent = steps - before.get(file).copied().unwrap_or(0);
                (spent > 0).then(|| (file.clone(), spent))
            })
            .collect()
    }

    /// Counts steps taken elsewhere: a called module's outputs evaluated once and reused.
    pub fn charge(&self, steps: &FileSteps) {
        let mut files = self.files.borrow_mut();
        for (file, spent) in steps {
            let total = files.entry(file.clone()).or_default();
            *total = (*total + spent).min(FILE_STEPS);
        }
    }

    /// Enters one level of nested evaluation; the reason when it would be too deep.
    pub fn enter(&self) -> Result<DepthGuard, String> {
        let depth = self.depth.get();
        if depth >= MAX_EVAL_DEPTH {
            return Err(format!(
                "left unevaluated: evaluation nested more than {MAX_EVAL_DEPTH} levels deep, {LIMIT}"
            ));
        }
        self.depth.set(depth + 1);
        Ok(DepthGuard(self.depth.clone()))
    }

    /// Records a limit met by an expression of `file` at `span`.
    pub fn met(&self, file: &Arc<str>, span: Span, reason: &str) {
        self.error(file, span, format!("evaluation limit: {reason}"));
    }

    /// Records an error of evaluation that leaves the scan incomplete (a bound met, a read
    /// refused) at `span` of `file`.
    pub fn error(&self, file: &Arc<str>, span: Span, message: String) {
        self.met.borrow_mut().push(FileError {
            file: file.to_string(),
            line: span.line,
            column: span.column,
            message,
        });
    }

    /// The limits met so far, each once, in file and line order.
    pub fn take_met(&self) -> Vec<FileError> {
        let mut met = std::mem::take(&mut *self.met.borrow_mut());
        met.sort();
        met.dedup();
        met
    }

    /// Records limits met elsewhere: a called module's outputs evaluated once and reused.
    pub fn add_met(&self, errors: &[FileError]) {
        self.met.borrow_mut().extend(errors.iter().cloned());
    }

    /// How many limits have been met so far: where `met_since` starts.
    pub fn met_count(&self) -> usize {
        self.met.borrow().len()
    }

    /// The limits met since `met_count` gave `count`.
    pub fn met_since(&self, count: usize) -> Vec<FileError> {
        self.met.borrow()[count..].to_vec()
    }
}

/// One level of nested evaluation, left when dropped.
pub struct DepthGuard(Rc<Cell<u32>>);

impl Drop for DepthGuard {
    fn drop(&mut self) {
        self.0.set(self.0.get().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Node;

    #[test]
    fn a_file_spends_its_own_steps_only() {
        let budget = Budget::default();
        let (a, b): (Arc<str>, Arc<str>) = ("a.tf".into(), "b.tf".into());
        budget.steps(&a, FILE_STEPS - 1).unwrap();
        budget.steps(&a, 1).unwrap();
        assert!(budget.steps(&a, 1).unwrap_err().ends_with(LIMIT));
        assert!(budget.steps(&b, 1).is_ok());
    }

    #[test]
    fn nesting_is_bounded_and_left_when_dropped() {
        let budget = Budget::default();
        let guards: Vec<_> = (0..MAX_EVAL_DEPTH)
            .map(|_| budget.enter().unwrap())
            .collect();
        assert!(budget.enter().is_err());
        drop(guards);
        assert!(budget.enter().is_ok());
    }

    #[test]
    fn a_value_too_deep_is_oversized() {
        let mut value = Value::Null;
        for _ in 0..MAX_VALUE_DEPTH {
            value = Value::List(vec![Node::bare(value)]);
        }
        assert_eq!(oversized(&value), None);
        let deeper = Value::List(vec![Node::bare(value)]);
        assert!(oversized(&deeper).unwrap().contains("nested more than"));
        assert_eq!(measure(&deeper).0, MAX_VALUE_DEPTH + 2);
    }
}
