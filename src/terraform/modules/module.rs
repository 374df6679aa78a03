//! Modules are directories: every `.tf` and `.tf.json` file of a folder shares its variables and
//! locals, whether or not `-t` named it. Each module is parsed, given its variables' values,
//! and its resources evaluated; its syntax trees are dropped before the next module is read.
//!
//! A module is judged as Terraform instantiates it (docs/evaluation.md, "Module instances"): a
//! folder that no scanned module calls is a root module, evaluated with its defaults, tfvars
//! files and the command line's values; every call of a local module in the scanned tree (and
//! every key of a known `count` or `for_each` on the call) is an instance of the called folder,
//! evaluated with that call's arguments alone, recursively. A caller reads a called module's
//! outputs as that one call gives them (`called`).

use super::called::{
    Calls, MAX_CALL_DEPTH, OutputCache, arguments_key, module_scope, variable_declarations,
};
use super::instances::{self, Instances};
use super::provider_defaults;
pub use super::reading::Reading;
use super::variables::{self, CallerValues, FolderValues, VariableInputs};
use crate::terraform::discovery::confine::ScannedTree;
use crate::terraform::eval::limits::FileSteps;
use crate::terraform::eval::{BodyRef, Evaluator, META_ARGUMENTS, Scope, limits};
use crate::terraform::resource::{
    BlockKind, CallSite, FileError, ModuleInstance, Origin, Provenance, Resource,
};
use crate::terraform::syntax::declarations::{BlockDecl, ParsedFile, Syntax};
use crate::terraform::syntax::ignore_comments::{self, Directive};
use crate::terraform::syntax::parse::{declarations, parse_file};
use crate::terraform::syntax::references::{self, Definition};
use crate::terraform::syntax::source::SourceFile;
use crate::terraform::{display_path, is_terraform, lexical};
use crate::value::{Node, Unknown, Value};
use rayon::prelude::*;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The most module instances one root module's calls may make, nested calls included: a
/// `for_each` over many keys whose module calls another with many keys cannot multiply into
/// a hang. Past it, the instances left are an error of the scan on the call's line.
pub const MAX_MODULE_INSTANCES: usize = 10_000;

#[derive(Default)]
pub struct ModuleResult {
    pub resources: Vec<Resource>,
    /// The resources of the folder's files that were not targeted: rules do not judge them,
    /// but a relation sees them (a bucket's public access block in a file the scan left out).
    pub context: Vec<Resource>,
    pub calls: Vec<ModuleCall>,
    /// Blocks Terraform would create no instance of (`count = 0`), for a rule that finds no
    /// resource to say why.
    pub absent: Vec<Absent>,
    /// Files other than its Terraform files that its expressions read (`file`, `templatefile`).
    pub reads: BTreeSet<PathBuf>,
    pub errors: Vec<FileError>,
    pub warnings: Vec<String>,
    pub directives: Vec<Directive>,
    /// What each definition of the folder reads (`references`), for the pull-request scope;
    /// `None` when a file of the folder could not be read or parsed.
    pub definitions: Option<Vec<Definition>>,
    /// Where its Terraform and tfvars files that are symbolic links (or lie in a linked
    /// folder) lead: a change there is a change to this folder.
    pub links: BTreeSet<PathBuf>,
    /// The evaluation steps it took, by file: the instances of one folder share each file's
    /// `limits::FILE_STEPS`.
    steps: FileSteps,
}

/// A block of which Terraform would create nothing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Absent {
    pub kind: BlockKind,
    pub resource_type: String,
    /// Its address, in its module instance.
    pub address: String,
    pub file: Arc<str>,
    pub line: u32,
    /// `its count is 0 with the default inputs`.
    pub why: String,
}

/// A `module` block calling a folder of the repository (`./` or `../`).
#[derive(Clone)]
pub struct ModuleCall {
    /// The called folder, which need not exist.
    pub target: PathBuf,
    /// The block's name: `app` for `module "app"`.
    pub name: String,
    file: Arc<str>,
    line: u32,
    /// The instances the call makes: one per key of a known `count` or `for_each`.
    instances: Vec<CallInstance>,
    /// Why the call may make no instance or others than these (an unknown `count`).
    unsure: Option<String>,
}

/// One instance of a call: `["eu"]` or `[0]` (empty without `count` or `for_each`), and the
/// arguments it gives.
#[derive(Clone)]
struct CallInstance {
    key: String,
    arguments: CallerValues,
}

/// What `evaluate_all` gives: each module folder's result, and the Terraform files of the
/// folders it followed module calls into (hidden folders that discovery skipped).
pub struct Evaluated {
    pub modules: BTreeMap<PathBuf, ModuleResult>,
    pub followed: Vec<PathBuf>,
}

/// Every module of the targeted files, evaluated; by module folder. A local module call
/// into a folder that discovery skipped (a hidden folder) is followed: Terraform
/// applies that module, so its files are scanned too.
pub fn evaluate_all(
    targeted: &[PathBuf],
    reading: Reading,
    walked: &ScannedTree,
    files_read: &AtomicUsize,
) -> Evaluated {
    let mut by_dir: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for file in targeted {
        let file = absolute(file);
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        by_dir.entry(dir).or_default().insert(file);
    }
    // Every folder is first evaluated as a root module: that finds the calls between them.
    // Folders are independent until module calls connect them: evaluate them in parallel.
    // Collecting into a BTreeMap keeps the result the same whatever the number of threads.
    let cache = OutputCache::default();
    let evaluate_folders = |folders: &BTreeMap<PathBuf, BTreeSet<PathBuf>>| {
        folders
            .par_iter()
            .map(|(dir, files)| {
                let module = Module {
                    dir,
                    targeted: files,
                };
                let result = evaluate_root(module, reading, &cache, files_read);
                (dir.clone(), result)
            })
            .collect::<BTreeMap<PathBuf, ModuleResult>>()
    };
    let mut results = evaluate_folders(&by_dir);
    let mut followed = Vec::new();
    // Each round adds folders not evaluated yet, so the rounds end.
    loop {
        let called = skipped_callees(&results, &by_dir, reading.tree, walked);
        if called.is_empty() {
            break;
        }
        followed.extend(called.values().flatten().cloned());
        results.extend(evaluate_folders(&called));
        by_dir.extend(called);
    }
    instantiate(&mut results, &by_dir, reading, &cache);
    Evaluated {
        modules: results,
        followed,
    }
}

/// How many distinct instances of one folder are evaluated side by side before their steps
/// are counted.
const INSTANCES_AT_ONCE: usize = 32;

/// An instance of a called folder waiting to be evaluated.
struct Pending {
    target: PathBuf,
    instance: Arc<ModuleInstance>,
    arguments: CallerValues,
    /// The folders from the root module's down to the caller's, to find a module that
    /// reaches itself.
    chain: Vec<PathBuf>,
    /// The root module whose calls made it, whose count of instances it adds to.
    root: usize,
}

/// Replaces the resources of every folder that a root module's calls reach with those of its
/// instances, level by level down the calls. A folder no root reaches (modules that only
/// call each other) keeps its evaluation as a root module.
fn instantiate(
    results: &mut BTreeMap<PathBuf, ModuleResult>,
    by_dir: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    reading: Reading,
    cache: &OutputCache,
) {
    let called: BTreeSet<&PathBuf> = results
        .iter()
        .flat_map(|(dir, r)| r.calls.iter().map(move |c| (dir, &c.target)))
        .filter(|(dir, target)| dir != target && by_dir.contains_key(*target))
        .map(|(_, target)| target)
        .collect();
    let roots: Vec<PathBuf> = results
        .keys()
        .filter(|dir| !called.contains(dir))
        .cloned()
        .collect();
    let mut counts = vec![0usize; roots.len()];
    let mut frontier = Vec::new();
    let mut reached: BTreeMap<PathBuf, CallSite> = BTreeMap::new();
    for (index, dir) in roots.iter().enumerate() {
        let chain = vec![dir.clone()];
        let result = &results[dir];
        frontier.extend(pending(result, None, &chain, index, by_dir, &mut reached));
    }
    let mut instances: BTreeMap<PathBuf, Vec<ModuleResult>> = BTreeMap::new();
    let mut limit_errors = Vec::new();
    while !frontier.is_empty() {
        let admitted = admit(frontier, &mut counts, &mut limit_errors);
        let mut by_target: BTreeMap<PathBuf, Vec<Pending>> = BTreeMap::new();
        for p in admitted {
            by_target.entry(p.target.clone()).or_default().push(p);
        }
        let evaluated: Vec<(PathBuf, Vec<(Pending, ModuleResult)>)> = by_target
            .into_par_iter()
            .map(|(dir, pendings)| {
                let module = Module {
                    dir: &dir,
                    targeted: &by_dir[&dir],
                };
                let evaluated = evaluate_instances(module, reading, cache, pendings);
                (dir, evaluated)
            })
            .collect();
        frontier = Vec::new();
        for (dir, evaluated) in evaluated {
            for (done, result) in evaluated {
                let mut chain = done.chain.clone();
                chain.push(dir.clone());
                frontier.extend(pending(
                    &result,
                    Some(&done.instance),
                    &chain,
                    done.root,
                    by_dir,
                    &mut reached,
                ));
                instances.entry(dir.clone()).or_default().push(result);
            }
        }
    }
    let evaluated_dirs: BTreeSet<PathBuf> = instances.keys().cloned().collect();
    for (dir, evaluated) in instances {
        let Some(folder) = results.get_mut(&dir) else {
            continue;
        };
        folder.resources.clear();
        folder.context.clear();
        folder.absent.clear();
        for result in evaluated {
            folder.resources.extend(result.resources);
            folder.context.extend(result.context);
            folder.absent.extend(result.absent);
            folder.errors.extend(result.errors);
            folder.warnings.extend(result.warnings);
            folder.reads.extend(result.reads);
        }
        // Every instance reads the same files: their parse errors and warnings once.
        folder.errors.sort();
        folder.errors.dedup();
        let mut seen = BTreeSet::new();
        folder.warnings.retain(|w| seen.insert(w.clone()));
    }
    // A folder the roots' calls reach but whose every call makes no instance (`count = 0`)
    // has no resources: Terraform creates none. Its blocks say why, for a rule that then
    // finds nothing to judge.
    for (dir, site) in reached {
        if evaluated_dirs.contains(&dir) {
            continue;
        }
        let Some(folder) = results.get_mut(&dir) else {
            continue;
        };
        let why = format!(
            "its module is called by {} at {}:{}, which makes no instance of it",
            site.address, site.file, site.line
        );
        let resources = std::mem::take(&mut folder.resources);
        folder.absent.extend(resources.iter().map(|r| Absent {
            kind: r.kind,
            resource_type: r.resource_type.clone(),
            address: r.address.clone(),
            file: r.file.clone(),
            line: r.span.line,
            why: why.clone(),
        }));
        folder.context.clear();
    }
    if let Some(first) = roots.first().and_then(|dir| results.get_mut(dir)) {
        first.errors.extend(limit_errors);
    }
}

/// The instances of `result`'s calls into scanned folders, made from `parent` (none for a
/// root module). A call that would reach a folder already in the chain, or go deeper than
/// `MAX_CALL_DEPTH`, is not followed: the called folder is judged through its other calls.
fn pending(
    result: &ModuleResult,
    parent: Option<&Arc<ModuleInstance>>,
    chain: &[PathBuf],
    root: usize,
    by_dir: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    reached: &mut BTreeMap<PathBuf, CallSite>,
) -> Vec<Pending> {
    let mut out = Vec::new();
    for call in &result.calls {
        if !by_dir.contains_key(&call.target)
            || chain.contains(&call.target)
            || chain.len() > MAX_CALL_DEPTH
        {
            continue;
        }
        let prefix = parent.map_or(String::new(), |p| format!("{}.", p.address));
        reached
            .entry(call.target.clone())
            .or_insert_with(|| CallSite {
                address: format!("{prefix}module.{}", call.name),
                name: call.name.clone(),
                file: call.file.clone(),
                line: call.line,
            });
        let unsure = call
            .unsure
            .clone()
            .or_else(|| parent.and_then(|p| p.unsure.clone()));
        for made in &call.instances {
            let address = format!("{prefix}module.{}{}", call.name, made.key);
            let mut calls = parent.map_or(Vec::new(), |p| p.calls.clone());
            calls.push(CallSite {
                address: address.clone(),
                name: call.name.clone(),
                file: call.file.clone(),
                line: call.line,
            });
            out.push(Pending {
                target: call.target.clone(),
                instance: Arc::new(ModuleInstance {
                    address,
                    calls,
                    unsure: unsure.clone(),
                }),
                arguments: made.arguments.clone(),
                chain: chain.to_vec(),
                root,
            });
        }
    }
    out
}

/// The pending instances within each root module's `MAX_MODULE_INSTANCES`; past it, an error
/// on the call that made the first instance left out.
fn admit(
    frontier: Vec<Pending>,
    counts: &mut [usize],
    errors: &mut Vec<FileError>,
) -> Vec<Pending> {
    let mut admitted = Vec::with_capacity(frontier.len());
    let mut reported = BTreeSet::new();
    for p in frontier {
        if counts[p.root] < MAX_MODULE_INSTANCES {
            counts[p.root] += 1;
            admitted.push(p);
            continue;
        }
        if reported.insert(p.root)
            && let Some(site) = p.instance.calls.last()
        {
            errors.push(FileError {
                file: site.file.to_string(),
                line: site.line,
                column: 1,
                message: format!(
                    "evaluation limit: left unevaluated: the module calls make more than {MAX_MODULE_INSTANCES} instances, {}; {} and the instances after it are not judged",
                    limits::LIMIT,
                    p.instance.address
                ),
            });
        }
    }
    admitted
}

/// Evaluates the instances of one folder, its files parsed once. Instances given the same
/// arguments are evaluated once, and the result placed at each instance's address.
fn evaluate_instances(
    module: Module,
    reading: Reading,
    cache: &OutputCache,
    pendings: Vec<Pending>,
) -> Vec<(Pending, ModuleResult)> {
    let mut scratch = ModuleResult::default();
    let files = read_module(
        module.dir,
        module.targeted,
        reading,
        &mut scratch,
        &AtomicUsize::new(0),
    );
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let keys: Vec<usize> = pendings
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let key = format!(
                "{}\u{1}{:?}",
                arguments_key(&p.arguments.values),
                p.instance.unsure
            );
            *first_of.entry(key).or_insert(i)
        })
        .collect();
    // Evaluated in order of first appearance, a few at a time in parallel, until the steps the
    // instances took of one file pass that file's `limits::FILE_STEPS`: a module called ten
    // thousand times cannot multiply its evaluation into a hang. Where the cut falls depends
    // only on the instances' own steps, never on which thread finished first.
    let mut distinct: Vec<usize> = first_of.values().copied().collect();
    distinct.sort_unstable();
    let mut evaluated: HashMap<usize, ModuleResult> = HashMap::new();
    let mut spent: FileSteps = FileSteps::new();
    let mut cut: Option<usize> = None;
    for chunk in distinct.chunks(INSTANCES_AT_ONCE) {
        let results: Vec<(usize, ModuleResult)> = chunk
            .par_iter()
            .map(|&i| {
                let mut result = ModuleResult::default();
                // A called module's variables come from its call alone: Terraform gives it
                // neither the command line's values nor its folder's tfvars files.
                let called = Reading {
                    inputs: &VariableInputs::default(),
                    ..reading
                };
                evaluate_files(
                    &files,
                    module.dir,
                    called,
                    &FolderValues::default(),
                    &pendings[i].arguments,
                    cache,
                    &mut result,
                );
                (i, result)
            })
            .collect();
        for (i, result) in results {
            let over = result.steps.iter().any(|(file, steps)| {
                spent.get(file).copied().unwrap_or(0) + steps > limits::FILE_STEPS
            });
            if over {
                cut = Some(i);
                break;
            }
            for (file, steps) in &result.steps {
                *spent.entry(file.clone()).or_default() += steps;
            }
            evaluated.insert(i, result);
        }
        if cut.is_some() {
            break;
        }
    }
    let pendings_arguments: Vec<CallerValues> =
        pendings.iter().map(|p| p.arguments.clone()).collect();
    let mut out = Vec::with_capacity(pendings.len());
    let mut reported_cut = false;
    for (i, p) in pendings.into_iter().enumerate() {
        let Some(source) = evaluated.get(&keys[i]) else {
            // Past the folder's steps: not judged, and the scan cannot be trusted.
            let mut result = ModuleResult::default();
            if !reported_cut && let Some(site) = p.instance.calls.last() {
                reported_cut = true;
                result.errors.push(FileError {
                    file: site.file.to_string(),
                    line: site.line,
                    column: 1,
                    message: format!(
                        "evaluation limit: left unevaluated: the instances of {} evaluated more than {} expressions of one file, {}; {} and the instances after it are not judged",
                        display_path(module.dir, reading.root),
                        limits::FILE_STEPS,
                        limits::LIMIT,
                        p.instance.address
                    ),
                });
            }
            out.push((p, result));
            continue;
        };
        // The values are the evaluated instance's; where they were set is this call's.
        let origins = Reorigin {
            from: &pendings_arguments[keys[i]],
            to: &p.arguments,
        };
        let mut result = ModuleResult {
            definitions: None,
            links: BTreeSet::new(),
            resources: placed(&source.resources, &p.instance, &origins),
            context: placed(&source.context, &p.instance, &origins),
            calls: source.calls.clone(),
            absent: source
                .absent
                .iter()
                .map(|a| Absent {
                    address: format!("{}.{}", p.instance.address, a.address),
                    ..a.clone()
                })
                .collect(),
            reads: source.reads.clone(),
            errors: source.errors.clone(),
            warnings: source.warnings.clone(),
            directives: Vec::new(),
            steps: FileSteps::new(),
        };
        if i == 0 {
            result.errors.append(&mut scratch.errors);
            result.warnings.append(&mut scratch.warnings);
        }
        out.push((p, result));
    }
    out
}

/// Resources evaluated once, placed in an instance.
fn placed(
    resources: &[Resource],
    instance: &Arc<ModuleInstance>,
    origins: &Reorigin,
) -> Vec<Resource> {
    resources
        .iter()
        .map(|r| {
            let mut placed = r.clone().in_instance(instance);
            for p in &mut placed.provenance {
                p.origin = origins.of(&p.origin);
            }
            placed
        })
        .collect()
}

/// The arguments of the instance that was evaluated, and of the one its result is placed at.
struct Reorigin<'a> {
    from: &'a CallerValues,
    to: &'a CallerValues,
}

impl Reorigin<'_> {
    /// Where a value was set in the placed instance: the same argument's origin there.
    fn of(&self, origin: &Arc<Origin>) -> Arc<Origin> {
        self.from
            .origins
            .iter()
            .find(|(_, o)| Arc::ptr_eq(o, origin))
            .and_then(|(name, _)| self.to.origins.get(name))
            .unwrap_or(origin)
            .clone()
    }
}

/// The folders that evaluated modules call and that discovery skipped, with their Terraform
/// files. (A folder discovery found but `--shard` left to another job is not one of them.)
fn skipped_callees(
    results: &BTreeMap<PathBuf, ModuleResult>,
    evaluated: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    tree: &ScannedTree,
    walked: &ScannedTree,
) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    results
        .values()
        .flat_map(|r| &r.calls)
        .map(|call| &call.target)
        .filter(|target| !evaluated.contains_key(*target))
        .filter(|target| tree.holds(target) && walked.holds_hidden(target))
        .filter_map(|target| {
            let files: BTreeSet<PathBuf> = std::fs::read_dir(target)
                .ok()?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_terraform(p))
                .collect();
            (!files.is_empty()).then(|| (target.clone(), files))
        })
        .collect()
}

/// A module of one file held in memory, with no inputs: what tests and `parse_source` use.
pub fn evaluate_single(source: SourceFile, syntax: Syntax) -> Vec<Resource> {
    let file = ParsedFile {
        source,
        syntax,
        targeted: true,
    };
    let here = Path::new(".");
    let mut result = ModuleResult::default();
    let cache = OutputCache::default();
    // Held in memory, the file is in no scanned folder: it may read nothing.
    let reading = Reading {
        root: here,
        canonical_root: here,
        tree: &ScannedTree::default(),
        module_sources: &ScannedTree::default(),
        inputs: &VariableInputs::default(),
    };
    evaluate_files(
        std::slice::from_ref(&file),
        here,
        reading,
        &FolderValues::default(),
        &CallerValues::default(),
        &cache,
        &mut result,
    );
    result.resources
}

/// A module folder and the files of it that `-t` named.
#[derive(Clone, Copy)]
struct Module<'a> {
    dir: &'a Path,
    targeted: &'a BTreeSet<PathBuf>,
}

/// Evaluates one module folder as a root module: its variables from the command line, its
/// tfvars files and their defaults. Only the targeted files' resources are reported; the
/// other files of the folder still give their variables and locals.
fn evaluate_root(
    module: Module,
    reading: Reading,
    cache: &OutputCache,
    files_read: &AtomicUsize,
) -> ModuleResult {
    let mut result = ModuleResult::default();
    let files = read_module(
        module.dir,
        module.targeted,
        reading,
        &mut result,
        files_read,
    );
    // Every file read: what each definition reads is known.
    if result.errors.is_empty() {
        let decls: Vec<_> = files.iter().map(declarations).collect();
        result.definitions = Some(references::definitions(&decls));
    }
    let folder = module_var_values(module.dir, reading, &mut result.warnings, &mut result.links);
    evaluate_files(
        &files,
        module.dir,
        reading,
        &folder,
        &CallerValues::default(),
        cache,
        &mut result,
    );
    for file in files.iter().filter(|f| f.targeted) {
        let mut directives = ignore_comments::parse(&file.source.name, &file.source.text);
        if !directives.is_empty() {
            let resources: Vec<Resource> = result
                .resources
                .iter()
                .filter(|r| r.file == file.source.name)
                .map(|r| {
                    let body = Node::bare(Value::Null);
                    Resource::new(
                        r.kind,
                        &r.resource_type,
                        &r.name,
                        r.file.clone(),
                        r.span,
                        body,
                    )
                })
                .collect();
            ignore_comments::attach(&mut directives, &resources, &file.source.text);
        }
        result.directives.extend(directives);
    }
    result
}

/// The resources and module calls of a module's parsed files, its variables given by
/// `inputs` (through `reading`), the folder's tfvars files and the caller's arguments.
fn evaluate_files(
    files: &[ParsedFile],
    dir: &Path,
    reading: Reading,
    folder: &FolderValues,
    callers: &CallerValues,
    cache: &OutputCache,
    result: &mut ModuleResult,
) {
    let decls: Vec<_> = files.iter().map(declarations).collect();
    let variable_decls = variable_declarations(files, &decls, dir, reading);
    let values = variables::resolve(&variable_decls, reading.inputs, folder, callers);
    // Whether a count of 0 follows from the defaults alone, for the words of an absent block.
    let given = values
        .iter()
        .any(|(_, _, origin)| origin.as_ref().is_some_and(|o| o.words != "the default"));
    let spent = Cell::new(0);
    let calls = Calls::new(dir, reading, cache, &spent);
    let scope = module_scope(files, &decls, dir, reading, values, &calls);

    let first_resource = result.resources.len();
    let mut providers = Vec::new();
    for (file, decl) in files.iter().zip(&decls) {
        let mut held = FileHolds::default();
        for block in &decl.blocks {
            let Some((body, provenance)) = evaluate_body(&scope, &file.source, block.body) else {
                if file.targeted {
                    result.absent.push(absent(block, &file.source, given));
                }
                // A call that makes no instance still calls its folder: what it declares
                // is not judged as a root module's.
                if block.kind == BlockKind::Module {
                    let written =
                        evaluate_with(&mut Evaluator::new(&scope, &file.source), block.body);
                    result.calls.extend(module_call(
                        dir,
                        reading,
                        &scope,
                        &file.source,
                        block,
                        &written,
                    ));
                }
                continue;
            };
            let body = held.keep(body, block, &file.source, &mut result.errors);
            if block.kind == BlockKind::Provider {
                providers.push(resource(block, &file.source, body.clone()));
            }
            if block.kind == BlockKind::Module
                && let Some(call) = module_call(dir, reading, &scope, &file.source, block, &body)
            {
                result.calls.push(call);
            }
            let mut made = resource(block, &file.source, body);
            made.provenance = provenance;
            if file.targeted {
                result.resources.push(made);
            } else if block.kind == BlockKind::Managed || block.kind == BlockKind::Module {
                result.context.push(made);
            }
        }
    }
    provider_defaults::apply(&providers, &mut result.resources[first_resource..]);
    result.errors.extend(scope.take_limits_met());
    result.warnings.extend(scope.take_warnings());
    result.reads.extend(scope.take_reads());
    result.reads.extend(calls.take_reads());
    result.steps = calls.steps_used();
}

/// A block of which Terraform would create nothing, and why.
fn absent(block: &BlockDecl, file: &SourceFile, given: bool) -> Absent {
    let made = resource(block, file, Node::bare(Value::Null));
    let written = |name: &str| match block.body {
        BodyRef::Hcl(body) => body
            .get_attribute(name)
            .map(|a| file.text_of(hcl::edit::Span::span(&a.value)).to_string()),
        BodyRef::Json(_) => None,
    };
    let inputs = if given {
        "with the inputs given"
    } else {
        "with the default inputs"
    };
    let why = match (written("count"), written("for_each")) {
        (Some(count), _) => format!("its count ({count}) is 0 {inputs}"),
        (None, Some(for_each)) => format!("its for_each ({for_each}) is empty {inputs}"),
        (None, None) => "it makes no instance".to_string(),
    };
    Absent {
        kind: made.kind,
        resource_type: made.resource_type,
        address: made.address,
        file: made.file,
        line: made.span.line,
        why,
    }
}

/// What one file's blocks hold after evaluation, against `limits::FILE_VALUES` and
/// `limits::FILE_TEXT_BYTES`: copying one large value into every resource of a file cannot
/// exhaust memory.
#[derive(Default)]
struct FileHolds {
    values: usize,
    text: usize,
    /// The bound was met, and reported.
    past: bool,
}

impl FileHolds {
    /// The body as evaluated, or, past the file's bound, its attributes unknown and the bound
    /// recorded as an error on the block.
    fn keep(
        &mut self,
        body: Node,
        block: &BlockDecl,
        file: &SourceFile,
        errors: &mut Vec<FileError>,
    ) -> Node {
        let (values, text) = limits::measure(&body.value);
        self.values += values;
        self.text += text;
        if self.values <= limits::FILE_VALUES && self.text <= limits::FILE_TEXT_BYTES {
            return body;
        }
        let reason = format!(
            "left unevaluated: the blocks of {} hold more than {} values or {} MiB of text, {}",
            file.name,
            limits::FILE_VALUES,
            limits::FILE_TEXT_BYTES >> 20,
            limits::LIMIT
        );
        // Once, on the first block past the bound: the blocks after it say so in their values.
        if !self.past {
            self.past = true;
            errors.push(FileError {
                file: file.name.to_string(),
                line: block.span.line,
                column: block.span.column,
                message: format!("evaluation limit: {reason}"),
            });
        }
        let unknown = |key: &str| {
            let source = format!("{}.{}.{key}", block.resource_type, block.name);
            Value::Unknown(Unknown::new(source, reason.clone()))
        };
        let entries = match body.value {
            Value::Map(entries) => entries
                .into_iter()
                .map(|(key, node)| {
                    let value = unknown(&key);
                    (key, Node::new(value, node.span))
                })
                .collect(),
            _ => Vec::new(),
        };
        Node::new(Value::Map(entries), body.span)
    }
}

/// A block's body, its instances merged, and where the values it reads from variables were
/// set; `None` for a block Terraform would create nothing of.
fn evaluate_body(
    scope: &Scope,
    file: &SourceFile,
    body: BodyRef,
) -> Option<(Node, Vec<Provenance>)> {
    let bindings = match instances::instances(scope, file, body) {
        Instances::None => return None,
        Instances::AsWritten => Vec::new(),
        Instances::Each(bindings) => bindings,
    };
    let mut evaluator = Evaluator::new(scope, file);
    let base = evaluate_with(&mut evaluator, body);
    let provenance = evaluator.take_provenance();
    let instances: Vec<Value> = bindings
        .into_iter()
        .map(|(name, binding)| {
            evaluate_with(
                &mut Evaluator::with_binding(scope, file, name, binding),
                body,
            )
            .value
        })
        .collect();
    Some((instances::merge(base, &instances), provenance))
}

fn evaluate_with(evaluator: &mut Evaluator, body: BodyRef) -> Node {
    match body {
        BodyRef::Hcl(body) => Node::new(evaluator.body(body), Default::default()),
        BodyRef::Json(expr) => evaluator.attribute(expr),
    }
}

fn resource(block: &BlockDecl, file: &SourceFile, mut body: Node) -> Resource {
    body.span = block.span;
    let name = match block.kind {
        BlockKind::Provider => match body.value.get("alias").map(|n| &n.value) {
            Some(Value::String(alias)) => alias.clone(),
            _ => String::new(),
        },
        _ => block.name.clone(),
    };
    Resource::new(
        block.kind,
        &block.resource_type,
        &name,
        file.name.clone(),
        block.span,
        body,
    )
}

/// A call of a module in this repository (`./` or `../`), with the instances it makes and
/// each one's arguments. `merged` is the block's body with its instances merged.
fn module_call(
    dir: &Path,
    reading: Reading,
    scope: &Scope,
    file: &SourceFile,
    block: &BlockDecl,
    merged: &Node,
) -> Option<ModuleCall> {
    let Value::String(source) = &merged.value.get("source")?.value else {
        return None;
    };
    if !(source.starts_with("./") || source.starts_with("../")) {
        return None;
    }
    let address = format!("module.{}", block.name);
    let instance = |key: String, body: &Node, provenance: &[Provenance]| CallInstance {
        arguments: call_arguments(&format!("{address}{key}"), file, body, provenance),
        key,
    };
    let mut unsure = None;
    let instances = match instances::instances(scope, file, block.body) {
        Instances::None => Vec::new(),
        Instances::Each(bindings) => bindings
            .into_iter()
            .map(|(name, binding)| {
                let key = instance_key(name, &binding);
                let mut evaluator = Evaluator::with_binding(scope, file, name, binding);
                let body = evaluate_with(&mut evaluator, block.body);
                instance(key, &body, &evaluator.take_provenance())
            })
            .collect(),
        Instances::AsWritten => {
            let mut evaluator = Evaluator::new(scope, file);
            let body = evaluate_with(&mut evaluator, block.body);
            unsure = ["count", "for_each"].iter().find_map(|meta| {
                let value = &body.value.get(meta)?.value;
                Some(match value.first_unknown() {
                    Some(unknown) => format!(
                        "{address} may make no instance or several: its {meta} depends on {}",
                        unknown.reason
                    ),
                    None => format!(
                        "{address} makes more instances than riveter expands: its {meta} is evaluated once"
                    ),
                })
            });
            vec![instance(String::new(), &body, &evaluator.take_provenance())]
        }
    };
    // A source through a symbolic link calls the folder it leads to, as Terraform reads it:
    // the folder the scan found its files in.
    let written = lexical(&dir.join(source));
    let target = match reading.module_sources.resolve(&written) {
        Ok(resolved) if resolved != written && resolved.is_dir() => {
            match resolved.strip_prefix(reading.canonical_root) {
                Ok(inside) => lexical(&reading.root.join(inside)),
                Err(_) => written,
            }
        }
        _ => written,
    };
    Some(ModuleCall {
        target,
        name: block.name.clone(),
        file: file.name.clone(),
        line: block.span.line,
        instances,
        unsure,
    })
}

/// `["eu"]` for a `for_each` key, `[0]` for a `count` index, as Terraform writes them.
fn instance_key(name: &str, binding: &Value) -> String {
    let part = if name == "each" { "key" } else { "index" };
    match binding.get(part).map(|n| &n.value) {
        // A quoted HCL string: JSON's escapes, and `${` and `%{` doubled so that they are not
        // read as a template (Terraform writes `module.m["$${x}"]`).
        Some(Value::String(key)) => {
            let quoted = serde_json::Value::from(key.as_str()).to_string();
            format!("[{}]", quoted.replace("${", "$${").replace("%{", "%%{"))
        }
        Some(Value::Number(index)) => format!("[{}]", crate::value::number_text(index)),
        _ => "[?]".to_string(),
    }
}

/// A call's arguments (its body without the meta-arguments), each with where it is set: the
/// call's line, and where the value it reads came from in turn.
fn call_arguments(
    address: &str,
    file: &SourceFile,
    body: &Node,
    provenance: &[Provenance],
) -> CallerValues {
    let mut arguments = CallerValues::default();
    let Value::Map(entries) = &body.value else {
        return arguments;
    };
    for (name, node) in entries {
        if META_ARGUMENTS.contains(&name.as_str()) {
            continue;
        }
        let mut origin = Origin::new(
            format!("set by {address}"),
            Some(file.name.clone()),
            node.span.line,
        );
        // The value read from the caller's own variable: where that one was set, in turn.
        origin.from = provenance.iter().find(|p| p.at == node.span).map(|p| {
            let mut from = (*p.origin).clone();
            from.words = format!("{} {}", p.reference, from.words);
            Arc::new(from)
        });
        // What the called module cannot know refers to the caller's code.
        let mut value = node.value.clone();
        value.pass_down();
        arguments.values.insert(name.clone(), value);
        arguments.origins.insert(name.clone(), Arc::new(origin));
    }
    arguments
}

/// Every Terraform file of the folder, parsed. A targeted file that cannot be read or parsed is
/// an error; another file of its folder only a warning, since only its variables were wanted.
fn read_module(
    dir: &Path,
    targeted: &BTreeSet<PathBuf>,
    reading: Reading,
    result: &mut ModuleResult,
    files_read: &AtomicUsize,
) -> Vec<ParsedFile> {
    let mut paths: BTreeSet<PathBuf> = targeted.clone();
    match std::fs::read_dir(dir) {
        Ok(entries) => paths.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_terraform(p)),
        ),
        Err(e) => result.warnings.push(format!(
            "{}: could not list the folder for its variables: {e}",
            dir.display()
        )),
    }
    let mut files = Vec::new();
    for path in paths {
        let is_targeted = targeted.contains(&path);
        if is_targeted {
            files_read.fetch_add(1, Ordering::Relaxed);
        }
        if let Some(target) = link_target(&path, reading) {
            result.links.insert(target);
        }
        match parse_file(&path, reading.root, reading.tree) {
            Ok((source, syntax)) => files.push(ParsedFile {
                source,
                syntax,
                targeted: is_targeted,
            }),
            Err(error) if is_targeted => result.errors.push(error),
            Err(error) => result
                .warnings
                .push(format!("{error} (its variables and locals are not used)")),
        }
    }
    files
}

/// Where a file the folder reads really is, when a symbolic link (the file's or a folder's on
/// the way) leads elsewhere in the scanned tree than its name says.
fn link_target(path: &Path, reading: Reading) -> Option<PathBuf> {
    let resolved = reading.tree.resolve(path).ok()?;
    let named = lexical(&std::path::absolute(path).ok()?);
    let named = named.strip_prefix(reading.root).ok()?;
    let resolved_inside = resolved.strip_prefix(reading.canonical_root).ok()?;
    (named != resolved_inside).then_some(resolved)
}

/// The values of the folder's own tfvars files, in Terraform's order. A tfvars file that
/// leads out of the scanned tree (a symbolic link) is not read.
fn module_var_values(
    dir: &Path,
    reading: Reading,
    warnings: &mut Vec<String>,
    links: &mut BTreeSet<PathBuf>,
) -> FolderValues {
    let mut folder = FolderValues::default();
    let paths = match variables::module_var_files(dir) {
        Ok(paths) => paths,
        Err(e) => {
            warnings.push(format!(
                "{}: could not list its tfvars files: {e}",
                dir.display()
            ));
            return folder;
        }
    };
    for path in paths {
        let shown = display_path(&path, reading.root);
        if let Some(target) = link_target(&path, reading) {
            links.insert(target);
        }
        match reading.tree.resolve(&path) {
            Ok(resolved) => match variables::read_var_file(&resolved, &shown) {
                Ok(v) => folder.values.extend(v),
                Err(e) => warnings.push(format!("{e} (its values are not used)")),
            },
            Err(refusal) => {
                warnings.push(format!(
                    "{shown}: the variables file leads {}, refused; the variables it could set are unknown",
                    refusal.place()
                ));
                folder.refused = Some(format!("the refused variables file {shown}"));
            }
        }
    }
    folder
}

fn absolute(path: &Path) -> PathBuf {
    lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}
