//! Which lines of a file's new version a change touched: the lines it added or rewrote, and
//! the places where it removed lines. A block whose lines (or the comments right above it,
//! which may hold a `riveter:ignore`) a change touched is in scope, whatever else it does.

use similar::{Algorithm, DiffOp, TextDiff};
use std::time::{Duration, Instant};

/// How long one file's line diff may search for the smallest diff; past it, the diff found
/// so far stands. A larger diff only marks more lines touched, never fewer.
const DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// How long the line diffs of one change may take in all; past it, each file left counts as
/// touched everywhere. A pull request of many crafted files cannot make the gate hang.
pub const CHANGE_DEADLINE: Duration = Duration::from_secs(20);

/// The touched lines of a file's new version, 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Touched {
    /// Ranges of new lines, `start..=end`.
    lines: Vec<(u32, u32)>,
    /// Lines were removed right after these new lines (0: before the first).
    removed_after: Vec<u32>,
    /// Every line counts as touched: the file is new, or its old version is unknown.
    all: bool,
}

impl Touched {
    /// Every line of the file.
    pub fn all() -> Touched {
        Touched {
            all: true,
            ..Touched::default()
        }
    }

    /// The lines `new` adds or rewrites in `old`; every line once `until` has passed.
    pub fn between(old: &str, new: &str, until: Instant) -> Touched {
        let now = Instant::now();
        if now >= until {
            return Touched::all();
        }
        let diff = TextDiff::configure()
            .algorithm(Algorithm::Myers)
            .deadline((now + DIFF_DEADLINE).min(until))
            .diff_lines(old, new);
        let mut touched = Touched::default();
        for op in diff.ops() {
            let new_range = op.new_range();
            match op {
                DiffOp::Equal { .. } => {}
                DiffOp::Delete { .. } => touched.removed_after.push(new_range.start as u32),
                DiffOp::Insert { .. } | DiffOp::Replace { .. } => {
                    if new_range.is_empty() {
                        touched.removed_after.push(new_range.start as u32);
                    } else {
                        touched
                            .lines
                            .push((new_range.start as u32 + 1, new_range.end as u32));
                    }
                }
            }
        }
        touched
    }

    /// Whether the change touched a block on `first..=last`, or the line right above it (a
    /// blank line that parts a comment from the block, or the comment itself). Lines removed
    /// right below a block do not touch it: no comment there belongs to it.
    pub fn block(&self, first: u32, last: u32) -> bool {
        let above = first.saturating_sub(1);
        self.all
            || self
                .lines
                .iter()
                .any(|&(start, end)| start <= last && above <= end)
            || self
                .removed_after
                .iter()
                .any(|&after| above <= after && after < last)
    }
}

#[cfg(test)]
mod tests {
    use super::{CHANGE_DEADLINE, Touched};
    use std::time::Instant;

    impl Touched {
        fn between_now(old: &str, new: &str) -> Touched {
            Touched::between(old, new, Instant::now() + CHANGE_DEADLINE)
        }
    }

    #[test]
    fn past_the_changes_deadline_every_line_is_touched() {
        assert_eq!(
            Touched::between("a\n", "a\n", Instant::now()),
            Touched::all()
        );
    }

    const OLD: &str =
        "# a\nresource \"x\" \"a\" {\n  v = 1\n}\n\nresource \"x\" \"b\" {\n  v = 2\n}\n";

    #[test]
    fn a_rewritten_line_touches_its_block_only() {
        let new = OLD.replace("v = 2", "v = 3");
        let touched = Touched::between_now(OLD, &new);
        assert!(!touched.block(2, 4));
        assert!(touched.block(6, 8));
    }

    #[test]
    fn a_removed_line_inside_or_right_above_a_block_touches_it() {
        let new = OLD.replace("  v = 1\n", "");
        let touched = Touched::between_now(OLD, &new);
        assert!(touched.block(2, 3));
        assert!(!touched.block(5, 7));
        // A comment removed from right above the second block.
        let old = "resource \"x\" \"a\" {}\n\n# riveter:ignore r\nresource \"x\" \"b\" {}\n";
        let new = "resource \"x\" \"a\" {}\n\nresource \"x\" \"b\" {}\n";
        let touched = Touched::between_now(old, new);
        assert!(touched.block(3, 3));
    }

    #[test]
    fn a_blank_line_added_between_a_comment_and_its_block_touches_the_block() {
        let old = "# riveter:ignore r\nresource \"x\" \"b\" {}\n";
        let new = "# riveter:ignore r\n\nresource \"x\" \"b\" {}\n";
        assert!(Touched::between_now(old, new).block(3, 3));
    }

    #[test]
    fn a_comment_between_blocks_far_from_them_touches_neither() {
        let old = OLD.replace("}\n\nresource", "}\n\n\n\nresource");
        let new = OLD.replace("}\n\nresource", "}\n\n# note\n\n\nresource");
        let touched = Touched::between_now(&old, &new);
        assert!(!touched.block(2, 4));
        assert!(!touched.block(9, 11));
    }
}
