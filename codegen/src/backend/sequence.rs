//! A list of sibling entries, one or more whole lines each (a gated Rust statement, an array
//! element, a match arm, an enum variant, a TOML key or array element), and the splicing the
//! Rust and TOML kinds share: find an entry by key, choose where a new one goes, indent it like
//! its siblings, separate it with a blank line when they are, and take it out again.
//!
//! Placement: when the siblings that take part in the order are sorted (at most one adjacent
//! pair in ten out of order, and one in any case), the new entry goes where it is out of order
//! with the fewest siblings, the last such place when several tie (in a list kept in sorted
//! groups that is the group it fits best); otherwise after the last of them. Entries own the
//! comment lines just above them, so an insertion never separates a comment from what it
//! describes, except a group's heading: a comment after a blank line in a list whose entries
//! are not separated by blank lines, which stays above its group.

use std::ops::Range;

use super::{Inspection, SourceFile};
use crate::error::{Error, Location, Result};

/// One sibling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What identifies it (normalised tokens without attributes, or a name).
    pub key: String,
    /// Its place in the order, when it takes part in it (a `services-*` feature, a name).
    pub sort_key: Option<String>,
    /// Its attributes as normalised text, compared with the wanted gate.
    pub attrs: String,
    /// Whole lines: from the start of its first line (comments above included) to just past
    /// the newline of its last.
    pub lines: Range<usize>,
    /// Where its code (not its comments) starts, as a byte offset.
    pub code_start: usize,
}

/// The siblings of a container, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sequence {
    pub entries: Vec<Entry>,
    /// Indentation of the entries' lines.
    pub indent: String,
    /// Whether the entries that take part in the order are separated by blank lines.
    pub blank_between: bool,
}

/// Why a text could not be cut into whole-line entries, with the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
    pub hint: String,
}

impl Problem {
    pub fn into_error(self, file: &SourceFile<'_>) -> Error {
        Error::AnchorNotFound { at: Location::new(file.display, self.line, 0), message: self.message, hint: self.hint }
    }
}

/// The whole lines a code range occupies, with the comment lines right above it; `None` when
/// other code shares its first or last line (`a, b` on one line). A trailing `,` and a
/// trailing comment are part of the last line.
pub fn whole_lines(text: &str, code: Range<usize>, comment: &str) -> Option<Range<usize>> {
    let line_start = crate::text::line_start(text, code.start);
    if !text[line_start..code.start].trim().is_empty() {
        return None;
    }
    let line_end = crate::text::line_end_inclusive(text, code.end);
    let after = text[code.end..line_end].trim();
    let after = after.strip_prefix([',', ';']).unwrap_or(after).trim();
    if !after.is_empty() && !after.starts_with(comment) {
        return None;
    }
    let mut start = line_start;
    while start > 0 {
        let prev = crate::text::line_start(text, start - 1);
        let t = text[prev..start].trim();
        if t.starts_with(comment) && !(comment == "//" && (t.starts_with("///") || t.starts_with("//!"))) {
            start = prev;
        } else {
            break;
        }
    }
    Some(start..line_end)
}

/// Builds an entry from its code range, or says why it is not on lines of its own; `comment`
/// starts a line comment in the file's language.
pub fn entry(text: &str, code: Range<usize>, key: String, sort_key: Option<String>, attrs: String, comment: &str) -> std::result::Result<Entry, Problem> {
    let lines = whole_lines(text, code.clone(), comment).ok_or_else(|| Problem {
        line: crate::text::line_of(text, code.start),
        message: "the entries share lines; integrate edits lists that hold one entry per line".into(),
        hint: "put each entry on its own line (rustfmt does this for lists that do not fit on one line), then run integrate again".into(),
    })?;
    Ok(Entry { key, sort_key, attrs, lines, code_start: code.start })
}

impl Sequence {
    /// A sequence of `entries`; indentation and separation come from the ones taking part in
    /// the order (all of them when none does).
    pub fn new(text: &str, entries: Vec<Entry>) -> Self {
        let ordered: Vec<&Entry> = entries.iter().filter(|e| e.sort_key.is_some()).collect();
        let ordered = if ordered.is_empty() { entries.iter().collect() } else { ordered };
        let indent = ordered.first().map_or(String::new(), |e| crate::text::indentation_at(text, e.code_start).to_string());
        let blank_between = ordered.len() > 1
            && ordered.windows(2).all(|w| {
                let gap = text.get(w[0].lines.end..w[1].lines.start).unwrap_or_default();
                !gap.is_empty() && gap.trim().is_empty()
            });
        Self { entries, indent, blank_between }
    }

    pub fn find(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// Whether the entries that take part in the order are sorted: at most one adjacent pair
    /// in ten out of order, and one in any case (a hand-kept list with a slip is still sorted).
    pub fn is_sorted(&self) -> bool {
        let keys: Vec<&str> = self.entries.iter().filter_map(|e| e.sort_key.as_deref()).collect();
        if keys.len() < 2 {
            return true;
        }
        let inversions = keys.windows(2).filter(|w| w[0] > w[1]).count();
        inversions <= ((keys.len() - 1) / 10).max(1)
    }

    /// The text with `fragment` (lines at column 0) inserted at its place, and the 1-based line
    /// where it starts. `None` when there is no entry to place it by.
    pub fn insert(&self, text: &str, fragment: &str, sort_key: Option<&str>) -> Option<(String, usize)> {
        let ordered: Vec<&Entry> = self.entries.iter().filter(|e| e.sort_key.is_some()).collect();
        let ordered = if ordered.is_empty() { self.entries.iter().collect() } else { ordered };
        let last = *ordered.last()?;
        let block = indent_lines(fragment, &self.indent);
        let before = match sort_key {
            Some(k) if self.is_sorted() => {
                let keys: Vec<&str> = ordered.iter().map(|e| e.sort_key.as_deref().unwrap_or_default()).collect();
                best_place(&keys, k).and_then(|i| ordered.get(i).copied())
            }
            _ => None,
        };
        let (at, insertion) = match before {
            Some(e) => (self.start_before(text, e), if self.blank_between { format!("{block}\n") } else { block }),
            None => (last.lines.end, if self.blank_between { format!("\n{block}") } else { block }),
        };
        let mut out = String::with_capacity(text.len() + insertion.len());
        out.push_str(&text[..at]);
        out.push_str(&insertion);
        out.push_str(&text[at..]);
        let line = crate::text::line_of(&out, at) + usize::from(before.is_none() && self.blank_between);
        Some((out, line))
    }

    /// Where an entry inserted before `e` starts: above `e`'s comments, unless they head a group
    /// (a blank line above them in a list whose entries are not separated by blank lines).
    fn start_before(&self, text: &str, e: &Entry) -> usize {
        let code_line = crate::text::line_start(text, e.code_start);
        if self.blank_between || code_line == e.lines.start {
            return e.lines.start;
        }
        let above_blank = e.lines.start == 0 || {
            let prev = crate::text::line_start(text, e.lines.start - 1);
            text[prev..e.lines.start].trim().is_empty()
        };
        if above_blank { code_line } else { e.lines.start }
    }

    /// Texts without `entry`: its lines taken out with the blank separator after it, with the
    /// one before it, and alone; first keeping the comment lines above it (a group heading it
    /// was inserted under), then with them (the plain deletion last, as
    /// [`crate::backend::preimage`] wants).
    pub fn removals(&self, text: &str, entry: &Entry) -> Vec<String> {
        let cut = |r: Range<usize>| format!("{}{}", &text[..r.start], &text[r.end..]);
        let code_line = crate::text::line_start(text, entry.code_start);
        let mut out = Vec::new();
        for start in [code_line, entry.lines.start] {
            let next_blank = crate::text::line_end_inclusive(text, entry.lines.end.min(text.len()));
            if entry.lines.end < text.len() && text[entry.lines.end..next_blank].trim().is_empty() {
                out.push(cut(start..next_blank));
            }
            if start > 0 {
                let prev = crate::text::line_start(text, start - 1);
                if text[prev..start].trim().is_empty() {
                    out.push(cut(prev..entry.lines.end));
                }
            }
            out.push(cut(start..entry.lines.end));
        }
        out.dedup();
        out
    }
}

/// The index to insert `key` before (`keys.len()` for the end) where it is out of order with
/// the fewest entries (greater ones before it, smaller ones after it); the last such index
/// when several tie. `None` for the end.
fn best_place(keys: &[&str], key: &str) -> Option<usize> {
    let inversions = |i: usize| keys[..i].iter().filter(|k| **k > key).count() + keys[i..].iter().filter(|k| **k < key).count();
    let mut best = (usize::MAX, keys.len());
    for i in 0..=keys.len() {
        let cost = inversions(i);
        if cost <= best.0 {
            best = (cost, i);
        }
    }
    (best.1 < keys.len()).then_some(best.1)
}

/// `fragment`'s lines with `indent` before each non-empty one, ending in a newline.
pub fn indent_lines(fragment: &str, indent: &str) -> String {
    let mut out = String::new();
    for line in fragment.trim_end_matches('\n').split('\n') {
        if !line.trim().is_empty() {
            out.push_str(indent);
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// What a kind wants in a sequence: the entry's key, its place in the order, its attributes,
/// and its text at column 0.
#[derive(Debug, Clone)]
pub struct Wanted {
    pub key: String,
    pub sort_key: Option<String>,
    pub attrs: String,
    pub fragment: String,
    /// How the entry is named in messages.
    pub what: String,
    /// Features the wanted gate turns the entry on with: a present entry under
    /// `#[cfg(any(...))]` naming all of them is compiled whenever they are on, so it counts.
    pub gate_features: Vec<String>,
}

/// The inspection every sequence kind makes: present (or drifted when its attributes differ),
/// or missing with the edited text, which `reparse` must accept before it is offered.
pub fn inspect(
    file: &SourceFile<'_>,
    text: &str,
    seq: &Sequence,
    wanted: &Wanted,
    presence_only: bool,
    reparse: impl Fn(&str) -> Result<std::sync::Arc<Sequence>>,
) -> Result<Inspection> {
    if let Some(e) = seq.find(&wanted.key) {
        let line = crate::text::line_of(text, e.code_start);
        let wider = !wanted.gate_features.is_empty() && e.attrs.starts_with("# [cfg (any (") && wanted.gate_features.iter().all(|f| e.attrs.contains(&format!("\"{f}\"")));
        if e.attrs != wanted.attrs && !wider {
            let shown = |a: &str| if a.is_empty() { "no attributes".to_string() } else { a.to_string() };
            return Ok(Inspection::Drift {
                line,
                message: format!("{} is there with {}, expected {}", wanted.what, shown(&e.attrs), shown(&wanted.attrs)),
                kind: crate::backend::DriftKind::Value,
            });
        }
        return Ok(Inspection::Present { line });
    }
    let Some((updated, line)) = seq.insert(text, &wanted.fragment, wanted.sort_key.as_deref()) else {
        return Err(Error::AnchorNotFound {
            at: Location::new(file.display, 0, 0),
            message: format!("found no sibling to place {} by", wanted.what),
            hint: "add the first entry of the list by hand, then run integrate again".into(),
        });
    };
    if presence_only {
        return Ok(Inspection::Missing { line, updated: String::new() });
    }
    let again = reparse(&updated)?;
    if again.find(&wanted.key).is_none_or(|e| e.attrs != wanted.attrs) {
        return Err(Error::Syntax {
            at: Location::new(file.display, line, 0),
            message: format!("after inserting {} the file does not hold it as expected", wanted.what),
            hint: "nothing was written; check the point's fragment in the profile (it must be one entry of the list)".into(),
        });
    }
    Ok(Inspection::Missing { line, updated })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(text: &str, keys: &[&str]) -> Sequence {
        let entries = keys
            .iter()
            .map(|k| {
                let at = text.find(k).unwrap();
                entry(text, at..at + k.len(), k.to_string(), Some(k.to_string()), String::new(), "//").unwrap()
            })
            .collect();
        Sequence::new(text, entries)
    }

    #[test]
    fn inserts_sorted_with_blank_lines_like_the_siblings() {
        let text = "fn f() {\n    a();\n\n    // c\n    c();\n}\n";
        let s = seq(text, &["a()", "c()"]);
        assert!(s.blank_between);
        let (out, line) = s.insert(text, "b();", Some("b()")).unwrap();
        assert_eq!(out, "fn f() {\n    a();\n\n    b();\n\n    // c\n    c();\n}\n");
        assert_eq!(line, 4);
        let (out, _) = s.insert(text, "d();", Some("d()")).unwrap();
        assert_eq!(out, "fn f() {\n    a();\n\n    // c\n    c();\n\n    d();\n}\n");
    }

    #[test]
    fn an_unsorted_list_gets_the_entry_at_its_end() {
        let text = "[\n  c,\n  a,\n  d,\n  b,\n]\n";
        let s = seq(text, &["c", "a", "d", "b"]);
        assert!(!s.is_sorted());
        assert_eq!(s.insert(text, "b2,", Some("b2")).unwrap().0, "[\n  c,\n  a,\n  d,\n  b,\n  b2,\n]\n");
    }

    #[test]
    fn entries_sharing_a_line_are_refused() {
        assert!(whole_lines("[a, b]", 1..2, "//").is_none());
        assert_eq!(whole_lines("x\n  a, // n\n", 4..5, "//"), Some(2..12));
    }
}
