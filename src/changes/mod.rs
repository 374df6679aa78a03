//! What a change puts in scope: the resources whose verdicts it can alter, and nothing else
//! (docs/usage.md, "What a change puts in scope"). A resource is in scope when the change
//! touched its block's lines, altered a definition it reads (through any chain, across module
//! calls), altered a resource a relation relates it to, or changed a file every verdict
//! depends on (a rule file, the config, the baseline). A finding outside the changed lines
//! says why it is in scope.
//!
//! `git` reads the change, `lines` which lines it touched, `definitions` which definitions it
//! altered, `follow` what those reach through the module instances.

mod definitions;
mod follow;
mod git;
mod lines;

pub use git::{Change, Version, Versions, from_git, revision, versions};

use crate::findings::{Finding, Outcome, Report};
use crate::rules::RelationKind;
use crate::rules::{Rule, TypeSelector};
use crate::scan;
use crate::terraform::{BlockKind, CommandLineVariable, Name, display_path};
use definitions::{Alterations, Altered};
use follow::{Reached, Why};
use lines::Touched;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

/// Changed files, relative to the repository root with `/` separators. A renamed file counts
/// under both its names, a deleted one under its old name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangedFiles {
    files: BTreeSet<String>,
}

/// What the config file is called in messages.
const CONFIG: &str = "the config file";

/// The files that decide every verdict, by their path relative to the repository root: rule
/// files and folders, pack files, the config file, the baseline, and the `--var-file` files
/// every module is given. A change to one puts every resource in scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Judges {
    files: Vec<(String, &'static str)>,
    /// Folders of rule files: their own `.yml` and `.yaml` files are loaded.
    rule_folders: Vec<String>,
    /// The catalogs of pack files (`checks/` beside each): any file under one may be a check
    /// the pack names.
    pack_folders: Vec<String>,
}

impl Judges {
    /// The files a scan with these options is judged by: its rule files and folders, pack
    /// files, config file, baseline and `--var-file` files.
    pub fn of(options: &scan::Options) -> Judges {
        let mut judges = Judges::default();
        let name = |path: &Path| {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            display_path(&absolute, &options.root)
        };
        // A file given through a symbolic link judges under the name it leads to too.
        let root = options
            .root
            .canonicalize()
            .unwrap_or_else(|_| options.root.clone());
        let resolved = |path: &Path| {
            path.canonicalize()
                .ok()
                .filter(|p| p.starts_with(&root))
                .map(|p| display_path(&p, &root))
        };
        for rules in &options.rules.files {
            let path = Path::new(rules);
            if path.is_dir() {
                judges.add_rule_folder(&name(path));
                if let Some(folder) = resolved(path) {
                    judges.add_rule_folder(&folder);
                }
            } else {
                judges.add_file(&name(path), "a rule file");
                if let Some(file) = resolved(path) {
                    judges.add_file(&file, "a rule file");
                }
            }
        }
        // A built-in pack's name is not a file; a pack given as a file is, with the catalog
        // of checks beside it (`checks/`, docs/rule-packs.md).
        for pack in options.rules.packs.iter().map(Path::new) {
            if pack.is_file() {
                judges.add_file(&name(pack), "a rule pack");
                let checks = pack.parent().unwrap_or(Path::new(".")).join("checks");
                for folder in [Some(name(&checks)), resolved(&checks)]
                    .into_iter()
                    .flatten()
                {
                    judges.add_pack_folder(&folder);
                }
            }
        }
        if let Some(config) = &options.config {
            judges.add_file(&name(config), CONFIG);
        }
        if let Some(baseline) = options
            .suppressions
            .as_ref()
            .and_then(|s| s.baseline.as_ref())
        {
            judges.add_file(&name(baseline), "the baseline");
        }
        for variables in &options.variables {
            if let CommandLineVariable::File(file) = variables {
                judges.add_file(&name(file), "a --var-file every module is given");
            }
        }
        // The planned values judged come from these files, not from the scanned source.
        for plan in options.plans.iter().map(Path::new).filter(|p| p.is_file()) {
            judges.add_file(&name(plan), "a plan judged");
        }
        for state in options.states.iter().map(Path::new).filter(|p| p.is_file()) {
            judges.add_file(&name(state), "a state judged");
        }
        judges
    }

    /// The config file, when the change touched it: its settings (which rules run) are the
    /// change's own, which the caller should say.
    pub fn config_changed<'a>(&'a self, changed: &ChangedFiles) -> Option<&'a str> {
        self.files
            .iter()
            .find(|(path, what)| *what == CONFIG && changed.contains(path))
            .map(|(path, _)| path.as_str())
    }

    /// `what` names the kind of file in messages: "a rule file", "the baseline".
    pub fn add_file(&mut self, path: &str, what: &'static str) {
        self.files.push((normalized(path), what));
    }

    pub fn add_rule_folder(&mut self, path: &str) {
        self.rule_folders.push(normalized(path));
    }

    pub fn add_pack_folder(&mut self, path: &str) {
        self.pack_folders.push(normalized(path));
    }

    /// Why everything is in scope: the first judging file the change touched.
    fn changed(&self, changed: &ChangedFiles) -> Option<String> {
        let everything =
            |file: &str, what: &str| format!("in scope because {file} ({what}) changed");
        let file = self
            .files
            .iter()
            .find_map(|(path, what)| changed.contains(path).then(|| everything(path, what)));
        file.or_else(|| {
            changed
                .files
                .iter()
                .find(|file| {
                    (file.ends_with(".yml") || file.ends_with(".yaml"))
                        && self
                            .rule_folders
                            .iter()
                            .any(|folder| folder_of(file) == folder)
                })
                .map(|file| everything(file, "a rule file"))
        })
        .or_else(|| {
            changed
                .files
                .iter()
                .find(|file| {
                    self.pack_folders
                        .iter()
                        .any(|folder| folder.is_empty() || file.starts_with(&format!("{folder}/")))
                })
                .map(|file| everything(file, "in the checks of a rule pack"))
        })
    }
}

fn normalized(path: &str) -> String {
    let path = path.trim().replace('\\', "/");
    let path = path.trim_start_matches("./").trim_end_matches('/');
    if path == "." {
        String::new()
    } else {
        path.to_string()
    }
}

impl ChangedFiles {
    pub fn new(paths: impl IntoIterator<Item = String>) -> ChangedFiles {
        ChangedFiles {
            files: paths
                .into_iter()
                .map(|p| normalized(&p))
                .filter(|p| !p.is_empty())
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Whether the file itself changed.
    pub fn contains(&self, file: &str) -> bool {
        self.files.contains(file)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(String::as_str)
    }
}

/// The folder of a path relative to the scan root, `""` for the root.
pub fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Whether a finding is in scope, and why when it is not for its own lines.
#[derive(Debug, Clone)]
enum Verdict {
    Out,
    /// The change touched the block's lines (or the rule selected nothing at all).
    Own,
    Because(Arc<str>),
}

/// What a change touched and reached, ready to place each finding.
struct Scope<'r> {
    everything: Option<Arc<str>>,
    /// Changed files with what they touched in the new version, and the new version's text.
    touched: HashMap<String, (Touched, Option<String>)>,
    reached: Reached<'r>,
    /// By rule: what its relations bring into scope.
    relations: HashMap<usize, RelationScope>,
    /// By rule: the top-level attributes its keys read; `None` when it may read any.
    rule_attributes: Vec<Option<BTreeSet<String>>>,
}

/// What a rule's relations bring into scope beyond what the resource itself reads.
#[derive(Default)]
struct RelationScope {
    /// Every resource of the rule: a related resource that may name one by a value riveter
    /// does not follow back was altered.
    all: Option<Arc<str>>,
    /// Resources (by frame and name) a reached related resource refers to directly.
    some: HashMap<(usize, Name), Arc<str>>,
    /// For `refers_to`: a resource of the other type was reached; the rule's resources whose
    /// own attribute does not refer to that type by reference alone are in scope. The
    /// attribute, the other type, and why.
    refers: Vec<(String, String, Arc<str>)>,
}

impl Change {
    /// Marks every finding of `report` in or out of scope (`Finding::in_scope`), and gives the
    /// part of the report the change is judged by: the findings in scope, parse errors (a file
    /// that does not parse makes the whole scan untrustworthy), and for a rule with nothing
    /// left in scope, one skipped finding that says so.
    pub fn scope(&self, report: &mut Report, judges: &Judges) -> Report {
        let modules = report.modules.clone();
        let mut scope = Scope::new(self, &modules, &report.rules, judges);
        for finding in report.findings.iter_mut() {
            let verdict = scope.place(finding, &report.model);
            finding.in_scope = Some(!matches!(verdict, Verdict::Out));
            finding.in_scope_because = match verdict {
                Verdict::Because(why) => Some(why),
                _ => None,
            };
        }
        shown(report)
    }
}

/// The findings in scope, and for each rule with none, why.
fn shown(report: &Report) -> Report {
    // Only the kept findings are copied: a monorepo's scan has hundreds of thousands, and a
    // pull request touches a few files.
    let mut findings: Vec<Finding> = Vec::new();
    for rule in 0..report.rules.len() {
        let all = report.findings_of(rule);
        let before = findings.len();
        findings.extend(all.iter().filter(|f| f.in_scope == Some(true)).cloned());
        if findings.len() == before && !all.is_empty() {
            findings.push(out_of_scope(report, rule));
        }
    }
    Report {
        rules: report.rules.clone(),
        findings,
        errors: report.errors.clone(),
        files: report.files,
        resources: report.resources,
        model: report.model.clone(),
        modules: report.modules.clone(),
        // A framework's status is the whole tree's, not a change's: the report files, written
        // from the whole scan, hold it.
        compliance: None,
    }
}

/// The finding of a rule whose resources are all outside the change's scope.
fn out_of_scope(report: &Report, rule: usize) -> Finding {
    let types: Vec<String> = report.rules[rule]
        .resource_types
        .iter()
        .map(|t| t.to_string())
        .collect();
    Finding {
        rule,
        resource: None,
        resource_index: None,
        outcome: Outcome::Skipped,
        note: Some(
            format!(
                "no {} resource in scope: the change cannot affect the ones the scan found",
                types.join(" | ")
            )
            .into(),
        ),
        assertions: Vec::new(),
        suppression: None,
        in_scope: Some(true),
        in_scope_because: None,
    }
}

impl<'r> Scope<'r> {
    fn new(
        change: &Change,
        modules: &'r crate::terraform::ModuleGraph,
        rules: &[Rule],
        judges: &Judges,
    ) -> Scope<'r> {
        let mut scope = Scope {
            everything: judges.changed(&change.files).map(Arc::from),
            touched: HashMap::new(),
            reached: Reached::new(modules),
            relations: HashMap::new(),
            rule_attributes: rules.iter().map(attributes_read).collect(),
        };
        // What riveter does not follow puts everything in scope: a link or submodule changed
        // (its target may be any file), git attributes (they change the bytes of checked-out
        // files), or versions git cannot give.
        if scope.everything.is_none() {
            scope.everything = match (&change.versions, change.special.first()) {
                (_, Some((path, what))) => Some(format!(
                    "in scope because {path} ({what}) changed, and riveter does not follow where it leads"
                )),
                (None, None) => Some(
                    "in scope because git cannot give the earlier versions of the changed files"
                        .to_string(),
                ),
                _ => change
                    .files
                    .iter()
                    .find(|f| *f == ".gitattributes" || f.ends_with("/.gitattributes"))
                    .map(|f| {
                        format!(
                            "in scope because {f} (git attributes, which change how files are checked out) changed"
                        )
                    }),
            }
            .map(Arc::from);
        }
        if scope.everything.is_some() {
            return scope;
        }
        let compared: Vec<&str> = change
            .files
            .iter()
            .filter(|f| definitions::compared(f))
            .collect();
        let read = match &change.versions {
            Some(versions) => versions.read(&compared),
            None => Err("git cannot tell the versions of the change's files".into()),
        };
        let mut alterations = match read {
            Ok(versions) => {
                let until = std::time::Instant::now() + lines::CHANGE_DEADLINE;
                for (path, (old, new)) in &versions {
                    let touched = match (old, new) {
                        (Version::Text(old), Version::Text(new)) => {
                            Touched::between(old, new, until)
                        }
                        _ => Touched::all(),
                    };
                    let text = match new {
                        Version::Text(text) => Some(text.clone()),
                        _ => None,
                    };
                    scope.touched.insert(path.clone(), (touched, text));
                }
                definitions::alterations(&versions)
            }
            Err(why) => unreadable(&compared, &why),
        };
        // A changed file a module reads through a symbolic link, under another name: which of
        // that module's definitions it alters is not worked out; all of them count.
        for file in change.files.iter() {
            for folder in modules.linking_to(file) {
                alterations.unreadable.push(definitions::Unreadable {
                    folder: folder.to_string(),
                    words: format!(
                        "{file} changed, which {} reads through a symbolic link",
                        shown_folder(folder)
                    )
                    .into(),
                });
            }
        }
        // Any changed file, whatever its name, reaches what reads it through a function.
        let files: Vec<(String, Why)> = change
            .files
            .iter()
            .map(|f| {
                let why = Why {
                    altered: format!("{f} changed").into(),
                    through: None,
                    seed: true,
                    how: Some("which it reads through a function"),
                };
                (f.to_string(), why)
            })
            .collect();
        scope
            .reached
            .follow(&alterations.altered, &alterations.unreadable, &files);
        scope.relations = relations(rules, &scope.reached, &alterations.altered);
        scope
    }

    /// Whether a finding is in scope, and why.
    fn place(&mut self, finding: &Finding, model: &[crate::terraform::Resource]) -> Verdict {
        let Some(resource) = finding.resource.as_deref() else {
            // A rule that applied to nothing in the whole scan applies to nothing here.
            return Verdict::Own;
        };
        if let Some(why) = &self.everything {
            return Verdict::Because(why.clone());
        }
        if let Some((touched, text)) = self.touched.get(&*resource.file) {
            let first = text.as_deref().map_or(resource.span.line, |t| {
                with_comments_above(t, resource.span.line)
            });
            if touched.block(first, resource.span.end_line) {
                return Verdict::Own;
            }
        }
        let (root, calls): (&str, Vec<&str>) = match &resource.instance {
            Some(instance) => match instance.calls.first() {
                Some(first) => (
                    folder_of(&first.file),
                    instance.calls.iter().map(|c| c.name.as_str()).collect(),
                ),
                None => (folder_of(&resource.file), Vec::new()),
            },
            None => (folder_of(&resource.file), Vec::new()),
        };
        let Some(frame) = self.reached.frame(root, &calls) else {
            return Verdict::Because(
                format!(
                    "in scope because riveter cannot place {} among the module calls it follows",
                    resource.address
                )
                .into(),
            );
        };
        let kind = finding
            .resource_index
            .and_then(|i| model.get(i))
            .map_or(BlockKind::Managed, |r| r.kind);
        let name = match kind {
            BlockKind::Managed => {
                Name::Managed(resource.resource_type.clone(), local_name(resource))
            }
            BlockKind::Data => Name::Data(resource.resource_type.clone(), local_name(resource)),
            BlockKind::Provider => Name::Provider(resource.resource_type.clone()),
            BlockKind::Module => {
                return match self.reached.why_call(frame, &resource.name) {
                    Some(why) => Verdict::Because(why.explain("which it reads").into()),
                    None => Verdict::Out,
                };
            }
        };
        let seen = match kind {
            BlockKind::Managed => {
                let read = self
                    .rule_attributes
                    .get(finding.rule)
                    .and_then(Option::as_ref);
                self.reached.why_seen(frame, &name, read)
            }
            _ => self.reached.why(frame, &name),
        };
        if let Some(why) = seen {
            return Verdict::Because(why.explain("which it reads").into());
        }
        // A resource of a plan whose block the scan does not hold: what it reads is unknown.
        let blocks = match kind {
            BlockKind::Managed => self.reached.managed(frame, &name),
            _ => Vec::new(),
        };
        if kind == BlockKind::Managed && blocks.is_empty() {
            return Verdict::Because(
                "in scope because its block is not among the scanned files, so what its values depend on is unknown"
                    .into(),
            );
        }
        if let Some(related) = self.relations.get(&finding.rule) {
            if let Some(why) = related
                .all
                .as_ref()
                .or_else(|| related.some.get(&(frame, name.clone())))
            {
                return Verdict::Because(why.clone());
            }
            for (attribute, other, why) in &related.refers {
                let direct = blocks
                    .first()
                    .is_some_and(|d| refers_directly(&d.attributes, attribute, |t| t == other));
                if !direct {
                    return Verdict::Because(why.clone());
                }
            }
        }
        Verdict::Out
    }
}

/// The top-level attributes of its resource a rule reads: its filters' and assertions' keys,
/// for a relation the attribute that refers or the attributes that name the resource; `None`
/// when a key does not start with a name.
fn attributes_read(rule: &Rule) -> Option<BTreeSet<String>> {
    let mut read = BTreeSet::new();
    let mut add = |key: &crate::rules::Key| match key.segments.first() {
        Some(crate::rules::Segment::Name(name)) => {
            read.insert(name.clone());
            true
        }
        _ => false,
    };
    for assertion in rule.filters.iter().chain(&rule.assertions) {
        if !add(&assertion.key) {
            return None;
        }
        if let Some(relation) = &assertion.relation {
            if !add(&relation.attribute) {
                return None;
            }
            for key in &relation.identified_by {
                if !add(key) {
                    return None;
                }
            }
            for name in crate::rules::DEFAULT_IDENTIFIED_BY {
                add(&crate::rules::Key::parse(name).ok()?);
            }
        }
    }
    Some(read)
}

/// A resource's name within its block, without an instance key: `b` for `aws_s3_bucket.b[0]`.
fn local_name(resource: &crate::findings::ResourceRef) -> String {
    let address = resource.local_address();
    let after_type = address
        .strip_prefix(&resource.resource_type)
        .and_then(|rest| rest.strip_prefix('.'))
        .unwrap_or(&resource.name);
    let end = after_type.find('[').unwrap_or(after_type.len());
    let name = &after_type[..end];
    if name.is_empty() {
        resource.name.clone()
    } else {
        name.to_string()
    }
}

/// The first line of the comments right above a block (which may hold a `riveter:ignore`),
/// or the block's own first line.
fn with_comments_above(text: &str, line: u32) -> u32 {
    let lines: Vec<&str> = text.lines().collect();
    let mut first = line;
    while first > 1 {
        let above = lines.get(first as usize - 2).map_or("", |l| l.trim_start());
        let comment = above.starts_with('#')
            || above.starts_with("//")
            || above.starts_with("/*")
            || above.starts_with('*');
        if !comment {
            break;
        }
        first -= 1;
    }
    first
}

/// A folder as messages name it: `.` for the root.
fn shown_folder(folder: &str) -> &str {
    if folder.is_empty() { "." } else { folder }
}

/// Every changed Terraform file's folder counts as wholly altered: its versions are unknown.
fn unreadable(compared: &[&str], why: &str) -> Alterations {
    let mut folders: BTreeMap<&str, &str> = BTreeMap::new();
    for path in compared {
        folders.entry(folder_of(path)).or_insert(path);
    }
    Alterations {
        altered: Vec::new(),
        unreadable: folders
            .into_iter()
            .map(|(folder, path)| definitions::Unreadable {
                folder: folder.to_string(),
                words: format!("{path} changed and {why}").into(),
            })
            .collect(),
    }
}

/// Whether a resource's `attribute` reads only resources by reference (of types `wanted`
/// accepts), so that what it refers to is what it reads: `bucket = aws_s3_bucket.b.id`.
fn refers_directly(
    attributes: &[(String, Vec<Name>)],
    attribute: &str,
    wanted: impl Fn(&str) -> bool,
) -> bool {
    let reads: Vec<&Name> = attributes
        .iter()
        .filter(|(key, _)| key == attribute)
        .flat_map(|(_, reads)| reads)
        .collect();
    !reads.is_empty()
        && reads
            .iter()
            .all(|read| matches!(read, Name::Managed(t, _) if wanted(t)))
}

/// A resource of type `other` anywhere in the scan whose `attribute` does not refer by
/// reference alone.
fn indirect_companion(
    reached: &Reached,
    other: &str,
    attribute: &str,
    subject: &impl Fn(&str) -> bool,
) -> Option<String> {
    reached.graph().modules().find_map(|(folder, node)| {
        node.definitions
            .as_deref()
            .unwrap_or_default()
            .iter()
            .find_map(|d| {
                let is_other = matches!(&d.name, Name::Managed(t, _) if t == other);
                (is_other && !refers_directly(&d.attributes, attribute, subject)).then(|| {
                    format!(
                        "{} in {}",
                        d.name.written(),
                        if folder.is_empty() { "." } else { folder }
                    )
                })
            })
    })
}

/// The first segment of a relation's attribute key: `bucket` for `bucket`, `a` for `a.b[0]`.
fn top_attribute(key: &str) -> &str {
    key.split(['.', '[']).next().unwrap_or(key)
}

/// A top-level attribute of a resource and what it reads.
type Attribute = (String, Vec<Name>);

/// A resource the change reached that a relation may relate to others: its frame (`None` for
/// one removed with its whole module), its name, why it is reached, and its attributes in each
/// version that has it.
type Companion<'a> = (Option<usize>, &'a Name, Arc<str>, Vec<&'a [Attribute]>);

/// What each rule's relations bring into scope (docs/rules.md, "What refers to means"): a
/// companion reached, added or removed brings in the resource it refers to by reference, or
/// every resource of the rule when it may refer by a name, a variable or anything riveter does
/// not follow back.
fn relations(
    rules: &[Rule],
    reached: &Reached,
    altered: &[Altered],
) -> HashMap<usize, RelationScope> {
    let old_attributes: HashMap<(&str, &Name), &[Attribute]> = altered
        .iter()
        .map(|a| ((a.folder.as_str(), &a.name), a.old_attributes.as_slice()))
        .collect();
    // The managed resources reached, with their frame and what their attributes read in each
    // version.
    let mut companions: Vec<Companion> = Vec::new();
    for (frame, name, why) in reached.reached_managed() {
        let folder = reached.folder_of_frame(frame);
        let mut versions: Vec<&[Attribute]> = Vec::new();
        if let Some(d) = reached
            .folder_definitions(frame)
            .iter()
            .find(|d| d.name == *name)
        {
            versions.push(&d.attributes);
        }
        if let Some(old) = old_attributes.get(&(folder, name)) {
            versions.push(old);
        }
        let words: Arc<str> = match &why.through {
            None => format!("in scope because {}, which refers to it", why.altered).into(),
            Some(_) => format!(
                "in scope because {}, which reaches {}, which refers to it",
                why.altered,
                name.written()
            )
            .into(),
        };
        companions.push((Some(frame), name, words, versions));
    }
    // A resource removed with the module instance it was in: which resource it referred to
    // cannot be placed in an instance.
    for a in altered {
        if matches!(a.name, Name::Managed(..)) && !reached.has_frames(&a.folder) {
            let words: Arc<str> =
                format!("in scope because {}, which may refer to it", a.words).into();
            companions.push((None, &a.name, words, vec![a.old_attributes.as_slice()]));
        }
    }
    for (frame, why) in reached.whole_frames() {
        for d in reached.folder_definitions(frame) {
            if matches!(d.name, Name::Managed(..)) {
                let words: Arc<str> = format!(
                    "in scope because {}, which reaches {}, which refers to it",
                    why.altered,
                    d.name.written()
                )
                .into();
                companions.push((Some(frame), &d.name, words, vec![&d.attributes]));
            }
        }
    }
    let mut out: HashMap<usize, RelationScope> = HashMap::new();
    for (index, rule) in rules.iter().enumerate() {
        let subject = |t: &str| {
            rule.resource_types.iter().any(|s| match s {
                TypeSelector::AnyManaged => true,
                TypeSelector::Managed(m) => m == t,
                _ => false,
            })
        };
        for relation in rule.assertions.iter().filter_map(|a| a.relation.as_deref()) {
            let attribute = top_attribute(&relation.attribute.text);
            let other = relation.resource_type.as_str();
            let scope = out.entry(index).or_default();
            for (frame, name, words, versions) in &companions {
                let Name::Managed(t, _) = name else { continue };
                if t != other {
                    continue;
                }
                match relation.kind {
                    RelationKind::ReferencedBy | RelationKind::NotReferencedBy => {
                        let direct = versions
                            .iter()
                            .all(|attrs| refers_directly(attrs, attribute, subject));
                        if let (true, false, Some(frame)) = (direct, versions.is_empty(), frame) {
                            for attrs in versions {
                                for (key, reads) in attrs.iter() {
                                    if key != attribute {
                                        continue;
                                    }
                                    for read in reads {
                                        scope
                                            .some
                                            .entry((*frame, read.clone()))
                                            .or_insert_with(|| words.clone());
                                    }
                                }
                            }
                        } else {
                            scope.all.get_or_insert_with(|| format!("{words}, or may: it names what it refers to by a value riveter does not follow back").into());
                        }
                    }
                    RelationKind::RefersTo => {
                        scope.refers.push((
                            attribute.to_string(),
                            other.to_string(),
                            words.clone(),
                        ));
                    }
                }
            }
            // A resource of the rule's type reached, where a companion refers by a value
            // riveter does not follow back: which resource that value names may now differ.
            if relation.kind != RelationKind::RefersTo && scope.all.is_none() {
                let subject_reached = companions
                    .iter()
                    .find(|(_, name, _, _)| matches!(name, Name::Managed(t, _) if subject(t)));
                if let Some((_, name, words, _)) = subject_reached
                    && let Some(by_name) = indirect_companion(reached, other, attribute, &subject)
                {
                    scope.all = Some(
                        format!(
                            "{words}: {} is reached, and {by_name} names what it refers to by a value riveter does not follow back",
                            name.written()
                        )
                        .into(),
                    );
                }
            }
        }
    }
    out.retain(|_, s| s.all.is_some() || !s.some.is_empty() || !s.refers.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::{ChangedFiles, Judges};

    #[test]
    fn paths_are_taken_as_the_repository_names_them() {
        let changed = ChangedFiles::new([
            "envs/prod/terraform.tfvars".to_string(),
            "./main.tf".to_string(),
        ]);
        assert!(changed.contains("main.tf"));
        assert!(changed.contains("envs/prod/terraform.tfvars"));
        assert!(!changed.contains("envs/prod/network.tf"));
    }

    #[test]
    fn a_changed_rule_file_or_a_file_in_a_rule_folder_judges_everything() {
        let mut judges = Judges::default();
        judges.add_file("./rules.yml", "a rule file");
        judges.add_rule_folder("policies/");
        let cause = |files: &[&str]| {
            judges.changed(&ChangedFiles::new(files.iter().map(|f| f.to_string())))
        };
        assert_eq!(
            cause(&["main.tf", "rules.yml"]).as_deref(),
            Some("in scope because rules.yml (a rule file) changed")
        );
        assert_eq!(
            cause(&["policies/kms.yml"]).as_deref(),
            Some("in scope because policies/kms.yml (a rule file) changed")
        );
        let unrelated = ["policies-old/kms.yml", "rules.yml.bak", "policies/a/b.yml"];
        assert_eq!(cause(&unrelated), None);
    }
}
