//! Language-neutral splicing: a text changed by whole lines or by one byte range, and the choice
//! of the pre-image a removal restores. Back ends locate what to edit in their own syntax and
//! make the edit here, so every back end touches the bytes around an edit the same way.

use super::{Inspection, PointKind, SourceFile};
use crate::error::Result;
use crate::template::Renderer;

/// Of the candidate texts without a registration, the one from which inserting it again gives
/// back exactly `src`: removal is then the exact inverse of apply, whatever the alignment of the
/// neighbouring lines was. When none round-trips (the file was edited by hand since, or a
/// candidate no longer has the anchor), the last candidate, the plain deletion, which touches
/// the fewest bytes. Every back end's `remove` picks its result here.
pub(crate) fn preimage(kind: &dyn PointKind, file: &SourceFile<'_>, r: &Renderer, src: &str, mut candidates: Vec<String>) -> Result<String> {
    for candidate in &candidates {
        let probe = file.with_text(candidate);
        if let Ok(Inspection::Missing { updated, .. }) = kind.inspect(&probe, r)
            && updated == src
        {
            return Ok(candidate.clone());
        }
    }
    Ok(candidates.pop().expect("at least one candidate"))
}

/// Byte offset where 0-based `line` starts (the text length past the last line).
pub(crate) fn offset_of_line(src: &str, line: usize) -> usize {
    if line == 0 {
        return 0;
    }
    src.match_indices('\n').nth(line - 1).map_or(src.len(), |(i, _)| i + 1)
}

pub(crate) fn splice(src: &str, range: std::ops::Range<usize>, with: &str) -> String {
    let mut out = src.to_string();
    out.replace_range(range, with);
    out
}

/// Lines of `src` (without their newlines) and the byte offset each starts at.
pub(crate) fn line_offsets(src: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(src.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// `src` with `lines` (each without a newline) inserted before 0-based line `at`.
pub(crate) fn insert_lines(src: &str, at: usize, lines: &[String]) -> String {
    let offsets = line_offsets(src);
    let offset = offsets.get(at).copied().unwrap_or(src.len());
    let mut out =
        String::with_capacity(src.len() + lines.iter().map(|l| l.len() + 1).sum::<usize>());
    out.push_str(&src[..offset]);
    if offset > 0 && !out.ends_with('\n') {
        out.push('\n');
    }
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&src[offset..]);
    out
}

/// `src` without 0-based lines `range`.
pub(crate) fn delete_lines(src: &str, range: std::ops::Range<usize>) -> String {
    let offsets = line_offsets(src);
    let start = offsets.get(range.start).copied().unwrap_or(src.len());
    let end = offsets.get(range.end).copied().unwrap_or(src.len());
    format!("{}{}", &src[..start], &src[end..])
}

/// Inserts whole lines after 0-based `after` with no alignment (statements are never aligned).
pub(crate) fn insert_plain_lines_after(src: &str, after: usize, lines: &str) -> String {
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
