//! The Go point kinds. Each one locates its anchor in a freshly parsed tree, reports whether the
//! registration is present, and produces the whole file with the registration inserted or taken
//! out. Insertions are whole lines (or a value appended to a line that already holds several),
//! aligned through [`super::layout`] so a gofmt-clean file stays gofmt-clean.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::{Node, Tree};

use super::layout::{self, BlockKind};
use super::syntax::{self, children, field_children, normalize, text};
use crate::backend::{DriftKind, Duplicate, Inspection, Member, PointKind, Removal, SourceFile, preimage, regex};
use crate::error::{Error, Location, Result};
use crate::template::Renderer;
use crate::text::{indent_continuation, indentation_at, line_end_inclusive, line_start};

/// What part of a file a lookup needs. Runs with a store (check) parse only the top-level
/// declarations that mention one of the words, with the package clause; every other run parses
/// the whole file. A lookup finds a node by a name, and the declaration holding that node
/// mentions the name, so it finds the same node either way. What a kind keeps in the memo from
/// a tree is keyed by its lookup (`go.statements` + the function, `go.const_specs`), and every
/// lookup under one key passes the same scope, so a kept value always comes from the same tree.
#[derive(Debug, Clone, Copy)]
pub(super) enum Scope<'w> {
    /// Every declaration (lookups that list the file's declarations).
    Whole,
    /// The declarations in which any of these words occurs.
    Words(&'w [&'w str]),
}

/// The last segment of a `Type.Method` name: the word the method's declaration holds.
pub(super) fn method_word(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// Does the memo's ahead-of-time work for `src`: its outline, or its whole tree.
pub(super) fn prepare(memo: &crate::backend::Memo, src: &str) {
    if memo.whole_files() {
        memo.get_or_insert_with("go.tree", || syntax::parse_uncached(src));
    } else {
        memo.get_or_insert_with("go.outline", || super::outline::Outline::of(src));
    }
}

/// The tree of `src` for `scope`, parsed once per memo and chunk selection (`src` must be the
/// memo's text), or the lexical error that makes the file invalid Go wherever one looks.
fn memo_tree(memo: &crate::backend::Memo, src: &str, scope: Scope<'_>) -> std::result::Result<Tree, (usize, String)> {
    let whole = || (*memo.get_or_insert_with("go.tree", || syntax::parse_uncached(src))).clone();
    if memo.whole_files() {
        return Ok(whole());
    }
    let outline = memo.get_or_insert_with("go.outline", || super::outline::Outline::of(src));
    if let Some(error) = &outline.error {
        return Err(error.clone());
    }
    let Scope::Words(words) = scope else { return Ok(whole()) };
    let chunks = memo.get_or_insert_with(&format!("go.chunks\0{}", words.join("\0")), || outline.chunks_with_words(src, words));
    if chunks.len() == outline.len() {
        return Ok(whole());
    }
    let key = format!("go.tree\0{chunks:?}");
    Ok((*memo.get_or_insert_with(&key, || syntax::parse_ranges(src, &outline.ranges(&chunks)))).clone())
}

/// Parses a target file, refusing one that is not valid Go. With a memo, the file is parsed
/// once for all points and providers that inspect it, and only as far as `scope` asks: a
/// syntax error in a declaration no point looks at is then left to the compiler, while one in
/// the declarations looked at, an unclosed literal or comment, or brackets that do not match
/// anywhere in the file are refused.
pub(super) fn parse_valid<'a>(file: &SourceFile<'a>, expected: &str, scope: Scope<'_>) -> Result<(&'a str, Tree)> {
    let src = file.require(expected)?;
    let tree = match file.memo {
        Some(memo) => memo_tree(memo, src, scope),
        None => Ok(syntax::parse(src)),
    };
    let error = match &tree {
        Ok(tree) => syntax::first_error(tree),
        Err(lexical) => Some(lexical.clone()),
    };
    if let Some((offset, what)) = error {
        let (line, column) = crate::text::line_col(src, offset);
        return Err(Error::Syntax {
            at: Location::new(file.display, line, column),
            message: format!("not valid Go ({what}); integrate edits only files that parse"),
            hint: "fix the syntax error first (`gofmt -l` on the file shows it), then run integrate again".into(),
        });
    }
    Ok((src, tree.expect("an error was returned above")))
}

fn anchor_error(file: &SourceFile<'_>, message: String, hint: &str) -> Error {
    Error::AnchorNotFound { at: Location::new(file.display, 0, 0), message, hint: hint.to_string() }
}

/// What `find` locates in the file (an anchor, the same for every provider), kept in the
/// file's memo under `key` once found. A failure is not kept: it is looked for again, and its
/// error returned, on every call.
pub(super) fn memo_found<T: std::any::Any + Send + Sync>(file: &SourceFile<'_>, key: &str, find: impl Fn() -> Result<T>) -> Result<std::sync::Arc<T>> {
    let kept = file.memo(key, || find().ok().map(std::sync::Arc::new));
    match &*kept {
        Some(found) => Ok(found.clone()),
        None => find().map(std::sync::Arc::new),
    }
}

fn row(node: Node<'_>) -> usize {
    node.start_position().row
}

/// Inserts `lines` (no trailing newline) as whole lines after 0-based line `after`, then aligns
/// them within `kind`'s block. Returns the new text.
fn insert_lines_after(kind: BlockKind, src: &str, after: usize, lines: &str) -> String {
    let offset = offset_of_line(src, after + 1);
    let mut new = String::with_capacity(src.len() + lines.len() + 1);
    new.push_str(&src[..offset]);
    if offset > 0 && !src[..offset].ends_with('\n') {
        new.push('\n');
    }
    new.push_str(lines);
    new.push('\n');
    new.push_str(&src[offset..]);
    let count = lines.split('\n').count();
    layout::align_after_insert(kind, src, after, &new, after + 1..after + 1 + count)
}

/// Deletes 0-based lines `first..=last`. Returns the candidate results: the block realigned
/// around the gap, and the plain deletion; [`preimage`] picks the one apply would have started
/// from.
fn delete_lines(kind: BlockKind, src: &str, first: usize, last: usize) -> Vec<String> {
    let start = offset_of_line(src, first);
    let end = offset_of_line(src, last + 1);
    let mut new = String::with_capacity(src.len());
    new.push_str(&src[..start]);
    new.push_str(&src[end..]);
    let realigned = layout::align_after_remove(kind, src, first..last + 1, &new, first);
    if realigned != new && narrows_uniformly(&new, &realigned) { vec![realigned, new] } else { vec![new] }
}

/// Whether `realigned` differs from `plain` only by lines that each lost the same number of
/// padding characters: the signature of a column that an insertion widened. Realignment that
/// would pad lines instead means the neighbours were never gofmt-aligned, so they stay as
/// they are.
pub(super) fn narrows_uniformly(plain: &str, realigned: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (plain.split('\n').collect(), realigned.split('\n').collect());
    if a.len() != b.len() {
        return false;
    }
    let deltas: Vec<isize> = a.iter().zip(&b).filter(|(x, y)| x != y).map(|(x, y)| x.len() as isize - y.len() as isize).collect();
    deltas.first().is_some_and(|d| *d > 0 && deltas.iter().all(|x| x == d))
}

/// Byte offset where 0-based `line` starts (the text length past the last line).
fn offset_of_line(src: &str, line: usize) -> usize {
    if line == 0 {
        return 0;
    }
    src.match_indices('\n').nth(line - 1).map_or(src.len(), |(i, _)| i + 1)
}

// ---------------------------------------------------------------------------------------------
// go.const_spec

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstSpecSpec {
    /// Regex on the spec's name selecting the family the new spec joins.
    family: String,
    /// Regex on names to leave out of the family.
    exclude: Option<String>,
    /// Regex on the value text that family members must also match.
    value_family: Option<String>,
    /// `last` (after the family's last member) or `largest_group` (after the last member of
    /// the longest run of consecutive members).
    #[serde(default)]
    placement: Placement,
    name: String,
    value: String,
}

#[derive(Debug, Default, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Placement {
    #[default]
    Last,
    LargestGroup,
}

#[derive(Debug)]
pub struct ConstSpec {
    family: Regex,
    exclude: Option<Regex>,
    value_family: Option<Regex>,
    placement: Placement,
    name: String,
    value: String,
}

/// A const spec of the file: where it is, the names it declares and its value's text.
struct SpecInfo {
    /// 0-based first and last line, and the byte offset it starts at.
    row: usize,
    end_row: usize,
    start_byte: usize,
    names: Vec<String>,
    value: String,
}

impl ConstSpec {
    pub fn new(spec: ConstSpecSpec, at: &Location) -> Result<Self> {
        Ok(Self {
            family: regex(&spec.family, at)?,
            exclude: spec.exclude.as_deref().map(|p| regex(p, at)).transpose()?,
            value_family: spec.value_family.as_deref().map(|p| regex(p, at)).transpose()?,
            placement: spec.placement,
            name: spec.name,
            value: spec.value,
        })
    }

    /// Every const spec of the file, in order (those inside functions too); kept in the file's
    /// memo, since every provider looks for its constant among the same specs.
    fn specs(file: &SourceFile<'_>, tree: &Tree, src: &str) -> std::sync::Arc<Vec<SpecInfo>> {
        file.memo("go.const_specs", || {
            let mut out = Vec::new();
            syntax::visit(tree.root_node(), &mut |n| {
                if n.kind() == "const_spec" {
                    let names = field_children(n, "name").iter().map(|x| text(*x, src).to_string()).collect();
                    let value = n.child_by_field_name("value").map(|v| text(v, src).to_string()).unwrap_or_default();
                    out.push(SpecInfo { row: row(n), end_row: n.end_position().row, start_byte: n.start_byte(), names, value });
                    return false;
                }
                true
            });
            out
        })
    }

    fn is_member(&self, spec: &SpecInfo) -> bool {
        spec.names.iter().any(|n| self.family.is_match(n) && !self.exclude.as_ref().is_some_and(|e| e.is_match(n)))
            && self.value_family.as_ref().is_none_or(|v| v.is_match(&spec.value))
    }

    fn family_description(&self) -> String {
        format!("a const spec whose name matches `{}`", self.family.as_str())
    }
}

impl PointKind for ConstSpec {
    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("const {} = {}", r.render("name", &self.name)?, r.render("value", &self.value)?))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let name = r.render("name", &self.name)?;
        let value = r.render("value", &self.value)?;
        let (src, tree) = parse_valid(file, &self.family_description(), Scope::Words(&["const"]))?;
        let specs = Self::specs(file, &tree, src);
        if let Some(found) = specs.iter().find(|s| s.names.contains(&name)) {
            let line = found.row + 1;
            if normalize(&found.value) != normalize(&value) {
                let kind = if normalize(&found.value).eq_ignore_ascii_case(&normalize(&value)) { DriftKind::Spelling } else { DriftKind::Value };
                return Ok(Inspection::Drift { line, message: format!("{name} is `{}`, expected `{value}`", found.value), kind });
            }
            return Ok(Inspection::Present { line });
        }
        let members: Vec<&SpecInfo> = specs.iter().filter(|s| self.is_member(s)).collect();
        let Some(last) = members.last() else {
            return Err(anchor_error(file, format!("expected {}", self.family_description()), "check that the file is the one the profile expects, or adjust the point's `family` pattern"));
        };
        let anchor = match self.placement {
            Placement::Last => *last,
            Placement::LargestGroup => {
                let mut best: (usize, &SpecInfo) = (0, *last);
                let mut run = 0;
                for (i, m) in members.iter().enumerate() {
                    let contiguous = i > 0 && m.row == members[i - 1].end_row + 1;
                    run = if contiguous { run + 1 } else { 1 };
                    if run >= best.0 {
                        best = (run, *m);
                    }
                }
                best.1
            }
        };
        let end_row = anchor.end_row;
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: end_row + 2, updated: String::new() });
        }
        let indent = indentation_at(src, anchor.start_byte);
        let updated = insert_lines_after(BlockKind::Specs, src, end_row, &format!("{indent}{name} = {value}"));
        Ok(Inspection::Missing { line: end_row + 2, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let name = r.render("name", &self.name)?;
        let (src, tree) = parse_valid(file, &self.family_description(), Scope::Words(&["const"]))?;
        let specs = Self::specs(file, &tree, src);
        let Some(found) = specs.iter().find(|s| s.names == [name.clone()]) else { return Ok(Removal::Absent) };
        let candidates = delete_lines(BlockKind::Specs, src, found.row, found.end_row);
        Ok(Removal::Rewrite(preimage(self, file, r, src, candidates)?))
    }

    fn members(&self, file: &SourceFile<'_>) -> Result<Vec<Member>> {
        let (src, tree) = parse_valid(file, &self.family_description(), Scope::Words(&["const"]))?;
        Ok(Self::specs(file, &tree, src)
            .iter()
            .filter(|s| self.is_member(s))
            .flat_map(|s| {
                s.names.iter().map(|n| Member {
                    name: n.clone(),
                    value: s.value.trim_matches('"').to_string(),
                    line: s.row + 1,
                })
            })
            .collect())
    }
}

// ---------------------------------------------------------------------------------------------
// Composite literals: go.list_element and go.map_entry

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListElementSpec {
    /// The variable the composite literal is assigned to.
    var: String,
    /// Only look inside this function (for `x := []string{...}` in `init`).
    func: Option<String>,
    element: String,
    /// Other literals in the same scope whose elements count as the registration too (climc
    /// appends `storageFeatures` to `features`); apply only ever adds to `var`.
    #[serde(default)]
    also_in: Vec<String>,
}

#[derive(Debug)]
pub struct ListElement {
    spec: ListElementSpec,
}

impl ListElement {
    pub fn new(spec: ListElementSpec) -> Self {
        Self { spec }
    }

    /// The names the literals are found by: the function holding them, or the variables.
    fn words(&self) -> Vec<&str> {
        match &self.spec.func {
            Some(f) => vec![f.as_str()],
            None => std::iter::once(&self.spec.var).chain(&self.spec.also_in).map(String::as_str).collect(),
        }
    }
}

/// The body of the composite literal assigned to `var`; where it is stays in the file's memo,
/// so each provider after the first finds it without searching the file.
fn find_literal<'t>(file: &SourceFile<'_>, tree: &'t Tree, src: &str, var: &str, func: Option<&str>) -> Result<Node<'t>> {
    // A path is only good in the tree it was taken in; runs with a store parse a file once per
    // selection of declarations, and keep each tree (so its root's id) for the whole run.
    let key = format!("go.literal\0{}\0{var}\0{func:?}", tree.root_node().id());
    let at = file.memo(&key, || syntax::find_var_literal(tree, src, var, func).map(syntax::NodePath::of));
    let literal = at.as_ref().as_ref().map(|p| p.node(tree)).ok_or_else(|| {
        let scope = func.map(|f| format!(" inside func {f}")).unwrap_or_default();
        anchor_error(file, format!("expected a composite literal assigned to `{var}`{scope}"), "check that the variable still exists under that name, or update the profile")
    })?;
    literal
        .child_by_field_name("body")
        .ok_or_else(|| anchor_error(file, format!("`{var}` has no literal body"), "update the profile"))
}

fn literal_elements(body: Node<'_>) -> Vec<Node<'_>> {
    children(body).into_iter().filter(|c| matches!(c.kind(), "literal_element" | "keyed_element")).collect()
}

/// Inserts `entry` (one element, may span lines) after the last element of a literal body,
/// keeping the literal's layout: a single-line literal stays single-line, a line holding
/// several elements gets one more when it is shorter than the longest such line, and otherwise
/// the entry goes on a new line below the last element.
fn insert_element(src: &str, body: Node<'_>, entry: &str) -> (usize, String) {
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
        return (open + 2, insert_lines_after(BlockKind::Literal, src, open, &format!("{indent}{entry},")));
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
    if on_last_line >= 2 && on_last_line < widest && !entry.contains('\n') && !has_comment {
        if let Some(comma) = comma {
            let at = comma.end_byte();
            return (last_row + 1, format!("{} {},{}", &src[..at], entry, &src[at..]));
        }
    }
    let end_row = last.end_position().row;
    let indent = indentation_at(src, last.start_byte()).to_string();
    let entry = indent_continuation(entry, &indent);
    (end_row + 2, insert_lines_after(BlockKind::Literal, src, end_row, &format!("{indent}{entry},")))
}

/// The 1-based line [`insert_element`] would put `entry` on, without building the edit.
fn insertion_line(src: &str, body: Node<'_>, entry: &str) -> usize {
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
    if on_last_line >= 2 && on_last_line < widest && !entry.contains('\n') && syntax::trailing_comment(last).is_none() && comma.is_some() {
        return last_row + 1;
    }
    let _ = src;
    last.end_position().row + 2
}

/// Takes one element out of a literal; the candidates for [`preimage`].
fn remove_element(src: &str, body: Node<'_>, element: Node<'_>) -> Vec<String> {
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
    delete_lines(BlockKind::Literal, src, first_row, last_row)
}

/// Repeated entries of a literal: normalised element texts (keys for keyed elements).
fn literal_duplicates(src: &str, body: Node<'_>) -> Vec<Duplicate> {
    let mut seen: Vec<Duplicate> = Vec::new();
    for e in literal_elements(body) {
        let entry = match e.kind() {
            "keyed_element" => e.child_by_field_name("key").map(|k| normalize(text(k, src))).unwrap_or_default(),
            _ => normalize(text(e, src)),
        };
        match seen.iter_mut().find(|d| d.entry == entry) {
            Some(d) => d.lines.push(row(e) + 1),
            None => seen.push(Duplicate { entry, lines: vec![row(e) + 1] }),
        }
    }
    seen.retain(|d| d.lines.len() > 1);
    seen
}

impl PointKind for ListElement {
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (src, tree) = parse_valid(file, &format!("the literal `{}`", self.spec.var), Scope::Words(&self.words()))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        Ok(literal_duplicates(src, body))
    }

    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("{} in {}", r.render("element", &self.spec.element)?, self.spec.var))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let element = r.render("element", &self.spec.element)?;
        let (src, tree) = parse_valid(file, &format!("the literal `{}`", self.spec.var), Scope::Words(&self.words()))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        let want = normalize(&element);
        if let Some(found) = literal_elements(body).iter().find(|e| normalize(text(**e, src)) == want) {
            return Ok(Inspection::Present { line: row(*found) + 1 });
        }
        for other in &self.spec.also_in {
            let body = find_literal(file, &tree, src, other, self.spec.func.as_deref())?;
            if let Some(found) = literal_elements(body).iter().find(|e| normalize(text(**e, src)) == want) {
                return Ok(Inspection::Present { line: row(*found) + 1 });
            }
        }
        if let Some(near) = literal_elements(body).iter().find(|e| normalize(text(**e, src)).eq_ignore_ascii_case(&want)) {
            return Ok(Inspection::Drift {
                line: row(*near) + 1,
                message: format!("{} lists `{}`, but the value is `{element}`", self.spec.var, text(*near, src)),
                kind: DriftKind::Spelling,
            });
        }
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: insertion_line(src, body, &element), updated: String::new() });
        }
        let (line, updated) = insert_element(src, body, &element);
        Ok(Inspection::Missing { line, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let element = r.render("element", &self.spec.element)?;
        let (src, tree) = parse_valid(file, &format!("the literal `{}`", self.spec.var), Scope::Words(&self.words()))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        let want = normalize(&element);
        match literal_elements(body).into_iter().find(|e| normalize(text(*e, src)) == want) {
            Some(found) => Ok(Removal::Rewrite(preimage(self, file, r, src, remove_element(src, body, found))?)),
            None => Ok(Removal::Absent),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapEntrySpec {
    var: String,
    func: Option<String>,
    key: String,
    /// The value; may span several lines (a nested literal), indented relative to the key.
    value: String,
}

#[derive(Debug)]
pub struct MapEntry {
    spec: MapEntrySpec,
}

impl MapEntry {
    pub fn new(spec: MapEntrySpec) -> Self {
        Self { spec }
    }

    fn find<'t>(body: Node<'t>, src: &str, key: &str) -> Option<Node<'t>> {
        let want = normalize(key);
        literal_elements(body).into_iter().find(|e| {
            e.kind() == "keyed_element" && e.child_by_field_name("key").is_some_and(|k| normalize(text(k, src)) == want)
        })
    }
}

/// For list-literal values (`{A, B}`): whether every item the registration wants is in the
/// list the tree has, so a provider with more (AWS's dedicated hosts) is not drift.
fn list_contains_all(have: &str, want: &str) -> bool {
    let items = |s: &str| -> Option<Vec<String>> {
        let inner = normalize(s);
        let inner = inner.strip_prefix('{')?.strip_suffix('}')?.to_string();
        Some(inner.split(',').map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect())
    };
    match (items(have), items(want)) {
        (Some(h), Some(w)) => !w.is_empty() && w.iter().all(|x| h.contains(x)),
        _ => false,
    }
}

impl PointKind for MapEntry {
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (src, tree) = parse_valid(file, &format!("the map literal `{}`", self.spec.var), Scope::Words(&[self.spec.func.as_deref().unwrap_or(&self.spec.var)]))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        Ok(literal_duplicates(src, body))
    }

    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("{} in map {}", r.render("key", &self.spec.key)?, self.spec.var))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let key = r.render("key", &self.spec.key)?;
        let value = r.render("value", &self.spec.value)?;
        let (src, tree) = parse_valid(file, &format!("the map literal `{}`", self.spec.var), Scope::Words(&[self.spec.func.as_deref().unwrap_or(&self.spec.var)]))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        if let Some(found) = Self::find(body, src, &key) {
            let line = row(found) + 1;
            let have = found.child_by_field_name("value").map(|v| text(v, src)).unwrap_or_default();
            if normalize(have) != normalize(&value) && !list_contains_all(have, &value) {
                return Ok(Inspection::Drift { line, message: format!("{key} maps to `{}`, expected `{}`", normalize(have), normalize(&value)), kind: DriftKind::Value });
            }
            return Ok(Inspection::Present { line });
        }
        let entry = format!("{key}: {value}");
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: insertion_line(src, body, &entry), updated: String::new() });
        }
        let (line, updated) = insert_element(src, body, &entry);
        Ok(Inspection::Missing { line, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let key = r.render("key", &self.spec.key)?;
        let (src, tree) = parse_valid(file, &format!("the map literal `{}`", self.spec.var), Scope::Words(&[self.spec.func.as_deref().unwrap_or(&self.spec.var)]))?;
        let body = find_literal(file, &tree, src, &self.spec.var, self.spec.func.as_deref())?;
        match Self::find(body, src, &key) {
            Some(found) => Ok(Removal::Rewrite(preimage(self, file, r, src, remove_element(src, body, found))?)),
            None => Ok(Removal::Absent),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// go.tag_choice

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagChoiceSpec {
    /// The struct type (declared anywhere in the file, also inside a function).
    #[serde(rename = "type")]
    type_name: String,
    field: String,
    /// The struct tag key, e.g. `choices`.
    #[serde(default = "default_tag")]
    tag: String,
    #[serde(default = "default_separator")]
    separator: String,
    value: String,
}

fn default_tag() -> String {
    "choices".into()
}

fn default_separator() -> String {
    "|".into()
}

#[derive(Debug)]
pub struct TagChoice {
    spec: TagChoiceSpec,
}

impl TagChoice {
    pub fn new(spec: TagChoiceSpec) -> Self {
        Self { spec }
    }

    /// Byte range of the tag value (inside the quotes) of `key` in the field's tag.
    fn value_range(&self, file: &SourceFile<'_>, src: &str, tree: &Tree) -> Result<(std::ops::Range<usize>, usize)> {
        let field = syntax::find_struct_field(tree, src, &self.spec.type_name, &self.spec.field).ok_or_else(|| {
            anchor_error(file, format!("expected struct `{}` with field `{}`", self.spec.type_name, self.spec.field), "check the struct and field names, or update the profile")
        })?;
        let tag = field.child_by_field_name("tag").ok_or_else(|| {
            anchor_error(file, format!("field `{}.{}` has no struct tag", self.spec.type_name, self.spec.field), "add the tag by hand or update the profile")
        })?;
        let tag_text = text(tag, src);
        let needle = format!("{}:\"", self.spec.tag);
        let rel = tag_text
            .match_indices(&needle)
            .find(|(i, _)| *i == 1 || tag_text.as_bytes()[i - 1] == b' ')
            .map(|(i, _)| i + needle.len())
            .ok_or_else(|| anchor_error(file, format!("field `{}.{}` has no `{}:` tag", self.spec.type_name, self.spec.field, self.spec.tag), "add the tag by hand or update the profile"))?;
        let start = tag.start_byte() + rel;
        let len = src[start..].find('"').unwrap_or(0);
        Ok((start..start + len, row(tag) + 1))
    }
}

impl PointKind for TagChoice {
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (src, tree) = parse_valid(file, &format!("struct `{}`", self.spec.type_name), Scope::Words(&[&self.spec.type_name]))?;
        let (range, line) = self.value_range(file, src, &tree)?;
        let mut out: Vec<Duplicate> = Vec::new();
        for v in src[range].split(self.spec.separator.as_str()) {
            match out.iter_mut().find(|d| d.entry == v) {
                Some(d) => d.lines.push(line),
                None => out.push(Duplicate { entry: v.to_string(), lines: vec![line] }),
            }
        }
        out.retain(|d| d.lines.len() > 1);
        Ok(out)
    }

    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("`{}` in {}.{} `{}:` tag", r.render("value", &self.spec.value)?, self.spec.type_name, self.spec.field, self.spec.tag))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let value = r.render("value", &self.spec.value)?;
        let (src, tree) = parse_valid(file, &format!("struct `{}`", self.spec.type_name), Scope::Words(&[&self.spec.type_name]))?;
        // Where the tag's value is, the same for every provider: kept in the file's memo.
        let key = format!("go.tag_choice\0{}\0{}\0{}", self.spec.type_name, self.spec.field, self.spec.tag);
        let (range, line) = (*memo_found(file, &key, || self.value_range(file, src, &tree))?).clone();
        let list = &src[range.clone()];
        let choices: Vec<&str> = list.split(self.spec.separator.as_str()).collect();
        if choices.contains(&value.as_str()) {
            return Ok(Inspection::Present { line });
        }
        if let Some(near) = choices.iter().find(|c| c.eq_ignore_ascii_case(&value)) {
            return Ok(Inspection::Drift { line, message: format!("`{}:` lists `{near}`, but the value is `{value}` (the CLI matches case-sensitively)", self.spec.tag), kind: DriftKind::Spelling });
        }
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line, updated: String::new() });
        }
        let insertion = if list.is_empty() { value } else { format!("{}{}", self.spec.separator, value) };
        let mut updated = src.to_string();
        updated.insert_str(range.end, &insertion);
        Ok(Inspection::Missing { line, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let value = r.render("value", &self.spec.value)?;
        let (src, tree) = parse_valid(file, &format!("struct `{}`", self.spec.type_name), Scope::Words(&[&self.spec.type_name]))?;
        let (range, _) = self.value_range(file, src, &tree)?;
        let list = &src[range.clone()];
        let sep = self.spec.separator.as_str();
        let mut choices: Vec<&str> = list.split(sep).collect();
        let Some(i) = choices.iter().position(|c| *c == value) else { return Ok(Removal::Absent) };
        choices.remove(i);
        let mut updated = src.to_string();
        updated.replace_range(range, &choices.join(sep));
        Ok(Removal::Rewrite(updated))
    }
}

// ---------------------------------------------------------------------------------------------
// go.statement

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementSpec {
    func: String,
    /// Regex on a statement's text; the new statement goes after the last one that matches.
    shape: String,
    statement: String,
    /// A literal (a template) that identifies the registration in a statement written some
    /// other way, e.g. the command keyword `"create-aws"` next to an options type named
    /// `SAWSCloudAccountCreateOptions`; without it the whole statement must match.
    identity: Option<String>,
}

#[derive(Debug)]
pub struct Statement {
    func: String,
    shape: Regex,
    statement: String,
    identity: Option<String>,
}

impl Statement {
    pub fn new(spec: StatementSpec, at: &Location) -> Result<Self> {
        Ok(Self { shape: regex(&spec.shape, at)?, func: spec.func, statement: spec.statement, identity: spec.identity })
    }

    fn statements<'t>(&self, file: &SourceFile<'_>, tree: &'t Tree, src: &str) -> Result<Vec<Node<'t>>> {
        let body = syntax::find_function_body(tree, src, &self.func)
            .ok_or_else(|| anchor_error(file, format!("expected func {}", self.func), "check the function name, or update the profile"))?;
        Ok(syntax::block_statements(body))
    }

    /// The function's statements with their normalised text, kept in the file's memo: every
    /// provider compares its statement with all of them.
    fn statement_infos(&self, file: &SourceFile<'_>, tree: &Tree, src: &str) -> Result<std::sync::Arc<Vec<StatementInfo>>> {
        memo_found(file, &format!("go.statements\0{}", self.func), || {
            Ok(self
                .statements(file, tree, src)?
                .into_iter()
                .map(|s| StatementInfo { range: s.byte_range(), row: row(s), end_row: s.end_position().row, normalized: normalize(text(s, src)) })
                .collect())
        })
    }
}

/// A statement of the function a `go.statement` point registers in.
struct StatementInfo {
    range: std::ops::Range<usize>,
    /// 0-based first and last line.
    row: usize,
    end_row: usize,
    normalized: String,
}

impl PointKind for Statement {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let statement = r.render("statement", &self.statement)?;
        Ok(format!("`{}` in func {}", statement.split_whitespace().collect::<Vec<_>>().join(" "), self.func))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let statement = r.render("statement", &self.statement)?;
        let (src, tree) = parse_valid(file, &format!("func {}", self.func), Scope::Words(&[method_word(&self.func)]))?;
        let statements = self.statement_infos(file, &tree, src)?;
        let want = normalize(&statement);
        if let Some(found) = statements.iter().find(|s| s.normalized == want) {
            return Ok(Inspection::Present { line: found.row + 1 });
        }
        let text_of = |s: &StatementInfo| &src[s.range.clone()];
        if let Some(identity) = self.identity.as_deref().map(|i| r.render("identity", i)).transpose()? {
            if let Some(found) = statements.iter().find(|s| self.shape.is_match(text_of(s)) && text_of(s).contains(&identity)) {
                return Ok(Inspection::Present { line: found.row + 1 });
            }
        }
        let anchor = statements.iter().rev().find(|s| self.shape.is_match(text_of(s))).ok_or_else(|| {
            anchor_error(file, format!("expected a statement matching `{}` in func {}", self.shape.as_str(), self.func), "check the function still registers its entries this way, or update the point's `shape`")
        })?;
        let end_row = anchor.end_row;
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: end_row + 2, updated: String::new() });
        }
        let indent = indentation_at(src, anchor.range.start).to_string();
        let lines = format!("{indent}{}", indent_continuation(statement.trim_end(), &indent));
        let updated = insert_plain_lines_after(src, end_row, &lines);
        Ok(Inspection::Missing { line: end_row + 2, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let statement = r.render("statement", &self.statement)?;
        let (src, tree) = parse_valid(file, &format!("func {}", self.func), Scope::Words(&[method_word(&self.func)]))?;
        let want = normalize(&statement);
        let Some(found) = self.statements(file, &tree, src)?.into_iter().find(|s| normalize(text(*s, src)) == want) else {
            return Ok(Removal::Absent);
        };
        let start = line_start(src, found.start_byte());
        let end = line_end_inclusive(src, found.end_byte());
        let mut updated = src.to_string();
        updated.replace_range(start..end, "");
        Ok(Removal::Rewrite(updated))
    }
}

/// Inserts whole lines after 0-based `after` with no alignment (statements are never aligned).
fn insert_plain_lines_after(src: &str, after: usize, lines: &str) -> String {
    let offset = offset_of_line(src, after + 1);
    let mut new = String::with_capacity(src.len() + lines.len() + 1);
    new.push_str(&src[..offset]);
    if !src[..offset].ends_with('\n') {
        new.push('\n');
    }
    new.push_str(lines);
    new.push('\n');
    new.push_str(&src[offset..]);
    new
}

// ---------------------------------------------------------------------------------------------
// go.import

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportSpec {
    /// Regex on import paths; the new import joins the group with the most matching paths.
    group_pattern: String,
    path: String,
    /// `_` for a blank import, an alias, or absent.
    name: Option<String>,
}

#[derive(Debug)]
pub struct Import {
    group: Regex,
    path: String,
    name: Option<String>,
}

impl Import {
    pub fn new(spec: ImportSpec, at: &Location) -> Result<Self> {
        Ok(Self { group: regex(&spec.group_pattern, at)?, path: spec.path, name: spec.name })
    }

    fn specs<'t>(tree: &'t Tree) -> Vec<Node<'t>> {
        let mut out = Vec::new();
        syntax::visit(tree.root_node(), &mut |n| {
            if n.kind() == "import_spec" {
                out.push(n);
                return false;
            }
            n.kind() == "source_file" || n.kind().starts_with("import")
        });
        out
    }

    fn path_of<'s>(spec: Node<'_>, src: &'s str) -> &'s str {
        spec.child_by_field_name("path").map(|p| text(p, src).trim_matches('"')).unwrap_or_default()
    }
}

impl PointKind for Import {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let name = self.name.as_deref().map(|n| r.render("name", n)).transpose()?.map(|n| format!("{n} ")).unwrap_or_default();
        Ok(format!("import {name}\"{}\"", r.render("path", &self.path)?))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let path = r.render("path", &self.path)?;
        let name = self.name.as_deref().map(|n| r.render("name", n)).transpose()?;
        let (src, tree) = parse_valid(file, "an import block", Scope::Words(&["import"]))?;
        let specs = Self::specs(&tree);
        if let Some(found) = specs.iter().find(|s| Self::path_of(**s, src) == path) {
            return Ok(Inspection::Present { line: row(*found) + 1 });
        }
        // Groups: runs of specs on consecutive lines.
        let mut groups: Vec<Vec<Node>> = Vec::new();
        for spec in specs {
            match groups.last_mut() {
                Some(g) if g.last().is_some_and(|l| l.end_position().row + 1 == row(spec)) => g.push(spec),
                _ => groups.push(vec![spec]),
            }
        }
        let group = groups
            .iter()
            .map(|g| (g.iter().filter(|s| self.group.is_match(Self::path_of(**s, src))).count(), g))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, _)| *n)
            .map(|(_, g)| g)
            .ok_or_else(|| anchor_error(file, format!("expected an import group with paths matching `{}`", self.group.as_str()), "check the file's imports, or update the point's `group` pattern"))?;
        let spec_text = match &name {
            Some(n) => format!("{n} \"{path}\""),
            None => format!("\"{path}\""),
        };
        // gofmt sorts a group by path: insert before the first larger path.
        let before = group.iter().find(|s| Self::path_of(**s, src) > path.as_str());
        let (after_row, reference) = match before {
            Some(b) => (row(*b) - 1, *b),
            None => (group.last().expect("groups are non-empty").end_position().row, *group.last().expect("non-empty")),
        };
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: after_row + 2, updated: String::new() });
        }
        let indent = indentation_at(src, reference.start_byte()).to_string();
        let updated = insert_lines_after(BlockKind::Imports, src, after_row, &format!("{indent}{spec_text}"));
        Ok(Inspection::Missing { line: after_row + 2, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let path = r.render("path", &self.path)?;
        let (src, tree) = parse_valid(file, "an import block", Scope::Words(&["import"]))?;
        match Self::specs(&tree).into_iter().find(|s| Self::path_of(*s, src) == path) {
            Some(found) => {
                let candidates = delete_lines(BlockKind::Imports, src, row(found), found.end_position().row);
                Ok(Removal::Rewrite(preimage(self, file, r, src, candidates)?))
            }
            None => Ok(Removal::Absent),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// go.decls

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclsSpec {
    /// Go source of one or more top-level declarations (a template), appended at the end of
    /// the file when none of them is there yet.
    source: String,
    /// A regex (a template) that finds the registration when it was written under other names
    /// (an options type spelt `SAWS...` for a provider whose Go name is `Aws`); consulted only
    /// when none of the declarations is there by name.
    identity: Option<String>,
}

#[derive(Debug)]
pub struct Decls {
    source: String,
    identity: Option<String>,
}

impl Decls {
    pub fn new(spec: DeclsSpec) -> Self {
        Self { source: spec.source, identity: spec.identity }
    }

    /// Names declared by the fragment, in order.
    fn fragment_names(fragment: &str) -> Vec<String> {
        let src = format!("package fragment\n\n{fragment}");
        let tree = syntax::parse(&src);
        children(tree.root_node()).into_iter().flat_map(|n| syntax::declaration_names(n, &src)).collect()
    }

    /// Top-level declarations of the target, with their names.
    fn target_decls<'t>(tree: &'t Tree, src: &str) -> Vec<(Node<'t>, Vec<String>)> {
        children(tree.root_node())
            .into_iter()
            .map(|n| (n, syntax::declaration_names(n, src)))
            .filter(|(_, names)| !names.is_empty())
            .collect()
    }
}

impl PointKind for Decls {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let names = Self::fragment_names(&r.render("source", &self.source)?);
        Ok(format!("declarations {}", names.join(", ")))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let fragment = r.render("source", &self.source)?;
        let wanted = Self::fragment_names(&fragment);
        let (src, tree) = parse_valid(file, "Go declarations", Scope::Whole)?;
        // The file's declarations with their names, the same for every provider.
        let existing = file.memo("go.decls", || Self::target_decls(&tree, src).into_iter().map(|(n, names)| (row(n), names)).collect::<Vec<_>>());
        let found: Vec<(&String, usize)> = wanted
            .iter()
            .filter_map(|w| existing.iter().find(|(_, names)| names.contains(w)).map(|(n, _)| (w, n + 1)))
            .collect();
        if found.len() == wanted.len() {
            return Ok(Inspection::Present { line: found.first().map_or(1, |f| f.1) });
        }
        if let Some((_, line)) = found.first() {
            let missing: Vec<&String> = wanted.iter().filter(|w| !found.iter().any(|f| f.0 == *w)).collect();
            return Ok(Inspection::Drift { line: *line, message: format!("only some declarations are present; missing: {}", missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")), kind: DriftKind::Partial });
        }
        if let Some(identity) = self.identity.as_deref().map(|i| r.render("identity", i)).transpose()? {
            let re = Regex::new(&identity).map_err(|e| Error::input(Location::new(file.display, 0, 0), format!("identity `{identity}`: {e}"), "fix the profile"))?;
            if let Some(m) = re.find(src) {
                return Ok(Inspection::Present { line: crate::text::line_of(src, m.start()) });
            }
        }
        if r.is_presence_only() {
            // Where the declarations would start: after the file and one blank line.
            let line = src.matches('\n').count() + usize::from(!src.ends_with('\n')) + 2;
            return Ok(Inspection::Missing { line, updated: String::new() });
        }
        let mut updated = src.to_string();
        if !updated.ends_with('\n') {
            updated.push('\n');
        }
        let line = updated.matches('\n').count() + 2;
        updated.push('\n');
        updated.push_str(fragment.trim_matches('\n'));
        updated.push('\n');
        Ok(Inspection::Missing { line, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let wanted = Self::fragment_names(&r.render("source", &self.source)?);
        let (src, tree) = parse_valid(file, "Go declarations", Scope::Whole)?;
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for (node, names) in Self::target_decls(&tree, src) {
            if !names.iter().any(|n| wanted.contains(n)) {
                continue;
            }
            // The declaration's doc comment lines belong to it.
            let mut start = node;
            while let Some(prev) = start.prev_sibling() {
                if prev.kind() == "comment" && prev.end_position().row + 1 == start.start_position().row {
                    start = prev;
                } else {
                    break;
                }
            }
            let mut from = line_start(src, start.start_byte());
            // Take the blank line that separated it from what came before.
            if src[..from].ends_with("\n\n") {
                from -= 1;
            }
            ranges.push((from, line_end_inclusive(src, node.end_byte())));
        }
        if ranges.is_empty() {
            return Ok(Removal::Absent);
        }
        let mut updated = src.to_string();
        for (from, to) in ranges.into_iter().rev() {
            updated.replace_range(from..to, "");
        }
        Ok(Removal::Rewrite(updated))
    }
}

// ---------------------------------------------------------------------------------------------
// go.case_value

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseValueSpec {
    /// The function or method holding the switch.
    func: String,
    /// Regex matching a value already in the case clause the new value joins.
    with: String,
    value: String,
}

/// A value in an existing `case A, B, C:` clause of a switch.
#[derive(Debug)]
pub struct CaseValue {
    func: String,
    with: Regex,
    value: String,
}

impl CaseValue {
    pub fn new(spec: CaseValueSpec, at: &Location) -> Result<Self> {
        Ok(Self { with: regex(&spec.with, at)?, func: spec.func, value: spec.value })
    }

    /// The value lists of every `case` in the function, in order.
    fn cases<'t>(&self, file: &SourceFile<'_>, tree: &'t Tree, src: &str) -> Result<Vec<Node<'t>>> {
        let mut func = None;
        syntax::visit(tree.root_node(), &mut |n| {
            if func.is_none()
                && matches!(n.kind(), "function_declaration" | "method_declaration")
                && n.child_by_field_name("name").is_some_and(|name| text(name, src) == self.func)
            {
                func = Some(n);
            }
            func.is_none()
        });
        let func = func.ok_or_else(|| anchor_error(file, format!("expected func {}", self.func), "check the function name, or update the profile"))?;
        let mut lists = Vec::new();
        syntax::visit(func, &mut |n| {
            if n.kind() == "expression_case" {
                if let Some(v) = n.child_by_field_name("value") {
                    lists.push(v);
                }
            }
            true
        });
        Ok(lists)
    }

    fn values<'t>(list: Node<'t>) -> Vec<Node<'t>> {
        children(list).into_iter().filter(|c| c.is_named() && c.kind() != "comment").collect()
    }

    /// The values of every `case` of the function, case by case, kept in the file's memo:
    /// every provider looks for its value among the same cases.
    fn case_values(&self, file: &SourceFile<'_>, tree: &Tree, src: &str) -> Result<std::sync::Arc<Vec<Vec<CaseItem>>>> {
        memo_found(file, &format!("go.cases\0{}", self.func), || {
            Ok(self
                .cases(file, tree, src)?
                .into_iter()
                .map(|list| Self::values(list).into_iter().map(|v| CaseItem { text: text(v, src).to_string(), row: row(v), end_byte: v.end_byte() }).collect())
                .collect())
        })
    }
}

/// A value of a `case` clause.
struct CaseItem {
    text: String,
    /// 0-based line.
    row: usize,
    end_byte: usize,
}

impl PointKind for CaseValue {
    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("case {} in func {}", r.render("value", &self.value)?, self.func))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let value = r.render("value", &self.value)?;
        let (src, tree) = parse_valid(file, &format!("func {}", self.func), Scope::Words(&[method_word(&self.func)]))?;
        let lists = self.case_values(file, &tree, src)?;
        for list in lists.iter() {
            if let Some(v) = list.iter().find(|v| v.text == value) {
                return Ok(Inspection::Present { line: v.row + 1 });
            }
        }
        let list = lists
            .iter()
            .find(|l| l.iter().any(|v| self.with.is_match(&v.text)))
            .ok_or_else(|| anchor_error(file, format!("expected a case in func {} listing a value matching `{}`", self.func, self.with.as_str()), "update the point's `with` pattern"))?;
        let last = list.last().expect("a case lists at least one value");
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: last.row + 1, updated: String::new() });
        }
        let mut updated = src.to_string();
        updated.insert_str(last.end_byte, &format!(", {value}"));
        Ok(Inspection::Missing { line: last.row + 1, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let value = r.render("value", &self.value)?;
        let (src, tree) = parse_valid(file, &format!("func {}", self.func), Scope::Words(&[method_word(&self.func)]))?;
        for list in self.cases(file, &tree, src)? {
            let values = Self::values(list);
            if let Some(i) = values.iter().position(|v| text(*v, src) == value) {
                let v = values[i];
                if values.len() == 1 {
                    // apply only ever joins a clause; one of the value's own holds statements
                    // written by hand, and taking the value alone out would leave `case :`.
                    return Ok(Removal::KeepEdited(format!(
                        "{}:{}: `case {value}:` is a clause of its own that integrate did not write; kept (delete the clause by hand)",
                        file.display.display(),
                        row(v) + 1
                    )));
                }
                let range = if i > 0 { values[i - 1].end_byte()..v.end_byte() } else { v.start_byte()..values[1].start_byte() };
                let mut updated = src.to_string();
                updated.replace_range(range, "");
                return Ok(Removal::Rewrite(updated));
            }
        }
        Ok(Removal::Absent)
    }
}

// ---------------------------------------------------------------------------------------------
// go.const_group

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstGroupSpec {
    /// Regex on a spec name of the const block the group joins.
    block: String,
    /// The group: an optional `//` comment line, then `NAME = value` lines (a template).
    specs: String,
}

/// A group of const specs (a comment and several specs) added at the end of a const block,
/// after a blank line: a provider's storage kinds, for example.
#[derive(Debug)]
pub struct ConstGroup {
    block: Regex,
    group: String,
}

impl ConstGroup {
    pub fn new(spec: ConstGroupSpec, at: &Location) -> Result<Self> {
        Ok(Self { block: regex(&spec.block, at)?, group: spec.specs })
    }

    /// Names the group declares.
    fn names(group: &str) -> Vec<String> {
        group
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("//"))
            .filter_map(|l| l.split(['=', ' ']).next().map(str::to_string))
            .collect()
    }

    fn block<'t>(&self, file: &SourceFile<'_>, tree: &'t Tree, src: &str) -> Result<Node<'t>> {
        let mut found = None;
        syntax::visit(tree.root_node(), &mut |n| {
            if found.is_none() && n.kind() == "const_declaration" {
                let mut hit = false;
                syntax::visit(n, &mut |m| {
                    if m.kind() == "const_spec" && field_children(m, "name").iter().any(|x| self.block.is_match(text(*x, src))) {
                        hit = true;
                    }
                    !hit
                });
                if hit {
                    found = Some(n);
                }
            }
            found.is_none()
        });
        found.ok_or_else(|| anchor_error(file, format!("expected a const block with a spec matching `{}`", self.block.as_str()), "update the point's `block` pattern"))
    }
}

impl PointKind for ConstGroup {
    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("const group {}", Self::names(&r.render("specs", &self.group)?).join(", ")))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let group = r.render("specs", &self.group)?;
        let names = Self::names(&group);
        let (src, tree) = parse_valid(file, "a const block", Scope::Words(&["const"]))?;
        let specs = ConstSpec::specs(file, &tree, src);
        let found: Vec<&SpecInfo> = specs.iter().filter(|s| s.names.iter().any(|n| names.contains(n))).collect();
        if let Some(first) = found.first() {
            let line = first.row + 1;
            if found.len() == names.len() {
                return Ok(Inspection::Present { line });
            }
            return Ok(Inspection::Drift { line, message: format!("{} of {} constants of the group are declared", found.len(), names.len()), kind: DriftKind::Partial });
        }
        // The block's last line, the same for every provider: kept in the file's memo.
        let close = *memo_found(file, &format!("go.const_block\0{}", self.block.as_str()), || Ok(self.block(file, &tree, src)?.end_position().row))?;
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: close + 2, updated: String::new() });
        }
        let indent = "\t";
        let body: Vec<String> = group.trim_matches('\n').lines().map(|l| format!("{indent}{}", l.trim())).collect();
        let lines = format!("\n{}", body.join("\n"));
        let updated = insert_lines_after(BlockKind::Specs, src, close - 1, &lines);
        Ok(Inspection::Missing { line: close + 2, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let group = r.render("specs", &self.group)?;
        let names = Self::names(&group);
        let (src, tree) = parse_valid(file, "a const block", Scope::Words(&["const"]))?;
        let specs = ConstSpec::specs(file, &tree, src);
        let found: Vec<&SpecInfo> = specs.iter().filter(|s| s.names.iter().any(|n| names.contains(n))).collect();
        let (Some(first), Some(last)) = (found.first(), found.last()) else { return Ok(Removal::Absent) };
        let mut start = first.row;
        // The group's comment and the blank line before it go too.
        let lines: Vec<&str> = src.split('\n').collect();
        if start > 0 && lines[start - 1].trim_start().starts_with("//") {
            start -= 1;
        }
        if start > 0 && lines[start - 1].trim().is_empty() {
            start -= 1;
        }
        let from = offset_of_line(src, start);
        let to = offset_of_line(src, last.end_row + 1);
        let mut updated = src.to_string();
        updated.replace_range(from..to, "");
        Ok(Removal::Rewrite(updated))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{TemplateStore, Templates};

    fn remove(kind: &dyn PointKind, src: &str) -> Removal {
        let templates = Templates::new(&TemplateStore::default());
        let ctx = minijinja::Value::from_serialize(serde_json::json!({"id": "acme", "names": {"const": "ACME"}}));
        let r = templates.renderer(&ctx, "p");
        kind.remove(&SourceFile::new(std::path::Path::new("x.go"), Some(src)), &r, false).unwrap()
    }

    fn case_value() -> CaseValue {
        CaseValue::new(toml::from_str("func = \"f\"\nwith = \"^B$\"\nvalue = \"{{ names.const }}\"\n").unwrap(), &Location::new("p.toml", 1, 1)).unwrap()
    }

    #[test]
    fn a_case_value_leaves_the_clause_it_joined() {
        let src = "package p\n\nfunc f(x int) int {\n\tswitch x {\n\tcase B, ACME:\n\t\treturn 1\n\t}\n\treturn 0\n}\n";
        let Removal::Rewrite(updated) = remove(&case_value(), src) else { panic!("not a rewrite") };
        assert_eq!(updated, src.replace("case B, ACME:", "case B:"));
    }

    #[test]
    fn a_clause_of_its_own_is_kept_and_named() {
        // Taking the value alone out would leave `case :`, which no later edit could parse.
        let src = "package p\n\nfunc f(x int) int {\n\tswitch x {\n\tcase B:\n\t\treturn 1\n\tcase ACME:\n\t\treturn 2\n\t}\n\treturn 0\n}\n";
        let Removal::KeepEdited(reason) = remove(&case_value(), src) else { panic!("not kept") };
        assert!(reason.starts_with("x.go:7: `case ACME:` is a clause of its own"), "{reason}");
    }
}
