//! Rendering of templated profile fields and template files with minijinja (strict undefined:
//! a misspelt variable is an error, never an empty string), and evaluation of point conditions
//! as minijinja expressions over the descriptor.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::{Environment, UndefinedBehavior, Value};

use crate::error::{Error, Location, Result};

/// Prefix of the loader names of inline templates; no file template name contains a NUL.
const INLINE: &str = "\0inline\0";

/// Template sources by name, for file templates.
#[derive(Debug, Clone, Default)]
pub struct TemplateStore {
    pub files: BTreeMap<String, String>,
    /// Where the templates come from, for messages (`built-in profile cloudpods`, a path).
    pub origin: String,
}

/// A configured minijinja environment shared by every render of one profile.
#[derive(Clone)]
pub struct Templates {
    env: Arc<Environment<'static>>,
    origin: String,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").field("origin", &self.origin).finish()
    }
}

impl Templates {
    pub fn new(store: &TemplateStore) -> Self {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_keep_trailing_newline(true);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        crate::typed::install(&mut env);
        // Credential values in struct tags (raw strings): a backtick is written as `\x60`.
        env.add_filter("go_quote", |s: String| Value::from_safe_string(crate::typed::go_quote(&s).replace('`', "\\x60")));
        // `KIND=value` pairs of descriptor lists (storage kinds): the part before and after `=`.
        // A half of a checked pair is checked (see `typed::Shape::Pair`).
        let half = |v: &Value, key: bool| {
            let s = v.as_str().unwrap_or_default();
            let part = s.split_once('=').map_or(s, |(k, val)| if key { k } else { val }).trim().to_string();
            if v.is_safe() { Value::from_safe_string(part) } else { Value::from(part) }
        };
        env.add_filter("kv_key", move |v: Value| half(&v, true));
        env.add_filter("kv_value", move |v: Value| half(&v, false));
        for (name, source) in &store.files {
            env.add_template_owned(name.clone(), source.clone()).unwrap_or_else(|e| {
                // A broken built-in template is a programming error caught by the registry test;
                // for user profiles the error surfaces when the template is rendered.
                let _ = e;
            });
        }
        let files = store.files.clone();
        // Inline templates (point fields, conditions) are loaded by a name that carries their
        // source, so the environment compiles each distinct one once and keeps it.
        env.set_loader(move |name| Ok(match name.strip_prefix(INLINE) {
            Some(source) => Some(source.to_string()),
            None => files.get(name).cloned(),
        }));
        Self { env: Arc::new(env), origin: store.origin.clone() }
    }

    /// Renders an inline template, compiled on first use. A failure is rendered again the way
    /// `render_str` does, so the error names the template `<string>` whichever way it failed.
    fn render_inline(&self, source: &str, context: &Value) -> std::result::Result<String, minijinja::Error> {
        let name = format!("{INLINE}{source}");
        match self.env.get_template(&name).and_then(|t| t.render(context)) {
            Ok(out) => Ok(out),
            Err(_) => self.env.render_str(source, context),
        }
    }

    pub fn renderer<'a>(&'a self, context: &'a Value, point: &'a str) -> Renderer<'a> {
        Renderer { templates: self, context, point, presence_only: false, root: None, files: None }
    }

    pub fn has(&self, name: &str) -> bool {
        self.env.get_template(name).is_ok()
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }
}

/// Renders the fields of one point for one descriptor.
#[derive(Clone, Copy)]
pub struct Renderer<'a> {
    templates: &'a Templates,
    context: &'a Value,
    point: &'a str,
    presence_only: bool,
    root: Option<&'a std::path::Path>,
    files: Option<&'a crate::files::FileStore>,
}

impl std::fmt::Debug for Renderer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer").field("point", &self.point).finish()
    }
}

impl<'a> Renderer<'a> {
    /// A renderer for inspections whose caller only needs to know whether a registration is
    /// there and where it would go (check), not the file with it added: kinds may then return
    /// `Missing` with an empty `updated` and skip building the edit.
    pub fn presence_only(mut self) -> Self {
        self.presence_only = true;
        self
    }

    pub fn is_presence_only(&self) -> bool {
        self.presence_only
    }

    /// The root directory the point's file lives in, for kinds that look at sibling files.
    pub fn with_root(mut self, root: Option<&'a std::path::Path>) -> Self {
        self.root = root;
        self
    }

    pub fn root(&self) -> Option<&std::path::Path> {
        self.root
    }

    /// The run's file store, for kinds that look at sibling files: they then list and read
    /// each file once for all providers instead of once per provider.
    pub fn with_files(mut self, files: Option<&'a crate::files::FileStore>) -> Self {
        self.files = files;
        self
    }

    pub fn files(&self) -> Option<&crate::files::FileStore> {
        self.files
    }

    fn error(&self, what: &str, e: minijinja::Error) -> Error {
        let mut message = format!("point `{}`, {what}: {e}", self.point);
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            message.push_str(&format!(": {s}"));
            source = s.source();
        }
        Error::Template { at: Location::new(&self.templates.origin, e.line().unwrap_or(0), 0), message }
    }

    /// Renders an inline template (a field of a point).
    pub fn render(&self, field: &str, source: &str) -> Result<String> {
        if !source.contains("{{") && !source.contains("{%") {
            return Ok(source.to_string());
        }
        self.templates.render_inline(source, self.context).map_err(|e| self.error(&format!("field `{field}`"), e))
    }

    /// Renders a template file of the profile by name.
    pub fn render_file(&self, name: &str) -> Result<String> {
        let template = self.templates.env.get_template(name).map_err(|e| self.error(&format!("template `{name}`"), e))?;
        template.render(self.context).map_err(|e| self.error(&format!("template `{name}`"), e))
    }

    /// Evaluates a condition expression such as `features.vms and env != "public"`.
    pub fn condition(&self, expr: &str) -> Result<bool> {
        // Rendered as an `if` so strict undefined applies: a misspelt field is an error.
        let source = format!("{{% if {expr} %}}1{{% endif %}}");
        let out = self.templates.render_inline(&source, self.context).map_err(|e| self.error(&format!("condition `{expr}`"), e))?;
        Ok(out == "1")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undefined_variables_are_errors() {
        let t = Templates::new(&TemplateStore::default());
        let ctx = Value::from_serialize(serde_json::json!({"id": "acme"}));
        let r = t.renderer(&ctx, "p");
        assert_eq!(r.render("f", "{{ id | upper }}").unwrap(), "ACME");
        assert!(r.render("f", "{{ nope }}").is_err());
        assert!(r.condition("id == 'acme'").unwrap());
        assert!(r.condition("nope").is_err());
        assert!(r.condition("id.nope").is_err());
    }

    #[test]
    fn inline_templates_render_and_fail_as_render_str_does() {
        let t = Templates::new(&TemplateStore::default());
        let ctx = Value::from_serialize(serde_json::json!({"id": "acme", "v": "<a href=\"x\">&</a>"}));
        // Sources whose name would turn on HTML or JSON escaping if the name decided it.
        for source in ["{{ v }}.html", "{{ v }}.json", "{{ v }}", "{{ nope }}", "{{ id", "a\n{% if id %}b{% endif %}\n"] {
            let cached = t.render_inline(source, &ctx).map_err(|e| e.to_string());
            let mut fresh_env = Environment::new();
            fresh_env.set_undefined_behavior(UndefinedBehavior::Strict);
            fresh_env.set_keep_trailing_newline(true);
            fresh_env.set_trim_blocks(true);
            fresh_env.set_lstrip_blocks(true);
            crate::typed::install(&mut fresh_env);
            let fresh = fresh_env.render_str(source, &ctx).map_err(|e| e.to_string());
            assert_eq!(cached, fresh, "{source}");
            // A second render uses the compiled template and gives the same.
            assert_eq!(t.render_inline(source, &ctx).map_err(|e| e.to_string()), fresh, "{source}");
        }
    }
}
