//! The alignment model of a Go block: each physical line of a const block, a composite literal or
//! an import list becomes a row of cells split the way `go/printer` splits it, and rows form the
//! segments that gofmt aligns together (blank lines, own-line comments, multi-line items and
//! formfeeds end a segment). Edits use it to align an inserted line exactly as gofmt would, and
//! to realign its neighbours only when they were already aligned the gofmt way, so an edit in a
//! file that is not gofmt-clean never rewrites bytes that it does not own.

use std::ops::Range;

use tree_sitter::{Node, Tree};

use super::syntax::{self, children, field_children, text};
use super::parse::{Extent, tree_at};
use super::tabwriter;

/// Which kind of block a layout describes; each splits lines into cells differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// `const ( ... )` or `var ( ... )` specs.
    Specs,
    /// The elements of a composite literal.
    Literal,
    /// The specs of an `import ( ... )` list.
    Imports,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// 0-based line number.
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub indent: String,
    /// `None` for lines that take no part in alignment (blank, comments, multi-line items).
    pub cells: Option<Vec<String>>,
    /// gofmt emits a formfeed before this row, which ends the alignment segment.
    pub break_before: bool,
}

#[derive(Debug, Clone)]
pub struct Layout {
    pub rows: Vec<Row>,
}

impl Layout {
    /// Rewrites the segments of this layout (a layout of `src`) that hold `lines` as gofmt
    /// aligns them: all their rows when `whole_segment`, else only the rows at `lines`.
    pub fn realign(&self, src: &str, lines: &[usize], whole_segment: bool) -> String {
        let mut replacements: Vec<(usize, usize, String)> = Vec::new();
        let mut done = std::collections::BTreeSet::new();
        for &line in lines {
            let Some(seg) = self.segment_of_line(line) else { continue };
            if !done.insert(seg.start) {
                continue;
            }
            for (row, text) in self.rows[seg.clone()].iter().zip(self.render(seg.clone())) {
                if (whole_segment || lines.contains(&row.line)) && src[row.start..row.end] != text {
                    replacements.push((row.start, row.end, text));
                }
            }
        }
        replacements.sort_by_key(|r| std::cmp::Reverse(r.0));
        let mut out = src.to_string();
        for (start, end, text) in replacements {
            out.replace_range(start..end, &text);
        }
        out
    }

    fn row_index(&self, line: usize) -> Option<usize> {
        row_index(&self.rows, line)
    }

    /// The alignment segment (a range of row indexes) containing the given line.
    pub fn segment_of_line(&self, line: usize) -> Option<Range<usize>> {
        let i = self.row_index(line)?;
        self.rows[i].cells.as_ref()?;
        let mut start = i;
        while start > 0 && !self.rows[start].break_before && self.rows[start - 1].cells.is_some() {
            start -= 1;
        }
        let mut end = i + 1;
        while end < self.rows.len() && self.rows[end].cells.is_some() && !self.rows[end].break_before {
            end += 1;
        }
        Some(start..end)
    }

    /// The text each row of a segment would have if gofmt aligned it.
    pub fn render(&self, segment: Range<usize>) -> Vec<String> {
        let rows: Vec<Vec<String>> = self.rows[segment.clone()]
            .iter()
            .map(|r| r.cells.clone().unwrap_or_default())
            .collect();
        tabwriter::render(&rows)
            .into_iter()
            .zip(&self.rows[segment])
            .map(|(body, row)| format!("{}{}", row.indent, body))
            .collect()
    }

    /// Whether the segment holding `line` is aligned exactly as gofmt aligns it. Lines outside
    /// any segment (blank, comments) are trivially clean.
    pub fn is_clean_at(&self, src: &str, line: usize) -> bool {
        match self.segment_of_line(line) {
            None => true,
            Some(seg) => self
                .render(seg.clone())
                .iter()
                .zip(&self.rows[seg])
                .all(|(want, row)| &src[row.start..row.end] == want),
        }
    }
}

/// The layout of the innermost block of `kind` that contains 0-based `line`.
pub fn layout_at(kind: BlockKind, tree: &Tree, src: &str, line: usize) -> Option<Layout> {
    let wanted = match kind {
        BlockKind::Specs => &["const_declaration", "var_declaration"][..],
        BlockKind::Literal => &["literal_value"][..],
        BlockKind::Imports => &["import_spec_list"][..],
    };
    let mut best: Option<Node> = None;
    syntax::visit(tree.root_node(), &mut |n| {
        let rows = n.start_position().row..=n.end_position().row;
        if !rows.contains(&line) {
            return false;
        }
        if wanted.contains(&n.kind()) {
            best = Some(n);
        }
        true
    });
    let block = best?;
    let mut rows = blank_rows(src, block);
    match kind {
        BlockKind::Specs => fill_spec_rows(&mut rows, block, src),
        BlockKind::Literal => fill_literal_rows(&mut rows, block, src),
        BlockKind::Imports => fill_import_rows(&mut rows, block, src),
    }
    Some(Layout { rows })
}

/// One row per line strictly between the block's opening and closing lines, none alignable yet.
fn blank_rows(src: &str, block: Node<'_>) -> Vec<Row> {
    let first = block.start_position().row + 1;
    let last = block.end_position().row; // exclusive: the closing line
    let mut rows = Vec::new();
    let mut offset = block.start_byte();
    offset = crate::text::line_end_inclusive(src, offset);
    for line in first..last {
        let end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
        let content = &src[offset..end];
        let indent_len = content.len() - content.trim_start_matches([' ', '\t']).len();
        rows.push(Row {
            line,
            start: offset,
            end,
            indent: content[..indent_len].to_string(),
            cells: None,
            break_before: false,
        });
        offset = (end + 1).min(src.len());
    }
    rows
}

/// The index of the row of 0-based `line`: rows hold consecutive lines, so it is an offset
/// (a search per spec made filling a large block quadratic).
fn row_index(rows: &[Row], line: usize) -> Option<usize> {
    let i = line.checked_sub(rows.first()?.line)?;
    (i < rows.len()).then_some(i)
}

fn row_mut(rows: &mut [Row], line: usize) -> Option<&mut Row> {
    row_index(rows, line).map(|i| &mut rows[i])
}

fn single_line(n: Node<'_>) -> bool {
    n.start_position().row == n.end_position().row
}

/// Whether nothing but whitespace precedes `n` on its line.
fn starts_line(n: Node<'_>, src: &str) -> bool {
    let start = crate::text::line_start(src, n.start_byte());
    src[start..n.start_byte()].trim().is_empty()
}

fn fill_spec_rows(rows: &mut [Row], block: Node<'_>, src: &str) {
    let mut specs_and_comments = Vec::new();
    specs_with_comments(block, &mut specs_and_comments);
    let (specs, comments): (Vec<Node>, Vec<Option<Node>>) = specs_and_comments.into_iter().unzip();
    // go/printer's keepTypeColumn: within a run of specs with values, keep an (empty) type
    // column for every spec when any spec of the run has a type.
    let mut keep_type = vec![false; specs.len()];
    let mut run_start: Option<usize> = None;
    let mut run_has_type = false;
    for (i, spec) in specs.iter().enumerate() {
        let has_value = spec.child_by_field_name("value").is_some();
        if has_value {
            if run_start.is_none() {
                run_start = Some(i);
                run_has_type = false;
            }
        } else if let Some(s) = run_start.take() {
            keep_type[s..i].iter_mut().for_each(|k| *k = run_has_type);
        }
        if spec.child_by_field_name("type").is_some() {
            run_has_type = true;
        }
    }
    if let Some(s) = run_start {
        let n = specs.len();
        keep_type[s..n].iter_mut().for_each(|k| *k = run_has_type);
    }
    for ((spec, keep_type), comment) in specs.iter().zip(keep_type).zip(comments) {
        if !single_line(*spec) || !starts_line(*spec, src) {
            continue;
        }
        let names: Vec<&str> = field_children(*spec, "name").iter().map(|n| text(*n, src)).collect();
        let mut cells = vec![names.join(", ")];
        let ty = spec.child_by_field_name("type");
        if ty.is_some() || keep_type {
            cells.push(ty.map(|t| text(t, src).to_string()).unwrap_or_default());
        }
        if let Some(value) = spec.child_by_field_name("value") {
            cells.push(format!("= {}", normalize_list(value, src)));
        }
        if let Some(comment) = comment {
            while cells.len() < 4 {
                cells.push(String::new());
            }
            cells.push(text(comment, src).to_string());
        }
        if let Some(row) = row_mut(rows, spec.start_position().row) {
            row.cells = Some(cells);
        }
    }
}

/// The const and var specs below `node`, in order, each with its trailing comment.
fn specs_with_comments<'t>(node: Node<'t>, out: &mut Vec<(Node<'t>, Option<Node<'t>>)>) {
    let kids = children(node);
    for (i, kid) in kids.iter().enumerate() {
        if matches!(kid.kind(), "const_spec" | "var_spec") {
            out.push((*kid, syntax::trailing_comment_among(&kids, i)));
        } else {
            specs_with_comments(*kid, out);
        }
    }
}

/// An expression list as gofmt prints it on one line: items joined by ", ".
fn normalize_list(list: Node<'_>, src: &str) -> String {
    children(list).into_iter().filter(|c| c.is_named()).map(|c| text(c, src)).collect::<Vec<_>>().join(", ")
}

/// Element of a composite literal, with what go/printer's exprList needs to know about it.
struct Element<'t> {
    node: Node<'t>,
    /// The key size for single-line pairs, the element size for other single-line elements,
    /// 0 for multi-line elements.
    size: usize,
    key: Option<Node<'t>>,
    /// The comment that ends the element's line, if any.
    comment: Option<Node<'t>>,
}

fn fill_literal_rows(rows: &mut [Row], body: Node<'_>, src: &str) {
    let kids = children(body);
    let elements: Vec<Element> = kids
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.kind(), "literal_element" | "keyed_element"))
        .map(|(index, &node)| {
            let key = (node.kind() == "keyed_element").then(|| node.child_by_field_name("key")).flatten();
            let size = if single_line(node) {
                key.map_or_else(|| text(node, src).chars().count(), |k| text(k, src).chars().count())
            } else {
                0
            };
            Element { node, size, key, comment: syntax::trailing_comment_among(&kids, index) }
        })
        .collect();
    let open_line = body.start_position().row;
    let mut lnsum = 0f64;
    let mut count = 0usize;
    let mut prev_size = 0usize;
    let mut prev_break = 0usize;
    let mut prev_line = open_line;
    let mut i = 0;
    while i < elements.len() {
        let e = &elements[i];
        let line = e.node.start_position().row;
        // Elements that start on this line.
        let mut j = i + 1;
        while j < elements.len() && elements[j].node.start_position().row == line {
            j += 1;
        }
        let needs_linebreak = prev_line < line;
        let mut use_ff = true;
        if prev_size > 0 && e.size > 0 {
            if count == 0 || (prev_size <= 40 && e.size <= 40) {
                use_ff = false;
            } else {
                let geomean = (lnsum / count as f64).exp();
                let ratio = e.size as f64 / geomean;
                use_ff = 2.5 * ratio <= 1.0 || 2.5 <= ratio;
            }
        }
        // go/printer resets its running sizes when more than one newline separates two
        // elements (a blank line or an own-line comment between them).
        let gap_before = line > prev_line + 1;
        let form_feed = i > 0 && needs_linebreak && (use_ff || prev_break + 1 < i);
        if needs_linebreak && i > 0 {
            prev_break = i;
            if gap_before {
                lnsum = 0.0;
                count = 0;
            }
        }
        // Sizes of all elements on the line feed the running geometric mean.
        for el in &elements[i..j] {
            if el.size > 0 {
                lnsum += (el.size as f64).ln();
                count += 1;
            }
        }
        // Sizes after the first element on a line are folded in by the loop above; the next
        // line's decision compares against the last element of this line, as go/printer does.
        prev_size = elements[j - 1].size;
        let all_single = elements[i..j].iter().all(|el| single_line(el.node));
        if needs_linebreak && all_single && starts_line(e.node, src) && line != open_line {
            let mut cells = Vec::new();
            let mut rest = String::new();
            for (k, el) in elements[i..j].iter().enumerate() {
                if k == 0 {
                    if let (Some(key), true) = (el.key, el.size > 0) {
                        cells.push(format!("{}:", text(key, src)));
                        let value = el.node.child_by_field_name("value").map(|v| text(v, src)).unwrap_or_default();
                        rest.push_str(value);
                    } else {
                        rest.push_str(text(el.node, src));
                    }
                } else {
                    rest.push(' ');
                    rest.push_str(&keyed_text(el, src));
                }
                rest.push(',');
            }
            cells.push(rest);
            if let Some(comment) = elements[j - 1].comment {
                cells.push(text(comment, src).to_string());
            }
            if let Some(row) = row_mut(rows, line) {
                row.cells = Some(cells);
                row.break_before = form_feed;
            }
        } else if let Some(row) = row_mut(rows, line) {
            row.break_before = true;
        }
        prev_line = elements[j - 1].node.end_position().row;
        i = j;
    }
}

/// A single-line element as gofmt prints it after another element on the same line.
fn keyed_text(el: &Element<'_>, src: &str) -> String {
    match el.key {
        Some(key) => {
            let value = el.node.child_by_field_name("value").map(|v| text(v, src)).unwrap_or_default();
            format!("{}: {}", text(key, src), value)
        }
        None => text(el.node, src).to_string(),
    }
}

fn fill_import_rows(rows: &mut [Row], list: Node<'_>, src: &str) {
    let kids = children(list);
    for (i, &spec) in kids.iter().enumerate().filter(|(_, c)| c.kind() == "import_spec") {
        if !single_line(spec) || !starts_line(spec, src) {
            continue;
        }
        let mut first = String::new();
        if let Some(name) = spec.child_by_field_name("name") {
            first.push_str(text(name, src));
            first.push(' ');
        }
        first.push_str(spec.child_by_field_name("path").map(|p| text(p, src)).unwrap_or_default());
        let mut cells = vec![first];
        if let Some(comment) = syntax::trailing_comment_among(&kids, i) {
            cells.push(text(comment, src).to_string());
        }
        if let Some(row) = row_mut(rows, spec.start_position().row) {
            row.cells = Some(cells);
        }
    }
}

/// After `new` was made from `old` by inserting whole lines `inserted` (0-based lines of `new`)
/// right after line `anchor` of `old`, returns `new` with the inserted lines aligned as gofmt
/// would and, when the neighbouring lines were gofmt-aligned before, those lines realigned too.
pub fn align_after_insert(kind: BlockKind, old: &str, anchor: usize, new: &str, inserted: Range<usize>, extent: Extent) -> String {
    let old_tree = tree_at(old, anchor, extent);
    let neighbours_clean = match layout_at(kind, &old_tree, old, anchor) {
        Some(l) => l.is_clean_at(old, anchor) && l.is_clean_at(old, anchor + 1),
        None => true,
    };
    let lines: Vec<usize> = inserted.collect();
    let tree = lines.first().map(|&line| tree_after_edit(&old_tree, old, new, line, extent));
    realign_lines(kind, new, &lines, neighbours_clean, tree)
}

/// After `new` was made from `old` by deleting the whole lines `removed` of `old`, realigns the
/// lines around the deletion when they were gofmt-aligned before it. `at` is the 0-based line of
/// `new` that now follows the deletion.
pub fn align_after_remove(kind: BlockKind, old: &str, removed: Range<usize>, new: &str, at: usize, extent: Extent) -> String {
    let old_tree = tree_at(old, removed.start, extent);
    let clean = match layout_at(kind, &old_tree, old, removed.start) {
        Some(l) => removed.clone().all(|line| l.is_clean_at(old, line)),
        None => true,
    };
    if !clean {
        return new.to_string();
    }
    let lines: Vec<usize> = [at.checked_sub(1), Some(at)].into_iter().flatten().collect();
    let tree = lines.first().map(|&line| tree_after_edit(&old_tree, old, new, line, extent));
    realign_lines(kind, new, &lines, true, tree)
}

/// The tree of `new`, made from `old` by one edit, for a look at 0-based `line` of `new`:
/// parsed as far as `extent` asks, incrementally from `old_tree` (a tree of `old` that holds
/// the edited declaration) when only the declaration is needed.
fn tree_after_edit(old_tree: &Tree, old: &str, new: &str, line: usize, extent: Extent) -> Tree {
    if extent == Extent::Whole {
        return tree_at(new, line, extent);
    }
    let tree = syntax::moved(old_tree, &crate::files::TextEdit::between(old, new));
    let ranges = tree.included_ranges();
    syntax::parse_again(new, Some(&ranges), &tree)
}

/// Rewrites the segments holding `lines`: all their rows when `whole_segment`, else only the
/// rows at `lines`.
fn realign_lines(kind: BlockKind, src: &str, lines: &[usize], whole_segment: bool, tree: Option<Tree>) -> String {
    let (Some(first), Some(tree)) = (lines.first(), tree) else { return src.to_string() };
    let Some(layout) = layout_at(kind, &tree, src, *first) else { return src.to_string() };
    layout.realign(src, lines, whole_segment)
}
