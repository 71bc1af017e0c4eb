//! `cccmo.images_one_to_one`: the three lists that name CCCMO's operand images agree one to
//! one, which nothing in the repository checks. `pkg/config/config.go`'s `ImagesReference`
//! fields are decoded from the `images.json` keys of the images ConfigMap, and each
//! `images.json` value is the pull spec of one `manifests/image-references` tag (the release
//! tooling rewrites pull specs by that link). A field without a key runs the operator with an
//! empty image; a key without a field or a value without a tag is dropped silently.
//!
//! Entries that belong to a provider with a descriptor are left to that provider's points,
//! which already report them exactly (missing, or drifted from the descriptor), so one missing
//! registration makes one finding.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::backend::yaml::{self, Node};
use super::{field_tags, render_each};
use crate::backend::{CheckContext, CheckFinding, TreeCheck, parse_spec};
use crate::error::{Error, Location, Result};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImagesSpec {
    root: String,
    /// The ImageStream manifest whose `spec.tags` name the images.
    image_references: String,
    /// The ConfigMap holding the JSON, and the path of keys to it.
    images_configmap: String,
    images_key: Vec<String>,
    /// The Go file and struct type the JSON decodes into.
    struct_file: String,
    struct_type: String,
    /// Per descriptor, the images.json keys and tag names its points own (templates; those
    /// that render empty are ignored).
    #[serde(default)]
    provider_keys: Vec<String>,
    #[serde(default)]
    provider_tags: Vec<String>,
}

#[derive(Debug)]
pub struct ImagesOneToOne {
    spec: ImagesSpec,
}

pub fn build(spec: toml::Table, at: &Location) -> Result<Box<dyn TreeCheck>> {
    Ok(Box::new(ImagesOneToOne { spec: parse_spec("cccmo.images_one_to_one", spec, at)? }))
}

/// A tag of the ImageStream: name, pull spec, line.
struct Tag {
    name: String,
    pull: String,
    line: usize,
}

/// A key of images.json: key, value, line.
struct Key {
    key: String,
    value: String,
    line: usize,
}

/// The file's text, `None` when it does not exist.
fn read(files: &crate::files::FileStore, path: &Path) -> Result<Option<String>> {
    Ok(files.source(path)?.raw().map(str::to_string))
}

impl ImagesOneToOne {
    fn tags(&self, display: &Path, text: &str) -> Result<Vec<Tag>> {
        let doc = yaml::parse_text(display, text)?;
        let Some(items) = doc.path(&["spec".into(), "tags".into()]).and_then(Node::items) else {
            return Err(Error::AnchorNotFound { at: Location::new(display, doc.line, 0), message: "expected an ImageStream with spec.tags".into(), hint: "check the check's `image_references` path".into() });
        };
        Ok(items
            .iter()
            .map(|t| Tag {
                name: t.get("name").and_then(Node::scalar_text).unwrap_or_default(),
                pull: t.path(&["from".into(), "name".into()]).and_then(Node::scalar_text).unwrap_or_default(),
                line: t.line,
            })
            .collect())
    }

    fn keys(&self, display: &Path, text: &str) -> Result<Vec<Key>> {
        let doc = yaml::parse_text(display, text)?;
        let Some(json) = doc.path(&self.spec.images_key) else {
            return Err(Error::AnchorNotFound {
                at: Location::new(display, doc.line, 0),
                message: format!("expected the key {}", self.spec.images_key.join(".")),
                hint: "check the check's `images_key`".into(),
            });
        };
        let text_json = json.as_str().unwrap_or_default();
        let scanned = yaml::json::scan_object(text_json).ok_or_else(|| Error::Syntax {
            at: Location::new(display, json.line, 0),
            message: format!("{} is not a JSON object", self.spec.images_key.join(".")),
            hint: "fix the JSON".into(),
        })?;
        // Lines: the JSON text starts at the scalar's first line; folding keeps line breaks of
        // more-indented lines, so count from there where the key text is found.
        let starts = yaml::line_starts(text);
        let from = starts.get(json.line - 1).copied().unwrap_or(0);
        Ok(scanned
            .entries
            .into_iter()
            .map(|e| {
                let needle = serde_json::Value::String(e.key.clone()).to_string();
                let line = text[from..].find(&needle).map_or(json.line, |i| crate::text::line_of(text, from + i));
                Key { key: e.key, value: e.value.as_str().unwrap_or_default().to_string(), line }
            })
            .collect())
    }
}

impl TreeCheck for ImagesOneToOne {
    fn run(&self, ctx: &CheckContext<'_>) -> Result<Vec<CheckFinding>> {
        let Some(root) = ctx.roots.get(&self.spec.root) else { return Ok(Vec::new()) };
        let paths: Vec<PathBuf> = [&self.spec.image_references, &self.spec.images_configmap, &self.spec.struct_file].iter().map(|p| root.join(p)).collect();
        let (Some(refs_text), Some(cm_text), Some(go_text)) = (read(ctx.files, &paths[0])?, read(ctx.files, &paths[1])?, read(ctx.files, &paths[2])?) else {
            // A file that is not there is not this check's to report.
            return Ok(Vec::new());
        };
        let shown: Vec<PathBuf> = paths.iter().map(|p| (ctx.display)(p)).collect();
        let tags = self.tags(&shown[0], &refs_text)?;
        let keys = self.keys(&shown[1], &cm_text)?;
        let Some(fields) = field_tags(&go_text, &self.spec.struct_type) else { return Ok(Vec::new()) };
        let owned_keys = render_each(ctx, &self.spec.provider_keys)?;
        let owned_tags = render_each(ctx, &self.spec.provider_tags)?;
        let key_owner = |k: &str| owned_keys.iter().find(|(_, v)| v == k).map(|(id, _)| id.clone());
        let tag_owner = |t: &str| owned_tags.iter().find(|(_, v)| v == t).map(|(id, _)| id.clone());
        let cm = shown[1].display();
        let refs = shown[0].display();
        let go = shown[2].display();
        let mut out = Vec::new();
        let mut finding = |path: &Path, line: usize, message: String, fix: String| {
            out.push(CheckFinding { provider: None, path: path.to_path_buf(), line, message, fix: Some(fix) });
        };
        for (field, key, line) in &fields {
            if key_owner(key).is_none() && !keys.iter().any(|k| &k.key == key) {
                finding(&shown[2], *line, format!("{}.{field} decodes images.json key \"{key}\", which {cm} does not have", self.spec.struct_type), format!("add \"{key}\" to images.json, or remove the field"));
            }
        }
        for (i, k) in keys.iter().enumerate() {
            if key_owner(&k.key).is_some() {
                continue;
            }
            if keys[..i].iter().any(|p| p.key == k.key) {
                // A repeated key is reported by the images.json point as a duplicate.
                continue;
            }
            if !fields.iter().any(|(_, key, _)| key == &k.key) {
                finding(&shown[1], k.line, format!("images.json key \"{}\" is no field of {} in {go}, so the operator ignores it", k.key, self.spec.struct_type), "add the field, or remove the key".into());
            }
            let with_pull: Vec<&Tag> = tags.iter().filter(|t| t.pull == k.value).collect();
            if with_pull.is_empty() {
                finding(&shown[1], k.line, format!("images.json \"{}\" is {}, which no tag of {refs} pulls, so the release never substitutes it", k.key, k.value), format!("add a tag with from.name {}", k.value));
            }
            if let Some(other) = keys[..i].iter().find(|p| p.value == k.value && p.key != k.key && key_owner(&p.key).is_none()) {
                finding(&shown[1], k.line, format!("images.json \"{}\" and \"{}\" both name {}; each image needs its own key and tag", other.key, k.key, k.value), "give each key its own image".into());
            }
        }
        for (i, t) in tags.iter().enumerate() {
            if tag_owner(&t.name).is_some() {
                continue;
            }
            if tags[..i].iter().any(|p| p.name == t.name) {
                // A repeated tag is reported by the image-references point as a duplicate.
                continue;
            }
            if !keys.iter().any(|k| k.value == t.pull) {
                finding(&shown[0], t.line, format!("tag {} pulls {}, which no images.json key of {cm} names, so the operator never runs it", t.name, t.pull), format!("add an images.json key with value {}", t.pull));
            }
        }
        Ok(out)
    }
}
