//! Follows the values a change altered through the modules, as Terraform instantiates them:
//! from a definition to everything that reads it in the same module instance, from a module
//! call's argument to the called instance's variable, from an output to what the caller reads
//! of it, and from a call's `count` or `for_each` to everything the call makes. What is reached
//! is what the change can affect; nothing else is (docs/usage.md, "What a change puts in
//! scope").
//!
//! Instances are followed per call, not per key: the keys of one `count` or `for_each` share
//! their call's arguments, so they are reached together.

use super::definitions::{Altered, Unreadable};
use crate::terraform::{Definition, ModuleGraph, Name};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::Arc;

/// The most module instances (calls, not keys) followed; past it every resource counts as in
/// scope, which is never wrong.
pub const MAX_FRAMES: usize = 100_000;

/// Nesting of module calls followed, as the evaluator follows it.
const MAX_DEPTH: usize = 9;

/// One module instance, without its keys: a root folder and the calls down from it.
#[derive(Debug)]
struct Frame {
    folder: String,
    /// The call in the parent that makes it, and the parent.
    parent: Option<(usize, String)>,
    children: BTreeMap<String, usize>,
    /// `module.app.module.kms.` for messages; empty for a root.
    prefix: String,
}

/// Why something is reached: the alteration it comes from, and the last thing it was reached
/// through.
#[derive(Debug, Clone)]
pub struct Why {
    pub altered: Arc<str>,
    /// The last definition on the way, when the change did not alter the reader's own read.
    pub through: Option<Arc<str>>,
    /// The altered definition itself, not yet followed.
    pub seed: bool,
    /// How the resource depends on it, when not by reading it: `which decides its module
    /// instance`; empty when the alteration's words say it all.
    pub how: Option<&'static str>,
}

impl Why {
    /// The words of a report: `in scope because variables.tf changed var.region, which it reads
    /// through local.name`.
    pub fn explain(&self, how: &str) -> String {
        let how = self.how.unwrap_or(how);
        if how.is_empty() {
            return format!("in scope because {}", self.altered);
        }
        match &self.through {
            Some(through) => {
                format!("in scope because {}, {how} through {through}", self.altered)
            }
            None => format!("in scope because {}, {how}", self.altered),
        }
    }
}

/// The attributes of a resource a change can alter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attributes {
    /// Any of them: its block changed, or what it reads decides whether it exists (`count`,
    /// `for_each`), or what its provider adds.
    All,
    /// These top-level attributes (a nested block under its type).
    Some(BTreeSet<String>),
}

impl Attributes {
    fn add(&mut self, other: Attributes) {
        match (self, other) {
            (Attributes::All, _) => {}
            (this, Attributes::All) => *this = Attributes::All,
            (Attributes::Some(these), Attributes::Some(those)) => these.extend(those),
        }
    }

    /// Whether a rule that reads `read` (`None`: any attribute) can see the change.
    pub fn seen_by(&self, read: Option<&BTreeSet<String>>) -> bool {
        match (self, read) {
            (Attributes::All, _) | (_, None) => true,
            (Attributes::Some(these), Some(read)) => !these.is_disjoint(read),
        }
    }
}

/// What a change reaches, by module instance.
pub struct Reached<'g> {
    graph: &'g ModuleGraph,
    frames: Vec<Frame>,
    by_path: HashMap<(String, Vec<String>), usize>,
    by_folder: HashMap<String, Vec<usize>>,
    /// What each frame's folder reads, inverted: name to the definitions that read it.
    readers: HashMap<String, Readers<'g>>,
    reached: HashMap<(usize, Name), Why>,
    /// For each managed resource reached: the attributes whose values the change can alter.
    attributes: HashMap<(usize, Name), Attributes>,
    /// Frames whose every definition is reached.
    whole: HashMap<usize, Why>,
    /// Every frame: the module tree was too large to follow.
    pub everything: Option<Why>,
    queue: VecDeque<(usize, Name, Why)>,
}

#[derive(Default)]
struct Readers<'g> {
    of: HashMap<&'g Name, Vec<&'g Name>>,
    /// The definitions of managed resources by name, for which attributes read what.
    managed: HashMap<&'g Name, Vec<&'g Definition>>,
    /// Definitions that read something riveter cannot name: they read everything.
    of_anything: Vec<&'g Name>,
    /// The names a call's outputs are read as, by call: `module.app.id`, `module.app`.
    call_outputs: HashMap<&'g str, Vec<&'g Name>>,
}

impl<'g> Reached<'g> {
    /// The module instances of the scan: every folder no other calls, and the calls down
    /// from each.
    pub fn new(graph: &'g ModuleGraph) -> Reached<'g> {
        let mut reached = Reached {
            graph,
            frames: Vec::new(),
            by_path: HashMap::new(),
            by_folder: HashMap::new(),
            readers: HashMap::new(),
            reached: HashMap::new(),
            attributes: HashMap::new(),
            whole: HashMap::new(),
            everything: None,
            queue: VecDeque::new(),
        };
        let called: BTreeSet<&str> = graph
            .modules()
            .flat_map(|(folder, node)| {
                node.named_calls
                    .values()
                    .filter(move |target| target.as_str() != folder)
                    .map(String::as_str)
            })
            .filter(|target| graph.get(target).is_some())
            .collect();
        let roots: Vec<&str> = graph
            .modules()
            .map(|(folder, _)| folder)
            .filter(|folder| !called.contains(folder))
            .collect();
        for root in roots {
            reached.add_tree(root);
        }
        // Modules that only call each other are judged as root modules too.
        let unplaced: Vec<&str> = graph
            .modules()
            .map(|(folder, _)| folder)
            .filter(|folder| !reached.by_folder.contains_key(*folder))
            .collect();
        for folder in unplaced {
            reached.add_tree(folder);
        }
        reached
    }

    fn add_tree(&mut self, root: &str) -> usize {
        let id = self.add(root.to_string(), None, String::new(), Vec::new(), root);
        let mut stack = vec![(id, vec![root.to_string()], Vec::<String>::new())];
        while let Some((parent, chain, path)) = stack.pop() {
            if self.frames.len() > MAX_FRAMES {
                self.everything.get_or_insert(Why {
                    altered: format!(
                        "the scan's modules make more than {MAX_FRAMES} module instances, more than riveter follows"
                    )
                    .into(),
                    through: None,
                    seed: true,
                    how: Some(""),
                });
                return id;
            }
            if chain.len() > MAX_DEPTH {
                continue;
            }
            let folder = self.frames[parent].folder.clone();
            let Some(node) = self.graph.get(&folder) else {
                continue;
            };
            for (call, target) in &node.named_calls {
                if chain.contains(target) || self.graph.get(target).is_none() {
                    continue;
                }
                let prefix = format!("{}module.{call}.", self.frames[parent].prefix);
                let mut path = path.clone();
                path.push(call.clone());
                let child = self.add(
                    target.clone(),
                    Some((parent, call.clone())),
                    prefix,
                    path.clone(),
                    root,
                );
                self.frames[parent].children.insert(call.clone(), child);
                let mut chain = chain.clone();
                chain.push(target.clone());
                stack.push((child, chain, path));
            }
        }
        id
    }

    fn add(
        &mut self,
        folder: String,
        parent: Option<(usize, String)>,
        prefix: String,
        path: Vec<String>,
        root: &str,
    ) -> usize {
        let id = self.frames.len();
        self.by_folder.entry(folder.clone()).or_default().push(id);
        self.by_path.insert((root.to_string(), path), id);
        self.frames.push(Frame {
            folder,
            parent,
            children: BTreeMap::new(),
            prefix,
        });
        id
    }

    /// The frame of a resource: the folder of its root module and the calls down to it.
    pub fn frame(&self, root: &str, calls: &[&str]) -> Option<usize> {
        let path: Vec<String> = calls.iter().map(|c| c.to_string()).collect();
        self.by_path.get(&(root.to_string(), path)).copied()
    }

    /// Follows every alteration to what it reaches.
    /// `files`: each changed file that is not Terraform, with why it matters; what reads it
    /// through a function is reached.
    pub fn follow(
        &mut self,
        altered: &[Altered],
        unreadable: &[Unreadable],
        files: &[(String, Why)],
    ) {
        if self.everything.is_some() {
            return;
        }
        for a in altered {
            let why = Why {
                altered: a.words.clone(),
                through: None,
                seed: true,
                how: None,
            };
            for frame in self.frames_of(&a.folder) {
                let is_root = self.frames[frame].parent.is_none();
                if !a.root_only || is_root {
                    self.queue.push_back((frame, a.name.clone(), why.clone()));
                }
            }
            // A call given another source, added or removed: a folder it named in either
            // version may now be judged as a root module, no call making an instance of it.
            // (The instances calls make are reached through the calls themselves.)
            if matches!(a.name, Name::CallInstances(_)) {
                let decides = Why {
                    how: Some("which decides whether its module is judged as a root module"),
                    ..why.clone()
                };
                for target in &a.call_targets {
                    for frame in self.frames_of(target) {
                        if self.frames[frame].parent.is_none() {
                            self.reach_whole(frame, &decides);
                        }
                    }
                }
            }
            // An output is altered in every instance of its module alike: what the callers read
            // of it is reached, even when the module has no instance left (its folder deleted).
            if let Name::Output(output) = &a.name {
                // Followed from the output, as a reader's reason says.
                let from_output = Why {
                    seed: false,
                    ..why.clone()
                };
                for (caller, call) in self.calls_of_folder(&a.folder) {
                    for frame in self.frames_of(&caller) {
                        for read in [
                            Name::CallOutput(call.clone(), Some(output.clone())),
                            Name::CallOutput(call.clone(), None),
                        ] {
                            self.queue.push_back((frame, read, from_output.clone()));
                        }
                    }
                }
            }
        }
        for u in unreadable {
            let why = Why {
                altered: format!(
                    "{}, so every definition of its module counts as changed",
                    u.words
                )
                .into(),
                through: None,
                seed: true,
                how: Some(""),
            };
            for frame in self.frames_of(&u.folder) {
                self.reach_whole(frame, &why);
            }
            // A folder whose files are gone has no instance left; its callers' calls of it
            // read nothing now.
            for (caller, call) in self.calls_of_folder(&u.folder) {
                for frame in self.frames_of(&caller) {
                    self.queue
                        .push_back((frame, Name::CallInstances(call.clone()), why.clone()));
                }
            }
        }
        for (folder, why) in files.iter().flat_map(|(file, why)| {
            self.graph
                .readers_of(file)
                .map(|f| (f.to_string(), why.clone()))
                .collect::<Vec<_>>()
        }) {
            for frame in self.frames_of(&folder) {
                self.queue.push_back((frame, Name::Files, why.clone()));
            }
        }
        while let Some((frame, name, why)) = self.queue.pop_front() {
            self.visit(frame, name, why);
        }
    }

    /// The folders whose module calls name `folder`, with each call's name.
    fn calls_of_folder(&self, folder: &str) -> Vec<(String, String)> {
        self.graph
            .modules()
            .flat_map(|(caller, node)| {
                node.named_calls
                    .iter()
                    .filter(|(_, target)| *target == folder)
                    .map(move |(call, _)| (caller.to_string(), call.clone()))
            })
            .collect()
    }

    fn frames_of(&self, folder: &str) -> Vec<usize> {
        self.by_folder.get(folder).cloned().unwrap_or_default()
    }

    fn definitions(&self, frame: usize) -> Option<&'g [Definition]> {
        let node = self.graph.get(&self.frames[frame].folder)?;
        node.definitions.as_deref()
    }

    fn visit(&mut self, frame: usize, name: Name, why: Why) {
        if self.whole.contains_key(&frame) || self.reached.contains_key(&(frame, name.clone())) {
            return;
        }
        // A folder whose files did not all parse: what reads what in it is unknown.
        if self.definitions(frame).is_none() {
            self.reach_whole(frame, &why);
            return;
        }
        self.reached.insert((frame, name.clone()), why.clone());
        let shown: Arc<str> = format!("{}{}", self.frames[frame].prefix, name.written()).into();
        let onward = Why {
            altered: why.altered.clone(),
            through: (!why.seed || name == Name::Files).then_some(shown),
            seed: false,
            how: None,
        };
        let folder = self.frames[frame].folder.clone();
        let readers = self.readers(&folder);
        let next: Vec<Name> = readers
            .of
            .get(&name)
            .into_iter()
            .flatten()
            .chain(&readers.of_anything)
            .map(|n| (*n).clone())
            .collect();
        if matches!(name, Name::Managed(..)) && why.seed {
            // Its own block changed: any attribute may have.
            self.note_attributes(frame, &name, Attributes::All);
        }
        for reader in next {
            if matches!(reader, Name::Managed(..)) {
                let attributes = self.attributes_reading(&folder, &reader, &name);
                self.note_attributes(frame, &reader, attributes);
            }
            self.queue.push_back((frame, reader, onward.clone()));
        }
        match &name {
            Name::Output(output) => {
                if let Some((parent, call)) = self.frames[frame].parent.clone() {
                    for read in [
                        Name::CallOutput(call.clone(), Some(output.clone())),
                        Name::CallOutput(call, None),
                    ] {
                        self.queue.push_back((parent, read, onward.clone()));
                    }
                }
            }
            Name::CallArgument(call, argument) => {
                if let Some(&child) = self.frames[frame].children.get(call) {
                    self.queue
                        .push_back((child, Name::Variable(argument.clone()), onward.clone()));
                }
            }
            Name::CallInstances(call) => {
                if let Some(&child) = self.frames[frame].children.get(call) {
                    let decides = Why {
                        how: Some("which decides its module instance"),
                        ..onward.clone()
                    };
                    self.reach_whole(child, &decides);
                }
                // What the caller reads of the call's outputs changes with its instances.
                self.call_outputs_read(frame, call, &onward);
            }
            _ => {}
        }
    }

    fn note_attributes(&mut self, frame: usize, resource: &Name, attributes: Attributes) {
        self.attributes
            .entry((frame, resource.clone()))
            .and_modify(|known| known.add(attributes.clone()))
            .or_insert(attributes);
    }

    /// The attributes of `resource` (in `folder`) that read `name`.
    fn attributes_reading(&mut self, folder: &str, resource: &Name, name: &Name) -> Attributes {
        let definitions = self
            .readers(folder)
            .managed
            .get(resource)
            .cloned()
            .unwrap_or_default();
        let mut found = BTreeSet::new();
        for d in &definitions {
            for (attribute, reads) in &d.attributes {
                if reads.iter().any(|r| r == name || *r == Name::Anything) {
                    found.insert(attribute.clone());
                }
            }
        }
        // Read otherwise than by an attribute (its provider's defaults), by several blocks of
        // one name, or by what decides its instances: any attribute may change.
        let decides = ["count", "for_each", "provider", "dynamic"];
        if found.is_empty() || definitions.len() != 1 || decides.iter().any(|d| found.contains(*d))
        {
            Attributes::All
        } else {
            Attributes::Some(found)
        }
    }

    /// Every definition of a frame, and of the instances it calls, is reached.
    fn reach_whole(&mut self, frame: usize, why: &Why) {
        if self.whole.contains_key(&frame) {
            return;
        }
        self.whole.insert(frame, why.clone());
        let children: Vec<usize> = self.frames[frame].children.values().copied().collect();
        for child in children {
            self.reach_whole(child, why);
        }
        if let Some((parent, call)) = self.frames[frame].parent.clone() {
            self.call_outputs_read(parent, &call, why);
        }
    }

    /// Everything a frame's caller reads of one of its calls' outputs.
    fn call_outputs_read(&mut self, frame: usize, call: &str, why: &Why) {
        let folder = self.frames[frame].folder.clone();
        let names: Vec<Name> = self
            .readers(&folder)
            .call_outputs
            .get(call)
            .into_iter()
            .flatten()
            .map(|n| (*n).clone())
            .collect();
        for name in names {
            self.queue.push_back((frame, name, why.clone()));
        }
    }

    fn readers(&mut self, folder: &str) -> &Readers<'g> {
        let graph = self.graph;
        self.readers.entry(folder.to_string()).or_insert_with(|| {
            let mut readers = Readers::default();
            let definitions = graph
                .get(folder)
                .and_then(|n| n.definitions.as_deref())
                .unwrap_or_default();
            for d in definitions {
                if matches!(d.name, Name::Managed(..)) {
                    readers.managed.entry(&d.name).or_default().push(d);
                }
                for read in &d.reads {
                    match read {
                        Name::Anything => readers.of_anything.push(&d.name),
                        Name::CallOutput(call, _) => {
                            readers.call_outputs.entry(call).or_default().push(read);
                            readers.of.entry(read).or_default().push(&d.name);
                        }
                        _ => readers.of.entry(read).or_default().push(&d.name),
                    }
                }
            }
            readers
        })
    }

    /// Why a definition of a frame is reached, if it is.
    pub fn why(&self, frame: usize, name: &Name) -> Option<&Why> {
        self.everything
            .as_ref()
            .or_else(|| self.whole.get(&frame))
            .or_else(|| self.reached.get(&(frame, name.clone())))
    }

    /// Why a managed resource of a frame is reached where a rule reading `read` (its
    /// top-level attributes; `None`: any) can see it, if it is.
    pub fn why_seen(
        &self,
        frame: usize,
        name: &Name,
        read: Option<&BTreeSet<String>>,
    ) -> Option<&Why> {
        if let Some(why) = self.everything.as_ref().or_else(|| self.whole.get(&frame)) {
            return Some(why);
        }
        let why = self.reached.get(&(frame, name.clone()))?;
        let attributes = self.attributes.get(&(frame, name.clone()));
        attributes.is_none_or(|a| a.seen_by(read)).then_some(why)
    }

    /// Why some argument of a call of a frame is reached: a finding on a `module` block.
    pub fn why_call(&self, frame: usize, call: &str) -> Option<&Why> {
        if let Some(why) = self.why(frame, &Name::CallInstances(call.to_string())) {
            return Some(why);
        }
        let definitions = self.definitions(frame).unwrap_or_default();
        definitions.iter().find_map(|d| match &d.name {
            Name::CallArgument(c, _) if c == call => self.reached.get(&(frame, d.name.clone())),
            _ => None,
        })
    }

    /// The managed resources reached, with their frames, and the definitions of each frame's
    /// folder (for the relations).
    pub fn reached_managed(&self) -> impl Iterator<Item = (usize, &Name, &Why)> {
        self.reached.iter().filter_map(|((frame, name), why)| {
            matches!(name, Name::Managed(..)).then_some((*frame, name, why))
        })
    }

    /// The frames reached whole, and why.
    pub fn whole_frames(&self) -> impl Iterator<Item = (usize, &Why)> {
        self.whole.iter().map(|(f, w)| (*f, w))
    }

    /// The blocks of a frame's folder that declare the managed resource `name`: one, or none
    /// when the scan does not hold its block.
    pub fn managed(&mut self, frame: usize, name: &Name) -> Vec<&'g Definition> {
        let folder = self.frames[frame].folder.clone();
        self.readers(&folder)
            .managed
            .get(name)
            .cloned()
            .unwrap_or_default()
    }

    /// What a frame's folder defines.
    pub fn folder_definitions(&self, frame: usize) -> &'g [Definition] {
        self.definitions(frame).unwrap_or_default()
    }

    pub fn graph(&self) -> &'g ModuleGraph {
        self.graph
    }

    /// Whether a folder has a module instance in the scan.
    pub fn has_frames(&self, folder: &str) -> bool {
        self.by_folder.contains_key(folder)
    }

    pub fn folder_of_frame(&self, frame: usize) -> &str {
        &self.frames[frame].folder
    }
}
