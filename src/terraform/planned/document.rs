//! The JSON documents Terraform writes about what it will apply and what it has applied:
//! `terraform show -json` of a plan or of a state, and a version 4 state file. Read once, from
//! a buffered reader, straight into these types: parts riveter does not judge (a change's
//! `before`, the managed resources of a plan's prior state) are skipped as they stream past,
//! and values become riveter's own model without an intermediate JSON tree.

use crate::value::{Node, Number, Value};
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// Every top-level field riveter reads, of all three kinds of document; which ones are present
/// says what the document is.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Document {
    /// Plans and `show -json` states: the JSON output format's version (`1.2`).
    pub format_version: Option<String>,
    /// State files: the state format's version (4).
    pub version: Option<u64>,
    pub terraform_version: Option<String>,
    /// A plan: the values of every resource instance after the plan is applied.
    pub planned_values: Option<Values<Everything>>,
    /// A plan: what happens to each instance, and which of its values are known after apply.
    pub resource_changes: Option<Vec<ResourceChange>>,
    /// A plan: the state it was made against; its data sources are read while planning.
    pub prior_state: Option<ShowState<DataOnly>>,
    /// A plan: the configuration, whose module calls say where each module's source is.
    pub configuration: Option<Configuration>,
    /// A `show -json` state.
    pub values: Option<Values<Everything>>,
    /// A state file's resources.
    pub resources: Option<Vec<StateResource>>,
}

/// Whose values a shown module keeps.
pub trait Keep: Default {
    /// Only data sources' values (a plan's prior state, whose managed resources the plan's
    /// own values replace).
    const DATA_ONLY: bool;
}

#[derive(Debug, Default)]
pub struct Everything;

impl Keep for Everything {
    const DATA_ONLY: bool = false;
}

#[derive(Debug, Default)]
pub struct DataOnly;

impl Keep for DataOnly {
    const DATA_ONLY: bool = true;
}

/// `{ "outputs": ..., "root_module": ... }` of a plan's planned values or a shown state.
#[derive(Debug, Default, Deserialize)]
#[serde(default, bound = "K: Keep")]
pub struct Values<K: Keep> {
    pub root_module: Option<ShownModule<K>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, bound = "K: Keep")]
pub struct ShowState<K: Keep> {
    pub values: Option<Values<K>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, bound = "K: Keep")]
pub struct ShownModule<K: Keep> {
    pub address: Option<String>,
    pub resources: Vec<Instance<K>>,
    pub child_modules: Vec<ShownModule<K>>,
}

/// One resource instance as `show -json` writes it.
#[derive(Debug, Default)]
pub struct Instance<K> {
    pub address: String,
    pub mode: String,
    pub resource_type: String,
    pub name: String,
    /// `None` when the instance's values were skipped (`DATA_ONLY` and managed) or absent.
    pub values: Option<Value>,
    keep: std::marker::PhantomData<K>,
}

/// Written by hand rather than derived: Terraform writes `mode` before `values`, so the values
/// of a managed resource that is not wanted are skipped as they are read, never built.
impl<'de, K: Keep> Deserialize<'de> for Instance<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InstanceVisitor<K>(std::marker::PhantomData<K>);
        impl<'de, K: Keep> Visitor<'de> for InstanceVisitor<K> {
            type Value = Instance<K>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a resource instance object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut instance = Instance::<K>::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "address" => instance.address = map.next_value()?,
                        "mode" => instance.mode = map.next_value()?,
                        "type" => instance.resource_type = map.next_value()?,
                        "name" => instance.name = map.next_value()?,
                        "values" if K::DATA_ONLY && instance.mode != "data" => {
                            map.next_value::<IgnoredAny>()?;
                        }
                        "values" => instance.values = Some(map.next_value::<Json>()?.0),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                if instance.address.is_empty() || instance.resource_type.is_empty() {
                    return Err(de::Error::custom(
                        "a resource instance without its address or type",
                    ));
                }
                Ok(instance)
            }
        }
        deserializer.deserialize_map(InstanceVisitor::<K>(std::marker::PhantomData))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResourceChange {
    pub address: String,
    pub change: Change,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Change {
    /// `create`, `update`, `delete`, `read`, `no-op`, `forget`; a replacement has two.
    pub actions: Vec<String>,
    /// `true` where a value is known only after apply, mirroring `after`'s shape.
    pub after_unknown: Option<Json>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Configuration {
    pub root_module: ConfigModule,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfigModule {
    pub resources: Vec<ConfigResource>,
    pub module_calls: BTreeMap<String, ModuleCall>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfigResource {
    /// The block's address in its module: `aws_s3_bucket.raw`, `data.x.y`.
    pub address: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ModuleCall {
    /// As written in the `module` block: `./modules/data`, `terraform-aws-modules/vpc/aws`.
    pub source: Option<String>,
    pub module: Option<ConfigModule>,
}

/// A resource of a version 4 state file, with its instances.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StateResource {
    /// `module.data["eu"]`; absent in the root module.
    pub module: Option<String>,
    pub mode: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    pub name: String,
    pub instances: Vec<StateInstance>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StateInstance {
    /// A number for `count`, a string for `for_each`; absent for a single instance.
    pub index_key: Option<IndexKey>,
    /// Set on an object a replacement left to be destroyed.
    pub deposed: Option<String>,
    pub attributes: Option<Json>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum IndexKey {
    Number(i64),
    String(String),
}

impl IndexKey {
    /// As Terraform writes it after the resource's name: `[0]`, `["eu"]`.
    pub fn address_suffix(&self) -> String {
        match self {
            IndexKey::Number(n) => format!("[{n}]"),
            IndexKey::String(s) => format!("[{}]", serde_json::Value::String(s.clone())),
        }
    }
}

/// A JSON value read straight into riveter's value model.
#[derive(Debug, Clone, PartialEq)]
pub struct Json(pub Value);

impl Default for Json {
    fn default() -> Json {
        Json(Value::Null)
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor).map(Json)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    // Terraform writes a plan's numbers as their text; serde_json gives integers exactly and
    // others as the nearest `f64`, read back as its shortest text.
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(Number::whole(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(Number::whole_u64(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(Number::from_decimal_f64(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(Json(item)) = seq.next_element()? {
            items.push(Node::bare(item));
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some((key, Json(value))) = map.next_entry::<String, Json>()? {
            entries.push((key, Node::bare(value)));
        }
        Ok(Value::Map(entries))
    }
}
