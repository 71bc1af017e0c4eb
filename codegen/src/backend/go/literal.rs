//! Composite literals as `go.list_element` and `go.map_entry` edit them: the literal assigned to
//! a variable (found once per tree and kept in the memo), its elements, an element inserted in
//! the literal's own layout or taken out of it, and entries listed twice (a constant key of a
//! map twice is a compile error).

use tree_sitter::{Node, Tree};

use super::layout::BlockKind;
use super::parse::Extent;
use super::splice::{delete_aligned, insert_aligned};
use super::syntax::{self, children, normalize, row, text};
use crate::backend::{Duplicate, SourceFile, anchor_error};
use crate::error::Result;
use crate::text::{indent_continuation, indentation_at, line_start};

/// The body of the composite literal assigned to `var`; where it is stays in the file's memo,
/// so each provider after the first finds it without searching the file.
pub(super) fn find_literal<'t>(file: &SourceFile<'_>, tree: &'t Tree, src: &str, var: &str, func: Option<&str>) -> Result<Node<'t>> {
    // A path is only good in the tree it was taken in; runs with a store parse a file once per
    // selection of declarations, and keep each tree (so its root's id) for the whole run.
    let key = format!("go.literal\0{}\0{var}\0{func:?}", tree.root_node().id());
    let at = file.memo(&key, || syntax::find_var_literal(tree, src, var, func).map(syntax::NodePath::of));
    let literal = at.as_ref().as_ref().map(|p| p.node(tree)).ok_or_else(|| {
        let scope = func.map(|f| format!(" inside func {f}")).unwrap_or_default();
        anchor_error(file, 0, format!("expected a composite literal assigned to `{var}`{scope}"), "check that the variable still exists under that name, or update the profile")
    })?;
    literal
        .child_by_field_name("body")
        .ok_or_else(|| anchor_error(file, 0, format!("`{var}` has no literal body"), "update the profile"))
}

pub(super) fn literal_elements(body: Node<'_>) -> Vec<Node<'_>> {
    children(body).into_iter().filter(|c| matches!(c.kind(), "literal_element" | "keyed_element")).collect()
}

/// Inserts `entry` (one element, may span lines) after the last element of a literal body,
/// keeping the literal's layout: a single-line literal stays single-line, a line holding
/// several elements gets one more when it is shorter than the longest such line, and otherwise
/// the entry goes on a new line below the last element.
pub(super) fn insert_element(src: &str, body: Node<'_>, entry: &str, extent: Extent) -> (usize, String) {
    let elements = literal_elements(body);
    let open = body.start_position().row;
    let close = body.end_position().row;
    let Some(last) = elements.last().copied() else {
        if open == close {
            let at = body.start_byte() + 1;
            return (open + 1, format!("{}{}{}", &src[..at], entry, &src[at..]));
        }
        let indent = format!("{}\t", indentation_at(src, body.start_byte()));
        let entry = indent_continuation(entry, &indent);
        return (open + 2, insert_aligned(BlockKind::Literal, src, open, &format!("{indent}{entry},"), extent));
    };
    if open == close {
        let at = last.end_byte();
        return (open + 1, format!("{}, {}{}", &src[..at], entry, &src[at..]));
    }
    let last_row = row(last);
    let per_line = |r: usize| elements.iter().filter(|e| row(**e) == r && e.end_position().row == r).count();
    let on_last_line = per_line(last_row);
    let widest = elements.iter().map(|e| per_line(row(*e))).max().unwrap_or(1);
    let comma = last.next_sibling().filter(|n| n.kind() == ",");
    let has_comment = syntax::trailing_comment(last).is_some();
    let end_row = last.end_position().row;
    // `}` right after the last element (`A, B,\n\tC, D}`): the literal keeps closing on its
    // last element's line, so an entry never lands after the brace.
    let closes_on_last = close == end_row;
    if on_last_line >= 2 && on_last_line < widest && !entry.contains('\n') && !has_comment {
        match comma {
            Some(comma) => {
                let at = comma.end_byte();
                return (last_row + 1, format!("{} {},{}", &src[..at], entry, &src[at..]));
            }
            None if closes_on_last => {
                let at = last.end_byte();
                return (last_row + 1, format!("{}, {}{}", &src[..at], entry, &src[at..]));
            }
            None => {}
        }
    }
    let indent = indentation_at(src, last.start_byte()).to_string();
    let entry = indent_continuation(entry, &indent);
    if closes_on_last {
        return (end_row + 2, insert_before_close(src, last, comma, end_row, &format!("{indent}{entry}"), extent));
    }
    (end_row + 2, insert_aligned(BlockKind::Literal, src, end_row, &format!("{indent}{entry},"), extent))
}

/// Inserts `line` (an indented entry, may span lines) on a new line after `last`, the element
/// the literal's `}` follows on the same line: `last` gets a comma, the entry takes the brace
/// (with a comma before it only when `last` had one). The brace is first moved to a line of
/// its own so the entry is inserted (and its block aligned) as a whole line, then joined back.
fn insert_before_close(src: &str, last: Node<'_>, comma: Option<Node<'_>>, end_row: usize, line: &str, extent: Extent) -> String {
    let at = comma.map_or(last.end_byte(), |c| c.end_byte());
    let separated = format!("{}{}\n{}", &src[..at], if comma.is_some() { "" } else { "," }, &src[at..]);
    // As a whole line before a brace of its own, the entry takes a comma (the block's layout
    // writes it anyway); it is dropped again when the brace comes back unless `last` had one.
    let inserted = insert_aligned(BlockKind::Literal, &separated, end_row, &format!("{line},"), extent);
    // The newline ending the entry's last line is the one before the moved brace.
    let join = crate::backend::splice::offset_of_line(&inserted, end_row + 1 + line.split('\n').count()) - 1;
    let entry = &inserted[..join];
    let entry = if comma.is_some() { entry } else { entry.strip_suffix(',').unwrap_or(entry) };
    format!("{entry}{}", &inserted[join + 1..])
}

/// The 1-based line [`insert_element`] would put `entry` on, without building the edit.
pub(super) fn insertion_line(src: &str, body: Node<'_>, entry: &str) -> usize {
    let elements = literal_elements(body);
    let open = body.start_position().row;
    let close = body.end_position().row;
    let Some(last) = elements.last().copied() else { return if open == close { open + 1 } else { open + 2 } };
    if open == close {
        return open + 1;
    }
    let last_row = row(last);
    let per_line = |r: usize| elements.iter().filter(|e| row(**e) == r && e.end_position().row == r).count();
    let on_last_line = per_line(last_row);
    let widest = elements.iter().map(|e| per_line(row(*e))).max().unwrap_or(1);
    let comma = last.next_sibling().filter(|n| n.kind() == ",");
    let closes_on_last = close == last.end_position().row;
    if on_last_line >= 2 && on_last_line < widest && !entry.contains('\n') && syntax::trailing_comment(last).is_none() && (comma.is_some() || closes_on_last) {
        return last_row + 1;
    }
    let _ = src;
    last.end_position().row + 2
}

/// Takes one element out of a literal; the candidates for [`preimage`].
pub(super) fn remove_element(src: &str, body: Node<'_>, element: Node<'_>, extent: Extent) -> Vec<String> {
    let elements = literal_elements(body);
    let first_row = row(element);
    let last_row = element.end_position().row;
    let shares_line = elements
        .iter()
        .any(|e| e.id() != element.id() && (e.end_position().row == first_row || row(*e) == last_row));
    if body.start_position().row == body.end_position().row || shares_line {
        // Delete ", elem" (or "elem, " for the first on its line), with its comma.
        let comma = element.next_sibling().filter(|n| n.kind() == ",");
        let before = &src[line_start(src, element.start_byte())..element.start_byte()];
        let starts_line = before.trim().is_empty();
        let (start, end) = if !starts_line {
            let start = src[..element.start_byte()].trim_end_matches([' ', '\t']).len();
            match comma {
                Some(c) if body.start_position().row != body.end_position().row => (start, c.end_byte()),
                // Single-line literal: drop the comma before the element instead.
                _ => (src[..start].strip_suffix(',').map_or(start, |s| s.len()), comma.map_or(element.end_byte(), |c| c.end_byte()).min(element.end_byte())),
            }
        } else {
            let end = comma.map_or(element.end_byte(), |c| c.end_byte());
            let after = src[end..].len() - src[end..].trim_start_matches([' ', '\t']).len();
            (element.start_byte(), end + after)
        };
        let mut out = src.to_string();
        out.replace_range(start..end, "");
        return vec![out];
    }
    if body.end_position().row == last_row && elements.last().is_some_and(|e| e.id() == element.id()) && elements.len() > 1 {
        return delete_before_close(src, element, first_row, last_row, extent);
    }
    delete_aligned(BlockKind::Literal, src, first_row, last_row, extent)
}

/// Takes out the last element on its own lines when the literal's `}` follows it (the inverse of
/// [`insert_before_close`]): the brace goes back after the element before, with a comma only
/// when the removed one had one; the realigned candidate first and the plain one last, for
/// [`preimage`].
fn delete_before_close(src: &str, element: Node<'_>, first_row: usize, last_row: usize, extent: Extent) -> Vec<String> {
    let comma = element.next_sibling().filter(|n| n.kind() == ",");
    let at = comma.map_or(element.end_byte(), |c| c.end_byte());
    let separated = format!("{}\n{}", &src[..at], &src[at..]);
    let candidates: Vec<String> = delete_aligned(BlockKind::Literal, &separated, first_row, last_row, extent)
        .into_iter()
        .filter_map(|text| {
            // The brace now starts line `first_row`; join it to the line before, dropping the
            // comma the element before got unless the removed element had one too.
            let brace = crate::backend::splice::offset_of_line(&text, first_row);
            let before = text[..brace].strip_suffix('\n')?;
            let before = if comma.is_some() { before } else { before.strip_suffix(',')? };
            Some(format!("{before}{}", &text[brace..]))
        })
        .collect();
    if candidates.is_empty() { delete_aligned(BlockKind::Literal, src, first_row, last_row, extent) } else { candidates }
}

/// Repeated entries of a literal: normalised element texts (keys for keyed elements). In a map
/// literal (`map`) a repeated constant key is a compile error.
pub(super) fn literal_duplicates(src: &str, body: Node<'_>, map: bool) -> Vec<Duplicate> {
    let mut constant = std::collections::HashSet::new();
    let entries: Vec<(String, usize)> = literal_elements(body)
        .into_iter()
        .map(|e| {
            let key = e.child_by_field_name("key").filter(|_| e.kind() == "keyed_element");
            let entry = normalize(text(key.unwrap_or(e), src));
            if key.is_some_and(syntax::is_constant) {
                constant.insert(entry.clone());
            }
            (entry, row(e) + 1)
        })
        .collect();
    Duplicate::among(entries, |entry| (map && constant.contains(entry)).then(|| format!("duplicate key {entry} in map literal")))
}
