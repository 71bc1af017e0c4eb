//! Package-level names of Go files: which identifiers a file declares at top level (constants,
//! variables, types, functions; methods are scoped by their receiver and left out), which of
//! them an edit added, and its package clause. Go refuses a package-level name declared twice
//! in one package, across all its files; these are the facts the engine needs to refuse an
//! edit that would do that.

use tree_sitter::{Node, Tree};

use super::syntax::{children, field_children, row, text, visit};

/// One package-level name and the 1-based line of its declaring identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    pub name: String,
    pub line: usize,
}

/// Every package-level name `tree` (the parse of `src`) declares, in source order. The blank
/// identifier and `init` (which Go allows many times) are left out.
pub fn declared(tree: &Tree, src: &str) -> Vec<Declared> {
    let mut out = Vec::new();
    for node in children(tree.root_node()) {
        names_of(node, src, &mut out);
    }
    out.retain(|d| d.name != "_" && d.name != "init");
    out
}

fn names_of(node: Node<'_>, src: &str, out: &mut Vec<Declared>) {
    let mut push = |n: Node<'_>| out.push(Declared { name: text(n, src).to_string(), line: row(n) + 1 });
    match node.kind() {
        "function_declaration" => {
            if let Some(n) = node.child_by_field_name("name") {
                push(n);
            }
        }
        "type_declaration" => {
            for spec in children(node) {
                if matches!(spec.kind(), "type_spec" | "type_alias")
                    && let Some(n) = spec.child_by_field_name("name")
                {
                    push(n);
                }
            }
        }
        "var_declaration" | "const_declaration" => visit(node, &mut |m| {
            if matches!(m.kind(), "var_spec" | "const_spec") {
                for n in field_children(m, "name").into_iter().filter(|n| n.kind() == "identifier") {
                    push(n);
                }
                return false;
            }
            true
        }),
        _ => {}
    }
}

/// The names of `after` declared on a line an edit from `before` inserted: lines of `after`
/// that a line diff does not match with `before`. `before` is `None` for a new file.
pub fn added(before: Option<&str>, after: &str, declared_after: &[Declared]) -> Vec<Declared> {
    let Some(before) = before else {
        return declared_after.to_vec();
    };
    let inserted = inserted_lines(before, after);
    declared_after.iter().filter(|d| inserted.contains(&d.line)).cloned().collect()
}

/// 1-based lines of `after` that are not matched with a line of `before`.
fn inserted_lines(before: &str, after: &str) -> std::collections::BTreeSet<usize> {
    let diff = similar::TextDiff::configure().algorithm(similar::Algorithm::Myers).diff_lines(before, after);
    let mut out = std::collections::BTreeSet::new();
    for op in diff.ops() {
        if let similar::DiffOp::Insert { new_index, new_len, .. } | similar::DiffOp::Replace { new_index, new_len, .. } = *op {
            out.extend(new_index + 1..=new_index + new_len);
        }
    }
    out
}

/// The package name of `src`'s package clause, read lexically (comments before it skipped).
pub fn package_name(src: &str) -> Option<&str> {
    let mut rest = src;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let name = rest.strip_prefix("package")?.trim_start();
    let end = name.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(name.len());
    (end > 0).then(|| &name[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(src: &str) -> Vec<(String, usize)> {
        let tree = crate::backend::go::syntax::parse(src);
        declared(&tree, src).into_iter().map(|d| (d.name, d.line)).collect()
    }

    #[test]
    fn declared_names_cover_every_kind_of_declaration() {
        let src = "package p\n\nconst (\n\tA = \"a\"\n\tB, C = 1, 2\n)\n\nvar x int\n\ntype (\n\tT struct{}\n\tU = T\n)\n\nfunc F() {}\n\nfunc (T) M() {}\n\nfunc init() {}\n\nvar _ = F\n";
        assert_eq!(names(src), [("A", 4), ("B", 5), ("C", 5), ("x", 8), ("T", 11), ("U", 12), ("F", 15)].map(|(n, l)| (n.to_string(), l)).to_vec());
    }

    #[test]
    fn added_names_are_those_on_inserted_lines() {
        let before = "package p\n\nconst (\n\tA = 1\n\tB = 2\n)\n";
        let after = "package p\n\nconst (\n\tA = 1\n\tACME = 3\n\tB = 2\n)\n";
        let tree = crate::backend::go::syntax::parse(after);
        let all = declared(&tree, after);
        assert_eq!(added(Some(before), after, &all), vec![Declared { name: "ACME".into(), line: 5 }]);
        assert_eq!(added(None, after, &all).len(), 3);
    }

    #[test]
    fn reads_the_package_clause() {
        assert_eq!(package_name("// Copyright\n/* x */\npackage compute // c\n"), Some("compute"));
        assert_eq!(package_name("package main\n"), Some("main"));
        assert_eq!(package_name("// no clause\n"), None);
    }
}
