//! The three outcomes of a test on one value: a value that cannot be known before `plan` makes
//! most comparisons unknown rather than wrong.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Pass,
    Fail,
    Unknown,
}

impl Verdict {
    pub(super) fn from_bool(b: bool) -> Verdict {
        if b { Verdict::Pass } else { Verdict::Fail }
    }

    pub fn negate(self) -> Verdict {
        match self {
            Verdict::Pass => Verdict::Fail,
            Verdict::Fail => Verdict::Pass,
            Verdict::Unknown => Verdict::Unknown,
        }
    }

    /// Every one must pass: one failure decides, else one unknown does.
    pub fn all(verdicts: impl IntoIterator<Item = Verdict>) -> Verdict {
        let mut result = Verdict::Pass;
        for v in verdicts {
            match v {
                Verdict::Fail => return Verdict::Fail,
                Verdict::Unknown => result = Verdict::Unknown,
                Verdict::Pass => {}
            }
        }
        result
    }

    /// One must pass: one pass decides, else one unknown does.
    pub fn any(verdicts: impl IntoIterator<Item = Verdict>) -> Verdict {
        Verdict::all(verdicts.into_iter().map(Verdict::negate)).negate()
    }
}
