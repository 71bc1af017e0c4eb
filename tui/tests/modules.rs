//! The modules of the crate depend on each other without cycles (issue 12 found `app` and `ui`
//! importing each other): a module's edges are the `crate::` paths in its code, comments and
//! doc links left out, and the graph must have no cycle. The crate root is left out too: it
//! declares and re-exports every module.

use std::collections::BTreeMap;
use std::path::Path;

/// The first path segment after each `crate::` in `code`, also inside `crate::{a, b::c}`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let groups: Vec<&str> = match rest.strip_prefix('{') {
            Some(inner) => inner[..inner.find('}').unwrap_or(inner.len())]
                .split(',')
                .collect(),
            None => vec![rest],
        };
        for g in groups {
            let name: String = g
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// Each module of `src/` with the modules its code names.
fn graph() -> BTreeMap<String, Vec<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" || path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut deps: Vec<String> = text
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .flat_map(crate_paths)
            .filter(|d| *d != name)
            .collect();
        deps.sort();
        deps.dedup();
        graph.insert(name, deps);
    }
    graph
}

/// A cycle through `node`, if the depth-first walk from it finds one.
fn cycle_from(
    graph: &BTreeMap<String, Vec<String>>,
    node: &str,
    path: &mut Vec<String>,
    done: &mut Vec<String>,
) -> Option<Vec<String>> {
    if let Some(i) = path.iter().position(|n| n == node) {
        let mut cycle = path[i..].to_vec();
        cycle.push(node.to_owned());
        return Some(cycle);
    }
    if done.iter().any(|n| n == node) {
        return None;
    }
    path.push(node.to_owned());
    for dep in graph.get(node).into_iter().flatten() {
        if let Some(cycle) = cycle_from(graph, dep, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.push(node.to_owned());
    None
}

#[test]
fn the_modules_have_no_import_cycle() {
    let graph = graph();
    assert!(graph.contains_key("app") && graph.contains_key("ui"));
    assert!(
        graph["ui"].contains(&"app".to_owned()),
        "the walk sees ui reading app"
    );
    let mut done = Vec::new();
    for node in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, node, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_walk_finds_grouped_paths_and_cycles() {
    assert_eq!(
        crate_paths("use crate::{app::App, ui};\nlet x = crate::theme::Theme::plain();"),
        ["app", "ui", "theme"]
    );
    let graph: BTreeMap<String, Vec<String>> = [
        ("a".to_owned(), vec!["b".to_owned()]),
        ("b".to_owned(), vec!["a".to_owned()]),
    ]
    .into();
    assert_eq!(
        cycle_from(&graph, "a", &mut Vec::new(), &mut Vec::new()),
        Some(vec!["a".to_owned(), "b".to_owned(), "a".to_owned()])
    );
}
