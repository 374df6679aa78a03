//! Bounds on evaluation, so that a configuration whose values explode (a local that doubles the
//! previous one forty times, a template repeated into gigabytes) cannot hang the scan or exhaust
//! memory (docs/evaluation.md, "Limits"). A value past a bound becomes an unknown whose reason
//! names the bound; the module's other values, and the other modules, are unaffected.

use crate::value::Value;
use std::cell::Cell;
use std::rc::Rc;

/// The most values (list elements, map entries and scalars) one value may hold.
pub const MAX_VALUES: usize = 200_000;
/// Ends every reason a bound gives, so that it is not mistaken for an expression Terraform
/// would reject.
pub const LIMIT: &str = "riveter's limit";
/// The most bytes of text one value may hold, its strings and keys together.
pub const MAX_TEXT_BYTES: usize = 4 << 20;
/// The most expressions one module may evaluate (every sub-expression, every iteration of a
/// `for`); past it, what is left is unknown. Real modules evaluate orders of magnitude fewer
/// (docs/performance.md).
pub const MODULE_STEPS: u64 = 1_000_000;

/// Why a value is too large to keep, or `None` when it is within the bounds.
pub fn oversized(value: &Value) -> Option<String> {
    let mut size = Size::default();
    size.add(value).err()
}

#[derive(Default)]
struct Size {
    values: usize,
    text: usize,
}

impl Size {
    fn add(&mut self, value: &Value) -> Result<(), String> {
        self.one()?;
        match value {
            Value::String(s) => self.text(s.len()),
            // A string with unknown parts counts as its parts, known and unknown.
            Value::Unknown(u) => u.parts.iter().try_for_each(|part| {
                self.one()?;
                self.text(part.shown().len())
            }),
            Value::List(items) => items.iter().try_for_each(|n| self.add(&n.value)),
            Value::Map(entries) => entries.iter().try_for_each(|(k, n)| {
                self.text(k.len())?;
                self.add(&n.value)
            }),
            _ => Ok(()),
        }
    }

    fn one(&mut self) -> Result<(), String> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(format!(
                "a value of more than {MAX_VALUES} elements, {LIMIT}"
            ));
        }
        Ok(())
    }

    fn text(&mut self, bytes: usize) -> Result<(), String> {
        self.text += bytes;
        if self.text > MAX_TEXT_BYTES {
            return Err(format!(
                "a value of more than {} MiB of text, {LIMIT}",
                MAX_TEXT_BYTES >> 20
            ));
        }
        Ok(())
    }
}

/// One module's evaluation steps, counted against `MODULE_STEPS`. Steps rather than seconds,
/// so that the same configuration gives the same verdicts on every machine and thread count.
/// The outputs of the modules it calls are evaluated on its budget (a clone shares it), so
/// that calls cannot multiply the work.
#[derive(Default, Clone)]
pub struct Budget {
    steps: Rc<Cell<u64>>,
}

impl Budget {
    /// Counts a step; true once the module's budget is spent.
    pub fn spent(&self) -> bool {
        let steps = self.steps.get();
        if steps >= MODULE_STEPS {
            return true;
        }
        self.steps.set(steps + 1);
        false
    }

    /// The steps counted so far.
    pub fn used(&self) -> u64 {
        self.steps.get()
    }

    /// Counts steps taken elsewhere: a called module's outputs evaluated once and reused.
    pub fn charge(&self, steps: u64) {
        self.steps.set((self.steps.get() + steps).min(MODULE_STEPS));
    }
}
