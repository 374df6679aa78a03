//! What a value refers to (docs/rules.md, "What refers to means"): the resources a reference
//! expression names, a known name, or nothing that can be decided before `plan`, and why.

use crate::terraform::{BlockKind, ModuleInstance, Resource};
use crate::value::Value;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::borrow::Cow;

/// Chains of module calls deeper than this are not followed (as the evaluator's bound).
const MAX_CALL_DEPTH: usize = 8;

/// Arguments of a `module` block that are not the called module's variables.
const META_ARGUMENTS: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

/// One thing a value refers to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Referent {
    /// A managed resource of a module (a folder, relative to the scan root): a reference
    /// expression such as `aws_s3_bucket.b.id` or `aws_s3_bucket.b[each.key].arn`.
    Resource {
        module: String,
        resource_type: String,
        name: String,
    },
    /// A known text, which refers to the resource it names (a bucket's literal name).
    Name(String),
    /// What cannot be followed, in words, and the module whose code holds it.
    Undecided { module: String, reason: String },
}

/// A `module` block: where it is, what it calls, what it passes.
pub struct ModuleCall<'r> {
    pub call: &'r Resource,
    /// The called folder, for a module of this repository (`./`, `../`); `None` for one from
    /// a registry or any other remote source.
    pub target: Option<String>,
}

/// Module calls by calling module and called folder, to follow values through them.
pub struct Calls<'r> {
    pub from: HashMap<String, Vec<ModuleCall<'r>>>,
    into: HashMap<String, Vec<(String, &'r Resource)>>,
    /// For each module instance, the modules that called it, its caller first: a value passed
    /// down as an argument is written there (`Unknown::passed`).
    ancestors: HashMap<String, Vec<String>>,
    /// Managed resources by address, to follow a reference through another resource.
    managed: HashMap<Referent, &'r Resource>,
}

/// The module a resource is written in: its folder, relative to the scan root, and for an
/// instance of a called module the instance's address (`modules/kms#module.weak`), since
/// each instance refers to its own resources.
pub fn module_of(resource: &Resource) -> Cow<'_, str> {
    module_key(folder(&resource.file), resource.instance.as_deref())
}

/// A module instance is its folder, the root module that made it and its address: two root
/// modules (two examples of one repository) that each call `module "vpc"` make two instances
/// with one address, whose resources must not be taken for each other.
fn module_key<'a>(folder: &'a str, instance: Option<&ModuleInstance>) -> Cow<'a, str> {
    match instance {
        Some(instance) => Cow::Owned(format!(
            "{folder}#{}#{}",
            root_of(instance),
            instance.address
        )),
        None => Cow::Borrowed(folder),
    }
}

/// The folder of the root module whose calls made the instance.
fn root_of(instance: &ModuleInstance) -> &str {
    instance.calls.first().map_or("", |call| folder(&call.file))
}

/// The folder of a module (`module_of`).
pub fn folder_of_module(module: &str) -> &str {
    module.split_once('#').map_or(module, |(folder, _)| folder)
}

/// The folder a resource's file is in.
pub fn folder(file: &str) -> &str {
    file.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The modules that called an instance, its caller first, as `module_of` names them.
fn ancestors_of(instance: &ModuleInstance) -> Vec<String> {
    let calls = &instance.calls;
    (1..=calls.len())
        .map(|up| {
            let site = &calls[calls.len() - up];
            let parent = calls.len().checked_sub(up + 1).map(|at| &calls[at].address);
            match parent {
                Some(address) => {
                    format!("{}#{}#{address}", folder(&site.file), root_of(instance))
                }
                None => folder(&site.file).to_string(),
            }
        })
        .collect()
}

impl<'r> Calls<'r> {
    /// The module instance a `module.NAME.…` value written in `module` reads an output of, as
    /// `module_of` names its resources; `None` for a call of a module not in this repository.
    fn called_instance(&self, module: &str, source: &str) -> Option<String> {
        let name = source.trim().strip_prefix("module.")?;
        let name = name.split(['.', '[']).next()?;
        let call = self
            .from
            .get(module)?
            .iter()
            .find(|c| c.call.name == name)?;
        let target = call.target.as_deref()?;
        Some(match module.split_once('#') {
            // An instance: its root, and its address with the call's.
            Some((_, rest)) => {
                let (root, address) = rest.split_once('#')?;
                format!("{target}#{root}#{address}.module.{name}")
            }
            None => format!("{target}#{module}#module.{name}"),
        })
    }

    pub fn new(resources: &[&'r Resource]) -> Calls<'r> {
        let mut from: HashMap<String, Vec<ModuleCall>> = HashMap::new();
        let mut into: HashMap<String, Vec<(String, &Resource)>> = HashMap::new();
        let mut ancestors: HashMap<String, Vec<String>> = HashMap::new();
        for resource in resources {
            if let Some(instance) = &resource.instance {
                ancestors
                    .entry(module_of(resource).into_owned())
                    .or_insert_with(|| ancestors_of(instance));
            }
        }
        for call in resources.iter().filter(|r| r.kind == BlockKind::Module) {
            let module = module_of(call).into_owned();
            let source = match call.body.value.get("source").map(|n| &n.value) {
                Some(Value::String(source)) => Some(source.as_str()),
                _ => None,
            };
            let target = source
                .filter(|s| s.starts_with("./") || s.starts_with("../"))
                .map(|s| join(folder_of_module(&module), s));
            if let Some(target) = &target {
                into.entry(target.clone())
                    .or_default()
                    .push((module.clone(), call));
            }
            from.entry(module)
                .or_default()
                .push(ModuleCall { call, target });
        }
        let managed = resources
            .iter()
            .filter(|r| r.kind == BlockKind::Managed)
            .map(|r| (resource_referent(r), *r))
            .collect();
        Calls {
            from,
            into,
            ancestors,
            managed,
        }
    }

    /// What a value written in `module` refers to. `owner` is the resource it belongs to, whose
    /// `for_each` gives `each.value` its meaning. `through` is the attribute the value is
    /// (`bucket`): a reference to the `id` of another resource that has that attribute too
    /// refers to what it refers to, as an ownership control whose `bucket` is the bucket
    /// policy's id (the bucket's name) refers to the policy's bucket.
    pub fn referents(
        &self,
        value: &Value,
        module: &str,
        owner: Option<&Resource>,
        through: Option<&str>,
    ) -> Vec<Referent> {
        let mut out = Vec::new();
        let walk = Walk { owner, through };
        self.collect(value, module, walk, 0, &mut out);
        out.sort();
        out.dedup();
        out
    }

    fn collect(
        &self,
        value: &Value,
        module: &str,
        walk: Walk,
        depth: usize,
        out: &mut Vec<Referent>,
    ) {
        let owner = walk.owner;
        match value {
            Value::String(text) => {
                // A known string built with a reference (`"${aws_s3_bucket.b.arn}/*"`) holds it
                // as `${...}` text; any other text is a name.
                let named = interpolated_references(text);
                if named.is_empty() {
                    out.push(Referent::Name(text.clone()));
                } else {
                    self.resources(named, module, walk, depth, out);
                }
            }
            Value::List(items) => {
                for item in items {
                    self.collect(&item.value, module, walk, depth, out);
                }
            }
            // Passed down as an argument: its text is written in a caller.
            Value::Unknown(unknown) if unknown.passed > 0 => {
                match self
                    .ancestors
                    .get(module)
                    .and_then(|up| up.get(usize::from(unknown.passed) - 1))
                {
                    Some(caller) => {
                        let mut written = unknown.clone();
                        written.passed = 0;
                        let walk = Walk {
                            owner: None,
                            ..walk
                        };
                        let caller = caller.clone();
                        self.collect(&Value::Unknown(written), &caller, walk, depth, out)
                    }
                    None => out.push(undecided(module, &unknown.source, &unknown.reason)),
                }
            }
            Value::Unknown(unknown) if unknown.identifier => {
                let named = references_in(&unknown.source);
                if named.is_empty() {
                    out.push(undecided(module, &unknown.source, &unknown.reason));
                    // A module's output (`module.vpc.vpc_id`) may name any resource of that
                    // module's instance: what it refers to there is not known either.
                    if let Some(called) = self.called_instance(module, &unknown.source) {
                        out.push(undecided(&called, &unknown.source, &unknown.reason));
                    }
                } else {
                    self.resources(named, module, walk, depth, out);
                }
            }
            Value::Unknown(unknown) if !unknown.candidates.is_empty() => {
                // The value of each instance of a block whose `for_each` or `count` is known.
                for candidate in &unknown.candidates {
                    self.collect(candidate, module, walk, depth, out);
                }
            }
            Value::Unknown(unknown) => {
                let source = unknown.source.trim();
                if let Some(variable) = variable_name(source)
                    && depth < MAX_CALL_DEPTH
                    && let Some(callers) = self.into.get(module)
                {
                    for (caller_module, call) in callers {
                        match call.body.value.get(variable) {
                            Some(argument) => {
                                let walk = Walk {
                                    owner: None,
                                    ..walk
                                };
                                self.collect(&argument.value, caller_module, walk, depth + 1, out)
                            }
                            None => out.push(undecided(
                                caller_module,
                                source,
                                &format!("{} does not pass `{variable}`", call.address),
                            )),
                        }
                    }
                    return;
                }
                if source.starts_with("each.value")
                    && let Some(each) = owner.and_then(|o| o.body.value.get("for_each"))
                {
                    let mut of_each = Vec::new();
                    let walk = Walk {
                        owner: None,
                        through: None,
                    };
                    self.collect(&each.value, module, walk, depth, &mut of_each);
                    if of_each
                        .iter()
                        .all(|r| matches!(r, Referent::Resource { .. }))
                    {
                        out.extend(of_each);
                        return;
                    }
                }
                out.push(undecided(module, source, &unknown.reason));
            }
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::Map(_) => {}
        }
    }

    /// The resources a reference expression names; through another resource's `id` to what
    /// its attribute of the same name refers to (`Calls::referents`).
    fn resources(
        &self,
        named: Vec<Reference>,
        module: &str,
        walk: Walk,
        depth: usize,
        out: &mut Vec<Referent>,
    ) {
        for reference in named {
            let referent = resource(module, reference.resource_type, reference.name);
            if let Some(through) = walk.through
                && reference.attribute.as_deref() == Some("id")
                && depth < MAX_CALL_DEPTH
                && let Some(other) = self.managed.get(&referent)
                && walk
                    .owner
                    .is_none_or(|o| o.resource_type != other.resource_type)
                && let Some(value) = other.body.value.get(through)
            {
                let walk = Walk {
                    owner: Some(other),
                    through: Some(through),
                };
                self.collect(&value.value, module, walk, depth + 1, out);
            }
            out.push(referent);
        }
    }

    /// For each resource passed to a module whose resources the scan does not hold (a
    /// registry module, or a folder not among `scanned`): why what that module creates cannot
    /// be known. By the resource's index in `by_address`.
    pub fn passed_to_unread(
        &self,
        scanned: &HashSet<&str>,
        by_address: &HashMap<Referent, usize>,
    ) -> HashMap<usize, Vec<String>> {
        let mut out: HashMap<usize, Vec<String>> = HashMap::new();
        for (module, calls) in &self.from {
            let unread = calls.iter().filter(|call| {
                call.target
                    .as_deref()
                    .is_none_or(|target| !scanned.contains(target))
            });
            for call in unread {
                let Value::Map(arguments) = &call.call.body.value else {
                    continue;
                };
                let source = match call.call.body.value.get("source").map(|n| &n.value) {
                    Some(Value::String(source)) => source.clone(),
                    _ => "an unknown source".to_string(),
                };
                let why = format!(
                    "it is passed to {} (source \"{source}\"), whose resources riveter does not read",
                    call.call.address
                );
                let mut passed: Vec<usize> = arguments
                    .iter()
                    .filter(|(name, _)| !META_ARGUMENTS.contains(&name.as_str()))
                    .flat_map(|(_, value)| self.referents(&value.value, module, None, None))
                    .filter_map(|referent| by_address.get(&referent).copied())
                    .collect();
                passed.sort_unstable();
                passed.dedup();
                for at in passed {
                    out.entry(at).or_default().push(why.clone());
                }
            }
        }
        out
    }
}

/// What a value is read as: the resource it belongs to and the attribute it is.
#[derive(Clone, Copy)]
struct Walk<'a> {
    owner: Option<&'a Resource>,
    through: Option<&'a str>,
}

/// A reference expression's resource, and the attribute it reads (`id` in
/// `aws_s3_bucket.b[0].id`).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reference {
    pub resource_type: String,
    pub name: String,
    pub attribute: Option<String>,
}

/// The referent a reference to this resource resolves to.
pub fn resource_referent(of: &Resource) -> Referent {
    resource(&module_of(of), of.resource_type.clone(), of.name.clone())
}

fn resource(module: &str, resource_type: String, name: String) -> Referent {
    Referent::Resource {
        module: module.to_string(),
        resource_type,
        name,
    }
}

fn undecided(module: &str, source: &str, reason: &str) -> Referent {
    let reason = if reason.is_empty() || reason.starts_with(source) {
        if reason.is_empty() {
            source.to_string()
        } else {
            reason.to_string()
        }
    } else {
        format!("{source}: {reason}")
    };
    Referent::Undecided {
        module: module.to_string(),
        reason,
    }
}

/// `var.NAME` alone: the name.
fn variable_name(source: &str) -> Option<&str> {
    let name = source.strip_prefix("var.")?;
    name.chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        .then_some(name)
}

/// The managed resources a reference expression's text names, with the attribute each reads:
/// `aws_s3_bucket.b.id`, `aws_s3_bucket.b[each.key].arn`, `try(aws_s3_bucket.b[0].id, "")`.
pub fn references_in(text: &str) -> Vec<Reference> {
    let bytes = text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let ident_end = |from: usize| from + bytes[from..].iter().take_while(|&&c| is_ident(c)).count();
    let mut out = Vec::new();
    let mut at = 0;
    let mut in_string = false;
    while at < bytes.len() {
        let b = bytes[at];
        if b == b'"' && (at == 0 || bytes[at - 1] != b'\\') {
            in_string = !in_string;
            at += 1;
            continue;
        }
        // An identifier starts a reference only where no `.` or other identifier precedes it.
        let starts = (b.is_ascii_alphabetic() || b == b'_')
            && (at == 0 || !(is_ident(bytes[at - 1]) || bytes[at - 1] == b'.'));
        if in_string || !starts {
            at += 1;
            continue;
        }
        let first_end = ident_end(at);
        let first = &text[at..first_end];
        if bytes.get(first_end) != Some(&b'.') {
            at = first_end;
            continue;
        }
        let second_start = first_end + 1;
        let second_end = ident_end(second_start);
        // Resource types are `provider_kind`; the other roots (`var`, `local`, `module`,
        // `data`, `each`, `count`, `path`, `self`, `terraform`) have no `_`.
        if first.contains('_') && second_end > second_start {
            out.push(Reference {
                resource_type: first.to_string(),
                name: text[second_start..second_end].to_string(),
                attribute: attribute_after(text, second_end),
            });
        }
        at = second_end.max(first_end + 1);
    }
    out.sort();
    out.dedup();
    out
}

/// The attribute read after a resource's name: past an index (`[0]`, `[each.key]`, `.0`) or a
/// splat (`[*]`, `.*`).
fn attribute_after(text: &str, mut at: usize) -> Option<String> {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(at) {
            Some(b'[') => {
                let mut depth = 0;
                while let Some(&b) = bytes.get(at) {
                    at += 1;
                    match b {
                        b'[' => depth += 1,
                        b']' if depth == 1 => break,
                        b']' => depth -= 1,
                        _ => {}
                    }
                }
            }
            Some(b'.') => {
                let start = at + 1;
                let end = start
                    + bytes[start..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'*')
                        .count();
                let segment = &text[start..end];
                if segment.is_empty() {
                    return None;
                }
                if segment == "*" || segment.bytes().all(|c| c.is_ascii_digit()) {
                    at = end;
                    continue;
                }
                return Some(segment.to_string());
            }
            _ => return None,
        }
    }
}

/// The references inside the `${...}` parts of a known string.
fn interpolated_references(text: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let inner = &rest[start + 2..];
        let end = inner.find('}').unwrap_or(inner.len());
        out.extend(references_in(&inner[..end]));
        rest = &inner[end..];
    }
    out
}

/// `a/b` joined with `../c` as `a/c`, `/`-separated, without touching the file system.
fn join(module: &str, source: &str) -> String {
    // A folder outside the scan root keeps its absolute path, and its leading `/`.
    let absolute = module.starts_with('/');
    let mut parts: Vec<&str> = module.split('/').filter(|p| !p.is_empty()).collect();
    for part in source.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(text: &str) -> Vec<(String, String)> {
        references_in(text)
            .into_iter()
            .map(|r| (r.resource_type, r.name))
            .collect()
    }

    fn pair(t: &str, n: &str) -> (String, String) {
        (t.to_string(), n.to_string())
    }

    #[test]
    fn a_reference_reads_the_attribute_after_its_index() {
        let attribute = |text: &str| references_in(text).remove(0).attribute;
        assert_eq!(attribute("aws_s3_bucket.b.id").as_deref(), Some("id"));
        assert_eq!(attribute("aws_s3_bucket.b[0].arn").as_deref(), Some("arn"));
        assert_eq!(
            attribute("aws_s3_bucket.b[each.key].id").as_deref(),
            Some("id")
        );
        assert_eq!(
            attribute("aws_s3_bucket.b.0.bucket").as_deref(),
            Some("bucket")
        );
        assert_eq!(attribute("aws_s3_bucket.b[*].id").as_deref(), Some("id"));
        assert_eq!(attribute("aws_s3_bucket.b.*.id").as_deref(), Some("id"));
        assert_eq!(attribute("aws_s3_bucket.b"), None);
    }

    #[test]
    fn a_reference_names_its_resource_whatever_its_attribute_or_index() {
        for text in [
            "aws_s3_bucket.b.id",
            "aws_s3_bucket.b.bucket",
            "aws_s3_bucket.b.arn",
            "aws_s3_bucket.b[0].id",
            "aws_s3_bucket.b[each.key].id",
            "aws_s3_bucket.b[\"logs\"].arn",
            "try(aws_s3_bucket.b[0].id, \"\")",
            "element(aws_s3_bucket.b.*.id, 0)",
        ] {
            assert_eq!(refs(text), [pair("aws_s3_bucket", "b")], "{text}");
        }
    }

    #[test]
    fn variables_locals_modules_and_data_sources_are_not_resources() {
        for text in [
            "var.bucket",
            "local.bucket_id",
            "module.s3.s3_bucket_id",
            "data.aws_s3_bucket.b.id",
            "each.value.id",
            "count.index",
            "\"aws_s3_bucket.b\"",
        ] {
            assert_eq!(refs(text), Vec::<(String, String)>::new(), "{text}");
        }
    }

    #[test]
    fn known_text_refers_through_its_interpolations_only() {
        let named: Vec<(String, String)> =
            interpolated_references("arn:aws:s3:::${aws_s3_bucket.b.id}/*")
                .into_iter()
                .map(|r| (r.resource_type, r.name))
                .collect();
        assert_eq!(named, [pair("aws_s3_bucket", "b")]);
        assert!(interpolated_references("my.bucket_name.example").is_empty());
    }

    #[test]
    fn module_sources_join_lexically() {
        assert_eq!(join("", "./modules/s3"), "modules/s3");
        assert_eq!(join("envs/prod", "../../modules/s3"), "modules/s3");
        assert_eq!(join("envs/prod", "./s3/"), "envs/prod/s3");
        assert_eq!(join("/tmp/infra", "./modules/s3"), "/tmp/infra/modules/s3");
    }
}
