//! Evaluates Terraform expressions as far as Terraform itself could before `plan`
//! (docs/evaluation.md): literals, operators, conditionals, `for` expressions, splats, templates,
//! `var.*`, `local.*`, pure functions and `aws_iam_policy_document`. Whatever cannot be known
//! is an `Unknown` that keeps its source text and says why.

mod documents;
mod functions;
pub(crate) mod json_text;
pub(crate) mod limits;
mod policy_document;
mod scope;
mod template;
pub mod types;
mod ways;

pub use scope::{BodyRef, Budget, CalledModules, META_ARGUMENTS, Scope, VariableValue};

use crate::terraform::syntax::source::SourceFile;
use crate::value::{Absence, Node, Number, Span, Unknown, Value};
use hcl::edit::Span as _;
use hcl::edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl::edit::structure::{Block, Body, Structure};
use std::collections::HashMap;
use std::sync::Arc;

use crate::terraform::resource::{Origin, Provenance};

/// `var.NAME…` or `local.NAME…` (with any attribute or index after it): the root and the name.
fn traversal_root(expr: &Expression) -> Option<(&str, &str)> {
    let Expression::Traversal(traversal) = expr else {
        return None;
    };
    let Expression::Variable(root) = &traversal.expr else {
        return None;
    };
    match traversal.operators.first().map(|op| op.value()) {
        Some(TraversalOperator::GetAttr(name)) => Some((root.as_str(), name.as_str())),
        _ => None,
    }
}

/// An expression Terraform would reject (a missing attribute, a type error): `try` and `can`
/// catch it; elsewhere it makes the value unknown, with the error as the reason.
pub type Eval = Result<Value, String>;

/// Evaluates expressions of one file against the scope of its module.
pub struct Evaluator<'s, 't> {
    scope: &'s Scope<'t>,
    file: &'s SourceFile,
    /// Names bound by enclosing `for` expressions, template `for` directives and dynamic blocks.
    bound: Vec<(String, Value)>,
    /// A `templatefile` template sees only its own variables, not the module's.
    isolated: bool,
    /// The expressions this value has evaluated, against `limits::VALUE_STEPS`.
    steps: u64,
    /// The attributes of the body evaluated so far that read a variable set elsewhere.
    provenance: Vec<Provenance>,
}

impl<'s, 't> Evaluator<'s, 't> {
    pub fn new(scope: &'s Scope<'t>, file: &'s SourceFile) -> Evaluator<'s, 't> {
        Evaluator {
            scope,
            file,
            bound: Vec::new(),
            isolated: false,
            steps: 0,
            provenance: Vec::new(),
        }
    }

    /// An evaluator in which `name` (`each`, `count`) is bound: one instance of a block.
    pub fn with_binding(
        scope: &'s Scope<'t>,
        file: &'s SourceFile,
        name: &str,
        value: Value,
    ) -> Evaluator<'s, 't> {
        let mut evaluator = Evaluator::new(scope, file);
        evaluator.bound.push((name.to_string(), value));
        evaluator
    }

    fn span(&self, expr: &Expression) -> Span {
        self.file.span(expr.span())
    }

    fn source(&self, expr: &Expression) -> String {
        self.file.text_of(expr.span()).to_string()
    }

    /// An unknown for `expr` that inherits the reason of what it depends on. An expression
    /// built from a resource reference (`[for b in aws_s3_bucket.this : "${b.arn}/*"]`) stands
    /// for identifiers too.
    fn unknown_from(&self, expr: &Expression, cause: &Unknown) -> Value {
        let mut unknown = Unknown::new(self.source(expr), cause.reason.clone());
        unknown.identifier = cause.identifier;
        Value::Unknown(unknown)
    }

    /// The value of an attribute: errors become unknowns that name them. A bound of `limits`
    /// met anywhere inside is recorded here, on the attribute's line, as an error of the scan.
    pub fn attribute(&mut self, expr: &Expression) -> Node {
        let span = self.span(expr);
        let value = self.eval(expr).unwrap_or_else(|error| {
            let reason = if error.ends_with(limits::LIMIT) {
                self.scope.budget.met(&self.file.name, span, &error);
                format!("{}: {error}", self.source(expr))
            } else {
                format!("an expression Terraform would reject: {error}")
            };
            Value::Unknown(Unknown::new(self.source(expr), reason))
        });
        Node::new(fill_spans(value, span), span)
    }

    /// An expression's value. One past the bounds of `limits` is an error that ends with
    /// `limits::LIMIT`, which `try` and `can` pass on and `attribute` records and makes an
    /// unknown.
    pub fn eval(&mut self, expr: &Expression) -> Eval {
        let _depth = self.within_bounds()?;
        let value = self.eval_unbounded(expr)?;
        let may_grow = matches!(
            expr,
            Expression::Array(_)
                | Expression::Object(_)
                | Expression::StringTemplate(_)
                | Expression::HeredocTemplate(_)
                | Expression::FuncCall(_)
                | Expression::ForExpr(_)
        );
        match may_grow.then(|| limits::oversized(&value)).flatten() {
            Some(why) => Err(format!("{}, which would be {why}", self.source(expr))),
            None => Ok(value),
        }
    }

    /// Counts one step of this value and of its file, and one level of nesting (left when the
    /// guard is dropped); the reason when a bound is met.
    fn within_bounds(&mut self) -> Result<limits::DepthGuard, String> {
        self.charge(1)?;
        self.scope.budget.enter()
    }

    /// Counts `steps` against this value and its file.
    fn charge(&mut self, steps: u64) -> Result<(), String> {
        self.steps += steps;
        if self.steps > limits::VALUE_STEPS {
            return Err(format!(
                "left unevaluated: the value evaluated {} expressions, {}",
                limits::VALUE_STEPS,
                limits::LIMIT
            ));
        }
        self.scope.budget.steps(&self.file.name, steps)
    }

    /// Counts the work of copying or reading `value` (a reference to a local, a variable or
    /// a `for` element, a function's arguments): a step per `limits::VALUES_PER_STEP` values,
    /// so that a loop over a large value that copies it on every iteration meets the bound
    /// as the loop's own steps would.
    fn charge_for(&mut self, value: &Value) -> Result<(), String> {
        let values = match value {
            Value::List(_) | Value::Map(_) => limits::measure(value).0,
            Value::Unknown(unknown) if unknown.absent.is_some() => limits::measure(value).0,
            _ => return Ok(()),
        };
        self.charge((values / limits::VALUES_PER_STEP) as u64)
    }

    fn eval_unbounded(&mut self, expr: &Expression) -> Eval {
        match expr {
            Expression::Null(_) => Ok(Value::Null),
            Expression::Bool(b) => Ok(Value::Bool(*b.value())),
            Expression::Number(n) => self.number_literal(expr, n.value()),
            Expression::String(s) => Ok(Value::String(s.value().clone())),
            Expression::Array(items) => {
                let nodes = items
                    .iter()
                    .map(|e| self.node(e))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Value::List(nodes))
            }
            Expression::Object(object) => {
                let mut entries = Vec::new();
                for (key, value) in object.iter() {
                    let key = self.object_key(key)?;
                    let node = self.node(value.expr())?;
                    entries.push((key, node));
                }
                Ok(Value::map_last_wins(entries))
            }
            Expression::StringTemplate(t) => {
                let rendered = self.template(t)?;
                Ok(self.read_back(rendered, expr))
            }
            Expression::HeredocTemplate(h) => {
                let rendered = self.heredoc(&h.template, h.indent())?;
                Ok(self.read_back(rendered, expr))
            }
            Expression::Parenthesis(p) => self.eval(p.inner()),
            Expression::Variable(name) => self.variable(expr, name.as_str()),
            Expression::Traversal(traversal) => {
                self.traversal(expr, &traversal.expr, &traversal.operators)
            }
            Expression::Conditional(c) => match self.eval(&c.cond_expr)? {
                Value::Unknown(u) => self.undecided_conditional(expr, c, &u),
                cond => {
                    if to_bool(&cond)? {
                        self.eval(&c.true_expr)
                    } else {
                        self.eval(&c.false_expr)
                    }
                }
            },
            Expression::FuncCall(call) => self.func_call(expr, call),
            Expression::UnaryOp(op) => {
                let value = self.eval(&op.expr)?;
                if let Value::Unknown(u) = &value {
                    return Ok(self.unknown_from(expr, u));
                }
                match op.operator.value() {
                    UnaryOperator::Neg => Ok(Value::Number(to_number(&value)?.neg())),
                    UnaryOperator::Not => Ok(Value::Bool(!to_bool(&value)?)),
                }
            }
            Expression::BinaryOp(op) => {
                let lhs = self.eval(&op.lhs_expr)?;
                let rhs = self.eval(&op.rhs_expr)?;
                if let Some(u) = lhs.first_unknown().or(rhs.first_unknown()) {
                    return Ok(self.unknown_from(expr, &u.clone()));
                }
                binary(*op.operator.value(), &lhs, &rhs)
            }
            Expression::ForExpr(for_expr) => self.for_expr(expr, for_expr),
        }
    }

    /// A rendered string with unknown parts becomes an unknown named by the expression.
    fn read_back(&self, rendered: Value, expr: &Expression) -> Value {
        match rendered {
            Value::String(text) => Value::from_rendered(text, &self.source(expr)),
            other => other,
        }
    }

    /// A sub-expression's value with its place in the file.
    fn node(&mut self, expr: &Expression) -> Result<Node, String> {
        let span = self.span(expr);
        Ok(Node::new(fill_spans(self.eval(expr)?, span), span))
    }

    fn object_key(&mut self, key: &ObjectKey) -> Result<String, String> {
        match key {
            ObjectKey::Ident(ident) => Ok(ident.as_str().to_string()),
            ObjectKey::Expression(expr) => match self.eval(expr)? {
                Value::String(s) => Ok(s),
                Value::Unknown(u) => Ok(u.as_text()),
                other => template::text(&other),
            },
        }
    }

    fn bound(&self, name: &str) -> Option<&Value> {
        self.bound
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    fn variable(&mut self, expr: &Expression, name: &str) -> Eval {
        match self.bound(name).cloned() {
            Some(value) => {
                self.charge_for(&value)?;
                Ok(value)
            }
            None => Ok(Value::Unknown(Unknown::new(
                self.source(expr),
                unknown_root(name, &self.source(expr)),
            ))),
        }
    }

    /// `a.b[0].c`, `x[*].id`: references are resolved by their root, then walked.
    fn traversal(
        &mut self,
        whole: &Expression,
        base: &Expression,
        ops: &[hcl::edit::Decorated<TraversalOperator>],
    ) -> Eval {
        let (root, rest) = match base {
            Expression::Variable(name) if self.isolated && self.bound(name.as_str()).is_none() => {
                return Err(format!(
                    "a template can only use the variables passed to templatefile, not {}",
                    name.as_str()
                ));
            }
            Expression::Variable(name) if self.bound(name.as_str()).is_none() => {
                match self.reference(whole, name.as_str(), ops)? {
                    Some(resolved) => resolved,
                    None => return Ok(self.unknown_reference(whole, name.as_str())),
                }
            }
            _ => (self.eval(base)?, 0),
        };
        Ok(match self.walk(root, &ops[rest..])? {
            // A walk that met an unknown on the way is named by the whole traversal; an unknown
            // leaf keeps its own source, which is what the text operators should read.
            Walked::Stopped(u) => self.unknown_from(whole, &u),
            Walked::Reached(value) => value,
        })
    }

    /// The value a reference's root names, and how many operators it consumed; `None` for
    /// references that cannot be known before `plan`.
    fn reference(
        &mut self,
        whole: &Expression,
        root: &str,
        ops: &[hcl::edit::Decorated<TraversalOperator>],
    ) -> Result<Option<(Value, usize)>, String> {
        let attr = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(name)) => Some(name.as_str().to_string()),
            _ => None,
        };
        let span = self.span(whole);
        let resolved = match (root, attr(0)) {
            ("var", Some(name)) => Some((self.scope.variable(&name).placed_at(span), 1)),
            ("local", Some(name)) => Some((self.scope.local(&name).placed_at(span), 1)),
            ("module", Some(name)) => Some((self.scope.module(&name).placed_at(span), 1)),
            ("path", Some(which)) => self.scope.path(&which).map(|p| (Value::String(p), 1)),
            ("terraform", Some(which)) if which == "workspace" => {
                Some((Value::String("default".into()), 1))
            }
            ("data", Some(data_type)) if data_type == "aws_iam_policy_document" => {
                let Some(name) = attr(1) else { return Ok(None) };
                self.policy_document_reference(&name, &ops[2..])?
                    .map(|(v, used)| (v.placed_at(span), 2 + used))
            }
            _ => None,
        };
        if let Some((value, _)) = &resolved {
            self.charge_for(value)?;
        }
        Ok(resolved)
    }

    /// A reference that cannot be known before `plan`. One rooted at a managed resource's type
    /// stands for an identifier of that resource; the others may hold any value.
    fn unknown_reference(&self, whole: &Expression, root: &str) -> Value {
        let source = self.source(whole);
        let reason = unknown_root(root, &source);
        Value::Unknown(if names_a_resource(root) {
            Unknown::identifier(source, reason)
        } else {
            Unknown::new(source, reason)
        })
    }

    fn walk(
        &mut self,
        mut value: Value,
        ops: &[hcl::edit::Decorated<TraversalOperator>],
    ) -> Result<Walked, String> {
        for (i, op) in ops.iter().enumerate() {
            if let Value::Unknown(u) = value {
                return Ok(Walked::Stopped(u));
            }
            value = match op.value() {
                TraversalOperator::GetAttr(name) => get_attr(value, name.as_str())?,
                TraversalOperator::LegacyIndex(i) => {
                    index(value, &Value::Number(Number::count(*i.value() as usize)))?
                }
                TraversalOperator::Index(expr) => {
                    let key = self.eval(expr)?;
                    if let Value::Unknown(u) = key {
                        return Ok(Walked::Stopped(u));
                    }
                    index(value, &key)?
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let items = match value {
                        Value::List(items) => items,
                        Value::Null => Vec::new(),
                        // A splat on a single value makes a one-element list, as in Terraform.
                        other => vec![Node::bare(other)],
                    };
                    let rest = &ops[i + 1..];
                    let mut mapped = Vec::new();
                    for item in items {
                        match self.walk(item.value, rest)? {
                            Walked::Reached(v) => mapped.push(Node::new(v, item.span)),
                            stopped => return Ok(stopped),
                        }
                    }
                    return Ok(Walked::Reached(Value::List(mapped)));
                }
            };
        }
        Ok(Walked::Reached(value))
    }

    /// A number literal read from its source text, as Terraform reads it (512 bits, never
    /// through a `float64`). A literal past riveter's bound on numbers is unknown.
    fn number_literal(&self, expr: &Expression, parsed: &hcl::Number) -> Eval {
        let text = self.source(expr);
        match Number::parse(text.trim()) {
            Ok(n) => Ok(Value::Number(n)),
            Err(why) if why.ends_with(limits::LIMIT) => Ok(Value::Unknown(Unknown::new(
                text.clone(),
                format!("{text}, which would be {why}"),
            ))),
            // Not the literal's own text (a span that hcl-edit placed elsewhere): its value.
            Err(_) => Ok(Value::Number(Number::from_decimal_f64(
                parsed.as_f64().unwrap_or(0.0),
            ))),
        }
    }

    fn func_call(&mut self, expr: &Expression, call: &hcl::edit::expr::FuncCall) -> Eval {
        let name = call.name.name.as_str();
        if !call.name.namespace.is_empty() {
            return Ok(Value::Unknown(Unknown::new(
                self.source(expr),
                format!(
                    "{}, a provider-defined function riveter does not evaluate",
                    self.source(expr)
                ),
            )));
        }
        // `try` and `can` catch errors, so their arguments are evaluated one by one.
        match name {
            "try" => {
                let args: Vec<&Expression> = call.args.iter().collect();
                return self.try_call(expr, &args);
            }
            "can" => {
                let arg = call.args.iter().next().ok_or("can() needs one argument")?;
                return match self.eval(arg) {
                    Ok(Value::Unknown(u)) => Ok(self.unknown_from(expr, &u)),
                    Ok(_) => Ok(Value::Bool(true)),
                    Err(e) if e.ends_with(limits::LIMIT) => Err(e),
                    Err(_) => Ok(Value::Bool(false)),
                };
            }
            _ => {}
        }
        let mut args = call
            .args
            .iter()
            .map(|a| self.eval(a))
            .collect::<Result<Vec<_>, _>>()?;
        if call.args.expand_final() {
            match args.pop() {
                Some(Value::List(items)) => args.extend(items.into_iter().map(|n| n.value)),
                Some(Value::Unknown(u)) => return Ok(self.unknown_from(expr, &u)),
                _ => return Err("the final argument expanded with ... must be a list".into()),
            }
        }
        for arg in &args {
            self.charge_for(arg)?;
        }
        let context = functions::Context {
            scope: self.scope,
            source: self.source(expr),
            file: self.file,
            offset: expr.span().map_or(0, |r| r.start),
            in_template: self.isolated,
        };
        functions::call(name, args, &context)
    }

    /// `try(args…)`: the first argument that evaluates. One that is unknown may still fail once
    /// it is known, and `try` then gives what the arguments after it give, so when they may be
    /// null (`try(var.settings.expiry, null)`) the result may be absent. A reference to another
    /// resource's attribute, or to a variable or a local, cannot fail: `try` gives it as it is.
    fn try_call(&mut self, expr: &Expression, args: &[&Expression]) -> Eval {
        let mut last = String::from("try() needs at least one argument");
        for (at, arg) in args.iter().enumerate() {
            match self.eval(arg) {
                Ok(Value::Unknown(u)) => {
                    let rest = &args[at + 1..];
                    let given = self.unknown_from(expr, &u);
                    if u.identifier || rest.is_empty() || is_bare_reference(arg) {
                        return Ok(keeping_absence(given, &u));
                    }
                    let fallback = match self.try_call(expr, rest) {
                        Ok(fallback) => fallback,
                        Err(e) if e.ends_with(limits::LIMIT) => return Err(e),
                        // Nothing after it evaluates: it is what `try` gives, or an error.
                        Err(_) => return Ok(keeping_absence(given, &u)),
                    };
                    if !fallback.may_be_null() {
                        return Ok(keeping_absence(given, &u));
                    }
                    let why = format!(
                        "{} may fall back to null, since {} depends on {}",
                        self.source(expr),
                        self.source(arg),
                        u.reason
                    );
                    let first = Value::Unknown(u);
                    let present = one_present(self.span(arg), [first, fallback], &given);
                    return Ok(maybe_absent(given, why, present));
                }
                Ok(value) => return Ok(value),
                // A bound of riveter's is not an error Terraform would have caught.
                Err(e) if e.ends_with(limits::LIMIT) => return Err(e),
                Err(e) => last = e,
            }
        }
        Err(format!("no argument of try() could be evaluated: {last}"))
    }

    /// A conditional whose condition is not known is unknown, as Terraform's is. When a branch
    /// is null (or may be absent), so may the result be: it is the other branch when it is set.
    fn undecided_conditional(
        &mut self,
        expr: &Expression,
        conditional: &hcl::edit::expr::Conditional,
        condition: &Unknown,
    ) -> Eval {
        let undecided = self.unknown_from(expr, condition);
        let branches = [
            self.branch(&conditional.true_expr)?,
            self.branch(&conditional.false_expr)?,
        ];
        if !branches.iter().any(Value::may_be_null) {
            return Ok(undecided);
        }
        if branches.iter().all(Value::is_null) {
            return Ok(Value::Null);
        }
        let why = format!(
            "{} may be null, since its condition depends on {}",
            self.source(expr),
            condition.reason
        );
        let present = one_present(self.span(expr), branches, &undecided);
        Ok(maybe_absent(undecided, why, present))
    }

    /// A branch of a conditional whose condition is not known. One Terraform would reject is
    /// not the result when it succeeds, but riveter does not know which branch is taken: it
    /// stands as an unknown that is set.
    fn branch(&mut self, expr: &Expression) -> Eval {
        match self.eval(expr) {
            Err(e) if !e.ends_with(limits::LIMIT) => Ok(Value::Unknown(Unknown::new(
                self.source(expr),
                format!("an expression Terraform would reject: {e}"),
            ))),
            result => result,
        }
    }

    fn for_expr(&mut self, expr: &Expression, for_expr: &hcl::edit::expr::ForExpr) -> Eval {
        let collection = self.eval(&for_expr.intro.collection_expr)?;
        let pairs = match iteration_pairs(collection) {
            Ok(pairs) => pairs,
            Err(u) => return Ok(self.unknown_from(expr, &u)),
        };
        let key_var = for_expr
            .intro
            .key_var
            .as_ref()
            .map(|k| k.as_str().to_string());
        let value_var = for_expr.intro.value_var.as_str().to_string();
        let mut list = Vec::new();
        let mut object: Vec<(String, Node)> = Vec::new();
        // Where each key of `object` is: looked up once per iteration, so a hostile map of
        // a hundred thousand keys costs as many look-ups, not their square.
        let mut places: HashMap<String, usize> = HashMap::new();
        for (key, value) in pairs {
            let depth = self.bound.len();
            if let Some(k) = &key_var {
                self.bound.push((k.clone(), key));
            }
            self.bound.push((value_var.clone(), value));
            let produced = self.for_item(for_expr);
            self.bound.truncate(depth);
            let Some((key, value)) = produced? else {
                continue;
            };
            match key {
                None => list.push(value),
                Some(Value::Unknown(u)) => return Ok(self.unknown_from(expr, &u)),
                Some(key) => {
                    let key = template::text(&key)?;
                    match places.get(&key) {
                        Some(&at) if for_expr.grouping => {
                            if let Value::List(group) = &mut object[at].1.value {
                                group.push(value);
                            }
                        }
                        Some(_) => {
                            return Err(format!(
                                "duplicate key \"{key}\" in a for expression (use ... to group)"
                            ));
                        }
                        None => {
                            places.insert(key.clone(), object.len());
                            let value = if for_expr.grouping {
                                Node::bare(Value::List(vec![value]))
                            } else {
                                value
                            };
                            object.push((key, value));
                        }
                    }
                }
            }
        }
        Ok(if for_expr.key_expr.is_some() {
            Value::Map(object)
        } else {
            Value::List(list)
        })
    }

    /// One iteration: `None` when the `if` clause drops it.
    fn for_item(&mut self, for_expr: &hcl::edit::expr::ForExpr) -> Result<Option<ForItem>, String> {
        if let Some(cond) = &for_expr.cond {
            match self.eval(&cond.expr)? {
                Value::Unknown(u) => return Err(format!("the condition depends on {}", u.reason)),
                keep => {
                    if !to_bool(&keep)? {
                        return Ok(None);
                    }
                }
            }
        }
        let key = for_expr
            .key_expr
            .as_ref()
            .map(|k| self.eval(k))
            .transpose()?;
        let value = self.node(&for_expr.value_expr)?;
        Ok(Some((key, value)))
    }

    /// A block body as a map: attributes by name, nested blocks as a list per type (as in
    /// Terraform state). Dynamic blocks are expanded when their `for_each` is known; otherwise
    /// one block stands for them, with the iterator unknown.
    pub fn body(&mut self, body: &Body) -> Value {
        let mut entries: Vec<(String, Node)> = Vec::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    let mut node = self.attribute(&attr.value);
                    // The attribute's line is where its key is, which is where a user looks.
                    node.span = self.file.span(attr.span());
                    if let Some((reference, origin)) = self.origin_of(&attr.value) {
                        self.provenance.push(Provenance {
                            at: node.span,
                            reference,
                            origin,
                        });
                    }
                    entries.push((attr.key.as_str().to_string(), node));
                }
                Structure::Block(block) => {
                    for (block_type, node) in self.nested_block(block) {
                        push_block(&mut entries, block_type, node);
                    }
                }
            }
        }
        Value::Map(entries)
    }

    /// Where an attribute's value was set, when the attribute reads a variable (`var.rotate`,
    /// `var.settings.days`) or a local that does: the variable's origin, for findings to name.
    fn origin_of(&self, expr: &Expression) -> Option<(String, Arc<Origin>)> {
        self.origin_within(expr, 0)
    }

    /// As `origin_of`, through at most `MAX_HOPS` locals: locals that read each other in a
    /// circle are followed no further.
    fn origin_within(&self, expr: &Expression, hops: usize) -> Option<(String, Arc<Origin>)> {
        const MAX_HOPS: usize = 8;
        let (root, name) = traversal_root(expr)?;
        match root {
            "var" if !self.isolated => {
                let origin = self.scope.variable_origin(name)?;
                Some((format!("var.{name}"), origin.clone()))
            }
            "local" if !self.isolated && hops < MAX_HOPS => {
                let local = self.scope.local_expression(name)?;
                let (variable, origin) = self.origin_within(local, hops + 1)?;
                Some((format!("{variable} (through local.{name})"), origin))
            }
            _ => None,
        }
    }

    /// The attributes that read a variable set elsewhere, of the bodies evaluated so far.
    pub fn take_provenance(&mut self) -> Vec<Provenance> {
        std::mem::take(&mut self.provenance)
    }

    fn nested_block(&mut self, block: &Block) -> Vec<(String, Node)> {
        let span = self.file.span(block.span());
        let ident = block.ident.as_str();
        let label = block.labels.first().map(|l| l.as_str().to_string());
        match (ident, label) {
            ("dynamic", Some(label)) => self.dynamic_block(block, &label, span),
            _ => vec![(ident.to_string(), Node::new(self.body(&block.body), span))],
        }
    }

    fn dynamic_block(&mut self, block: &Block, label: &str, span: Span) -> Vec<(String, Node)> {
        let iterator = match block.body.get_attribute("iterator").map(|a| &a.value) {
            Some(Expression::Variable(name)) => name.as_str().to_string(),
            _ => label.to_string(),
        };
        let Some(content) = block.body.get_blocks("content").next() else {
            return Vec::new();
        };
        let Some(for_each) = block.body.get_attribute("for_each").map(|a| &a.value) else {
            return Vec::new();
        };
        let unknown = match iteration_pairs(self.attribute(for_each).value) {
            Ok(pairs) => {
                let blocks = self.expand(&iterator, content, pairs, span);
                return blocks.into_iter().map(|b| (label.to_string(), b)).collect();
            }
            Err(unknown) => unknown,
        };
        // A `for_each` that is not known: the blocks may be absent. One that may be null has
        // the blocks of what it is when it is set; any other, one block that stands for any
        // number of them, with the iterator unknown.
        let known = unknown.absence().and_then(|absence| {
            let pairs = iteration_pairs(absence.present.value.clone()).ok()?;
            Some((pairs, absence.why.clone()))
        });
        let (pairs, why, any_number) = match known {
            Some((pairs, why)) => (
                pairs,
                format!("{label} is a dynamic block whose for_each may be null: {why}"),
                false,
            ),
            None => (
                vec![(
                    Value::Unknown(unknown.clone()),
                    Value::Unknown(unknown.clone()),
                )],
                format!(
                    "{label} is a dynamic block whose for_each depends on {}, so there may be none of them, or several",
                    unknown.reason
                ),
                true,
            ),
        };
        let blocks = self.expand(&iterator, content, pairs, span);
        if blocks.is_empty() {
            return Vec::new();
        }
        let mut splice = Unknown::maybe_absent(
            self.source(for_each),
            unknown.reason.clone(),
            why,
            Node::new(Value::List(blocks), span),
        );
        if let Some(absence) = &mut splice.absent {
            absence.blocks = true;
            absence.any_number = any_number;
        }
        vec![(label.to_string(), Node::new(Value::Unknown(splice), span))]
    }

    /// The blocks of a dynamic block's `content`, one for each of the iterator's `pairs`.
    fn expand(
        &mut self,
        iterator: &str,
        content: &Block,
        pairs: Vec<(Value, Value)>,
        span: Span,
    ) -> Vec<Node> {
        let mut blocks = Vec::new();
        for (key, value) in pairs {
            let element = Value::Map(vec![
                ("key".into(), Node::new(key, span)),
                ("value".into(), Node::new(value, span)),
            ]);
            self.bound.push((iterator.to_string(), element));
            blocks.push(Node::new(self.body(&content.body), span));
            self.bound.pop();
        }
        blocks
    }
}

/// What one iteration of a `for` expression produces: its key (for objects) and value.
type ForItem = (Option<Value>, Node);

/// Where a traversal's walk ended.
enum Walked {
    Reached(Value),
    /// An unknown met before the last operator.
    Stopped(Box<Unknown>),
}

/// The reason a reference rooted at `root` cannot be known before `plan`.
fn unknown_root(root: &str, source: &str) -> String {
    match root {
        "count" | "each" | "self" => format!("{source}, which differs for each instance"),
        "data" => format!("{source}, which is read from the provider at plan time"),
        "module" => format!("{source}, an output of another module"),
        "var" | "local" => format!("{source}, which riveter cannot resolve"),
        _ => format!("{source}, which is known only after apply"),
    }
}

/// Whether a reference's root is a managed resource type, not one of Terraform's other
/// namespaces.
fn names_a_resource(root: &str) -> bool {
    !matches!(
        root,
        "count" | "each" | "self" | "data" | "module" | "var" | "local" | "path" | "terraform"
    )
}

/// `var.name` or `local.name` alone: a reference that cannot fail, whatever its value.
fn is_bare_reference(expr: &Expression) -> bool {
    match expr {
        Expression::Traversal(traversal) => {
            matches!(&traversal.expr, Expression::Variable(root) if matches!(root.as_str(), "var" | "local"))
                && matches!(
                    traversal.operators.as_slice(),
                    [op] if matches!(op.value(), TraversalOperator::GetAttr(_))
                )
        }
        Expression::Parenthesis(p) => is_bare_reference(p.inner()),
        _ => false,
    }
}

/// `value` (an unknown `from` gave), still absent where `from` may be.
fn keeping_absence(value: Value, from: &Unknown) -> Value {
    match value {
        Value::Unknown(mut unknown) if from.absence().is_some() => {
            unknown.absent = from.absent.clone();
            Value::Unknown(unknown)
        }
        other => other,
    }
}

/// What one of `values` is when it is set: the value itself, or what a value that may be
/// absent is when it is there; `otherwise` when they are set to different things.
fn one_present(span: Span, values: [Value; 2], otherwise: &Value) -> Node {
    let mut set = values.into_iter().filter_map(|value| match value {
        Value::Null => None,
        Value::Unknown(unknown) if unknown.absence().is_some() => {
            unknown.absent.map(|absence| absence.present)
        }
        value => Some(Node::new(value, span)),
    });
    match (set.next(), set.next()) {
        (Some(one), None) => one,
        (Some(one), Some(other)) if values_equal(&one.value, &other.value) => one,
        _ => Node::new(otherwise.clone(), span),
    }
}

/// `unknown`, absent for the reason `why`, and `present` when it is there.
fn maybe_absent(unknown: Value, why: String, present: Node) -> Value {
    let Value::Unknown(mut unknown) = unknown else {
        return unknown;
    };
    unknown.identifier = false;
    unknown.absent = Some(Box::new(Absence {
        why,
        present,
        blocks: false,
        any_number: false,
    }));
    Value::Unknown(unknown)
}

fn push_block(entries: &mut Vec<(String, Node)>, block_type: String, node: Node) {
    if let Some((_, existing)) = entries.iter_mut().find(|(k, _)| *k == block_type)
        && let Value::List(blocks) = &mut existing.value
    {
        blocks.push(node);
        return;
    }
    let span = node.span;
    entries.push((block_type, Node::new(Value::List(vec![node]), span)));
}

/// Computed values have no place of their own: they are reported where they are used.
fn fill_spans(value: Value, span: Span) -> Value {
    let fill = |node: Node| {
        let own = if node.span == Span::default() {
            span
        } else {
            node.span
        };
        Node::new(fill_spans(node.value, own), own)
    };
    match value {
        Value::List(items) => Value::List(items.into_iter().map(fill).collect()),
        Value::Map(entries) => Value::Map(entries.into_iter().map(|(k, n)| (k, fill(n))).collect()),
        Value::Unknown(mut unknown) => {
            if let Some(absence) = &mut unknown.absent {
                let present = std::mem::replace(&mut absence.present, Node::bare(Value::Null));
                absence.present = fill(present);
            }
            Value::Unknown(unknown)
        }
        other => other,
    }
}

/// What a `for` iterates: `(index, element)` of a list, `(key, value)` of a map in key order.
fn iteration_pairs(collection: Value) -> Result<Vec<(Value, Value)>, Box<Unknown>> {
    match collection {
        Value::List(items) => Ok(items
            .into_iter()
            .enumerate()
            .map(|(i, n)| (Value::Number(Number::count(i)), n.value))
            .collect()),
        Value::Map(mut entries) => {
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Ok(entries
                .into_iter()
                .map(|(k, n)| (Value::String(k), n.value))
                .collect())
        }
        Value::Unknown(u) => Err(u),
        Value::Null => Ok(Vec::new()),
        other => Err(Unknown::new(
            other.to_string(),
            format!("a {} that cannot be iterated", other.kind()),
        )),
    }
}

pub fn to_bool(value: &Value) -> Result<bool, String> {
    match value {
        Value::Bool(b) => Ok(*b),
        Value::String(s) if s == "true" => Ok(true),
        Value::String(s) if s == "false" => Ok(false),
        other => Err(format!("a bool is required, found {}", other.kind())),
    }
}

/// A number, or a string converted as Terraform converts it (no spaces around the digits).
pub fn to_number(value: &Value) -> Result<Number, String> {
    match value {
        Value::Number(n) => Ok(n.clone()),
        Value::String(s) => Number::parse(s).map_err(|e| match e.ends_with(limits::LIMIT) {
            true => e,
            false => format!("\"{s}\" is not a number"),
        }),
        other => Err(format!("a number is required, found {}", other.kind())),
    }
}

fn get_attr(value: Value, name: &str) -> Eval {
    match value {
        Value::Map(entries) => entries
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, n)| n.value)
            .ok_or_else(|| format!("no attribute \"{name}\"")),
        // `.0` is parsed as an attribute by some writers; indexes are handled by `index`.
        Value::List(_) if name.parse::<usize>().is_ok() => {
            index(value, &Value::String(name.into()))
        }
        Value::Null => Err(format!("attribute \"{name}\" of null")),
        other => Err(format!("a {} has no attribute \"{name}\"", other.kind())),
    }
}

fn index(value: Value, key: &Value) -> Eval {
    match value {
        Value::List(items) => {
            let n = to_number(key)?;
            let len = items.len();
            let Some(i) = n
                .to_i64()
                .and_then(|i| usize::try_from(i).ok())
                .filter(|i| *i < len)
            else {
                return Err(format!("index {n} is out of range for a list of {len}"));
            };
            Ok(items
                .into_iter()
                .nth(i)
                .map(|n| n.value)
                .unwrap_or(Value::Null))
        }
        Value::Map(_) => {
            get_attr(value, &template::text(key)?).map_err(|_| format!("no key {key}"))
        }
        Value::Null => Err("index of null".into()),
        other => Err(format!("a {} cannot be indexed", other.kind())),
    }
}

fn binary(op: BinaryOperator, lhs: &Value, rhs: &Value) -> Eval {
    use BinaryOperator::*;
    Ok(match op {
        Eq => Value::Bool(values_equal(lhs, rhs)),
        NotEq => Value::Bool(!values_equal(lhs, rhs)),
        And => Value::Bool(to_bool(lhs)? && to_bool(rhs)?),
        Or => Value::Bool(to_bool(lhs)? || to_bool(rhs)?),
        _ => {
            let (a, b) = (to_number(lhs)?, to_number(rhs)?);
            // Terraform's arithmetic (docs/evaluation.md, "Numbers"): `1 / 0` is an infinity,
            // `0 / 0` an error, `a % 0` is `a`.
            match op {
                Less => Value::Bool(a.compare(&b).is_lt()),
                LessEq => Value::Bool(a.compare(&b).is_le()),
                Greater => Value::Bool(a.compare(&b).is_gt()),
                GreaterEq => Value::Bool(a.compare(&b).is_ge()),
                Plus => Value::Number(a.add(&b)?),
                Minus => Value::Number(a.sub(&b)?),
                Mul => Value::Number(a.mul(&b)?),
                Div => Value::Number(a.div(&b)?),
                // Terraform's % keeps the sign of the dividend.
                Mod => Value::Number(a.rem(&b)?),
                _ => unreachable!("every other operator is handled above"),
            }
        }
    })
}

/// `==` in Terraform compares type and value: `"1" == 1` is false.
pub fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(p, q)| values_equal(&p.value, &q.value))
        }
        (Value::Map(x), Value::Map(_)) => {
            x.len() == map_len(b)
                && x.iter()
                    .all(|(k, v)| b.get(k).is_some_and(|w| values_equal(&v.value, &w.value)))
        }
        _ => a == b,
    }
}

fn map_len(v: &Value) -> usize {
    match v {
        Value::Map(entries) => entries.len(),
        _ => 0,
    }
}
