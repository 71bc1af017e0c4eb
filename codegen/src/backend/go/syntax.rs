//! Parsing Go with tree-sitter-go and finding the constructs registration points anchor to:
//! const specs, composite literals assigned to a variable, struct fields, functions, import
//! groups and top-level declarations. Only reads; the point kinds turn findings into edits.

use tree_sitter::{Node, Parser, Tree};

thread_local! {
    /// Trees of recently parsed texts: check inspects dozens of points per file for dozens of
    /// providers, and every one would otherwise re-parse the same text.
    static TREES: std::cell::RefCell<Vec<(u64, usize, Tree)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Parses Go source. tree-sitter always yields a tree; [`first_error`] tells whether it is valid.
/// Results are cached per text (by hash and length), so parsing the same text again is free.
pub fn parse(text: &str) -> Tree {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    let key = (hasher.finish(), text.len());
    if let Some(tree) = TREES.with(|c| c.borrow().iter().find(|(h, l, _)| (*h, *l) == key).map(|(_, _, t)| t.clone())) {
        return tree;
    }
    let tree = parse_uncached(text);
    TREES.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 256 {
            c.remove(0);
        }
        c.push((key.0, key.1, tree.clone()));
    });
    tree
}

/// Parses Go source without the cache, for callers that keep the tree themselves.
pub fn parse_uncached(text: &str) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_go::LANGUAGE.into())
        .expect("the bundled tree-sitter-go grammar matches the tree-sitter version");
    parser.parse(text, None).expect("parsing without a timeout or cancellation flag always returns a tree")
}

/// Parses only `ranges` of Go source (whole top-level declarations, see [`super::outline`]);
/// nodes keep their byte offsets and positions in the whole text.
pub fn parse_ranges(text: &str, ranges: &[tree_sitter::Range]) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_go::LANGUAGE.into())
        .expect("the bundled tree-sitter-go grammar matches the tree-sitter version");
    parser.set_included_ranges(ranges).expect("an outline's ranges are sorted and disjoint");
    parser.parse(text, None).expect("parsing without a timeout or cancellation flag always returns a tree")
}

/// Parses `text` again (only `ranges` when given) from `old`, a tree of the text before an edit
/// that was moved by that edit ([`Tree::edit`]): tree-sitter reuses what the edit did not touch.
pub fn parse_again(text: &str, ranges: Option<&[tree_sitter::Range]>, old: &Tree) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_go::LANGUAGE.into())
        .expect("the bundled tree-sitter-go grammar matches the tree-sitter version");
    if let Some(ranges) = ranges {
        parser.set_included_ranges(ranges).expect("an outline's ranges are sorted and disjoint");
    }
    parser.parse(text, Some(old)).expect("parsing without a timeout or cancellation flag always returns a tree")
}

/// A copy of `tree` with every node moved by `edit`, ready for [`parse_again`].
pub fn moved(tree: &Tree, edit: &crate::files::TextEdit) -> Tree {
    let point = |(row, column): (usize, usize)| tree_sitter::Point { row, column };
    let mut tree = tree.clone();
    tree.edit(&tree_sitter::InputEdit {
        start_byte: edit.start,
        old_end_byte: edit.old_end,
        new_end_byte: edit.new_end,
        start_position: point(edit.start_at),
        old_end_position: point(edit.old_end_at),
        new_end_position: point(edit.new_end_at),
    });
    tree
}

/// Where a node sits in its tree, as child indices from the root. Unlike a [`Node`] it does not
/// borrow the tree, so an anchor found once can be kept in a memo and found again in the same
/// tree (or a copy of it) without searching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodePath(Vec<u32>);

impl NodePath {
    pub fn of(node: Node<'_>) -> Self {
        let mut path = Vec::new();
        let mut cur = node;
        while let Some(parent) = cur.parent() {
            let mut cursor = parent.walk();
            let index = parent.children(&mut cursor).position(|c| c.id() == cur.id()).expect("a node is a child of its parent");
            path.push(u32::try_from(index).expect("fewer than 2^32 children"));
            cur = parent;
        }
        path.reverse();
        NodePath(path)
    }

    /// The node in `tree`, which must be the tree the path was taken in or a copy of it.
    pub fn node<'t>(&self, tree: &'t Tree) -> Node<'t> {
        let mut node = tree.root_node();
        for &i in &self.0 {
            node = node.child(i as usize).expect("the path was taken in this tree");
        }
        node
    }
}

/// The first ERROR or MISSING node, as (byte offset, description).
pub fn first_error(tree: &Tree) -> Option<(usize, String)> {
    let root = tree.root_node();
    if !root.has_error() {
        return None;
    }
    let mut found = None;
    visit(root, &mut |n| {
        if found.is_some() {
            return false;
        }
        if n.is_missing() {
            found = Some((n.start_byte(), format!("missing `{}`", n.kind())));
            return false;
        }
        if n.is_error() {
            found = Some((n.start_byte(), "syntax error".to_string()));
            return false;
        }
        n.has_error()
    });
    found
}

/// Pre-order traversal; `f` returns whether to descend into the node's children.
pub fn visit<'t>(node: Node<'t>, f: &mut dyn FnMut(Node<'t>) -> bool) {
    if f(node) {
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            visit(child, f);
        }
    }
}

/// The 0-based line a node starts on.
pub fn row(node: Node<'_>) -> usize {
    node.start_position().row
}

/// The 0-based line a node ends on.
pub fn end_row(node: Node<'_>) -> usize {
    node.end_position().row
}

pub fn text<'s>(node: Node<'_>, src: &'s str) -> &'s str {
    &src[node.byte_range()]
}

/// Named children of a node, in order.
pub fn children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children(&mut cursor).collect()
}

/// Collapses runs of whitespace so two spellings of the same code compare equal; a string
/// literal becomes its value's one spelling ([`super::string_value::canonical`]).
pub fn normalize(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut pending_space = false;
    let mut comment: Option<&str> = None;
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let ch = rest.chars().next().expect("i is on a char boundary");
        // String literals stand for their value: `vmware` and "vmware" are one text.
        if comment.is_none()
            && matches!(ch, '"' | '`' | '\'')
            && let Some(end) = super::string_value::literal_end(code, i)
        {
            let literal = &code[i..end];
            pending_space = false;
            out.push_str(&super::string_value::canonical(literal).unwrap_or_else(|| literal.to_string()));
            i = end;
            continue;
        }
        if comment.is_none() && (rest.starts_with("//") || rest.starts_with("/*")) {
            comment = Some(if rest.starts_with("//") { "\n" } else { "*/" });
        } else if comment.is_some_and(|close| rest.starts_with(close)) {
            comment = None;
        }
        i += ch.len_utf8();
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                let last = out.chars().last().unwrap_or(' ');
                // Spaces only matter between two identifier-like characters.
                if (last.is_alphanumeric() || last == '_') && (ch.is_alphanumeric() || ch == '_') {
                    out.push(' ');
                }
            }
            pending_space = false;
            out.push(ch);
        }
    }
    out.replace(",}", "}").replace(",)", ")")
}

/// Whether an expression is taken to be a constant, as the compiler would judge a repeated map
/// key or switch case: a literal, a name or a qualified name (`api.HYPERVISOR_X`; registration
/// keys and cases name constants), or an operation on those. A call or an index is not.
pub fn is_constant(node: Node<'_>) -> bool {
    let named: Vec<Node<'_>> = children(node).into_iter().filter(|c| c.is_named() && c.kind() != "comment").collect();
    match node.kind() {
        "interpreted_string_literal" | "raw_string_literal" | "int_literal" | "float_literal" | "imaginary_literal" | "rune_literal" | "true" | "false" | "iota" | "identifier" => true,
        "selector_expression" => node.child_by_field_name("operand").is_some_and(|o| o.kind() == "identifier"),
        "literal_element" | "parenthesized_expression" | "unary_expression" | "binary_expression" => !named.is_empty() && named.iter().all(|c| is_constant(*c)),
        _ => false,
    }
}

/// The enclosing `function_declaration` or `method_declaration` name, if any.
pub fn enclosing_function<'s>(node: Node<'_>, src: &'s str) -> Option<&'s str> {
    let mut cur = node.parent();
    while let Some(n) = cur {
        if matches!(n.kind(), "function_declaration" | "method_declaration") {
            return n.child_by_field_name("name").map(|name| text(name, src));
        }
        cur = n.parent();
    }
    None
}

/// Finds the composite literal assigned to `var` (in a `var` spec, a `:=` declaration or an
/// assignment), optionally only inside function `func`.
pub fn find_var_literal<'t>(tree: &'t Tree, src: &str, var: &str, func: Option<&str>) -> Option<Node<'t>> {
    // Only the scope that can hold the variable is searched: top-level declarations, or the
    // body of the named function. Large files (guest_actions.go has thousands of lines of
    // function bodies) are then cheap to search for every provider.
    let scopes: Vec<Node<'t>> = match func {
        None => {
            let top: Vec<Node<'t>> = children(tree.root_node()).into_iter().filter(|n| matches!(n.kind(), "var_declaration" | "const_declaration")).collect();
            if let Some(found) = search_literal(top, src, var) {
                return Some(found);
            }
            // Not declared at top level: a variable of any function.
            vec![tree.root_node()]
        }
        Some(f) => children(tree.root_node())
            .into_iter()
            .filter(|n| matches!(n.kind(), "function_declaration" | "method_declaration") && n.child_by_field_name("name").is_some_and(|name| text(name, src) == f))
            .collect(),
    };
    search_literal(scopes, src, var)
}

fn search_literal<'t>(scopes: Vec<Node<'t>>, src: &str, var: &str) -> Option<Node<'t>> {
    let mut found = None;
    for scope in scopes {
        visit(scope, &mut |n| {
            if found.is_some() {
                return false;
            }
            let (names, values) = match n.kind() {
                "var_spec" | "const_spec" => (
                    field_children(n, "name"),
                    n.child_by_field_name("value").map(children).unwrap_or_default(),
                ),
                "short_var_declaration" | "assignment_statement" => (
                    n.child_by_field_name("left").map(named_children).unwrap_or_default(),
                    n.child_by_field_name("right").map(named_children).unwrap_or_default(),
                ),
                // Literals nest only inside specs and statements; skip expressions.
                "composite_literal" | "func_literal" => return false,
                _ => return true,
            };
            let values: Vec<Node> = values.into_iter().filter(|v| v.is_named()).collect();
            if let Some(idx) = names.iter().position(|name| text(*name, src) == var)
                && let Some(value) = values.get(idx)
                    && value.kind() == "composite_literal" {
                        found = Some(*value);
                    }
            false
        });
    }
    found
}

fn named_children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).collect()
}

/// All children of `node` stored under field `field` (a const spec can name several identifiers).
pub fn field_children<'t>(node: Node<'t>, field: &str) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children_by_field_name(field, &mut cursor).collect()
}

/// The `field_declaration` of `field` in struct type `type_name`, wherever the type is declared.
pub fn find_struct_field<'t>(tree: &'t Tree, src: &str, type_name: &str, field: &str) -> Option<Node<'t>> {
    let mut found = None;
    visit(tree.root_node(), &mut |n| {
        if found.is_some() {
            return false;
        }
        if n.kind() == "type_spec"
            && n.child_by_field_name("name").is_some_and(|name| text(name, src) == type_name)
        {
            visit(n, &mut |m| {
                if found.is_none()
                    && m.kind() == "field_declaration"
                    && field_children(m, "name").iter().any(|name| text(*name, src) == field)
                {
                    found = Some(m);
                }
                found.is_none()
            });
            return false;
        }
        true
    });
    found
}

/// The body block of the top-level function `name` (the first one, for repeated `init`s).
pub fn find_function_body<'t>(tree: &'t Tree, src: &str, name: &str) -> Option<Node<'t>> {
    children(tree.root_node())
        .into_iter()
        .find(|n| n.kind() == "function_declaration" && n.child_by_field_name("name").is_some_and(|f| text(f, src) == name))
        .and_then(|n| n.child_by_field_name("body"))
}

/// The statements directly inside a block.
pub fn block_statements<'t>(block: Node<'t>) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    for child in children(block) {
        if child.kind() == "statement_list" {
            out.extend(children(child).into_iter().filter(|c| c.is_named() && c.kind() != "comment"));
        } else if child.is_named() && child.kind() != "comment" {
            out.push(child);
        }
    }
    out
}

/// Name under which a top-level declaration is known: `T` for types, `F` for functions and
/// `T.M` for methods (pointer receivers included), `var X`/`const X` for value specs.
pub fn declaration_names(node: Node<'_>, src: &str) -> Vec<String> {
    match node.kind() {
        "type_declaration" => children(node)
            .into_iter()
            .filter(|c| matches!(c.kind(), "type_spec" | "type_alias"))
            .filter_map(|c| c.child_by_field_name("name").map(|n| text(n, src).to_string()))
            .collect(),
        "function_declaration" => node.child_by_field_name("name").map(|n| vec![text(n, src).to_string()]).unwrap_or_default(),
        "method_declaration" => {
            let name = node.child_by_field_name("name").map(|n| text(n, src)).unwrap_or_default();
            let receiver = node
                .child_by_field_name("receiver")
                .map(|r| {
                    let mut ty = String::new();
                    visit(r, &mut |m| {
                        if ty.is_empty() && m.kind() == "type_identifier" {
                            ty = text(m, src).to_string();
                        }
                        ty.is_empty()
                    });
                    ty
                })
                .unwrap_or_default();
            vec![format!("{receiver}.{name}")]
        }
        "var_declaration" | "const_declaration" => {
            let mut names = Vec::new();
            visit(node, &mut |m| {
                if matches!(m.kind(), "var_spec" | "const_spec") {
                    for n in field_children(m, "name") {
                        names.push(format!("{} {}", if node.kind() == "var_declaration" { "var" } else { "const" }, text(n, src)));
                    }
                    return false;
                }
                true
            });
            names
        }
        _ => Vec::new(),
    }
}

/// A trailing `//` comment that starts on the same line as `node` ends, directly after it.
pub fn trailing_comment<'t>(node: Node<'t>) -> Option<Node<'t>> {
    let mut next = node.next_sibling();
    while let Some(n) = next {
        match comment_step(node, n) {
            Step::Found => return Some(n),
            Step::Stop => return None,
            Step::Skip => next = n.next_sibling(),
        }
    }
    None
}

/// [`trailing_comment`] of `siblings[i]`, found in a list of siblings the caller already has.
/// Each `next_sibling` call walks the parent's children from the first one, so looking for
/// the comments of every row of a block that way is quadratic in the block's size (minutes
/// for a 3 MB const block); this is linear.
pub fn trailing_comment_among<'t>(siblings: &[Node<'t>], i: usize) -> Option<Node<'t>> {
    let node = siblings[i];
    for &n in &siblings[i + 1..] {
        match comment_step(node, n) {
            Step::Found => return Some(n),
            Step::Stop => return None,
            Step::Skip => {}
        }
    }
    None
}

enum Step {
    Found,
    Stop,
    Skip,
}

/// Whether sibling `n`, which follows `node`, is its trailing comment, ends the search, or is a
/// comma to step over.
fn comment_step(node: Node<'_>, n: Node<'_>) -> Step {
    if n.start_position().row != node.end_position().row {
        Step::Stop
    } else if n.kind() == "comment" {
        Step::Found
    } else if n.kind() == "," {
        Step::Skip
    } else {
        Step::Stop
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_first_syntax_error() {
        let tree = parse("package x\nfunc f() {\n");
        assert!(first_error(&tree).is_some());
        assert!(first_error(&parse("package x\nfunc f() {}\n")).is_none());
    }

    #[test]
    fn normalizes_whitespace_but_not_tokens() {
        assert_eq!(normalize("cmd.Create( &a.B{} )"), normalize("cmd.Create(&a.B{})"));
        assert_ne!(normalize("a b"), normalize("ab"));
    }

    #[test]
    fn normalizes_string_literals_to_their_value() {
        assert_eq!(normalize("`vmware`"), normalize("\"vmware\""));
        assert_eq!(normalize("f( `a  b`, x )"), normalize("f(\"a  b\", x)"));
        assert_ne!(normalize("\"a  b\""), normalize("\"a b\""));
        // A quote in a comment or a rune starts no string.
        assert_eq!(normalize("'\"' // it's \"\nx"), "'\"'//it's\"x");
    }

    #[test]
    fn node_paths_find_the_same_node_again() {
        let src = "package x\nvar (\n\tA = []string{\"a\", \"b\"}\n)\nfunc f() {\n\tB := []int{1}\n}\n";
        let tree = parse(src);
        for (var, func) in [("A", None), ("B", Some("f"))] {
            let node = find_var_literal(&tree, src, var, func).unwrap();
            let path = NodePath::of(node);
            assert_eq!(path.node(&tree.clone()).id(), node.id());
            assert_eq!(path.node(&tree).byte_range(), node.byte_range());
        }
        assert_eq!(NodePath::of(tree.root_node()).node(&tree).id(), tree.root_node().id());
    }

    #[test]
    fn finds_literals_in_vars_and_functions() {
        let src = "package x\nvar (\n\tA = []string{\"a\"}\n)\nfunc f() {\n\tB := []int{1}\n}\n";
        let tree = parse(src);
        assert!(find_var_literal(&tree, src, "A", None).is_some());
        assert!(find_var_literal(&tree, src, "B", Some("f")).is_some());
        assert!(find_var_literal(&tree, src, "B", Some("g")).is_none());
    }
}
