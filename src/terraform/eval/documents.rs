//! References to `data "aws_iam_policy_document"` blocks (docs/evaluation.md, "Policy
//! documents"): the block's `json` (`data.aws_iam_policy_document.x.json`), one instance's under
//! `count` or `for_each` (`x[0].json`, `x["a"].json`), or every instance's (`x[*].json`,
//! `x.*.json`). An instance's policy is rendered with its own `count.index` or `each`, so a
//! policy whose statements do not use them is the same for every instance, and known even when
//! the `count` is not.

use super::scope::{DOCUMENT_INSTANCES as MAX_LISTED, DocumentInstances};
use super::{Evaluator, template, to_number};
use crate::value::{Node, Number, Unknown, Value};
use hcl::edit::Decorated;
use hcl::edit::expr::TraversalOperator;

impl Evaluator<'_, '_> {
    /// `data.aws_iam_policy_document.NAME` followed by `ops`: the value, and how many of `ops`
    /// it consumed; `None` for what riveter does not resolve (another attribute, the block's
    /// instances as an object), which stays unknown. `Err` is what Terraform would reject: a
    /// reference to an instance that does not exist, or none to a block that has instances.
    pub(super) fn policy_document_reference(
        &mut self,
        name: &str,
        ops: &[Decorated<TraversalOperator>],
    ) -> Result<Option<(Value, usize)>, String> {
        let is_policy = |at: usize| {
            matches!(
                ops.get(at).map(|o| o.value()),
                Some(TraversalOperator::GetAttr(a)) if matches!(a.as_str(), "json" | "minified_json")
            )
        };
        let Some(instances) = self.scope.document_instances(name) else {
            return Ok(None);
        };
        let block = format!("data.aws_iam_policy_document.{name}");
        let Some(first) = ops.first().map(|o| o.value()) else {
            return Ok(None);
        };
        let value = match first {
            TraversalOperator::GetAttr(_) if is_policy(0) => {
                return match *instances {
                    DocumentInstances::Single | DocumentInstances::AsWritten => {
                        Ok(self.document(name, "", None).map(|v| (v, 1)))
                    }
                    DocumentInstances::Count(_)
                    | DocumentInstances::Unknown { each: false, .. } => Err(format!(
                        "{block} has count, so a reference names one of its instances ({block}[0])"
                    )),
                    DocumentInstances::ForEach(_)
                    | DocumentInstances::Unknown { each: true, .. } => Err(format!(
                        "{block} has for_each, so a reference names one of its instances ({block}[\"key\"])"
                    )),
                };
            }
            TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_) if is_policy(1) => {
                let key = match first {
                    TraversalOperator::Index(expr) => self.eval(expr)?,
                    TraversalOperator::LegacyIndex(i) => {
                        Value::Number(Number::count(*i.value() as usize))
                    }
                    _ => return Ok(None),
                };
                self.document_instance(name, &block, &instances, key)?
            }
            // `[*]` applies what follows to each instance, `.*` only the attributes: past the
            // policy, only the legacy splat's list is indexed.
            TraversalOperator::FullSplat(_) if ops.len() > 2 => return Ok(None),
            TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) if is_policy(1) => {
                self.document_list(name, &block, &instances)?
            }
            _ => return Ok(None),
        };
        Ok(Some((value, 2)))
    }

    /// One instance's policy: `key` is the index or the `for_each` key the reference gives.
    fn document_instance(
        &mut self,
        name: &str,
        block: &str,
        instances: &DocumentInstances,
        key: Value,
    ) -> Result<Value, String> {
        let count = |i: usize| {
            let index = Node::bare(Value::Number(Number::count(i)));
            Some(("count", Value::Map(vec![("index".into(), index)])))
        };
        let each = |key: &str, value: Value| {
            Some((
                "each",
                Value::Map(vec![
                    ("key".into(), Node::bare(Value::String(key.to_string()))),
                    ("value".into(), Node::bare(value)),
                ]),
            ))
        };
        // An instance riveter cannot name: the block as written, its `count.index` or `each`
        // unknown, whose policy is every instance's when the statements do not use them.
        if let Value::Unknown(_) = key {
            return match *instances {
                DocumentInstances::Single => Err(no_index(block)),
                DocumentInstances::Count(0) => Err(format!(
                    "{block} has no instances (its count is 0), so no index names one"
                )),
                DocumentInstances::ForEach(ref entries) if entries.is_empty() => Err(format!(
                    "{block} has no instances (its for_each is empty), so no key names one"
                )),
                DocumentInstances::Count(n) if n <= MAX_LISTED => {
                    let each_one = (0..n)
                        .map(|i| self.document(name, &format!("[{i}]"), count(i)))
                        .collect();
                    Ok(self.any_of(name, each_one))
                }
                DocumentInstances::ForEach(ref entries) if entries.len() <= MAX_LISTED => {
                    let each_one = entries
                        .iter()
                        .map(|(k, v)| self.document(name, &instance_key(k), each(k, v.clone())))
                        .collect();
                    Ok(self.any_of(name, each_one))
                }
                _ => Ok(self.document(name, "", None).unwrap_or(Value::Null)),
            };
        }
        let at = |key: &Value| -> Result<usize, String> {
            let n = to_number(key)?;
            n.to_i64()
                .and_then(|i| usize::try_from(i).ok())
                .ok_or_else(|| format!("{block}[{n}]: an index is a whole number of 0 or more"))
        };
        let value = match *instances {
            DocumentInstances::Single => return Err(no_index(block)),
            DocumentInstances::AsWritten => self.document(name, "", None),
            DocumentInstances::Count(n) => {
                let i = at(&key)?;
                if i >= n {
                    return Err(format!(
                        "{block}[{i}] is not an instance: its count is {n}, so {block} has {}",
                        match n {
                            0 => "no instances".to_string(),
                            1 => "only the instance [0]".to_string(),
                            n => format!("the instances [0] to [{}]", n - 1),
                        }
                    ));
                }
                self.document(name, &format!("[{i}]"), count(i))
            }
            DocumentInstances::Unknown { each: false, .. } => {
                let i = at(&key)?;
                self.document(name, &format!("[{i}]"), count(i))
            }
            DocumentInstances::ForEach(ref entries) => {
                let k = template::text(&key)?;
                let Some(v) = entries.get(&k) else {
                    return Err(format!(
                        "{block}{} is not an instance: its for_each has no key \"{k}\"",
                        instance_key(&k)
                    ));
                };
                self.document(name, &instance_key(&k), each(&k, v.clone()))
            }
            DocumentInstances::Unknown {
                each: true,
                ref cause,
            } => {
                let k = template::text(&key)?;
                let value = Value::Unknown(Unknown::new(
                    "each.value",
                    format!(
                        "each.value of {block}{}, whose for_each depends on {}",
                        instance_key(&k),
                        cause.reason
                    ),
                ));
                self.document(name, &instance_key(&k), each(&k, value))
            }
        };
        Ok(value.unwrap_or(Value::Null))
    }

    /// Every instance's policy, as a list (`x[*].json`).
    fn document_list(
        &mut self,
        name: &str,
        block: &str,
        instances: &DocumentInstances,
    ) -> Result<Value, String> {
        let policies: Vec<Node> = match *instances {
            // A splat on a single object makes a one-element list, as in Terraform.
            DocumentInstances::Single | DocumentInstances::AsWritten => self
                .document(name, "", None)
                .into_iter()
                .map(Node::bare)
                .collect(),
            DocumentInstances::Count(n) if n <= MAX_LISTED => (0..n)
                .filter_map(|i| {
                    let index = Node::bare(Value::Number(Number::count(i)));
                    let binding = ("count", Value::Map(vec![("index".into(), index)]));
                    self.document(name, &format!("[{i}]"), Some(binding))
                })
                .map(Node::bare)
                .collect(),
            DocumentInstances::Count(n) => {
                return Ok(Value::Unknown(Unknown::new(
                    format!("{block}[*].json"),
                    format!(
                        "{block}[*].json, the policies of {n} instances, more than riveter lists ({MAX_LISTED})"
                    ),
                )));
            }
            DocumentInstances::Unknown {
                each: false,
                ref cause,
            } => {
                return Ok(Value::Unknown(Unknown::new(
                    format!("{block}[*].json"),
                    format!(
                        "{block}[*].json, whose number of instances depends on {}",
                        cause.reason
                    ),
                )));
            }
            DocumentInstances::ForEach(_) | DocumentInstances::Unknown { each: true, .. } => {
                return Err(format!(
                    "{block} has for_each: its instances are a map, which a splat does not list (values({block})[*].json would)"
                ));
            }
        };
        Ok(Value::List(policies))
    }

    /// The policy of an instance riveter cannot name: known when every instance's is the same,
    /// else unknown, with each instance's policy for the operators to decide on.
    fn any_of(&mut self, name: &str, each_one: Vec<Option<Value>>) -> Value {
        let each_one: Vec<Value> = each_one.into_iter().flatten().collect();
        if let Some(first) = each_one.first()
            && !first.is_unknown()
            && each_one.iter().all(|v| v == first)
        {
            return first.clone();
        }
        match self.document(name, "", None) {
            Some(Value::Unknown(mut unknown)) => {
                unknown.candidates = each_one;
                Value::Unknown(unknown)
            }
            other => other.unwrap_or(Value::Null),
        }
    }

    fn document(&self, name: &str, key: &str, binding: Option<(&str, Value)>) -> Option<Value> {
        self.scope.policy_document(name, key, binding)
    }
}

/// `["key"]`, as Terraform writes an instance key.
fn instance_key(key: &str) -> String {
    format!("[{}]", serde_json::Value::String(key.to_string()))
}

fn no_index(block: &str) -> String {
    format!("{block} has neither count nor for_each, so a reference to it takes no index")
}
