//! Values that may be absent (docs/rules.md, "Values that may be absent"): a value that is null
//! on some path Terraform may take (`try(…, null)`, a conditional with a `null` branch, a
//! nullable variable without a value), and the blocks of a dynamic block whose `for_each` is not
//! known. Such a value is never read as present: an operator decides on it what it decides both
//! when the value is absent (what it says on a key that is not set) and when it is there;
//! otherwise it is unknown.
//!
//! An operator is given here as a `Tester`, so that the operators can use this module without
//! this module using them.

use super::key::{Resolution, Through};
use super::verdict::Verdict;
use crate::value::{Absence, Node, Number, Unknown, Value};
use std::collections::HashMap;

/// What this module needs of an operator.
pub trait Tester {
    /// The verdict on a value.
    fn verdict(&self, expected: Option<&Value>, actual: &Value) -> Verdict;
    /// The verdict on a key that is not set.
    fn verdict_if_missing(&self, expected: Option<&Value>) -> Verdict;
    /// For an operator that compares lengths, the number it compares them with.
    fn compared_length(&self, expected: Option<&Value>) -> Option<Number>;
    /// For an operator that compares lengths, the verdict on `length`.
    fn verdict_on_length(&self, expected: Option<&Value>, length: &Number) -> Verdict;
    /// Whether the verdict on a list depends on how many times its elements are repeated
    /// (equality does, membership does not).
    fn counts_repeats(&self) -> bool;
    /// Whether the operator compares lengths.
    fn compares_lengths(&self) -> bool;
}

/// The most ways a list of blocks is tried when dynamic blocks in it may be absent (each such
/// dynamic block doubles them) or differ between instances (each multiplies them by its
/// instances). Past it, the verdict is unknown.
const MAX_WORLDS: usize = 256;

/// The verdict on a value that may be absent, or on a list of blocks that holds blocks that
/// may be absent; `None` for every other value.
pub fn test(tester: &impl Tester, expected: Option<&Value>, actual: &Value) -> Option<Verdict> {
    match actual {
        Value::Unknown(unknown) => {
            let absence = unknown.absence()?;
            let present = if absence.blocks {
                blocks(
                    tester,
                    expected,
                    std::slice::from_ref(&absence_node(actual)),
                )
            } else {
                tester.verdict(expected, &absence.present.value)
            };
            Some(same(tester.verdict_if_missing(expected), present))
        }
        Value::List(items)
            if items
                .iter()
                .any(|item| !matches!(item_of(&item.value), Item::Set)) =>
        {
            Some(blocks(tester, expected, items))
        }
        _ => None,
    }
}

/// What an item of a list of blocks stands for.
enum Item<'a> {
    /// One block (or any other value).
    Set,
    /// The blocks of a dynamic block that may be absent.
    MaybeAbsent(&'a Absence, &'a [Node]),
    /// One block of a dynamic block whose `for_each` differs between the instances of its
    /// resource: the one each instance has.
    PerInstance(&'a [Value]),
}

/// How many blocks an item of a list of blocks stands for: the fewest and the most (`None`:
/// any number).
fn count(item: &Value) -> (usize, Option<usize>) {
    match item_of(item) {
        Item::Set => (1, Some(1)),
        Item::MaybeAbsent(absence, _) if absence.any_number => (0, None),
        Item::MaybeAbsent(_, blocks) => (0, Some(blocks.len())),
        Item::PerInstance(candidates) => {
            let counts: Vec<(usize, Option<usize>)> = candidates.iter().map(count).collect();
            let fewest = counts.iter().map(|c| c.0).min().unwrap_or(1);
            let most = counts
                .iter()
                .try_fold(0, |most, c| c.1.map(|n| most.max(n)));
            (fewest, most)
        }
    }
}

fn item_of(value: &Value) -> Item<'_> {
    if let Some((absence, blocks)) = absent_blocks(value) {
        return Item::MaybeAbsent(absence, blocks);
    }
    match value {
        Value::Unknown(unknown)
            if !unknown.candidates.is_empty()
                && unknown.absent.as_ref().is_some_and(|a| a.blocks) =>
        {
            Item::PerInstance(&unknown.candidates)
        }
        _ => Item::Set,
    }
}

/// A standalone dynamic block that may be absent, as the one item of its list of blocks.
fn absence_node(value: &Value) -> Node {
    Node::bare(value.clone())
}

/// The same verdict, or unknown.
fn same(a: Verdict, b: Verdict) -> Verdict {
    if a == b { a } else { Verdict::Unknown }
}

/// The blocks of a dynamic block that may be absent, when `node` stands for them in a list.
fn absent_blocks(value: &Value) -> Option<(&Absence, &[Node])> {
    let Value::Unknown(unknown) = value else {
        return None;
    };
    let absence = unknown.absence().filter(|a| a.blocks)?;
    match &absence.present.value {
        Value::List(blocks) => Some((absence, blocks)),
        _ => None,
    }
}

/// The verdict on a list of blocks, some of which may be absent: the length operators compare
/// every length the list may have; the others are tried on the list with each such dynamic
/// block's blocks there and not there (an empty list is a key that is not set).
fn blocks(tester: &impl Tester, expected: Option<&Value>, items: &[Node]) -> Verdict {
    if tester.compares_lengths() {
        let (mut least, mut most) = (0usize, Some(0usize));
        for item in items {
            let (fewest, at_most) = count(&item.value);
            least += fewest;
            most = most.zip(at_most).map(|(m, n)| m + n);
        }
        return lengths(tester, expected, least, most);
    }
    let any_number = items.iter().any(
        |item| matches!(item_of(&item.value), Item::MaybeAbsent(absence, _) if absence.any_number),
    );
    if any_number && tester.counts_repeats() {
        return Verdict::Unknown;
    }
    let mut worlds: Vec<Vec<Node>> = vec![Vec::new()];
    for item in items {
        let options: Vec<Vec<Node>> = match item_of(&item.value) {
            Item::Set => {
                worlds.iter_mut().for_each(|world| world.push(item.clone()));
                continue;
            }
            Item::MaybeAbsent(_, blocks) => vec![Vec::new(), blocks.to_vec()],
            Item::PerInstance(candidates) => candidates
                .iter()
                .map(|block| vec![Node::new(block.clone(), item.span)])
                .collect(),
        };
        if worlds.len() * options.len() > MAX_WORLDS {
            return Verdict::Unknown;
        }
        worlds = worlds
            .iter()
            .flat_map(|world| {
                options
                    .iter()
                    .map(move |option| world.iter().chain(option).cloned().collect())
            })
            .collect();
    }
    let mut verdicts = worlds.into_iter().map(|world| {
        if world.is_empty() {
            tester.verdict_if_missing(expected)
        } else {
            tester.verdict(expected, &Value::List(world))
        }
    });
    let first = verdicts.next().unwrap_or(Verdict::Unknown);
    verdicts.fold(first, same)
}

/// A length comparison on every length from `least` to `most` (`None`: any number).
fn lengths(
    tester: &impl Tester,
    expected: Option<&Value>,
    least: usize,
    most: Option<usize>,
) -> Verdict {
    let low = Number::count(least);
    let Some(bound) = tester.compared_length(expected) else {
        return tester.verdict_on_length(expected, &low);
    };
    // A comparison's verdict changes only at the bound, so the ends of the range and the bound
    // (when it is a length in the range) give every verdict it has.
    let high = match most {
        Some(most) => Number::count(most),
        None => {
            let above = if bound.compare(&low).is_gt() {
                &bound
            } else {
                &low
            };
            match above.add(&Number::count(1)) {
                Ok(high) => high,
                Err(_) => return Verdict::Unknown,
            }
        }
    };
    let mut points = vec![low.clone(), high.clone()];
    let whole = bound.floor().is_ok_and(|f| f.compare(&bound).is_eq());
    if whole && bound.compare(&low).is_ge() && bound.compare(&high).is_le() {
        points.push(bound);
    }
    let mut verdicts = points
        .iter()
        .map(|length| tester.verdict_on_length(expected, length));
    let first = verdicts.next().unwrap_or(Verdict::Unknown);
    verdicts.fold(first, same)
}

/// The verdict on everything a key resolved to. Assertions need every value to pass; filters
/// need one (docs/rules.md, "Outcomes"). A value reached through one that may be absent, or
/// through one instance's value, is there in some cases and not in others: the verdict is the
/// one every case gives, or unknown.
pub fn verdict_on_resolution(
    tester: &impl Tester,
    expected: Option<&Value>,
    resolution: &Resolution,
    any: bool,
) -> Verdict {
    if resolution.undecided.is_some() {
        return Verdict::Unknown;
    }
    let join = |a: Option<Verdict>, b: Option<Verdict>| match (a, b) {
        (None, b) => b,
        (a, None) => a,
        (Some(a), Some(b)) => Some(if any {
            Verdict::any([a, b])
        } else {
            Verdict::all([a, b])
        }),
    };
    // The values reached for certain, and the others by what they were reached through: each
    // a group whose values are there together, or not at all.
    let mut certain: Option<Verdict> = None;
    let mut groups: Vec<Group> = Vec::new();
    // Where each unknown's group is: a hostile file's thousands of dynamic blocks must not cost
    // their square.
    let mut places: HashMap<*const Unknown, usize> = HashMap::new();
    for (node, through) in resolution.values.iter().zip(&resolution.through) {
        let verdict = Some(tester.verdict(expected, &node.value));
        let Some(through) = through else {
            certain = join(certain, verdict);
            continue;
        };
        let (unknown, case) = match through {
            Through::Absent(unknown) => (*unknown, 1),
            Through::Candidate(unknown, i) => (*unknown, *i),
        };
        let at = *places
            .entry(std::ptr::from_ref(unknown))
            .or_insert_with(|| {
                groups.push(Group::new(through));
                groups.len() - 1
            });
        let group = &mut groups[at];
        group.cases[case] = join(group.cases[case], verdict);
    }
    // Every verdict the cases can give, the groups taken as independent of each other: a
    // verdict that is the same in every one of them is decided.
    let mut reachable: Vec<Option<Verdict>> = vec![certain];
    for group in &groups {
        let mut next = Vec::new();
        for state in &reachable {
            for case in &group.cases {
                let joined = join(*state, *case);
                if !next.contains(&joined) {
                    next.push(joined);
                }
            }
        }
        reachable = next;
    }
    let mut verdicts = reachable
        .into_iter()
        .map(|v| v.unwrap_or_else(|| tester.verdict_if_missing(expected)));
    let first = verdicts.next().unwrap_or(Verdict::Unknown);
    verdicts.fold(first, same)
}

/// Values reached through one unknown: for a value that may be absent, its two cases (not
/// there, there); for an unknown with candidates, one case per candidate.
struct Group {
    cases: Vec<Option<Verdict>>,
}

impl Group {
    fn new(through: &Through) -> Group {
        let cases = match through {
            Through::Absent(_) => 2,
            Through::Candidate(unknown, _) => unknown.candidates.len(),
        };
        Group {
            cases: vec![None; cases],
        }
    }
}

/// The verdict if every value that may be absent were there, for messages that say what fails
/// where it is set.
pub fn verdict_where_set(
    tester: &impl Tester,
    expected: Option<&Value>,
    values: &[&Node],
    any: bool,
) -> Verdict {
    let verdicts = values.iter().map(|node| match &node.value {
        Value::Unknown(unknown) => match unknown.absence() {
            Some(absence) => tester.verdict(expected, &absence.present.value),
            None => tester.verdict(expected, &node.value),
        },
        Value::List(items)
            if items
                .iter()
                .any(|item| absent_blocks(&item.value).is_some()) =>
        {
            let all: Vec<Node> = items
                .iter()
                .flat_map(|item| match absent_blocks(&item.value) {
                    Some((_, blocks)) => blocks.to_vec(),
                    None => vec![item.clone()],
                })
                .collect();
            tester.verdict(expected, &Value::List(all))
        }
        other => tester.verdict(expected, other),
    });
    if any {
        Verdict::any(verdicts)
    } else {
        Verdict::all(verdicts)
    }
}

/// Why what a key reached may not be there, each reason once, in the order met.
pub fn why_absent<'a>(resolution: &Resolution<'a>) -> Vec<&'a str> {
    let mut why: Vec<&'a str> = Vec::new();
    if let Some(unknown) = resolution.undecided {
        absences_in(unknown, &mut why);
    }
    for (node, through) in resolution.values.iter().zip(&resolution.through) {
        if let Some(Through::Absent(unknown)) = through {
            absences_in(unknown, &mut why);
        }
        match &node.value {
            Value::Unknown(unknown) => absences_in(unknown, &mut why),
            Value::List(items) => {
                for item in items {
                    if let Value::Unknown(unknown) = &item.value {
                        absences_in(unknown, &mut why);
                    }
                }
            }
            _ => {}
        }
    }
    why
}

/// Why an unknown, or what its instances have, may not be there.
fn absences_in<'a>(unknown: &'a Unknown, why: &mut Vec<&'a str>) {
    if unknown.candidates.is_empty() {
        if let Some(absence) = &unknown.absent
            && !why.contains(&absence.why.as_str())
        {
            why.push(&absence.why);
        }
        return;
    }
    for candidate in &unknown.candidates {
        if let Value::Unknown(candidate) = candidate {
            absences_in(candidate, why);
        }
    }
}

/// The reasons of the unknowns whose candidates (the values of the instances) a key went
/// through: what differs between the instances.
pub fn differs_by_instance<'a>(resolution: &Resolution<'a>) -> Vec<&'a str> {
    let mut reasons: Vec<&'a str> = Vec::new();
    for through in resolution.through.iter().flatten() {
        if let Through::Candidate(unknown, _) = through
            && !reasons.contains(&unknown.reason.as_str())
        {
            reasons.push(&unknown.reason);
        }
    }
    reasons
}

/// The reasons of the unknowns in what a key reached, other than its values that may be absent
/// (whose reason `why_absent` gives): what they depend on.
pub fn depends_on<'a>(values: &[&'a Node]) -> Vec<&'a str> {
    let mut reasons: Vec<&'a str> = Vec::new();
    for node in values {
        let Some(unknown) = node.value.first_unknown() else {
            continue;
        };
        if unknown.absent.is_some() {
            continue;
        }
        if !reasons.contains(&unknown.reason.as_str()) {
            reasons.push(&unknown.reason);
        }
    }
    reasons
}
