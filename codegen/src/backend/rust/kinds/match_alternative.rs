//! `rust.match_alternative`: one more alternative of the or-pattern of a match arm, the arm
//! chosen by its body (`"etcd" | "foundationdb" => false,` in OpenDAL's generator deny lists).
//! When the arm is laid out the way rustfmt fills an or-pattern, the arm is laid out again with
//! the alternative added (so it stays rustfmt-clean); otherwise ` | alt` is spliced after the
//! alternative it follows and nothing else moves. The alternative goes at its sorted place
//! when the alternatives are sorted, at the end otherwise. An alternative found in another
//! arm is drift: the match already decides it the other way.

use serde::Deserialize;
use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::backend::rust::layout;
use crate::backend::rust::{Failure, container, read_sequence, syntax};
use crate::backend::{DriftKind, Inspection, PointKind, Removal, SourceFile};
use crate::backend::splice::preimage;
use crate::error::{Error, Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchAlternativeSpec {
    /// The function holding the `match`.
    container: Vec<String>,
    /// The scrutinee, when the function has several matches.
    on: Option<String>,
    /// The body of the arm to extend (`false`).
    arm_body: String,
    /// The alternative, a pattern (`"{{ opendal.dir }}"`; a template).
    alternative: String,
    /// rustfmt's `max_width` in the target tree.
    #[serde(default = "default_width")]
    max_width: usize,
}

fn default_width() -> usize {
    layout::MAX_WIDTH
}

#[derive(Debug)]
pub struct MatchAlternative {
    path: Vec<syntax::Segment>,
    on: Option<String>,
    arm_body: String,
    alternative: String,
    max_width: usize,
    memo_key: String,
}

/// The arm as text positions: its alternatives and the lines it spans.
#[derive(Debug, Clone)]
struct OrArm {
    /// Each alternative's normalised tokens and byte range.
    cases: Vec<(String, std::ops::Range<usize>)>,
    /// From the start of the pattern's first line to just past the arm's last line.
    lines: std::ops::Range<usize>,
    /// The pattern's start.
    start: usize,
    /// What follows the pattern on the arm's last line (` => false,`).
    suffix: String,
    /// Alternatives of the other arms, with their lines, for drift.
    elsewhere: Vec<(String, usize)>,
}

struct Finder {
    on: Option<String>,
    found: Option<syn::ExprMatch>,
}

impl<'ast> Visit<'ast> for Finder {
    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        if self.found.is_none() && self.on.as_ref().is_none_or(|on| syntax::tokens(&m.expr) == *on) {
            self.found = Some(m.clone());
            return;
        }
        syn::visit::visit_expr_match(self, m);
    }
}

fn cases_of(pat: &syn::Pat) -> Vec<&syn::Pat> {
    match pat {
        syn::Pat::Or(or) => or.cases.iter().collect(),
        other => vec![other],
    }
}

impl MatchAlternative {
    pub fn new(spec: MatchAlternativeSpec, at: &Location) -> Result<Self> {
        let path = syntax::parse_path(&spec.container, at)?;
        let bad = |what: &str, e: syn::Error| Error::input(at.clone(), format!("`{what}` does not parse: {e}"), "write it as Rust, as it appears in the match");
        let on = spec.on.map(|o| syn::parse_str::<syn::Expr>(&o).map(|e| syntax::tokens(&e))).transpose().map_err(|e| bad("on", e))?;
        let arm_body = syntax::tokens(&syn::parse_str::<syn::Expr>(&spec.arm_body).map_err(|e| bad("arm_body", e))?);
        let memo_key = format!("match_alternative:{}:{}:{arm_body}", spec.container.join(">"), on.as_deref().unwrap_or(""));
        Ok(Self { path, on, arm_body, alternative: spec.alternative, max_width: spec.max_width, memo_key })
    }

    fn extract(&self, parsed: &syn::File, offsets: &syntax::Offsets<'_>) -> std::result::Result<OrArm, Failure> {
        let found = container(parsed, &self.path)?;
        let text = offsets.text();
        let mut finder = Finder { on: self.on.clone(), found: None };
        match found {
            syntax::Found::Item(item) => finder.visit_item(item),
            syntax::Found::ImplFn(f) => finder.visit_impl_item_fn(f),
            syntax::Found::Macro(_) => {}
        }
        let container_line = crate::text::line_of(text, offsets.range(found.span()).start);
        let Some(m) = finder.found else {
            return Err(Failure::anchor(container_line, "expected a `match` in the container", "check the point's `container` and `on`"));
        };
        let Some(arm) = m.arms.iter().find(|a| syntax::tokens(&a.body) == self.arm_body) else {
            return Err(Failure::anchor(
                crate::text::line_of(text, offsets.range(m.span()).start),
                format!("expected an arm with the body `{}`", self.arm_body),
                "add the arm by hand, or update the point's `arm_body`",
            ));
        };
        let cases: Vec<(String, std::ops::Range<usize>)> = cases_of(&arm.pat).into_iter().map(|c| (syntax::tokens(c), offsets.range(c.span()))).collect();
        let pat_range = offsets.range(arm.pat.span());
        let arm_end = offsets.range(arm.span()).end;
        let lines = crate::text::line_start(text, pat_range.start)..crate::text::line_end_inclusive(text, arm_end.saturating_sub(1));
        let suffix = text[pat_range.end..lines.end].trim_end_matches('\n').to_string();
        let elsewhere = m
            .arms
            .iter()
            .filter(|a| !std::ptr::eq(*a, arm))
            .flat_map(|a| cases_of(&a.pat).into_iter().map(|c| (syntax::tokens(c), crate::text::line_of(text, offsets.range(c.span()).start))).collect::<Vec<_>>())
            .collect();
        Ok(OrArm { cases, lines, start: pat_range.start, suffix, elsewhere })
    }

    fn arm(&self, file: &SourceFile<'_>, text: &str, memo: bool) -> Result<std::sync::Arc<OrArm>> {
        let computed = if memo {
            (*file.memo(&format!("rust:{}", self.memo_key), || read_sequence(text, |p, o| self.extract(p, o)).map(std::sync::Arc::new))).clone()
        } else {
            read_sequence(text, |p, o| self.extract(p, o)).map(std::sync::Arc::new)
        };
        computed.map_err(|f| f.into_error(file))
    }

    fn wanted(&self, r: &Renderer) -> Result<(String, String)> {
        let rendered = r.render("alternative", &self.alternative)?;
        let pat = syn::parse::Parser::parse_str(syn::Pat::parse_single, rendered.trim())
            .map_err(|e| super::bad_fragment("rust.match_alternative", "one pattern", &e.to_string()))?;
        Ok((rendered.trim().to_string(), syntax::tokens(&pat)))
    }

    /// The arm's lines as they would be with `cases` (texts) as its alternatives: rustfmt's
    /// layout when the arm had it, `None` otherwise.
    fn relayout(&self, text: &str, arm: &OrArm, cases: &[&str]) -> Option<String> {
        let indent = crate::text::indentation_at(text, arm.start);
        let had: Vec<&str> = arm.cases.iter().map(|(_, r)| &text[r.clone()]).collect();
        let before = layout::or_pattern_arm(&had, indent, &arm.suffix, self.max_width)?;
        if before != text[arm.lines.clone()] {
            return None;
        }
        let after = layout::or_pattern_arm(cases, indent, &arm.suffix, self.max_width)?;
        Some(format!("{}{after}{}", &text[..arm.lines.start], &text[arm.lines.end..]))
    }
}

impl PointKind for MatchAlternative {
    fn describe(&self, r: &Renderer) -> Result<String> {
        let (shown, _) = self.wanted(r)?;
        Ok(format!("{shown} in the `=> {}` arm of the match in {}", self.arm_body, self.path.iter().map(|s| format!("{} {}", s.kind, s.name)).collect::<Vec<_>>().join(" > ")))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let (shown, key) = self.wanted(r)?;
        let text = file.require(&format!("the `=> {}` arm", self.arm_body))?;
        let arm = self.arm(file, text, true)?;
        if let Some((_, range)) = arm.cases.iter().find(|(k, _)| *k == key) {
            return Ok(Inspection::Present { line: crate::text::line_of(text, range.start) });
        }
        if let Some((_, line)) = arm.elsewhere.iter().find(|(k, _)| *k == key) {
            return Ok(Inspection::Drift { line: *line, message: format!("{shown} is matched by another arm, not by the `=> {}` one", self.arm_body), kind: DriftKind::Value });
        }
        let keys: Vec<&str> = arm.cases.iter().map(|(k, _)| k.as_str()).collect();
        let sorted = keys.windows(2).filter(|w| w[0] > w[1]).count() <= (keys.len().saturating_sub(1) / 10).max(1);
        let at = if sorted { keys.iter().position(|k| *k > key.as_str()).unwrap_or(keys.len()) } else { keys.len() };
        let line = crate::text::line_of(text, arm.cases.get(at).or(arm.cases.last()).map_or(arm.start, |(_, r)| r.start));
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line, updated: String::new() });
        }
        let mut texts: Vec<&str> = arm.cases.iter().map(|(_, r)| &text[r.clone()]).collect();
        texts.insert(at, &shown);
        let updated = match self.relayout(text, &arm, &texts) {
            Some(t) => t,
            None if at < arm.cases.len() => {
                let next = arm.cases[at].1.start;
                format!("{}{shown} | {}", &text[..next], &text[next..])
            }
            None => {
                let last = arm.cases.last().map_or(arm.start, |(_, r)| r.end);
                format!("{} | {shown}{}", &text[..last], &text[last..])
            }
        };
        let again = self.arm(&file.with_text(&updated), &updated, false).map_err(|e| Error::Syntax {
            at: Location::new(file.display, line, 0),
            message: format!("after adding {shown} the file would not parse: {e}"),
            hint: "nothing was written; check the point's `alternative`".into(),
        })?;
        if !again.cases.iter().any(|(k, _)| *k == key) {
            return Err(Error::Syntax { at: Location::new(file.display, line, 0), message: format!("after the edit the arm does not hold {shown}"), hint: "nothing was written; please report it".into() });
        }
        Ok(Inspection::Missing { line, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let Some(text) = file.text else { return Ok(Removal::Absent) };
        let (_, key) = self.wanted(r)?;
        let arm = self.arm(file, text, true)?;
        let Some(i) = arm.cases.iter().position(|(k, _)| *k == key) else { return Ok(Removal::Absent) };
        if arm.cases.len() == 1 {
            return Err(Error::AnchorNotFound {
                at: Location::new(file.display, crate::text::line_of(text, arm.start), 0),
                message: "the alternative is the arm's only one; removing it would leave an arm without a pattern".into(),
                hint: "take the arm out by hand if it is no longer needed".into(),
            });
        }
        let mut candidates = Vec::new();
        let mut rest: Vec<&str> = arm.cases.iter().map(|(_, r)| &text[r.clone()]).collect();
        rest.remove(i);
        let indent = crate::text::indentation_at(text, arm.start);
        if let Some(lines) = layout::or_pattern_arm(&rest, indent, &arm.suffix, self.max_width) {
            candidates.push(format!("{}{lines}{}", &text[..arm.lines.start], &text[arm.lines.end..]));
        }
        let range = &arm.cases[i].1;
        let plain = if i > 0 {
            let prev_end = arm.cases[i - 1].1.end;
            format!("{}{}", &text[..prev_end], &text[range.end..])
        } else {
            let next_start = arm.cases[1].1.start;
            format!("{}{}", &text[..range.start], &text[next_start..])
        };
        candidates.push(plain);
        Ok(Removal::Rewrite(preimage(self, file, r, text, candidates)?))
    }
}
