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
    let constant: std::collections::HashSet<String> = values
        .iter()
        .filter(|v| syntax::is_constant(**v))
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
}
