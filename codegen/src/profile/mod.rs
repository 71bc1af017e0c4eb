//! Platform profiles: the declarative list of registration points a platform needs, each
//! declared once (id, root, file, kind, anchor and fragment, condition, severity, reason).
//! apply, check, remove, list and the generated docs all read these declarations. Built-in
//! profiles are embedded from `codegen/profiles/<name>/`; a user may pass a profile file of
//! their own, with templates in a `templates/` directory beside it.

pub mod account_import;
pub mod discover;
pub mod facts;
pub mod go_names;
pub mod verify;

use std::path::Path;

use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};

use crate::backend::{self, PointKind};
use crate::error::{Error, Location, Result};
use crate::template::{TemplateStore, Templates};
use crate::text::line_col;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/profiles");

/// How bad it is when a registration is missing: what the platform does without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A CLI or documentation convenience.
    Note,
    /// A feature is refused or silently off.
    Warning,
    /// The build fails or a service refuses to start.
    Error,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A checkout the profile's points live in.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootDecl {
    pub name: String,
    pub description: String,
    /// The Go module path the root's go.mod must declare, to catch a root pointed at the wrong
    /// checkout.
    #[serde(default)]
    pub go_module: Option<String>,
    /// Globs of files that a vendored copy of this root does not have (commands, shells,
    /// tests); points on them are not checked when the root is vendored.
    #[serde(default)]
    pub not_vendored: Vec<String>,
}

/// Common fields of a point; kind-specific fields stay in the table the back end reads.
#[derive(Debug, Deserialize)]
struct RawPoint {
    id: String,
    root: String,
    file: String,
    kind: String,
    #[serde(default)]
    when: Option<String>,
    severity: Severity,
    why: String,
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    present_anyway: bool,
    /// Facts that must hold for the point to exist in this version of the tree.
    #[serde(default)]
    requires: Vec<String>,
    /// Other forms of the point in other versions: each with its own `requires` and the
    /// fields it changes (`file`, kind-specific fields).
    #[serde(default)]
    alternatives: Vec<toml::Table>,
    #[serde(flatten)]
    rest: toml::Table,
}

/// Another form of a point, for the tree versions its requirements describe.
#[derive(Debug)]
pub struct Alternative {
    pub requires: Vec<facts::Requirement>,
    pub file: String,
    pub kind: Box<dyn PointKind>,
    pub spec: toml::Table,
}

/// The form a point takes in this version of the tree.
#[derive(Debug)]
pub enum Form<'a> {
    /// The point as declared, or one of its alternatives (by index).
    Present { file: &'a str, kind: &'a dyn PointKind, alternative: Option<usize> },
    /// Not in this version of the tree: the sentence names the facts that decided it.
    NotInVersion(String),
}

/// One registration point.
#[derive(Debug)]
pub struct Point {
    pub id: String,
    pub root: String,
    /// Path inside the root; a template.
    pub file: String,
    pub kind_name: String,
    /// A minijinja expression over the descriptor; the point applies when it is true.
    pub when: Option<String>,
    pub severity: Severity,
    pub why: String,
    /// A heading the docs and the TUI group points under.
    pub group: Option<String>,
    /// Whether the registration may be there when `when` is false without that being a
    /// finding (a binding that keeps a forwarding feature for every service, enabled or not).
    pub present_anyway: bool,
    pub kind: Box<dyn PointKind>,
    /// The kind-specific fields as declared, for the docs.
    pub spec: toml::Table,
    /// Where the point is declared.
    pub declared_at: Location,
    /// Facts that must hold for the point's declared form.
    pub requires: Vec<facts::Requirement>,
    /// Its forms in other versions of the tree, tried in order when `requires` does not hold.
    pub alternatives: Vec<Alternative>,
}

impl Point {
    /// Whether the point depends on the tree's version at all.
    pub fn is_versioned(&self) -> bool {
        !self.requires.is_empty() || !self.alternatives.is_empty()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    name: String,
    description: String,
    roots: Vec<RootDecl>,
    /// The point whose family members are the providers already in the tree.
    inventory: Option<String>,
    points: Vec<toml::Spanned<toml::Table>>,
    #[serde(default)]
    checks: Vec<toml::Spanned<toml::Table>>,
    section: Option<SectionSchema>,
    account_import: Option<account_import::ImportDecl>,
    #[serde(default)]
    discover: Vec<discover::Signal>,
    /// The prefix of the inventory's names that the rest of is `names.const`.
    discover_prefix: Option<String>,
    #[serde(default)]
    verify: Vec<verify::VerifyStep>,
    orphans: Option<OrphanRule>,
    /// Questions that tell the tree's versions apart; points' `requires` name them.
    #[serde(default)]
    facts: Vec<facts::FactDecl>,
}

/// A provider lives on two sides that must both exist: the platform registers it (cloudpods'
/// alias) and a library implements it (cloudmux's factory). When exactly one side has it, check
/// reports one `orphan` finding instead of every registration of the absent side, and
/// `check --fix` leaves it alone: whether to add the implementation or drop the registration
/// is a decision, not a mechanical fix.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OrphanRule {
    /// The point whose presence says the platform registers the provider.
    pub registered: String,
    /// The point whose presence says an implementation exists.
    pub implemented: String,
    pub severity: Severity,
    /// What goes wrong when only the registration exists.
    pub registered_only: String,
    /// What goes wrong when only the implementation exists.
    pub implemented_only: String,
}

/// The descriptor section a profile reads (`[cccmo]`, `[cloudpods]`): its fields, their types,
/// defaults and meaning. Descriptors are checked against it and templates see the defaults.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSchema {
    pub name: String,
    #[serde(default)]
    pub fields: std::collections::BTreeMap<String, FieldSchema>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSchema {
    #[serde(rename = "type")]
    pub ty: FieldType,
    #[serde(default)]
    pub required: bool,
    pub default: Option<toml::Value>,
    /// A default worked out from the descriptor: a template over its context (which holds the
    /// section's other fields, given or derived), e.g. `services-{{ opendal.dir }}`.
    pub derive: Option<String>,
    pub doc: String,
    /// What a string value (or each element of a list) becomes in the files the profile
    /// writes, as [`crate::typed::Shape`] reads it: a checked type (`go_identifier`,
    /// `keyword`...) or a quoted one (`go_string`, `yaml_string`...). Required for strings.
    pub becomes: Option<String>,
}

impl FieldSchema {
    /// The shape of the field's string values; `None` for booleans and integers.
    pub fn shape(&self) -> Option<crate::typed::Shape> {
        self.becomes.as_deref().and_then(|b| crate::typed::Shape::parse(b).ok())
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    String,
    Bool,
    Integer,
    StringList,
}

impl FieldType {
    fn accepts(self, v: &toml::Value) -> bool {
        match self {
            FieldType::String => v.is_str(),
            FieldType::Bool => v.is_bool(),
            FieldType::Integer => v.is_integer(),
            FieldType::StringList => v.as_array().is_some_and(|a| a.iter().all(|x| x.is_str())),
        }
    }

    fn name(self) -> &'static str {
        match self {
            FieldType::String => "a string",
            FieldType::Bool => "true or false",
            FieldType::Integer => "an integer",
            FieldType::StringList => "a list of strings",
        }
    }
}

#[derive(Debug, Deserialize)]
struct RawCheck {
    id: String,
    kind: String,
    severity: Severity,
    why: String,
    /// apply refuses a descriptor this check reports (a shape that cannot build).
    #[serde(default)]
    blocks_apply: bool,
    #[serde(flatten)]
    rest: toml::Table,
}

/// A consistency rule of the profile (see [`crate::backend::TreeCheck`]).
#[derive(Debug)]
pub struct Check {
    pub id: String,
    pub kind_name: String,
    pub severity: Severity,
    pub why: String,
    /// apply (and new) refuse a descriptor this check reports: what it finds would not build.
    pub blocks_apply: bool,
    pub check: Box<dyn crate::backend::TreeCheck>,
    pub declared_at: Location,
}

/// A loaded profile.
#[derive(Debug)]
pub struct Profile {
    pub name: String,
    pub description: String,
    pub roots: Vec<RootDecl>,
    pub inventory: Option<String>,
    pub points: Vec<Point>,
    pub checks: Vec<Check>,
    pub section: Option<SectionSchema>,
    pub account_import: Option<account_import::ImportDecl>,
    pub discover: Vec<discover::Signal>,
    pub discover_prefix: Option<String>,
    pub verify: Vec<verify::VerifyStep>,
    pub orphans: Option<OrphanRule>,
    pub facts: Vec<facts::FactDecl>,
    pub templates: Templates,
    /// What the Go templates select from (`fmt.`, `options.`): names a provider's package or
    /// CLI may not take ([`go_names`]).
    pub go_selector_bases: std::collections::BTreeSet<String>,
}

impl Profile {
    /// Names of the profiles built into this binary.
    pub fn builtin_names() -> Vec<&'static str> {
        BUILTIN.dirs().filter_map(|d| d.path().file_name()?.to_str()).filter(|n| BUILTIN.get_file(format!("{n}/profile.toml")).is_some()).collect()
    }

    /// Loads a built-in profile by name, or a profile file by path (names containing a `/`
    /// or ending in `.toml` are paths, and so are other names that exist and are not built in;
    /// a directory stands for the profile.toml in it).
    pub fn load(spec: &str, relative_to: &Path) -> Result<Self> {
        let builtin = BUILTIN.get_file(format!("{spec}/profile.toml"));
        if spec.ends_with(".toml") || spec.contains('/') || (builtin.is_none() && relative_to.join(spec).exists()) {
            let mut path = relative_to.join(spec);
            if path.is_dir() {
                if !path.join("profile.toml").is_file() {
                    return Err(Error::input(
                        Location::new(&path, 0, 0),
                        "is a directory without a profile.toml",
                        format!("name a profile file (a directory must hold profile.toml) or a built-in profile ({})", Self::builtin_names().join(", ")),
                    ));
                }
                path.push("profile.toml");
            }
            let text = crate::error::read_to_string(&path)?;
            let mut store = TemplateStore { origin: path.display().to_string(), ..Default::default() };
            let dir = path.parent().unwrap_or(Path::new(".")).join("templates");
            if dir.is_dir() {
                collect_templates(&dir, &dir, &mut store)?;
            }
            return Self::parse(&path.display().to_string(), &text, store);
        }
        let Some(file) = builtin else {
            return Err(Error::input(
                Location::new("integrate.toml", 0, 0),
                format!("unknown profile `{spec}`"),
                format!("use one of the built-in profiles ({}) or a path to a profile .toml file", Self::builtin_names().join(", ")),
            ));
        };
        let mut store = TemplateStore { origin: format!("built-in profile {spec}"), ..Default::default() };
        if let Some(dir) = BUILTIN.get_dir(format!("{spec}/templates")) {
            collect_builtin(dir, &format!("{spec}/templates/"), &mut store);
        }
        let text = file.contents_utf8().expect("built-in profiles are UTF-8");
        Self::parse(&format!("<built-in>/{spec}/profile.toml"), text, store)
    }

    /// Parses a profile. Every point's kind-specific fields are validated now, so a bad profile
    /// fails before anything is inspected.
    pub fn parse(origin: &str, text: &str, store: TemplateStore) -> Result<Self> {
        let at = |offset: usize| {
            let (line, column) = line_col(text, offset);
            Location::new(origin, line, column)
        };
        let raw: RawProfile = toml::from_str(text).map_err(|e| Error::input(at(e.span().map_or(0, |s| s.start)), e.message().trim(), "fix the profile; docs/profiles.md describes the format"))?;
        let templates = Templates::new(&store);
        let go_selector_bases = go_names::selector_bases(&store);
        let mut points = Vec::new();
        let mut errors = Vec::new();
        if let Some(section) = &raw.section {
            for (name, field) in &section.fields {
                let is_text = matches!(field.ty, FieldType::String | FieldType::StringList);
                let problem = match (&field.becomes, is_text) {
                    (None, true) => Some("a string field must say what it becomes (`becomes = \"go_string\"`, `\"go_identifier\"`...)".to_string()),
                    (Some(_), false) => Some("only string fields take `becomes`".to_string()),
                    (Some(b), true) => crate::typed::Shape::parse(b).err(),
                    (None, false) => None,
                };
                if let Some(problem) = problem {
                    errors.push(Error::input(
                        at(text.find(&format!("[section.fields.{name}]")).unwrap_or(0)),
                        format!("[section.fields.{name}]: {problem}"),
                        "becomes is one of go_string, yaml_string, toml_string, json_string, rust_string (quoted by the template), go_identifier, const_suffix, keyword, name, image, go_field_spec, text (checked), or KEY=VALUE of two of them",
                    ));
                }
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, fact) in raw.facts.iter().enumerate() {
            let offset = text.match_indices("[[facts]]").nth(i).map_or(0, |(o, _)| o);
            if let Err(e) = fact.test() {
                errors.push(Error::input(at(offset), e, "a fact asks one thing: exists, declares, field, results, params or contains"));
            }
            if !raw.roots.iter().any(|r| r.name == fact.root) {
                errors.push(Error::input(at(offset), format!("fact `{}` uses undeclared root `{}`", fact.id, fact.root), "declare the root in [[roots]]"));
            }
            if raw.facts[..i].iter().any(|f| f.id == fact.id) {
                errors.push(Error::input(at(offset), format!("duplicate fact id `{}`", fact.id), "fact ids must be unique within a profile"));
            }
        }
        for spanned in raw.points {
            let location = at(spanned.span().start);
            let table = spanned.into_inner();
            let parsed: std::result::Result<RawPoint, _> = RawPoint::deserialize(toml::Value::Table(table));
            let point = match parsed {
                Ok(p) => p,
                Err(e) => {
                    errors.push(Error::input(location, e.message().trim(), "every point needs id, root, file, kind, severity and why"));
                    continue;
                }
            };
            if !seen.insert(point.id.clone()) {
                errors.push(Error::input(location.clone(), format!("duplicate point id `{}`", point.id), "point ids must be unique within a profile"));
            }
            if !raw.roots.iter().any(|r| r.name == point.root) {
                errors.push(Error::input(location.clone(), format!("point `{}` uses undeclared root `{}`", point.id, point.root), "declare the root in [[roots]]"));
            }
            let spec = point.rest.clone();
            let requires = match facts::parse_requirements(&point.requires, &raw.facts, &location) {
                Ok(r) => r,
                Err(e) => {
                    errors.push(e);
                    Vec::new()
                }
            };
            let mut alternatives = Vec::new();
            for table in point.alternatives {
                match build_alternative(&point.kind, &point.file, &spec, table, &raw.facts, &location) {
                    Ok(alt) => alternatives.push(alt),
                    Err(e) => errors.push(e),
                }
            }
            match backend::build_kind(&point.kind, point.rest, &location) {
                Ok(kind) => points.push(Point {
                    id: point.id,
                    root: point.root,
                    file: point.file,
                    kind_name: point.kind,
                    when: point.when,
                    severity: point.severity,
                    why: point.why,
                    group: point.group,
                    present_anyway: point.present_anyway,
                    kind,
                    spec,
                    declared_at: location,
                    requires,
                    alternatives,
                }),
                Err(e) => errors.push(e),
            }
        }
        let mut checks = Vec::new();
        for spanned in raw.checks {
            let location = at(spanned.span().start);
            match RawCheck::deserialize(toml::Value::Table(spanned.into_inner())) {
                Ok(c) => {
                    if !seen.insert(c.id.clone()) {
                        errors.push(Error::input(location.clone(), format!("duplicate id `{}`", c.id), "point and check ids must be unique within a profile"));
                    }
                    match crate::platform::build_check(&c.kind, c.rest, &location) {
                        Ok(check) => checks.push(Check { id: c.id, kind_name: c.kind, severity: c.severity, why: c.why, blocks_apply: c.blocks_apply, check, declared_at: location }),
                        Err(e) => errors.push(e),
                    }
                }
                Err(e) => errors.push(Error::input(location, e.message().trim(), "every check needs id, kind, severity and why")),
            }
        }
        if let Some(inv) = &raw.inventory
            && !points.iter().any(|p| &p.id == inv) {
                errors.push(Error::input(at(0), format!("inventory point `{inv}` is not declared"), "name a go.const_spec point"));
            }
        if let Some(rule) = &raw.orphans {
            let table = text.find("[orphans]").unwrap_or(0);
            for id in [&rule.registered, &rule.implemented] {
                if !points.iter().any(|p| &p.id == id) {
                    let offset = text[table..].find(&format!("\"{id}\"")).map_or(table, |o| table + o);
                    errors.push(Error::input(at(offset), format!("[orphans] names point `{id}`, which is not declared"), "name a point of this profile"));
                }
            }
        }
        if let Some(Err((message, hint))) = raw.account_import.as_ref().map(account_import::ImportDecl::check) {
            errors.push(Error::input(at(text.find("[account_import").unwrap_or(0)), message, hint));
        }
        Error::collect(errors)?;
        Ok(Profile {
            go_selector_bases,
            name: raw.name,
            description: raw.description,
            roots: raw.roots,
            inventory: raw.inventory,
            points,
            checks,
            section: raw.section,
            account_import: raw.account_import,
            discover: raw.discover,
            discover_prefix: raw.discover_prefix,
            verify: raw.verify,
            orphans: raw.orphans,
            facts: raw.facts,
            templates,
        })
    }

    /// The defaults of the profile's descriptor section, for the template context.
    pub fn section_defaults(&self) -> Vec<(String, toml::Table)> {
        // Templates see `facts.<id>`; without a tree, the newest tree's answers.
        let assumed: toml::Table = self.facts.iter().map(|f| (f.id.clone(), f.assume.clone())).collect();
        let facts = ("facts".to_string(), assumed);
        let Some(section) = &self.section else { return vec![facts] };
        let mut t = toml::Table::new();
        for (name, field) in &section.fields {
            let value = field.default.clone().unwrap_or_else(|| match field.ty {
                FieldType::String => toml::Value::String(String::new()),
                FieldType::Bool => toml::Value::Boolean(false),
                FieldType::Integer => toml::Value::Integer(0),
                FieldType::StringList => toml::Value::Array(Vec::new()),
            });
            t.insert(name.clone(), value);
        }
        vec![(section.name.clone(), t), facts]
    }

    /// The section defaults for one descriptor: [`Self::section_defaults`] with every `derive`d
    /// field the descriptor leaves out rendered from its context. A derived field may use
    /// another one; fields are rendered in passes until none is left that can be.
    pub fn section_defaults_for(&self, d: &crate::descriptor::Descriptor) -> Vec<(String, toml::Table)> {
        let mut defaults = self.section_defaults();
        let Some(section) = &self.section else { return defaults };
        let given = d.sections.get(&section.name);
        let mut pending: Vec<(&String, &String)> = section
            .fields
            .iter()
            .filter(|(name, _)| given.is_none_or(|g| !g.contains_key(*name)))
            .filter_map(|(name, f)| f.derive.as_ref().map(|t| (name, t)))
            .collect();
        for (name, _) in &pending {
            defaults[0].1.remove(*name);
        }
        while !pending.is_empty() {
            let checked = self.checked_fields();
            let ctx = d.template_context_with(&defaults, &|p| checked.contains(p));
            let r = self.templates.renderer(&ctx, "section");
            let before = pending.len();
            pending.retain(|(name, template)| match r.render(name, template) {
                Ok(value) => {
                    // A derived value of a checked type follows its rules like a given one; one
                    // that does not stays undefined, so a template using it fails to render.
                    let shape = section.fields.get(*name).and_then(FieldSchema::shape);
                    if shape.is_none_or(|s| s.check(&value).is_ok()) {
                        defaults[0].1.insert((*name).clone(), toml::Value::String(value));
                    }
                    false
                }
                Err(_) => true,
            });
            if pending.len() == before {
                break;
            }
        }
        defaults
    }

    /// Checks a descriptor's section for this profile: known fields, right types, required
    /// fields present.
    pub fn check_section(&self, d: &crate::descriptor::Descriptor) -> Result<()> {
        go_names::check(d, &self.go_selector_bases)?;
        let Some(schema) = &self.section else { return Ok(()) };
        let at = |key: &str| d.key_location(&schema.name, key);
        let given = d.sections.get(&schema.name);
        let mut errors = Vec::new();
        for (name, field) in &schema.fields {
            match given.and_then(|g| g.get(name)) {
                Some(v) if !field.ty.accepts(v) => errors.push(Error::input(at(name), format!("[{}] {name} must be {}", schema.name, field.ty.name()), field.doc.clone())),
                None if field.required => errors.push(Error::input(
                    at(""),
                    format!("missing field `{name}` in [{}]", schema.name),
                    format!("profile {} needs it: {}", self.name, field.doc),
                )),
                _ => {}
            }
        }
        if let Some(given) = given {
            for key in given.keys().filter(|k| !schema.fields.contains_key(*k)) {
                errors.push(Error::input(
                    at(key),
                    format!("unknown field `{key}` in [{}]", schema.name),
                    format!("profile {} knows: {}", self.name, schema.fields.keys().map(String::as_str).collect::<Vec<_>>().join(", ")),
                ));
            }
        }
        if let Some(given) = given {
            for (name, field) in &schema.fields {
                let (Some(shape), Some(v)) = (field.shape(), given.get(name)) else { continue };
                let values: Vec<&str> = match v {
                    toml::Value::String(s) => vec![s.as_str()],
                    toml::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
                    _ => continue,
                };
                // An empty string stands for the field's default.
                for value in values.into_iter().filter(|v| !v.is_empty()) {
                    if let Err(why) = shape.check(value) {
                        errors.push(Error::input(at(name), format!("[{}] {name}: {why}", schema.name), field.doc.clone()));
                    }
                }
            }
        }
        Error::collect(errors)
    }

    /// Dotted paths of the section fields whose values are checked (see [`crate::typed`]), the
    /// strings templates may write as they are: `cloudpods.climc`, `cloudpods.storages[]`.
    pub fn checked_fields(&self) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::new();
        if let Some(section) = &self.section {
            for (name, field) in &section.fields {
                if field.shape().is_some_and(crate::typed::Shape::is_checked) {
                    out.insert(format!("{}.{name}", section.name));
                    out.insert(format!("{}.{name}[]", section.name));
                }
            }
        }
        out
    }

    pub fn point(&self, id: &str) -> Option<&Point> {
        self.points.iter().find(|p| p.id == id)
    }
}

/// An alternative form: the point's kind-specific fields with the alternative's changes.
fn build_alternative(kind: &str, file: &str, base: &toml::Table, mut table: toml::Table, decls: &[facts::FactDecl], at: &Location) -> Result<Alternative> {
    let requires: Vec<String> = match table.remove("requires") {
        Some(toml::Value::Array(a)) if !a.is_empty() => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => return Err(Error::input(at.clone(), "every alternative needs a non-empty `requires` list", "name the facts under which this form applies")),
    };
    let requires = facts::parse_requirements(&requires, decls, at)?;
    let file = match table.remove("file") {
        Some(toml::Value::String(f)) => f,
        Some(_) => return Err(Error::input(at.clone(), "an alternative's `file` must be a string", "a path inside the root")),
        None => file.to_string(),
    };
    for key in ["id", "root", "kind", "when", "severity", "why", "group", "alternatives"] {
        if table.contains_key(key) {
            return Err(Error::input(at.clone(), format!("an alternative cannot change `{key}`"), "alternatives change `file` and the kind's own fields"));
        }
    }
    let mut spec = base.clone();
    for (k, v) in table {
        spec.insert(k, v);
    }
    let kind = backend::build_kind(kind, spec.clone(), at)?;
    Ok(Alternative { requires, file, kind, spec })
}

fn collect_builtin(dir: &Dir<'_>, prefix: &str, store: &mut TemplateStore) {
    for file in dir.files() {
        if let (Some(name), Some(text)) = (file.path().to_str(), file.contents_utf8()) {
            store.files.insert(name.strip_prefix(prefix).unwrap_or(name).to_string(), text.to_string());
        }
    }
    for sub in dir.dirs() {
        collect_builtin(sub, prefix, store);
    }
}

fn collect_templates(base: &Path, dir: &Path, store: &mut TemplateStore) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if path.is_dir() {
            collect_templates(base, &path, store)?;
        } else {
            let name = path.strip_prefix(base).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            store.files.insert(name, crate::error::read_to_string(&path)?);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_orphans_rule_naming_an_undeclared_point_is_refused_at_its_line() {
        let text = "name = \"p\"\ndescription = \"d\"\n\n[[roots]]\nname = \"r\"\ndescription = \"r\"\n\n[[points]]\nid = \"r.a\"\nroot = \"r\"\nfile = \"a.go\"\nkind = \"file\"\ntemplate = \"a.go.j2\"\nseverity = \"note\"\nwhy = \"w\"\n\n[orphans]\nregistered = \"r.a\"\nimplemented = \"r.gone\"\nseverity = \"warning\"\nregistered_only = \"x\"\nimplemented_only = \"y\"\n";
        let e = Profile::parse("p.toml", text, TemplateStore::default()).unwrap_err().to_string();
        assert!(e.contains("p.toml:19") && e.contains("`r.gone`, which is not declared") && e.contains("name a point of this profile"), "{e}");
    }
}
