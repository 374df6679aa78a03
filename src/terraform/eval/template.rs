//! String templates: `"${var.a}-x"`, heredocs, and `%{if}` / `%{for}` directives, with `~`
//! whitespace stripping. Unknown parts are written with `Unknown::rendered`: a string with
//! resource references in it stays known, one with any other unknown part is read back into an
//! unknown that keeps its known parts.

use super::{Eval, Evaluator, iteration_pairs, to_bool};
use crate::value::Value;
use hcl::edit::Span as _;
use hcl::edit::template::{Directive, Element, Strip, Template};

impl Evaluator<'_, '_> {
    pub(super) fn template(&mut self, template: &Template) -> Eval {
        self.heredoc(template, None)
    }

    /// `indent` is what hcl-edit removed from the heredoc's own lines (`<<-`); Terraform removes
    /// it from the lines inside its directives too, which hcl-edit leaves as written.
    pub(super) fn heredoc(&mut self, template: &Template, indent: Option<usize>) -> Eval {
        let elements: Vec<&Element> = template.iter().collect();
        // A template that is exactly one interpolation is that expression's value, as in Terraform.
        if let [Element::Interpolation(interp)] = elements.as_slice() {
            return self.eval(&interp.expr);
        }
        let mut out = Rendered {
            indent,
            ..Rendered::default()
        };
        self.render(template, &mut out)?;
        Ok(Value::String(out.text))
    }

    fn render(&mut self, template: &Template, out: &mut Rendered) -> Result<(), String> {
        for element in template.iter() {
            match element {
                Element::Literal(literal) => out.literal(literal.value()),
                Element::Interpolation(interp) => {
                    out.strip_before(interp.strip);
                    let piece = match self.eval(&interp.expr)? {
                        Value::Unknown(u) => u.rendered(),
                        value => text(&value)?,
                    };
                    out.push(&piece, interp.strip);
                }
                Element::Directive(directive) => self.directive(directive, out)?,
            }
        }
        Ok(())
    }

    fn directive(&mut self, directive: &Directive, out: &mut Rendered) -> Result<(), String> {
        match directive {
            Directive::If(d) => {
                out.depth += 1;
                out.strip_before(d.if_expr.strip);
                let cond = self.eval(&d.if_expr.cond_expr)?;
                if cond.is_unknown() {
                    // Which branch applies cannot be known: keep the directive's own text.
                    let raw = self.file.text_of(directive.span()).to_string();
                    out.push(&raw, d.endif_expr.strip);
                    out.depth -= 1;
                    return Ok(());
                }
                out.after_strip(d.if_expr.strip);
                if to_bool(&cond)? {
                    self.render(&d.if_expr.template, out)?;
                } else if let Some(else_expr) = &d.else_expr {
                    out.strip_before(else_expr.strip);
                    out.after_strip(else_expr.strip);
                    self.render(&else_expr.template, out)?;
                }
                out.strip_before(d.endif_expr.strip);
                out.after_strip(d.endif_expr.strip);
                out.depth -= 1;
            }
            Directive::For(d) => {
                out.depth += 1;
                out.strip_before(d.for_expr.strip);
                let collection = self.eval(&d.for_expr.collection_expr)?;
                let Ok(pairs) = iteration_pairs(collection) else {
                    let raw = self.file.text_of(directive.span()).to_string();
                    out.push(&raw, d.endfor_expr.strip);
                    out.depth -= 1;
                    return Ok(());
                };
                let key_var = d.for_expr.key_var.as_ref().map(|k| k.as_str().to_string());
                let value_var = d.for_expr.value_var.as_str().to_string();
                for (key, value) in pairs {
                    out.after_strip(d.for_expr.strip);
                    let depth = self.bound.len();
                    if let Some(k) = &key_var {
                        self.bound.push((k.clone(), key));
                    }
                    self.bound.push((value_var.clone(), value));
                    let rendered = self.render(&d.for_expr.template, out);
                    self.bound.truncate(depth);
                    rendered?;
                    out.strip_before(d.endfor_expr.strip);
                }
                out.after_strip(d.endfor_expr.strip);
                out.depth -= 1;
            }
        }
        Ok(())
    }
}

/// The text being built, and whether the next literal loses its leading whitespace (`~}`).
#[derive(Default)]
struct Rendered {
    text: String,
    strip_next: bool,
    /// The heredoc indentation to remove from lines inside directives.
    indent: Option<usize>,
    /// How many directives deep the literal being rendered is.
    depth: usize,
}

impl Rendered {
    fn literal(&mut self, literal: &str) {
        let literal = if self.strip_next {
            literal.trim_start()
        } else {
            literal
        };
        self.strip_next = false;
        match self.indent.filter(|_| self.depth > 0) {
            Some(indent) => self.text.push_str(&dedent_lines(literal, indent)),
            None => self.text.push_str(literal),
        }
    }

    /// `${~` / `%{~` removes the whitespace before the marker.
    fn strip_before(&mut self, strip: Strip) {
        if strip.strip_start() {
            let kept = self.text.trim_end().len();
            self.text.truncate(kept);
        }
    }

    /// `~}` removes the whitespace after the marker.
    fn after_strip(&mut self, strip: Strip) {
        self.strip_next = strip.strip_end();
    }

    fn push(&mut self, piece: &str, strip: Strip) {
        self.text.push_str(piece);
        self.after_strip(strip);
    }
}

/// Removes up to `indent` spaces at the start of every line after the first (the first
/// continues a line that began before the literal).
fn dedent_lines(literal: &str, indent: usize) -> String {
    let mut lines = literal.split('\n');
    let mut out = lines.next().unwrap_or("").to_string();
    for line in lines {
        out.push('\n');
        let spaces = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&line[spaces.min(indent)..]);
    }
    out
}

/// A value as template text: Terraform converts numbers and booleans; collections and null
/// cannot be interpolated.
pub fn text(value: &Value) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.text()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Unknown(u) => Ok(u.rendered()),
        Value::Null => Err("a null value cannot be used in a string".into()),
        other => Err(format!("a {} cannot be used in a string", other.kind())),
    }
}
