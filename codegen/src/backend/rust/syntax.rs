//! Rust source as the back end sees it: syn parses the file (never to print it), proc-macro2's
//! `span-locations` spans become byte offsets into the text, and a container path such as
//! `["mod services"]` or `["impl From<Scheme> for String", "fn from"]` names the item a point
//! edits. Errors carry the file, line and column syn reports.

use std::ops::Range;

use proc_macro2::{LineColumn, Span};
use quote::ToTokens;
use syn::spanned::Spanned;

use crate::backend::SourceFile;
use crate::error::{Error, Location, Result};

/// Byte offsets of a text's lines, to turn span positions (1-based line, 0-based character
/// column) into offsets.
#[derive(Debug)]
pub struct Offsets<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Offsets<'a> {
    pub fn new(text: &'a str) -> Self {
        Self { text, starts: std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect() }
    }

    pub fn offset(&self, at: LineColumn) -> usize {
        let start = self.starts.get(at.line.saturating_sub(1)).copied().unwrap_or(self.text.len());
        let rest = &self.text[start..];
        start + rest.char_indices().nth(at.column).map_or(rest.len(), |(i, _)| i)
    }

    /// The byte range a span covers.
    pub fn range(&self, span: Span) -> Range<usize> {
        self.offset(span.start())..self.offset(span.end())
    }

    pub fn text(&self) -> &'a str {
        self.text
    }
}

/// Parses a whole file, or names the line and column where it stops being Rust.
pub fn parse(display: &std::path::Path, text: &str) -> Result<syn::File> {
    syn::parse_file(text).map_err(|e| {
        let at = e.span().start();
        Error::Syntax {
            at: Location::new(display, at.line, at.column + 1),
            message: format!("not valid Rust ({e}); integrate edits only files that parse"),
            hint: "fix the Rust first, then run integrate again".into(),
        }
    })
}

/// Refuses an edited text that no longer parses: the edit of `point` would break the file.
pub fn check_edit(display: &std::path::Path, text: &str, point: &str) -> Result<()> {
    syn::parse_file(text).map(|_| ()).map_err(|e| {
        let at = e.span().start();
        Error::Syntax {
            at: Location::new(display, at.line, at.column + 1),
            message: format!("after the edit of {point} the file would not parse ({e})"),
            hint: "nothing was written; this is a bug in the profile or its templates, please report it".into(),
        }
    })
}

/// Tokens as one normalised string (`a :: b (c)`), to compare code whatever its layout.
pub fn tokens(t: &impl ToTokens) -> String {
    t.to_token_stream().to_string()
}

/// One step of a container path: what kind of item and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub kind: String,
    pub name: String,
}

/// Parses `["mod services", "fn init"]`; kinds are mod, fn, enum, impl, trait, const, static,
/// macro (an item-level macro call, by the macro's name). A name may list alternatives,
/// `enum Scheme|PyScheme`, for an item renamed between versions of the tree.
pub fn parse_path(path: &[String], at: &Location) -> Result<Vec<Segment>> {
    const KINDS: &[&str] = &["mod", "fn", "enum", "impl", "trait", "const", "static", "macro"];
    path.iter()
        .map(|s| {
            let (kind, name) = s.trim().split_once(' ').unwrap_or((s.trim(), ""));
            if !KINDS.contains(&kind) || name.trim().is_empty() {
                return Err(Error::input(
                    at.clone(),
                    format!("container segment `{s}` is not `<kind> <name>`"),
                    format!("write each segment as one of {} followed by the name, e.g. \"fn init\" or \"impl Foo for Bar\"", KINDS.join(", ")),
                ));
            }
            Ok(Segment { kind: kind.to_string(), name: normalise(name) })
        })
        .collect()
}

/// Names compared without spaces, so `impl From<Scheme> for &'static str` matches however it
/// is written in the profile.
fn normalise(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What a container path leads to.
#[derive(Debug, Clone, Copy)]
pub enum Found<'f> {
    Item(&'f syn::Item),
    ImplFn(&'f syn::ImplItemFn),
    Macro(&'f syn::Macro),
}

impl Found<'_> {
    pub fn span(&self) -> Span {
        match self {
            Found::Item(i) => i.span(),
            Found::ImplFn(f) => f.span(),
            Found::Macro(m) => m.span(),
        }
    }
}

fn item_matches(item: &syn::Item, seg: &Segment) -> bool {
    let name = |i: &syn::Ident| seg.name.split('|').any(|n| i == n);
    match (seg.kind.as_str(), item) {
        ("mod", syn::Item::Mod(m)) => name(&m.ident),
        ("fn", syn::Item::Fn(f)) => name(&f.sig.ident),
        ("enum", syn::Item::Enum(e)) => name(&e.ident),
        ("trait", syn::Item::Trait(t)) => name(&t.ident),
        ("const", syn::Item::Const(c)) => name(&c.ident),
        ("static", syn::Item::Static(s)) => name(&s.ident),
        ("macro", syn::Item::Macro(m)) => m.mac.path.segments.last().is_some_and(|s| name(&s.ident)),
        ("impl", syn::Item::Impl(i)) => {
            let mut header = String::new();
            if let Some((_, path, _)) = &i.trait_ {
                header.push_str(&normalise(&tokens(path)));
                header.push_str("for");
            }
            header.push_str(&normalise(&tokens(&i.self_ty)));
            header == seg.name || normalise(&tokens(&i.self_ty)) == seg.name
        }
        _ => false,
    }
}

/// Follows a container path from the file's top level. Each segment is looked for among the
/// items of the previous one (a module's items, an impl's functions, a function's items and
/// statement-level macro calls).
pub fn find<'f>(file: &'f syn::File, path: &[Segment]) -> std::result::Result<Found<'f>, usize> {
    let mut items: &'f [syn::Item] = &file.items;
    let mut found: Option<Found<'f>> = None;
    for (depth, seg) in path.iter().enumerate() {
        let next = match found {
            None | Some(Found::Item(syn::Item::Mod(_))) => items.iter().find(|i| item_matches(i, seg)).map(Found::Item),
            Some(Found::Item(syn::Item::Impl(imp))) => imp.items.iter().find_map(|i| match i {
                syn::ImplItem::Fn(f) if seg.kind == "fn" && f.sig.ident == seg.name.as_str() => Some(Found::ImplFn(f)),
                _ => None,
            }),
            Some(Found::Item(syn::Item::Fn(f))) => fn_child(&f.block, seg),
            Some(Found::ImplFn(f)) => fn_child(&f.block, seg),
            _ => None,
        };
        let Some(next) = next else { return Err(depth) };
        if let Found::Item(syn::Item::Mod(m)) = next {
            items = m.content.as_ref().map_or(&[][..], |(_, items)| items.as_slice());
        }
        found = Some(next);
    }
    found.ok_or(0)
}

fn fn_child<'f>(block: &'f syn::Block, seg: &Segment) -> Option<Found<'f>> {
    block.stmts.iter().find_map(|s| match s {
        syn::Stmt::Item(i) if item_matches(i, seg) => Some(Found::Item(i)),
        syn::Stmt::Macro(m) if seg.kind == "macro" && m.mac.path.segments.last().is_some_and(|s| s.ident == seg.name.as_str()) => Some(Found::Macro(&m.mac)),
        _ => None,
    })
}

/// The error for a container path that leads nowhere: which segment was not found.
pub fn not_found(file: &SourceFile<'_>, path: &[Segment], depth: usize) -> Error {
    let shown: Vec<String> = path.iter().map(|s| format!("{} {}", s.kind, s.name)).collect();
    Error::AnchorNotFound {
        at: Location::new(file.display, 0, 0),
        message: format!("expected `{}` (container path {})", shown.get(depth).cloned().unwrap_or_default(), shown.join(" > ")),
        hint: "check that the file is the one the profile expects, or update the point's `container`".into(),
    }
}

/// The features a `#[cfg(...)]` attribute names, in order (`feature = "a"` anywhere inside
/// `any`, `all` or `not`), and the attribute's predicate as normalised text.
pub fn cfg_features(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("cfg")) {
        if let syn::Meta::List(list) = &attr.meta {
            collect_features(list.tokens.clone(), &mut out);
        }
    }
    out
}

pub fn collect_features(tokens: proc_macro2::TokenStream, out: &mut Vec<String>) {
    let mut iter = tokens.into_iter().peekable();
    while let Some(tt) = iter.next() {
        match tt {
            proc_macro2::TokenTree::Ident(i) if i == "feature" => {
                let is_eq = matches!(iter.peek(), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '=');
                if is_eq {
                    iter.next();
                    if let Some(proc_macro2::TokenTree::Literal(l)) = iter.next()
                        && let Ok(syn::Lit::Str(s)) = syn::parse_str::<syn::Lit>(&l.to_string())
                    {
                        out.push(s.value());
                    }
                }
            }
            proc_macro2::TokenTree::Group(g) => collect_features(g.stream(), out),
            _ => {}
        }
    }
}

/// The attributes as normalised text, one per attribute, for comparing a present entry's gate
/// with the one the point wants.
pub fn attrs_text(attrs: &[syn::Attribute]) -> String {
    attrs.iter().map(tokens).collect::<Vec<_>>().join(" ")
}

/// The start of an item with its attributes: syn's span of an item with outer attributes
/// starts at the first `#`.
pub fn start_with_attrs(attrs: &[syn::Attribute], node: Span) -> Span {
    attrs.first().map_or(node, |a| a.pound_token.span)
}
