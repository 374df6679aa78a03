//! Which modules a change can affect, and why (docs/usage.md, "What a change puts in scope").
//! A module's values come from its own files, from the outputs of the modules it calls and
//! from the arguments its callers pass, which may come from their other calls' outputs. So a
//! change in a module reaches the modules that call it (transitively), and then everything
//! those call (transitively).

use crate::terraform::ModuleGraph;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// How a module is related to the module whose file changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Relation {
    /// The file is one of the module's own (or a file the module reads).
    Own,
    /// The module calls the changed module, perhaps through others: its outputs may change.
    Calls,
    /// The changed module calls this one, perhaps through others: its arguments may change.
    CalledBy,
    /// A module that calls the changed one also calls this one: what it passes may change.
    CalledAlongside,
}

/// Why a module is in scope: the changed file that reaches it, and how.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cause {
    relation: Relation,
    file: String,
    /// What the file is, when it is not a module's Terraform file ("a rule file").
    what: Option<&'static str>,
}

impl Cause {
    /// A file whose change puts every resource in scope, such as a rule file.
    pub fn everything(file: &str, what: &'static str) -> Cause {
        Cause {
            relation: Relation::Own,
            file: file.to_string(),
            what: Some(what),
        }
    }

    /// The words a report shows next to a finding the change brought into scope.
    pub fn explain(&self) -> String {
        let file = &self.file;
        match (self.what, self.relation) {
            (Some(what), _) => format!("in scope because {file} ({what}) changed"),
            (None, Relation::Own) => format!("in scope because {file} changed"),
            (None, Relation::Calls) => {
                format!("in scope because {file} changed, in a module this one calls")
            }
            (None, Relation::CalledBy) => {
                format!("in scope because {file} changed, in a module that calls this one")
            }
            (None, Relation::CalledAlongside) => format!(
                "in scope because {file} changed, in a module called by a caller of this one"
            ),
        }
    }
}

/// Every module folder the changed files reach, with the first cause (the closest relation,
/// then the first file in path order). `changed` is in path order.
pub fn reached(graph: &ModuleGraph, changed: &BTreeSet<String>) -> BTreeMap<String, Cause> {
    let mut causes: BTreeMap<String, Cause> = BTreeMap::new();
    let mut offer = |folder: &str, cause: Cause| match causes.get(folder) {
        Some(known) if *known <= cause => {}
        _ => {
            causes.insert(folder.to_string(), cause);
        }
    };
    for file in changed {
        for changed_module in modules_of(graph, file) {
            let cause = |relation| Cause {
                relation,
                file: file.clone(),
                what: None,
            };
            offer(&changed_module, cause(Relation::Own));
            let callers = walk(&changed_module, |m| {
                graph.callers_of(m).map(str::to_string).collect()
            });
            let called = walk(&changed_module, |m| {
                graph.calls_of(m).map(str::to_string).collect()
            });
            for caller in callers.iter().filter(|m| **m != changed_module) {
                offer(caller, cause(Relation::Calls));
            }
            for callee in called.iter().filter(|m| **m != changed_module) {
                offer(callee, cause(Relation::CalledBy));
            }
            for caller in &callers {
                for alongside in walk(caller, |m| graph.calls_of(m).map(str::to_string).collect()) {
                    if alongside != changed_module && !callers.contains(&alongside) {
                        offer(&alongside, cause(Relation::CalledAlongside));
                    }
                }
            }
        }
    }
    causes
}

/// The modules a changed file belongs to: the folder of a Terraform or variables file (which
/// need not be a module of the scan any more: its files may all be deleted), and every module
/// that reads the file.
fn modules_of(graph: &ModuleGraph, file: &str) -> Vec<String> {
    let mut modules: Vec<String> = graph.readers_of(file).map(str::to_string).collect();
    let terraform = [".tf", ".tf.json", ".tfvars", ".tfvars.json"];
    if terraform.iter().any(|ext| file.ends_with(ext)) {
        modules.push(folder_of(file).to_string());
    }
    modules
}

/// The folder of a path relative to the scan root, `""` for the root.
pub fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// `start` and every folder reached from it through `next`, each once (module calls may form
/// cycles).
fn walk(start: &str, next: impl Fn(&str) -> Vec<String>) -> BTreeSet<String> {
    let mut seen = BTreeSet::from([start.to_string()]);
    let mut queue = VecDeque::from([start.to_string()]);
    while let Some(folder) = queue.pop_front() {
        for found in next(&folder) {
            if seen.insert(found.clone()) {
                queue.push_back(found);
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terraform::ModuleNode;

    fn graph(calls: &[(&str, &[&str])]) -> ModuleGraph {
        let mut graph = ModuleGraph::default();
        for (folder, called) in calls {
            graph.insert(
                folder.to_string(),
                ModuleNode {
                    calls: called.iter().map(|c| c.to_string()).collect(),
                    reads: BTreeSet::new(),
                },
            );
        }
        graph
    }

    fn reached_by(graph: &ModuleGraph, file: &str) -> BTreeMap<String, String> {
        reached(graph, &BTreeSet::from([file.to_string()]))
            .into_iter()
            .map(|(folder, cause)| (folder, cause.explain()))
            .collect()
    }

    #[test]
    fn a_change_reaches_callers_their_calls_and_nothing_else() {
        let graph = graph(&[
            ("envs/prod", &["modules/naming", "modules/bucket"]),
            ("envs/dev", &["modules/bucket"]),
            ("modules/naming", &[]),
            ("modules/bucket", &["modules/bucket/policy"]),
            ("modules/bucket/policy", &[]),
            ("other", &[]),
        ]);
        let by_naming = reached_by(&graph, "modules/naming/outputs.tf");
        assert_eq!(
            by_naming.keys().collect::<Vec<_>>(),
            [
                "envs/prod",
                "modules/bucket",
                "modules/bucket/policy",
                "modules/naming"
            ]
        );
        assert_eq!(
            by_naming["envs/prod"],
            "in scope because modules/naming/outputs.tf changed, in a module this one calls"
        );
        assert_eq!(
            by_naming["modules/bucket"],
            "in scope because modules/naming/outputs.tf changed, in a module called by a caller of this one"
        );
        let by_dev = reached_by(&graph, "envs/dev/terraform.tfvars");
        assert_eq!(
            by_dev.keys().collect::<Vec<_>>(),
            ["envs/dev", "modules/bucket", "modules/bucket/policy"]
        );
        assert_eq!(
            by_dev["modules/bucket/policy"],
            "in scope because envs/dev/terraform.tfvars changed, in a module that calls this one"
        );
        assert!(reached_by(&graph, "other/README.md").is_empty());
        assert_eq!(reached_by(&graph, "other/main.tf").len(), 1);
    }

    #[test]
    fn modules_that_call_each_other_are_walked_once() {
        let graph = graph(&[("a", &["b"]), ("b", &["a"]), ("c", &[])]);
        let by_a = reached_by(&graph, "a/main.tf");
        assert_eq!(by_a.keys().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn a_file_a_module_reads_changes_the_module() {
        let mut graph = graph(&[("app", &[])]);
        graph.insert(
            "app".into(),
            ModuleNode {
                calls: BTreeSet::new(),
                reads: BTreeSet::from(["policies/app.json".to_string()]),
            },
        );
        assert_eq!(
            reached_by(&graph, "policies/app.json")["app"],
            "in scope because policies/app.json changed"
        );
    }
}
