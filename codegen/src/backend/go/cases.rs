//! The values of an expression switch's `case` clauses, and those listed twice: a constant
//! case repeated in one switch (`duplicate case A in expression switch`) is a compile error,
//! whichever clauses list it.

use tree_sitter::Node;

use super::syntax::{self, children, normalize, row, text};
use crate::backend::Duplicate;

/// The values of the `case` clauses directly in `switch` (an `expression_switch_statement`),
/// in order; a nested switch's are its own.
pub(super) fn switch_values(switch: Node<'_>) -> Vec<Node<'_>> {
    children(switch)
        .into_iter()
        .filter(|c| c.kind() == "expression_case")
        .filter_map(|c| c.child_by_field_name("value"))
        .flat_map(|list| {
            children(list)
                .into_iter()
                .filter(|v| v.is_named() && v.kind() != "comment")
        })
        .collect()
}

/// Values listed more than once in `switch`, compared as the compiler does (a raw and an
/// interpreted string of one value are one case); a repeated constant breaks the build.
pub(super) fn switch_duplicates(switch: Node<'_>, src: &str) -> Vec<Duplicate> {
    let values = switch_values(switch);
    let variables = local_variables(switch, src);
    let constant: std::collections::HashSet<String> = values
        .iter()
        .filter(|v| {
            syntax::is_constant(**v)
                && !(v.kind() == "identifier" && variables.contains(text(**v, src)))
        })
        .map(|v| normalize(text(*v, src)))
        .collect();
    let entries = values
        .iter()
        .map(|v| (normalize(text(*v, src)), row(*v) + 1));
    Duplicate::among(entries, |entry| {
        constant
            .contains(entry)
            .then(|| format!("duplicate case {entry} in expression switch"))
    })
}

/// The names the function around `node` declares as variables (parameters, receiver, `:=`,
/// `var`, `range`): a case naming one is not a constant, and Go accepts it twice.
fn local_variables<'s>(node: Node<'_>, src: &'s str) -> std::collections::HashSet<&'s str> {
    let mut func = node;
    while !matches!(
        func.kind(),
        "function_declaration" | "method_declaration" | "func_literal"
    ) {
        match func.parent() {
            Some(p) => func = p,
            None => return Default::default(),
        }
    }
    let mut out = std::collections::HashSet::new();
    syntax::visit(func, &mut |n| {
        let names: Vec<Node<'_>> = match n.kind() {
            "parameter_declaration" | "variadic_parameter_declaration" | "var_spec" => {
                syntax::field_children(n, "name")
            }
            "short_var_declaration" | "range_clause" => n
                .child_by_field_name("left")
                .map(children)
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        out.extend(
            names
                .into_iter()
                .filter(|x| x.kind() == "identifier")
                .map(|x| text(x, src)),
        );
        true
    });
    out
}

/// [`switch_duplicates`] of every expression switch inside `scope` (a function), each switch
/// on its own.
pub(super) fn duplicates_within(scope: Node<'_>, src: &str) -> Vec<Duplicate> {
    let mut out = Vec::new();
    syntax::visit(scope, &mut |n| {
        if n.kind() == "expression_switch_statement" {
            out.extend(switch_duplicates(n, src));
        }
        true
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duplicates(src: &str) -> Vec<Duplicate> {
        let tree = syntax::parse(src);
        duplicates_within(tree.root_node(), src)
    }

    #[test]
    fn a_constant_case_twice_in_one_switch_breaks_the_build() {
        let src = "package p\n\nfunc f(s string) int {\n\tswitch s {\n\tcase A, `x`:\n\t\treturn 1\n\tcase \"x\":\n\t\treturn 2\n\t}\n\treturn 0\n}\n";
        let dups = duplicates(src);
        assert_eq!(dups.len(), 1, "{dups:?}");
        assert_eq!(dups[0].lines, [5, 7]);
        assert_eq!(
            dups[0].breaks_build.as_deref(),
            Some("duplicate case \"x\" in expression switch")
        );
    }

    #[test]
    fn the_same_case_in_two_switches_or_a_call_twice_is_no_compile_error() {
        let src = "package p\n\nfunc f(s string) {\n\tswitch s {\n\tcase A:\n\t}\n\tswitch s {\n\tcase A:\n\tcase g():\n\tcase g():\n\t}\n}\n";
        let dups = duplicates(src);
        assert_eq!(dups.len(), 1, "{dups:?}");
        assert_eq!(dups[0].entry, "g()");
        assert_eq!(dups[0].breaks_build, None);
    }

    #[test]
    fn a_variable_case_twice_builds() {
        // Go rejects only repeated constants: `v` and the parameter `w` are variables.
        let src = "package p\n\nfunc f(x, w int) int {\n\tv := 3\n\tswitch x {\n\tcase v, w, K:\n\t\treturn 1\n\tcase v, w, K:\n\t\treturn 2\n\t}\n\treturn 0\n}\n";
        let dups = duplicates(src);
        let breaking: Vec<(&str, bool)> = dups
            .iter()
            .map(|d| (d.entry.as_str(), d.breaks_build.is_some()))
            .collect();
        assert_eq!(breaking, [("v", false), ("w", false), ("K", true)]);
    }
}
