//! How a point kind gets the tree of its target file: parsed once per memo and only as far as
//! the lookup needs ([`Scope`]), a file that is not valid Go or that no build compiles refused
//! with its line, and what a kind finds in the tree kept in the memo ([`memo_found`]).

use tree_sitter::Tree;

use super::syntax;
use crate::backend::SourceFile;
use crate::error::{Error, Location, Result};

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
pub(super) fn prepare(memo: &crate::files::Memo, src: &str) {
    if memo.whole_files() {
        memo.get_or_insert_with("go.tree", || syntax::parse_uncached(src));
    } else {
        memo.get_or_insert_with("go.outline", || super::outline::Outline::of(src));
    }
}

/// The tree of `src` for `scope`, parsed once per memo and chunk selection (`src` must be the
/// memo's text), or the lexical error that makes the file invalid Go wherever one looks.
fn memo_tree(memo: &crate::files::Memo, src: &str, scope: Scope<'_>) -> std::result::Result<Tree, (usize, String)> {
    let whole = || (*memo.get_or_insert_with("go.tree", || reparse(memo, "go.tree", src, None))).clone();
    if memo.whole_files() {
        return Ok(whole());
    }
    let outline = memo.get_or_insert_with("go.outline", || super::outline::Outline::of(src));
    if let Some(error) = &outline.error {
        return Err(error.clone());
    }
    let Scope::Words(words) = scope else { return Ok(whole()) };
    let chunks = memo.get_or_insert_with(&format!("go.chunks\0{}", words.join("\0")), || outline.chunks_with_words(src, words));
    let tree = if chunks.len() == outline.len() {
        whole()
    } else {
        let key = format!("go.tree\0{chunks:?}");
        let by_words = format!("go.tree.words\0{}", words.join("\0"));
        (*memo.get_or_insert_with(&key, || reparse(memo, &by_words, src, Some(&outline.ranges(&chunks))))).clone()
    };
    // Kept by the words looked for, for the text an edit makes of this one (see `reparse`).
    memo.get_or_insert_with(&format!("go.tree.words\0{}", words.join("\0")), || tree.clone());
    Ok(tree)
}

/// Parses `src` (only `ranges` when given). When the memo's text was made by an edit of a text
/// whose memo kept a tree under `key` (the same look-up), that tree, moved by the edit, is
/// parsed again incrementally: tree-sitter re-parses only what the edit and the change of
/// ranges touch and gives the tree a fresh parse gives. apply edits a file once per provider,
/// and every later look at it is then cheap.
fn reparse(memo: &crate::files::Memo, key: &str, src: &str, ranges: Option<&[tree_sitter::Range]>) -> Tree {
    let old = memo.previous().and_then(|(previous, edit)| previous.get::<Tree>(key).map(|tree| (tree, edit)));
    match (old, ranges) {
        (Some((tree, edit)), _) => syntax::parse_again(src, ranges, &syntax::moved(&tree, &edit)),
        (None, Some(ranges)) => syntax::parse_ranges(src, ranges),
        (None, None) => syntax::parse_uncached(src),
    }
}

/// Parses a target file, refusing one that is not valid Go. With a memo, the file is parsed
/// once for all points and providers that inspect it, and only as far as `scope` asks: a
/// syntax error in a declaration no point looks at is then left to the compiler, while one in
/// the declarations looked at, an unclosed literal or comment, or brackets that do not match
/// anywhere in the file are refused.
///
/// A file that no build compiles (see [`super::constraint`]) is refused too: what it holds
/// does not register, and an edit there would register nothing.
pub(super) fn parse_valid<'a>(file: &SourceFile<'a>, expected: &str, scope: Scope<'_>) -> Result<(&'a str, Tree)> {
    let src = file.require(expected)?;
    if let Some(excluded) = &*file.memo("go.build_exclusion", || super::constraint::exclusion(src)) {
        return Err(Error::BuildExcluded {
            at: Location::new(file.display, excluded.line, 1),
            constraint: excluded.constraint.clone(),
            message: format!("`{}` leaves this file out of every build: what it registers does not count, and integrate adds nothing to it", excluded.constraint),
            hint: "register in a file the build compiles (change the profile's `file`), or take the constraint out if the file should build".into(),
        });
    }
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

/// How much of a text the alignment step of an edit parses. A run that parses files partly
/// for its look-ups parses only the top-level declaration holding the lines it aligns, with
/// the package clause: the block being aligned lies inside that declaration, so it is the same
/// block a whole parse finds. Without a memo, or with one that asks for whole files (the
/// reference partial parsing is tested against), the whole text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    Whole,
    Declaration,
}

impl Extent {
    pub fn of(file: &SourceFile<'_>) -> Self {
        match file.memo {
            Some(memo) if !memo.whole_files() => Extent::Declaration,
            _ => Extent::Whole,
        }
    }
}

/// The tree of `src` for a look at 0-based `line`, as far as `extent` asks. A text whose
/// outline finds a lexical error is parsed whole.
pub fn tree_at(src: &str, line: usize, extent: Extent) -> Tree {
    if extent == Extent::Declaration {
        let outline = super::outline::Outline::of(src);
        if outline.error.is_none() && !outline.is_empty() {
            let chunk = outline.chunk_at(crate::backend::splice::offset_of_line(src, line));
            let chunks = if chunk == 0 { vec![0] } else { vec![0, chunk] };
            return syntax::parse_ranges(src, &outline.ranges(&chunks));
        }
    }
    syntax::parse(src)
}
