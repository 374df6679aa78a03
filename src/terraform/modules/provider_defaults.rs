//! What a provider configuration adds to every resource it manages, before `plan`: the AWS
//! provider's `default_tags` become part of each resource's `tags`, and the Google provider's
//! `default_labels` part of its `labels` (docs/evaluation.md, "What providers add"). A rule on
//! `tags.Owner` then sees the owner a bucket inherits, as the provider would apply it.

use crate::terraform::resource::{BlockKind, Resource};
use crate::value::{Node, Unknown, Value};

/// The providers whose defaults are modelled: the provider's local name, where its defaults
/// are written in its configuration, and the resource attribute they join.
const MODELLED: &[Modelled] = &[
    Modelled {
        provider: "aws",
        defaults: &["default_tags", "0", "tags"],
        attribute: "tags",
    },
    Modelled {
        provider: "google",
        defaults: &["default_labels"],
        attribute: "labels",
    },
    Modelled {
        provider: "google-beta",
        defaults: &["default_labels"],
        attribute: "labels",
    },
];

struct Modelled {
    provider: &'static str,
    /// The path to the defaults in the provider block's body (`default_tags` is a block).
    defaults: &'static [&'static str],
    attribute: &'static str,
}

/// The defaults of one provider configuration: `provider "aws" { alias = "west" ... }`.
struct Configuration {
    provider: String,
    alias: String,
    attribute: &'static str,
    defaults: Defaults,
}

enum Defaults {
    Known(Vec<(String, Node)>),
    /// `default_tags { tags = var.tags }` with no value: which tags a resource gets is unknown.
    Unknown(Box<Unknown>),
}

/// Adds the defaults of the module's provider configurations (`providers`, from every file of
/// the module) to the resources they manage: those whose `provider` argument names one, or,
/// without one, those whose type starts with the provider's name, by its configuration without
/// an alias. The resource's own values win, as in the providers.
pub fn apply(providers: &[Resource], resources: &mut [Resource]) {
    let configurations: Vec<Configuration> = providers
        .iter()
        .filter(|r| r.kind == BlockKind::Provider)
        .filter_map(configuration)
        .collect();
    if configurations.is_empty() {
        return;
    }
    for resource in resources.iter_mut() {
        if resource.kind != BlockKind::Managed {
            continue;
        }
        let (provider, alias) = provider_of(resource);
        if let Some(configuration) = configurations
            .iter()
            .find(|c| c.provider == provider && c.alias == alias)
        {
            add_defaults(resource, configuration);
        }
    }
}

fn configuration(provider: &Resource) -> Option<Configuration> {
    let modelled = MODELLED
        .iter()
        .find(|m| m.provider == provider.resource_type)?;
    let mut value = &provider.body.value;
    for segment in modelled.defaults {
        value = match value {
            Value::List(items) => &items.get(segment.parse::<usize>().ok()?)?.value,
            other => &other.get(segment)?.value,
        };
    }
    let defaults = match value {
        Value::Map(defaults) => Defaults::Known(defaults.clone()),
        Value::Unknown(unknown) => Defaults::Unknown(unknown.clone()),
        _ => return None,
    };
    Some(Configuration {
        provider: provider.resource_type.clone(),
        alias: provider.name.clone(),
        attribute: modelled.attribute,
        defaults,
    })
}

/// The provider configuration a resource names (`provider = aws.west`), or its default one.
fn provider_of(resource: &Resource) -> (String, String) {
    if let Some(node) = resource.body.value.get("provider") {
        let text = match &node.value {
            Value::Unknown(u) => u.source.clone(),
            Value::String(s) => s.clone(),
            _ => String::new(),
        };
        if let Some((name, alias)) = text.split_once('.') {
            return (name.trim().to_string(), alias.trim().to_string());
        }
        return (text.trim().to_string(), String::new());
    }
    let name = resource
        .resource_type
        .split_once('_')
        .map_or(resource.resource_type.as_str(), |(prefix, _)| prefix);
    (name.to_string(), String::new())
}

/// The defaults join the resource's own map; a value the resource sets itself is kept. An
/// inherited value is reported at the resource's block, where the user reads it. A map that is
/// unknown stays unknown.
fn add_defaults(resource: &mut Resource, configuration: &Configuration) {
    let span = resource.span;
    let defaults = match &configuration.defaults {
        Defaults::Known(defaults) => defaults,
        Defaults::Unknown(unknown) => {
            // The resource's own values are among what it gets, but not all of it: unknown.
            let reason = format!(
                "the {} of provider {} ({})",
                configuration.attribute, configuration.provider, unknown.reason
            );
            let value = Value::Unknown(Unknown::new(unknown.source.clone(), reason));
            set(resource, configuration.attribute, Node::new(value, span));
            return;
        }
    };
    let inherited = |(key, node): &(String, Node)| (key.clone(), node.clone().placed_at(span));
    let Value::Map(body) = &mut resource.body.value else {
        return;
    };
    match body.iter_mut().find(|(k, _)| k == configuration.attribute) {
        Some((
            _,
            Node {
                value: Value::Map(own),
                ..
            },
        )) => {
            for entry in defaults {
                if !own.iter().any(|(k, _)| *k == entry.0) {
                    own.push(inherited(entry));
                }
            }
        }
        Some((_, node)) if node.value.is_null() => {
            node.value = Value::Map(defaults.iter().map(inherited).collect());
        }
        Some(_) => {}
        None => body.push((
            configuration.attribute.to_string(),
            Node::new(Value::Map(defaults.iter().map(inherited).collect()), span),
        )),
    }
}

/// Sets a resource's attribute, replacing its own.
fn set(resource: &mut Resource, attribute: &str, node: Node) {
    let Value::Map(body) = &mut resource.body.value else {
        return;
    };
    match body.iter_mut().find(|(k, _)| k == attribute) {
        Some((_, existing)) => *existing = node,
        None => body.push((attribute.to_string(), node)),
    }
}
