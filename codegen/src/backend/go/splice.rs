//! Whole lines spliced into Go source within a gofmt alignment section: inserted lines are
//! aligned with their block, and the neighbours of an insertion or a deletion are realigned only
//! when they were gofmt-aligned already.

use super::layout::{self, BlockKind};
use super::parse::Extent;
use crate::backend::splice::offset_of_line;

/// Inserts `lines` (no trailing newline) as whole lines after 0-based line `after`, then aligns
/// them within `kind`'s block, parsing as far as `extent` asks. Returns the new text.
pub(super) fn insert_aligned(kind: BlockKind, src: &str, after: usize, lines: &str, extent: Extent) -> String {
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
    layout::align_after_insert(kind, src, after, &new, after + 1..after + 1 + count, extent)
}

/// Deletes 0-based lines `first..=last`. Returns the candidate results: the block realigned
/// around the gap, and the plain deletion; [`preimage`] picks the one apply would have started
/// from.
pub(super) fn delete_aligned(kind: BlockKind, src: &str, first: usize, last: usize, extent: Extent) -> Vec<String> {
    let start = offset_of_line(src, first);
    let end = offset_of_line(src, last + 1);
    let mut new = String::with_capacity(src.len());
    new.push_str(&src[..start]);
    new.push_str(&src[end..]);
    let realigned = layout::align_after_remove(kind, src, first..last + 1, &new, first, extent);
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
