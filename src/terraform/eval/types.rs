//! Type constraints of `variable` blocks, and the conversions Terraform applies to a value given
//! for a variable: `"10"` to a number, `5` to a string, optional object attributes filled in.

pub use crate::terraform::syntax::declarations::Constraint;
use crate::value::{Node, Value, number_text};
use hcl::edit::expr::Expression;

#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    Any,
    String,
    Number,
    Bool,
    List(Box<Type>),
    Set(Box<Type>),
    Map(Box<Type>),
    Tuple(Vec<Type>),
    Object(Vec<Attribute>),
    /// A variable declared `nullable = false`: never null. Terraform gives it its default when
    /// a caller passes null, and refuses null when it has none. Only a variable's type is so
    /// wrapped, never a type inside another.
    NotNull(Box<Type>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub ty: Type,
    /// `optional(type)` or `optional(type, default)`.
    pub optional: bool,
    pub default: Option<Value>,
}

impl Type {
    /// A variable's type: the one its `type` names (`any` when it names none), never null when
    /// it is declared `nullable = false` (a literal `false`, as Terraform requires).
    pub fn parse(constraint: Constraint) -> Type {
        let ty = constraint.ty.map_or(Type::Any, Type::of);
        match constraint.nullable {
            Some(Expression::Bool(nullable)) if !*nullable.value() => Type::NotNull(Box::new(ty)),
            _ => ty,
        }
    }

    /// Whether the type is a variable's declared `nullable = false`.
    pub fn is_not_null(&self) -> bool {
        matches!(self, Type::NotNull(_))
    }

    /// The type of the values, whether or not they may be null.
    pub fn values(&self) -> &Type {
        match self {
            Type::NotNull(inner) => inner,
            other => other,
        }
    }

    /// The type an expression like `map(object({ a = optional(string, "x") }))` names. An
    /// expression riveter does not understand is `any`: no conversion is better than a wrong one.
    pub fn of(expr: &Expression) -> Type {
        match expr {
            Expression::Variable(name) => match name.as_str() {
                "string" => Type::String,
                "number" => Type::Number,
                "bool" => Type::Bool,
                _ => Type::Any,
            },
            Expression::FuncCall(call) => {
                let args: Vec<&Expression> = call.args.iter().collect();
                let inner = || args.first().map_or(Type::Any, |a| Type::of(a));
                match call.name.name.as_str() {
                    "list" => Type::List(Box::new(inner())),
                    "set" => Type::Set(Box::new(inner())),
                    "map" => Type::Map(Box::new(inner())),
                    "tuple" => match args.first() {
                        Some(Expression::Array(items)) => {
                            Type::Tuple(items.iter().map(Type::of).collect())
                        }
                        _ => Type::Any,
                    },
                    "object" => match args.first() {
                        Some(Expression::Object(object)) => Type::Object(
                            object
                                .iter()
                                .map(|(key, value)| attribute(&key_name(key), value.expr()))
                                .collect(),
                        ),
                        _ => Type::Any,
                    },
                    _ => Type::Any,
                }
            }
            // In `.tf.json`, a type is written as a string: `"list(string)"`.
            Expression::String(s) => {
                hcl::edit::parser::parse_expr(s.value()).map_or(Type::Any, |e| Type::of(&e))
            }
            _ => Type::Any,
        }
    }

    /// The value converted to this type, or why it cannot be.
    pub fn convert(&self, value: Value) -> Result<Value, String> {
        if let Type::NotNull(inner) = self {
            return match value {
                Value::Null => {
                    Err("is null, which a variable declared nullable = false refuses".into())
                }
                // What may be null is, given to it, its default or a value that is set.
                Value::Unknown(mut unknown) if unknown.absent.is_some() => {
                    unknown.absent = None;
                    Ok(Value::Unknown(unknown))
                }
                value => inner.convert(value),
            };
        }
        if matches!(value, Value::Unknown(_) | Value::Null) || *self == Type::Any {
            return Ok(value);
        }
        match (self, value) {
            (Type::String, Value::String(s)) => Ok(Value::String(s)),
            (Type::String, Value::Number(n)) => Ok(Value::String(number_text(&n))),
            (Type::String, Value::Bool(b)) => Ok(Value::String(b.to_string())),
            (Type::Number, Value::Number(n)) => Ok(Value::Number(n)),
            (Type::Number, Value::String(s)) => {
                super::to_number(&Value::String(s)).map(Value::Number)
            }
            (Type::Bool, Value::Bool(b)) => Ok(Value::Bool(b)),
            (Type::Bool, Value::String(s)) if s == "true" || s == "false" => {
                Ok(Value::Bool(s == "true"))
            }
            (Type::List(inner) | Type::Set(inner), Value::List(items)) => {
                let converted = items
                    .into_iter()
                    .map(|n| convert_node(inner, n))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Value::List(converted))
            }
            (Type::Tuple(types), Value::List(items)) if types.len() == items.len() => {
                let converted = types
                    .iter()
                    .zip(items)
                    .map(|(t, n)| convert_node(t, n))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Value::List(converted))
            }
            (Type::Map(inner), Value::Map(entries)) => {
                let converted = entries
                    .into_iter()
                    .map(|(k, n)| convert_node(inner, n).map(|n| (k, n)))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Value::Map(converted))
            }
            (Type::Object(attributes), Value::Map(entries)) => object(attributes, entries),
            (ty, value) => Err(format!("is a {}, not {}", value.kind(), ty.name())),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Type::Any => "any value",
            Type::String => "a string",
            Type::Number => "a number",
            Type::Bool => "a bool",
            Type::List(_) => "a list",
            Type::Set(_) => "a set",
            Type::Map(_) => "a map",
            Type::Tuple(_) => "a tuple",
            Type::Object(_) => "an object",
            Type::NotNull(inner) => inner.name(),
        }
    }
}

fn key_name(key: &hcl::edit::expr::ObjectKey) -> String {
    match key {
        hcl::edit::expr::ObjectKey::Ident(i) => i.as_str().to_string(),
        hcl::edit::expr::ObjectKey::Expression(Expression::String(s)) => s.value().clone(),
        hcl::edit::expr::ObjectKey::Expression(e) => e.to_string(),
    }
}

fn attribute(name: &str, expr: &Expression) -> Attribute {
    if let Expression::FuncCall(call) = expr
        && call.name.name.as_str() == "optional"
    {
        let args: Vec<&Expression> = call.args.iter().collect();
        return Attribute {
            name: name.to_string(),
            ty: args.first().map_or(Type::Any, |a| Type::of(a)),
            optional: true,
            default: args.get(1).and_then(|d| literal(d)),
        };
    }
    Attribute {
        name: name.to_string(),
        ty: Type::of(expr),
        optional: false,
        default: None,
    }
}

/// An `optional()` default is a constant; anything else is left out.
fn literal(expr: &Expression) -> Option<Value> {
    literal_text(&expr.to_string())
}

/// A constant written in HCL (`["a", "b"]`, `{ k = 1 }`, `10`), as `-var` and `TF_VAR_`
/// values of non-string variables are written.
pub fn literal_text(text: &str) -> Option<Value> {
    let parsed: hcl::Value = hcl::from_str(&format!("x = {text}")).ok()?;
    let json = serde_json::to_value(parsed).ok()?;
    json.get("x").map(Value::from_json)
}

fn convert_node(ty: &Type, node: Node) -> Result<Node, String> {
    Ok(Node::new(ty.convert(node.value)?, node.span))
}

/// Attributes of the type only, in its order: optional ones get their default (or null),
/// missing required ones are an error, extra ones are dropped, as Terraform converts objects.
fn object(attributes: &[Attribute], entries: Vec<(String, Node)>) -> Result<Value, String> {
    let mut out = Vec::new();
    for attribute in attributes {
        let given = entries
            .iter()
            .find(|(k, _)| *k == attribute.name)
            .map(|(_, n)| n.clone());
        let node = match given {
            Some(node) if !node.value.is_null() => convert_node(&attribute.ty, node)?,
            _ if attribute.optional => Node::bare(match &attribute.default {
                Some(default) => attribute.ty.convert(default.clone())?,
                None => Value::Null,
            }),
            _ => {
                return Err(format!(
                    "has no attribute \"{}\", which is required",
                    attribute.name
                ));
            }
        };
        out.push((attribute.name.clone(), node));
    }
    Ok(Value::Map(out))
}
