//! Plans and states: the values Terraform will apply (`terraform show -json` of a plan) or has
//! applied (a state file, or `show -json` of one), as resources of the same model a source scan
//! gives, each placed on the block that declares it in the source so that findings, lines and
//! suppressions are those of a source scan.

mod document;
mod place;
mod values;

use super::{BlockKind, Directive, Resource, Terraform, display_path};
use crate::value::{Node, Span, Value};
use document::{ConfigModule, Document, Instance, ShownModule, StateResource};
use place::{ModulePlace, SourceIndex};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;

const DOCUMENT_START: Span = Span {
    line: 1,
    column: 1,
    end_line: 1,
    end_column: 1,
};

/// What a document must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plan,
    State,
}

/// One resource instance a document holds, not yet placed on the source.
struct Recorded {
    kind: BlockKind,
    resource_type: String,
    name: String,
    /// As Terraform writes it: `module.data.aws_s3_bucket.raw["eu"]`.
    address: String,
    /// The module calls it is in, from the root: `[data]`.
    module: Vec<String>,
    values: Value,
}

impl Recorded {
    /// The block's address within its module, as the source scan names it.
    fn declared_as(&self) -> String {
        match self.kind {
            BlockKind::Data => format!("data.{}.{}", self.resource_type, self.name),
            _ => format!("{}.{}", self.resource_type, self.name),
        }
    }
}

/// A document, read.
struct Snapshot {
    /// As the user named it, for messages (`standard input` for `-`).
    shown: String,
    /// As reports name files: relative to the scan root.
    file: Arc<str>,
    kind: Kind,
    instances: Vec<Recorded>,
    /// A plan's configuration: its module calls and its root module's blocks.
    configuration: Option<ConfigModule>,
}

/// Reads the plans and states and places their resources on the source Terraform read from
/// `-t` (its paths relative to `root`). The result replaces the source's managed resources and
/// data sources with the documents' instances; a plan keeps the source's `module` and
/// `provider` blocks, which have no instances. An `Err` names the document and stops the scan.
pub fn load(
    plans: &[String],
    states: &[String],
    source: Terraform,
    root: &Path,
) -> Result<Terraform, String> {
    if plans.iter().chain(states).filter(|p| *p == "-").count() > 1 {
        return Err(
            "standard input (`-`) can be read once; name the other plans or states by their files"
                .into(),
        );
    }
    let documents = plans
        .iter()
        .map(|p| (p, Kind::Plan))
        .chain(states.iter().map(|p| (p, Kind::State)));
    let mut snapshots = Vec::new();
    for (path, kind) in documents {
        snapshots.push(read(path, kind, root)?);
    }
    let index = SourceIndex::new(&source.resources);
    let mut placed = Placed::default();
    let documents = snapshots.len();
    for snapshot in snapshots {
        place_snapshot(snapshot, &index, &mut placed)?;
    }
    let mut resources = placed.resources;
    if !plans.is_empty() {
        resources.extend(
            source
                .resources
                .iter()
                .filter(|r| matches!(r.kind, BlockKind::Module | BlockKind::Provider))
                .cloned(),
        );
    }
    let directives = retarget(source.directives, &placed.declared);
    let mut warnings = source.warnings;
    warnings.extend(placed.warnings);
    Ok(Terraform {
        resources,
        files: source.files + documents,
        errors: source.errors,
        warnings,
        directives,
        // Every instance of the plans and states is judged, so none is left for context only.
        context: Vec::new(),
        // The source's module graph still says which folder calls which.
        modules: source.modules,
        // What the plan or state holds is what exists: no block is left out for its count.
        absent: Vec::new(),
    })
}

/// The documents' resources as placed so far.
#[derive(Default)]
struct Placed {
    resources: Vec<Resource>,
    /// For each source block (file, address in its module), the instances it declares.
    declared: HashMap<(Arc<str>, String), Vec<String>>,
    warnings: Vec<String>,
}

fn place_snapshot(
    snapshot: Snapshot,
    index: &SourceIndex,
    placed: &mut Placed,
) -> Result<(), String> {
    let wanted = root_blocks(&snapshot);
    let root = index.root_folder(&wanted);
    if root.is_none() && !wanted.is_empty() {
        let some: Vec<&str> = wanted.iter().take(3).map(String::as_str).collect();
        let message = format!(
            "{}: none of the {} blocks of its root module ({}{}) is declared in the Terraform read (-t, the working directory by default)",
            snapshot.shown,
            wanted.len(),
            some.join(", "),
            if wanted.len() > some.len() {
                ", …"
            } else {
                ""
            }
        );
        if snapshot.kind == Kind::Plan {
            return Err(format!(
                "{message}: the plan was made for another configuration; run riveter in the folder the plan was made in, or name it with -t"
            ));
        }
        placed.warnings.push(format!(
            "{message}; findings point at {} and name each resource's address",
            snapshot.file
        ));
    }
    // Said once: every instance of a state of another folder has no block.
    let announced = root.is_none() && !wanted.is_empty();
    let root = root.unwrap_or("");
    if snapshot.kind == Kind::Plan {
        let missing: Vec<&str> = wanted
            .iter()
            .filter(|a| index.block(root, a).is_none())
            .map(String::as_str)
            .collect();
        if !missing.is_empty() && missing.len() < wanted.len() {
            placed.warnings.push(format!(
                "{}: {} block(s) of the plan are not in the source read (was it changed after the plan?): {}",
                snapshot.shown,
                missing.len(),
                missing.join(", ")
            ));
        }
    }
    let mut modules: HashMap<Vec<String>, ModulePlace> = HashMap::new();
    let mut unplaced: Vec<String> = Vec::new();
    let mut remote: Vec<String> = Vec::new();
    placed.resources.reserve(snapshot.instances.len());
    for instance in snapshot.instances {
        if !modules.contains_key(&instance.module) {
            let module = place::locate(
                index,
                root,
                snapshot.configuration.as_ref(),
                &instance.module,
            );
            modules.insert(instance.module.clone(), module);
        }
        let module = &modules[&instance.module];
        let declared_as = instance.declared_as();
        let block = module
            .folder
            .as_deref()
            .and_then(|folder| index.block(folder, &declared_as));
        let mut origin = None;
        let (file, span, body) = match block {
            Some(block) => {
                placed
                    .declared
                    .entry((block.file.clone(), declared_as))
                    .or_default()
                    .push(instance.address.clone());
                let body = values::placed(instance.values, Some(&block.body), block.span);
                (block.file.clone(), block.span, body)
            }
            None => {
                unplaced.push(instance.address.clone());
                origin = Some(Arc::<str>::from(snapshot.shown.as_str()));
                if let Some(source) = &module.remote
                    && !remote.contains(source)
                {
                    remote.push(source.clone());
                }
                let (file, span) = match module.call {
                    Some(call) => (call.file.clone(), call.span),
                    // The document's first line: reports need one.
                    None => (snapshot.file.clone(), DOCUMENT_START),
                };
                (file, span, values::placed(instance.values, None, span))
            }
        };
        let mut resource = Resource::new(
            instance.kind,
            &instance.resource_type,
            &instance.name,
            file,
            span,
            body,
        );
        resource.address = instance.address;
        resource.origin = origin;
        placed.resources.push(resource);
    }
    if !unplaced.is_empty() && !announced {
        let shown: Vec<&str> = unplaced.iter().take(5).map(String::as_str).collect();
        let modules = if remote.is_empty() {
            String::new()
        } else {
            format!(" (modules not on disk: {})", remote.join(", "))
        };
        placed.warnings.push(format!(
            "{}: {} resource(s) have no block in the source read{modules}; their findings name the address and point at the module call, or at {}: {}{}",
            snapshot.shown,
            unplaced.len(),
            snapshot.file,
            shown.join(", "),
            if unplaced.len() > shown.len() { ", …" } else { "" }
        ));
    }
    Ok(())
}

/// The root module's blocks, by which the folder a document was made in is recognized: a
/// plan's configuration names them (with its module calls); a state has only its instances.
fn root_blocks(snapshot: &Snapshot) -> Vec<String> {
    let mut blocks: Vec<String> = match &snapshot.configuration {
        Some(configuration) => configuration
            .resources
            .iter()
            .map(|r| r.address.clone())
            .chain(
                configuration
                    .module_calls
                    .keys()
                    .map(|name| format!("module.{name}")),
            )
            .collect(),
        None => snapshot
            .instances
            .iter()
            .filter(|i| i.module.is_empty())
            .map(Recorded::declared_as)
            .collect(),
    };
    let mut seen = HashSet::new();
    blocks.retain(|b| seen.insert(b.clone()));
    blocks
}

/// Source comments name a block (`aws_s3_bucket.raw`); they apply to each of its instances.
fn retarget(
    mut directives: Vec<Directive>,
    declared: &HashMap<(Arc<str>, String), Vec<String>>,
) -> Vec<Directive> {
    for directive in &mut directives {
        let key = directive
            .address
            .as_ref()
            .map(|a| (Arc::from(directive.file.as_str()), a.clone()));
        if let Some(instances) = key.and_then(|k| declared.get(&k)) {
            directive.instances = instances.clone();
        }
    }
    directives
}

/// Reads one document, checks it is of the kind expected and in a format riveter reads, and
/// takes its resource instances.
fn read(path: &str, kind: Kind, root: &Path) -> Result<Snapshot, String> {
    let (shown, file): (String, Arc<str>) = if path == "-" {
        ("standard input".into(), "standard input".into())
    } else {
        (path.to_string(), {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.into());
            display_path(&super::lexical(&absolute), root).into()
        })
    };
    // Read once, as it streams: a plan can be hundreds of megabytes.
    let reader: Box<dyn std::io::Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?)
    };
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    check_start(&shown, &mut reader)?;
    let document: Document = serde_json::from_reader(reader).map_err(|e| json_error(&shown, &e))?;
    let (instances, configuration) = match kind {
        Kind::Plan => plan_instances(&shown, document)?,
        Kind::State => (state_instances(&shown, document)?, None),
    };
    Ok(Snapshot {
        shown,
        file,
        kind,
        instances,
        configuration,
    })
}

/// What the first bytes say: nothing, the binary plan file `terraform plan -out` writes (a zip
/// archive), or anything but a JSON object.
fn check_start(shown: &str, reader: &mut BufReader<Box<dyn std::io::Read>>) -> Result<(), String> {
    let start = reader.fill_buf().map_err(|e| format!("{shown}: {e}"))?;
    if start.starts_with(b"PK\x03\x04") {
        return Err(format!(
            "{shown}: this is a binary plan file; riveter reads its JSON: terraform show -json {shown} > plan.json"
        ));
    }
    match start.iter().find(|b| !b.is_ascii_whitespace()) {
        None if start.is_empty() => Err(format!("{shown}: the file is empty")),
        Some(b'{') => Ok(()),
        // Only whitespace in the first megabyte: let the parser say where it ends.
        None => Ok(()),
        Some(_) => Err(format!(
            "{shown}: not the JSON of a Terraform plan or state (it does not start with `{{`); riveter reads `terraform show -json` and state files"
        )),
    }
}

fn json_error(shown: &str, e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Io => format!("{shown}: {e}"),
        Category::Eof => format!(
            "{shown}:{}:{}: the JSON ends before it is complete (a truncated file?)",
            e.line(),
            e.column()
        ),
        Category::Syntax => format!("{shown}: not valid JSON: {e}"),
        Category::Data => format!("{shown}: not the JSON of a Terraform plan or state: {e}"),
    }
}

/// The JSON output formats riveter reads: 1.x, which every Terraform since 0.12 writes (a
/// new major version would announce changes that break readers).
fn check_format_version(shown: &str, version: &str) -> Result<(), String> {
    match version.split('.').next() {
        Some("1") => Ok(()),
        _ => Err(format!(
            "{shown}: format_version {version} is not supported (riveter reads 1.x, the JSON format of Terraform 0.12 and later)"
        )),
    }
}

fn plan_instances(
    shown: &str,
    document: Document,
) -> Result<(Vec<Recorded>, Option<ConfigModule>), String> {
    let Some(version) = &document.format_version else {
        if document.version.is_some() {
            return Err(format!(
                "{shown}: this is a state file; scan it with riveter scan-state -s {shown}"
            ));
        }
        return Err(format!(
            "{shown}: not the JSON of a Terraform plan (no format_version); riveter reads the output of terraform show -json PLANFILE"
        ));
    };
    check_format_version(shown, version)?;
    if document.planned_values.is_none() && document.resource_changes.is_none() {
        return Err(if document.values.is_some() {
            format!(
                "{shown}: this is the JSON of a state, not a plan; scan it with riveter scan-state -s {shown}"
            )
        } else {
            format!(
                "{shown}: not the JSON of a Terraform plan (no planned_values); riveter reads the output of terraform show -json PLANFILE"
            )
        });
    }
    let mut changes: HashMap<String, document::Change> = document
        .resource_changes
        .unwrap_or_default()
        .into_iter()
        .map(|c| (c.address, c.change))
        .collect();
    let mut instances = Vec::new();
    if let Some(root) = document.planned_values.and_then(|v| v.root_module) {
        shown_instances(shown, root, &mut |instance, module| {
            let change = changes.remove(&instance.address);
            let actions = change.as_ref().map_or(&[][..], |c| c.actions.as_slice());
            // What the plan destroys or stops managing is not applied: not judged.
            if !actions.is_empty() && actions.iter().all(|a| a == "delete" || a == "forget") {
                return;
            }
            let mut recorded = recorded(instance, module);
            if let Some(marks) = change.and_then(|c| c.after_unknown) {
                let mut path = recorded.address.clone();
                values::mark_unknown(&mut recorded.values, &marks.0, &mut path);
            }
            instances.push(recorded);
        })?;
    }
    // Data sources Terraform could read while planning are in the prior state, not in the
    // planned values.
    let planned: HashSet<String> = instances.iter().map(|i| i.address.clone()).collect();
    if let Some(root) = document
        .prior_state
        .and_then(|s| s.values)
        .and_then(|v| v.root_module)
    {
        shown_instances(shown, root, &mut |instance, module| {
            if instance.mode == "data" && !planned.contains(&instance.address) {
                instances.push(recorded(instance, module));
            }
        })?;
    }
    let configuration = document.configuration.map(|c| c.root_module);
    Ok((instances, configuration))
}

fn state_instances(shown: &str, document: Document) -> Result<Vec<Recorded>, String> {
    if let Some(version) = document.version {
        if version != 4 {
            return Err(format!(
                "{shown}: state format version {version} is not supported (riveter reads version 4, written by Terraform 0.12 and later; `terraform show -json` of the state works too)"
            ));
        }
        let mut instances = Vec::new();
        for resource in document.resources.unwrap_or_default() {
            state_file_instances(shown, resource, &mut instances)?;
        }
        return Ok(instances);
    }
    let Some(version) = &document.format_version else {
        return Err(format!(
            "{shown}: not a Terraform state (no version or format_version); riveter reads state files and the output of terraform show -json"
        ));
    };
    check_format_version(shown, version)?;
    if document.planned_values.is_some() || document.resource_changes.is_some() {
        return Err(format!(
            "{shown}: this is the JSON of a plan, not a state; scan it with riveter scan --plan {shown}"
        ));
    }
    let mut instances = Vec::new();
    // The JSON of an empty state has no `values`.
    if let Some(root) = document.values.and_then(|v| v.root_module) {
        shown_instances(shown, root, &mut |instance, module| {
            if instance.mode == "managed" {
                instances.push(recorded(instance, module));
            }
        })?;
    }
    Ok(instances)
}

/// Every instance of a shown module and its child modules, with its module path.
fn shown_instances<K: document::Keep>(
    shown: &str,
    module: ShownModule<K>,
    each: &mut dyn FnMut(Instance<K>, &[String]),
) -> Result<(), String> {
    let path = place::module_path(module.address.as_deref().unwrap_or(""))
        .map_err(|e| format!("{shown}: {e}"))?;
    for instance in module.resources {
        each(instance, &path);
    }
    for child in module.child_modules {
        shown_instances(shown, child, each)?;
    }
    Ok(())
}

fn recorded<K>(instance: Instance<K>, module: &[String]) -> Recorded {
    Recorded {
        kind: if instance.mode == "data" {
            BlockKind::Data
        } else {
            BlockKind::Managed
        },
        resource_type: instance.resource_type,
        name: instance.name,
        address: instance.address,
        module: module.to_vec(),
        values: instance.values.unwrap_or(Value::Map(Vec::new())),
    }
}

/// A state file's managed instances, addressed as Terraform addresses them; objects that a
/// replacement left to be destroyed (deposed) are not judged.
fn state_file_instances(
    shown: &str,
    resource: StateResource,
    out: &mut Vec<Recorded>,
) -> Result<(), String> {
    if resource.mode != "managed" {
        return Ok(());
    }
    let prefix = resource.module.unwrap_or_default();
    let module = place::module_path(&prefix).map_err(|e| format!("{shown}: {e}"))?;
    for instance in resource.instances {
        if instance.deposed.is_some() {
            continue;
        }
        let key = instance
            .index_key
            .as_ref()
            .map(document::IndexKey::address_suffix)
            .unwrap_or_default();
        let dot = if prefix.is_empty() { "" } else { "." };
        out.push(Recorded {
            kind: BlockKind::Managed,
            resource_type: resource.resource_type.clone(),
            name: resource.name.clone(),
            address: format!(
                "{prefix}{dot}{}.{}{key}",
                resource.resource_type, resource.name
            ),
            module: module.clone(),
            values: instance
                .attributes
                .map_or(Value::Map(Vec::new()), |a| unwrap_dynamic(a.0)),
        });
    }
    Ok(())
}

/// A state file writes an attribute of dynamic type (`terraform_data`'s `input`, a Kubernetes
/// manifest) as `{"value": ..., "type": ...}`; `show -json` and plans write the value alone.
/// Without the provider's schema, an attribute whose object is exactly a value and a type
/// expression is read as that value.
fn unwrap_dynamic(attributes: Value) -> Value {
    let Value::Map(fields) = attributes else {
        return attributes;
    };
    Value::Map(
        fields
            .into_iter()
            .map(|(key, node)| match node.value {
                Value::Map(pair) if is_dynamic(&pair) => {
                    let value = pair.into_iter().find(|(k, _)| k == "value").map(|(_, n)| n);
                    (key, value.unwrap_or(Node::bare(Value::Null)))
                }
                value => (key, Node::bare(value)),
            })
            .collect(),
    )
}

fn is_dynamic(pair: &[(String, Node)]) -> bool {
    let field = |name: &str| pair.iter().find(|(k, _)| k == name).map(|(_, n)| &n.value);
    pair.len() == 2 && field("value").is_some() && field("type").is_some_and(is_type)
}

/// A type as Terraform writes it in JSON: `"string"`, `["list", "string"]`,
/// `["object", {"a": "string"}]`.
fn is_type(value: &Value) -> bool {
    match value {
        Value::String(s) => matches!(s.as_str(), "string" | "number" | "bool" | "dynamic"),
        Value::List(items) => matches!(
            items.first().map(|n| &n.value),
            Some(Value::String(s)) if matches!(s.as_str(), "list" | "set" | "map" | "object" | "tuple")
        ),
        _ => false,
    }
}
