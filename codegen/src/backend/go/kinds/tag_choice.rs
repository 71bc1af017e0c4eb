//! `go.tag_choice`: a value in the `|`-separated list of a struct field's tag (`choices:"a|b"`),
//! which the CLI matches case-sensitively.

use serde::Deserialize;
use tree_sitter::Tree;

use crate::backend::go::parse::{Scope, memo_found, parse_valid};
use crate::backend::go::syntax::{self, row, text};
use crate::backend::{DriftKind, Duplicate, Inspection, PointKind, Removal, SourceFile, anchor_error};
use crate::error::Result;
use crate::template::Renderer;

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
            anchor_error(file, 0, format!("expected struct `{}` with field `{}`", self.spec.type_name, self.spec.field), "check the struct and field names, or update the profile")
        })?;
        let tag = field.child_by_field_name("tag").ok_or_else(|| {
            anchor_error(file, 0, format!("field `{}.{}` has no struct tag", self.spec.type_name, self.spec.field), "add the tag by hand or update the profile")
        })?;
        let tag_text = text(tag, src);
        let needle = format!("{}:\"", self.spec.tag);
        let rel = tag_text
            .match_indices(&needle)
            .find(|(i, _)| *i == 1 || tag_text.as_bytes()[i - 1] == b' ')
            .map(|(i, _)| i + needle.len())
            .ok_or_else(|| anchor_error(file, 0, format!("field `{}.{}` has no `{}:` tag", self.spec.type_name, self.spec.field, self.spec.tag), "add the tag by hand or update the profile"))?;
        let start = tag.start_byte() + rel;
        let len = src[start..].find('"').unwrap_or(0);
        Ok((start..start + len, row(tag) + 1))
    }
}

impl PointKind for TagChoice {
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (src, tree) = parse_valid(file, &format!("struct `{}`", self.spec.type_name), Scope::Words(&[&self.spec.type_name]))?;
        let (range, line) = self.value_range(file, src, &tree)?;
        Ok(Duplicate::among(src[range].split(self.spec.separator.as_str()).map(|v| (v.to_string(), line)), |_| None))
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
