//! A planned instance's values: what the plan says is known only after apply becomes an
//! unknown that says so, and every value takes the place of the attribute that declares it in
//! the source, so that findings point at the line a user would change.

use crate::value::{Node, Span, Unknown, Value};

/// Marks as unknown what `after_unknown` (a plan's mirror of the values, `true` where a value
/// is known only after apply) says. `path` is the value's address (`aws_s3_bucket.b.arn`),
/// kept as the unknown's source text.
pub fn mark_unknown(value: &mut Value, after_unknown: &Value, path: &mut String) {
    match after_unknown {
        Value::Bool(true) => {
            *value = Value::Unknown(Unknown::new(
                path.clone(),
                format!("{path}, which is known after apply"),
            ));
        }
        Value::Map(marks) => {
            // An attribute the plan leaves out is one Terraform knows nothing of yet; it is
            // made a map only when something inside it is marked.
            if matches!(value, Value::Null) && any_marked(after_unknown) {
                *value = Value::Map(Vec::new());
            }
            let Value::Map(fields) = value else {
                return;
            };
            for (key, mark) in marks {
                let at = path.len();
                path.push('.');
                path.push_str(key);
                match fields.iter_mut().find(|(k, _)| k == key) {
                    Some((_, node)) => mark_unknown(&mut node.value, &mark.value, path),
                    None if any_marked(&mark.value) => {
                        let mut absent = Value::Null;
                        mark_unknown(&mut absent, &mark.value, path);
                        fields.push((key.clone(), Node::bare(absent)));
                    }
                    None => {}
                }
                path.truncate(at);
            }
        }
        Value::List(marks) => {
            if matches!(value, Value::Null) && any_marked(after_unknown) {
                *value = Value::List(marks.iter().map(|_| Node::bare(Value::Null)).collect());
            }
            let Value::List(items) = value else {
                return;
            };
            for (i, (item, mark)) in items.iter_mut().zip(marks).enumerate() {
                let at = path.len();
                path.push_str(&format!("[{i}]"));
                mark_unknown(&mut item.value, &mark.value, path);
                path.truncate(at);
            }
        }
        _ => {}
    }
}

fn any_marked(after_unknown: &Value) -> bool {
    match after_unknown {
        Value::Bool(b) => *b,
        Value::Map(entries) => entries.iter().any(|(_, n)| any_marked(&n.value)),
        Value::List(items) => items.iter().any(|n| any_marked(&n.value)),
        _ => false,
    }
}

/// The value with every node placed where the source declares it: an attribute or nested
/// block the source writes keeps its span; anything else (a computed attribute, a default)
/// takes the span of what encloses it, `enclosing` at the top.
pub fn placed(value: Value, declared: Option<&Node>, enclosing: Span) -> Node {
    let span = declared
        .map(|n| n.span)
        .filter(|s| s.line > 0)
        .unwrap_or(enclosing);
    let value = match value {
        Value::Map(entries) => {
            let fields = match declared.map(|n| &n.value) {
                Some(Value::Map(fields)) => fields.as_slice(),
                _ => &[],
            };
            Value::Map(
                entries
                    .into_iter()
                    .map(|(key, node)| {
                        let source = fields.iter().find(|(k, _)| *k == key).map(|(_, n)| n);
                        (key, placed(node.value, source, span))
                    })
                    .collect(),
            )
        }
        Value::List(items) => {
            let elements = match declared.map(|n| &n.value) {
                Some(Value::List(elements)) => elements.as_slice(),
                _ => &[],
            };
            // A plan lists a set's elements (a security group's ingress blocks) in its own
            // order: each element is placed on the block whose written values it has, never on
            // another block by its position.
            let mut taken = vec![false; elements.len()];
            let sources: Vec<Option<&Node>> = items
                .iter()
                .map(|item| {
                    let j = (0..elements.len())
                        .find(|&j| !taken[j] && agrees(&item.value, &elements[j].value))?;
                    taken[j] = true;
                    Some(&elements[j])
                })
                .collect();
            Value::List(
                items
                    .into_iter()
                    .zip(sources)
                    .map(|(node, source)| placed(node.value, source, span))
                    .collect(),
            )
        }
        other => other,
    };
    Node::new(value, span)
}

/// Whether a planned value can be what the source wrote: every value the source states
/// (a literal) is the planned one; what it leaves to an expression cannot contradict it.
fn agrees(planned: &Value, written: &Value) -> bool {
    match (planned, written) {
        (_, Value::Unknown(_)) | (Value::Unknown(_), _) => true,
        (Value::Map(have), Value::Map(wrote)) => wrote.iter().all(|(key, node)| {
            have.iter()
                .find(|(k, _)| k == key)
                .is_none_or(|(_, planned)| agrees(&planned.value, &node.value))
        }),
        (Value::List(have), Value::List(wrote)) => {
            have.len() == wrote.len()
                && have
                    .iter()
                    .zip(wrote)
                    .all(|(p, w)| agrees(&p.value, &w.value))
        }
        (Value::Map(_) | Value::List(_), _) | (_, Value::Map(_) | Value::List(_)) => false,
        (planned, written) => planned == written,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Value {
        serde_json::from_str::<super::super::document::Json>(text)
            .unwrap()
            .0
    }

    #[test]
    fn marked_values_become_unknown_and_absent_ones_are_added() {
        let mut value = json(r#"{"input": {"fixed": "x", "tags": ["a", "b"]}}"#);
        let marks = json(
            r#"{"id": true, "input": {"depends": true, "tags": [false, true]}, "output": {}}"#,
        );
        mark_unknown(&mut value, &marks, &mut "terraform_data.later".to_string());
        let Value::Map(fields) = &value else {
            panic!("{value:?}")
        };
        let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        // `output` is marked nowhere inside, so it is not invented.
        assert_eq!(keys, ["input", "id"]);
        let id = fields[1].1.value.first_unknown().unwrap();
        assert_eq!(id.source, "terraform_data.later.id");
        assert_eq!(
            id.reason,
            "terraform_data.later.id, which is known after apply"
        );
        let Value::Map(input) = &fields[0].1.value else {
            panic!()
        };
        assert_eq!(input[0].1.value, Value::String("x".into()));
        let Value::List(tags) = &input[1].1.value else {
            panic!()
        };
        assert_eq!(tags[0].value, Value::String("a".into()));
        assert_eq!(
            tags[1].value.first_unknown().unwrap().source,
            "terraform_data.later.input.tags[1]"
        );
        assert_eq!(
            input[2].1.value.first_unknown().unwrap().source,
            "terraform_data.later.input.depends"
        );
    }

    #[test]
    fn values_take_the_declaring_attributes_lines_and_the_rest_their_enclosing_one() {
        let at = |line| Span {
            line,
            column: 1,
            end_line: line,
            end_column: 9,
        };
        let declared = Node::new(
            Value::Map(vec![(
                "input".into(),
                Node::new(
                    Value::Map(vec![("name".into(), Node::new(Value::Null, at(3)))]),
                    at(2),
                ),
            )]),
            at(1),
        );
        let node = placed(
            json(r#"{"id": "x", "input": {"name": "n", "other": 1}}"#),
            Some(&declared),
            at(1),
        );
        let Value::Map(fields) = &node.value else {
            panic!()
        };
        assert_eq!(fields[0].1.span.line, 1);
        assert_eq!(fields[1].1.span.line, 2);
        let Value::Map(input) = &fields[1].1.value else {
            panic!()
        };
        assert_eq!((input[0].1.span.line, input[1].1.span.line), (3, 2));
    }

    /// A set's elements in the plan's order land on the blocks that wrote them, whatever
    /// their positions: the ingress the plan lists first is the source's second block.
    #[test]
    fn a_sets_elements_are_placed_on_the_blocks_that_wrote_them() {
        let block = |line: u32, port: i64| {
            let span = Span {
                line,
                column: 3,
                end_line: line + 4,
                end_column: 4,
            };
            Node::new(
                Value::Map(vec![(
                    "from_port".to_string(),
                    Node::new(json(&port.to_string()), span),
                )]),
                span,
            )
        };
        let written = Node::new(
            Value::List(vec![block(7, 443), block(13, 22)]),
            Span::default(),
        );
        let planned = json(
            r#"[{"from_port": 22, "protocol": "tcp"}, {"from_port": 443, "protocol": "tcp"}]"#,
        );
        let first = placed(planned, Some(&written), Span::default());
        let Value::List(items) = &first.value else {
            panic!("{first:?}")
        };
        let lines: Vec<u32> = items.iter().map(|n| n.span.line).collect();
        assert_eq!(lines, [13, 7]);
        // A planned element no block wrote takes the list's place, never another block's.
        let planned = json(r#"[{"from_port": 8080}]"#);
        let other = placed(planned, Some(&written), Span::default());
        let Value::List(items) = &other.value else {
            panic!("{other:?}")
        };
        assert_eq!(items[0].span.line, 0);
    }
}
