//! The provider descriptor (user contract, schema 1): parsing with positions, validation of
//! every field with a hint, derived names, and the template context profiles render from.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{Error, Location, Result};
use crate::text::line_col;

/// The schema version this build understands.
pub const SCHEMA: i64 = 1;

/// Names of the platform sections a descriptor may hold; each profile declares the fields of
/// its own section.
pub const PLATFORM_SECTIONS: &[&str] = &["cloudpods", "cccmo", "mcm", "openpitrix", "opendal"];

/// Go keywords: an id or package name must not be one.
pub use crate::typed::GO_KEYWORDS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Env {
    Public,
    Private,
    Onpremise,
}

pub use crate::credential::{CredentialKind, EndpointField};
pub use crate::typed::Invalid;
use crate::typed::is_identifier;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Features {
    /// Host type, hypervisor, host/guest drivers and the lists and maps that go with them.
    #[serde(default)]
    pub vms: bool,
    /// Subnets are scoped to the region instead of the zone.
    #[serde(default)]
    pub regional_network: bool,
    /// A cloudmon collector that reports metrics.
    #[serde(default)]
    pub metrics: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Credential {
    /// The preset the fields default to; also what the platform's own two-value credential
    /// structs embed when no fields are declared.
    #[serde(default)]
    pub kind: CredentialKind,
    #[serde(default)]
    pub endpoint: EndpointField,
    /// Declared fields (`[[credential.fields]]`); empty means the preset's. The template
    /// context holds the resolved list (`credential.fields`) and `credential.custom`.
    #[serde(default, skip_serializing)]
    pub fields: Vec<crate::credential::FieldDecl>,
}

impl Credential {
    /// Whether the descriptor declares its own fields instead of a preset.
    pub fn is_custom(&self) -> bool {
        !self.fields.is_empty()
    }

    /// Every field with its derived names: the declared ones, or the preset's.
    pub fn resolved_fields(&self) -> Vec<crate::credential::Field> {
        let decls = if self.is_custom() { self.fields.clone() } else { crate::credential::preset_fields(self.kind, self.endpoint) };
        crate::credential::resolve(&decls).unwrap_or_default()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNames {
    #[serde(rename = "const")]
    const_: Option<Spanned<String>>,
    go: Option<Spanned<String>>,
    cli: Option<Spanned<String>>,
    hypervisor_const: Option<Spanned<String>>,
    package: Option<Spanned<String>>,
}

/// Unknown top-level keys land in `sections` (serde cannot combine `deny_unknown_fields` with
/// `flatten`) and are refused there unless they name a platform section.
#[derive(Debug, Deserialize)]
struct RawDescriptor {
    schema: Spanned<i64>,
    id: Spanned<String>,
    brand: Spanned<String>,
    env: Spanned<Env>,
    names: Option<RawNames>,
    #[serde(default)]
    features: Features,
    #[serde(default)]
    credential: Credential,
    /// Live validation; its fields are checked by the validation engine.
    validation: Option<Spanned<toml::Table>>,
    /// Platform sections (`[cccmo]`, `[cloudpods]`, ...): checked against the schema the
    /// profile declares once the workspace is known (see `profile::SectionSchema`).
    #[serde(flatten)]
    sections: std::collections::BTreeMap<String, toml::Value>,
}

/// Names derived from the id and brand, or overridden in `[names]`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Names {
    /// Upper-case suffix of the Go constants: `CLOUD_PROVIDER_<const>`.
    #[serde(rename = "const")]
    pub const_: String,
    /// Camel-case Go name: `S<go>ProviderFactory`.
    pub go: String,
    /// Name of the debug CLI: `cmd/<cli>`.
    pub cli: String,
    /// Suffix of the hypervisor and host-type constants (`HYPERVISOR_<x>`, `HOST_TYPE_<x>`):
    /// the constant suffix unless the hypervisor has a name of its own (VMware's is `ESXI`).
    pub hypervisor_const: String,
    /// Path of the provider's package below the platform's provider directory: the id, unless
    /// the package is nested in another (cloudmux's Ceph is `objectstore/ceph`).
    pub package: String,
}

/// A validated descriptor.
#[derive(Debug, Clone, Serialize)]
pub struct Descriptor {
    pub schema: i64,
    pub id: String,
    pub brand: String,
    pub env: Env,
    pub names: Names,
    pub features: Features,
    pub credential: Credential,
    /// The raw `[validation]` table, if any.
    pub validation: Option<toml::Table>,
    /// Platform sections by name, as written; a profile fills in defaults when it renders.
    pub sections: std::collections::BTreeMap<String, toml::Table>,
    /// Where the descriptor came from, for messages.
    #[serde(skip)]
    pub source: Option<DescriptorSource>,
}

/// The file and the position of each field, so later checks (collisions) can point at lines.
#[derive(Debug, Clone)]
pub struct DescriptorSource {
    pub path: PathBuf,
    pub text: String,
    pub id_span: std::ops::Range<usize>,
    pub brand_span: std::ops::Range<usize>,
    pub const_span: Option<std::ops::Range<usize>>,
}

impl DescriptorSource {
    pub fn location(&self, span: &std::ops::Range<usize>) -> Location {
        let (line, column) = line_col(&self.text, span.start);
        Location::new(&self.path, line, column)
    }
}

/// Offset of a top-level key or table header, for messages about keys whose span serde loses.
fn key_offset(text: &str, key: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let header = t.strip_prefix('[').map(|r| r.trim_start_matches('[').trim_start());
        let is_key = t.strip_prefix(key).is_some_and(|r| r.trim_start().starts_with('=') || r.trim_start().starts_with('.'));
        if is_key || header.is_some_and(|h| h.strip_prefix(key).is_some_and(|r| r.starts_with(']') || r.starts_with('.'))) {
            return offset + (line.len() - t.len());
        }
        offset += line.len();
    }
    0
}

fn at(path: &Path, text: &str, offset: usize) -> Location {
    let (line, column) = line_col(text, offset);
    Location::new(path, line, column)
}

/// Whether `id` can name a provider: `^[a-z][a-z0-9]{1,30}$` and not a Go keyword. When the id
/// can be mended (`My-Cloud`), the hint names the id that would do (`mycloud`).
pub fn validate_id(id: &str) -> std::result::Result<(), Invalid> {
    let shape_ok = id.len() >= 2 && id.len() <= 31 && is_identifier(id, |c| c.is_ascii_lowercase(), |c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !shape_ok {
        let mended: String = id.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).skip_while(char::is_ascii_digit).take(31).collect();
        let rule = "an id is 2-31 characters, a lowercase letter then lowercase letters or digits (^[a-z][a-z0-9]{1,30}$); it names the Go package, files and subcommands";
        let hint = if mended.len() >= 2 && crate::typed::go_reserved(&mended).is_none() { format!("use `{mended}`: {rule}") } else { rule.to_string() };
        return Err(Invalid { message: format!("invalid id `{id}`"), hint });
    }
    if let Some(what) = crate::typed::go_reserved(id) {
        return Err(Invalid { message: format!("id `{id}` is {what}"), hint: "choose another id; it becomes a Go package name and part of identifiers".into() });
    }
    Ok(())
}

/// Whether `brand` can be a `CLOUD_PROVIDER_*` value: a letter, then letters, digits, spaces,
/// dots, dashes or underscores.
pub fn validate_brand(brand: &str) -> std::result::Result<(), Invalid> {
    if is_identifier(brand, |c| c.is_ascii_alphabetic(), |c| c.is_ascii_alphanumeric() || " ._-".contains(c)) {
        return Ok(());
    }
    Err(Invalid {
        message: format!("invalid brand `{brand}`"),
        hint: "a brand starts with a letter and holds letters, digits, spaces, dots, dashes or underscores; it is the CLOUD_PROVIDER_* value, exact case".into(),
    })
}

impl Descriptor {
    /// Reads and validates a descriptor file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = crate::error::read_to_string(path)?;
        Self::parse(path, &text)
    }

    /// Parses and validates descriptor text; `path` is used in messages. All field errors are
    /// collected and reported together.
    pub fn parse(path: &Path, text: &str) -> Result<Self> {
        let raw: RawDescriptor = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let message = e.message().trim().to_string();
            let hint = if message.contains("unknown field") {
                "remove the key or fix its spelling; docs/descriptor.md lists every field"
            } else if message.contains("missing field") {
                "add the field; `integrate new <id>` writes a complete descriptor"
            } else if message.contains("unknown variant") {
                "use one of the values listed above"
            } else {
                "fix the TOML at this position"
            };
            Error::input(at(path, text, offset), message, hint)
        })?;
        let mut errors = Vec::new();
        if *raw.schema.get_ref() != SCHEMA {
            errors.push(Error::input(
                at(path, text, raw.schema.span().start),
                format!("unsupported schema {}", raw.schema.get_ref()),
                format!("this version of integrate reads schema {SCHEMA}"),
            ));
        }
        // A name derived from a bad id or brand is checked only when it is set explicitly:
        // `id = "My-Cloud"` is one error with its fix, not one per name derived from it.
        let id = raw.id.get_ref().clone();
        let mut refuse = |checked: std::result::Result<(), Invalid>, offset: usize| match checked {
            Ok(()) => true,
            Err(e) => {
                errors.push(Error::input(at(path, text, offset), e.message, e.hint));
                false
            }
        };
        let id_ok = refuse(validate_id(&id), raw.id.span().start);
        let brand = raw.brand.get_ref().clone();
        let brand_ok = refuse(validate_brand(&brand), raw.brand.span().start);
        let names = raw.names.as_ref();
        let const_ = names.and_then(|n| n.const_.as_ref());
        let go = names.and_then(|n| n.go.as_ref());
        let cli = names.and_then(|n| n.cli.as_ref());
        let derived = Names {
            const_: const_.map_or_else(|| id.to_ascii_uppercase(), |s| s.get_ref().clone()),
            go: go.map_or_else(|| brand.chars().filter(|c| c.is_ascii_alphanumeric()).collect(), |s| s.get_ref().clone()),
            cli: cli.map_or_else(|| format!("{id}cli"), |s| s.get_ref().clone()),
            hypervisor_const: String::new(),
            package: String::new(),
        };
        let offset_of = |s: Option<&Spanned<String>>| s.map_or(raw.id.span().start, |s| s.span().start);
        let hypervisor_const = names.and_then(|n| n.hypervisor_const.as_ref());
        let package = names.and_then(|n| n.package.as_ref());
        let derived = Names {
            hypervisor_const: hypervisor_const.map_or_else(|| derived.const_.clone(), |s| s.get_ref().clone()),
            package: package.map_or_else(|| id.clone(), |s| s.get_ref().clone()),
            ..derived
        };
        let package_ok = derived.package.split('/').all(|seg| {
            is_identifier(seg, |c| c.is_ascii_lowercase(), |c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') && crate::typed::go_reserved(seg).is_none()
        });
        if !package_ok && (package.is_some() || id_ok) {
            errors.push(Error::input(
                at(path, text, offset_of(package)),
                format!("invalid package path `{}`", derived.package),
                "names.package is a slash-separated path of Go package names (lowercase letters, digits, underscores), e.g. `objectstore/ceph`",
            ));
        }
        let is_const_suffix = |s: &str| is_identifier(s, |c| c.is_ascii_uppercase(), |c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        let const_checked = const_.is_some() || id_ok;
        let const_ok = is_const_suffix(&derived.const_);
        if (hypervisor_const.is_some() || (const_checked && const_ok)) && !is_const_suffix(&derived.hypervisor_const) {
            errors.push(Error::input(at(path, text, offset_of(hypervisor_const)), format!("invalid hypervisor constant suffix `{}`", derived.hypervisor_const), "names.hypervisor_const is upper case: ^[A-Z][A-Z0-9_]*$"));
        }
        if const_checked && !const_ok {
            errors.push(Error::input(at(path, text, offset_of(const_)), format!("invalid constant suffix `{}`", derived.const_), "names.const is upper case: ^[A-Z][A-Z0-9_]*$"));
        }
        if (go.is_some() || brand_ok) && !is_identifier(&derived.go, |c| c.is_ascii_uppercase(), |c| c.is_ascii_alphanumeric()) {
            errors.push(Error::input(
                at(path, text, go.map_or(raw.brand.span().start, |s| s.span().start)),
                format!("invalid Go name `{}`", derived.go),
                "names.go must be an exported Go identifier (^[A-Z][A-Za-z0-9]*$); set [names] go = \"...\" when the brand does not start with an upper-case letter",
            ));
        }
        if (cli.is_some() || id_ok) && (!is_identifier(&derived.cli, |c| c.is_ascii_lowercase(), |c| c.is_ascii_lowercase() || c.is_ascii_digit()) || crate::typed::go_reserved(&derived.cli).is_some()) {
            errors.push(Error::input(at(path, text, offset_of(cli)), format!("invalid cli name `{}`", derived.cli), "names.cli is a Go package name: lowercase letters and digits, not a Go keyword or predeclared name"));
        }
        if let Some(v) = &raw.validation {
            let checked = crate::validation::ValidationSpec::deserialize(toml::Value::Table(v.get_ref().clone()))
                .map_err(|e| e.message().to_string())
                .and_then(|spec| spec.check().map_err(|e| e.to_string()));
            if let Err(e) = checked {
                errors.push(Error::input(at(path, text, v.span().start), format!("[validation]: {e}"), "see docs/descriptor.md, section [validation]"));
            }
        }
        if let Err(field_errors) = crate::credential::resolve(&raw.credential.fields) {
            for (offset, e) in field_errors {
                errors.push(Error::input(at(path, text, offset), e.message, e.hint));
            }
        }
        let mut sections = std::collections::BTreeMap::new();
        for (name, value) in raw.sections {
            let start = key_offset(text, &name);
            match value {
                toml::Value::Table(t) if PLATFORM_SECTIONS.contains(&name.as_str()) => {
                    sections.insert(name, t);
                }
                _ => errors.push(Error::input(
                    at(path, text, start),
                    format!("unknown field `{name}`"),
                    format!("a descriptor holds schema, id, brand, env, [names], [features], [credential], [validation] and the platform sections [{}]", PLATFORM_SECTIONS.join("], [")),
                )),
            }
        }
        Error::collect(errors)?;
        Ok(Descriptor {
            sections,
            schema: *raw.schema.get_ref(),
            source: Some(DescriptorSource {
                path: path.to_path_buf(),
                text: text.to_string(),
                id_span: raw.id.span(),
                brand_span: raw.brand.span(),
                const_span: const_.map(|s| s.span()),
            }),
            id,
            brand,
            env: *raw.env.get_ref(),
            names: derived,
            features: raw.features,
            credential: raw.credential,
            validation: raw.validation.map(|v| v.into_inner()),
        })
    }

    /// The auth error codes the generated client maps to the platform's invalid-key error, the
    /// same list live validation uses.
    pub fn invalid_key_codes(&self) -> Vec<String> {
        self.validation
            .as_ref()
            .and_then(|v| v.get("invalid_key_codes"))
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    }

    /// The context templates render from: every field, derived names included.
    pub fn template_context(&self) -> minijinja::Value {
        self.template_context_with(&[], &|_| false)
    }

    /// The template context with a profile's section defaults filled in: `defaults` holds, per
    /// section, the value of every field the descriptor leaves out. Strings of the descriptor's
    /// own checked fields (id, brand, names) and of the section fields `checked` accepts (by
    /// dotted path, `[]` for list elements) are safe strings; every other string is plain and
    /// must be quoted by the template (see [`crate::typed`]).
    pub fn template_context_with(&self, defaults: &[(String, toml::Table)], checked: &dyn Fn(&str) -> bool) -> minijinja::Value {
        let mut d = self.clone();
        for (name, fields) in defaults {
            let section = d.sections.entry(name.clone()).or_default();
            for (k, v) in fields {
                section.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        d.raw_context(checked)
    }

    fn raw_context(&self, checked: &dyn Fn(&str) -> bool) -> minijinja::Value {
        let mut value = serde_json::to_value(self).expect("descriptors serialise to JSON");
        if let Some(obj) = value.as_object_mut() {
            if let Some(serde_json::Value::Object(sections)) = obj.remove("sections") {
                for (name, section) in sections {
                    obj.insert(name, section);
                }
            }
            obj.insert("invalid_key_codes".into(), serde_json::json!(self.invalid_key_codes()));
            if let Some(serde_json::Value::Object(credential)) = obj.get_mut("credential") {
                credential.insert("fields".into(), serde_json::json!(self.credential.resolved_fields()));
                credential.insert("custom".into(), serde_json::json!(self.credential.is_custom()));
            }
            if obj.get("validation").is_some_and(|v| v.is_null()) {
                obj.insert("validation".into(), serde_json::json!({}));
            }
        }
        let own = |path: &str| {
            matches!(path, "id" | "brand" | "env")
                || ["names.", "features."].iter().any(|p| path.starts_with(p))
                || matches!(path, "credential.kind" | "credential.endpoint" | "credential.custom")
                // A declared credential field's names are checked where it is declared; its
                // help, default, choices and JSON key are quoted by the templates.
                || path.strip_prefix("credential.fields[].").is_some_and(|f| {
                    matches!(f, "name" | "kind" | "role" | "option" | "env" | "go" | "go_type" | "go_cell" | "go_type_cell" | "positional" | "required")
                })
                || checked(path)
        };
        crate::typed::to_template_value(&value, "", &own)
    }

    /// The line of the descriptor a derived name comes from: of the string values the file
    /// sets, the longest one that the name contains (ignoring case and `_`, `-`, `.`, spaces;
    /// of equally long ones one spelled as in the name, then the last, since overrides follow
    /// the id), or the id's line. `HYPERVISOR_AWS` points at `hypervisor_const = "AWS"`,
    /// `NewAliyunClient` at `go = "Aliyun"`.
    pub fn value_location(&self, name: &str) -> Location {
        let Some(src) = &self.source else { return Location::new("<descriptor>", 0, 0) };
        let fold = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
        let folded = fold(name);
        let mut best: Option<((usize, bool), std::ops::Range<usize>)> = None;
        if let Ok(doc) = src.text.parse::<toml_edit::Document<String>>() {
            let mut visit = |v: &toml_edit::Value| {
                if let (Some(s), Some(span)) = (v.as_str(), v.span()) {
                    let f = fold(s);
                    // Longer first; of equal length, one the name holds as it is spelled.
                    let score = (f.len(), name.contains(s));
                    if !f.is_empty() && folded.contains(&f) && best.as_ref().is_none_or(|(best, _)| score >= *best) {
                        best = Some((score, span));
                    }
                }
            };
            for (_, item) in doc.as_table().iter() {
                match item {
                    toml_edit::Item::Value(v) => visit(v),
                    toml_edit::Item::Table(t) => t.iter().filter_map(|(_, i)| i.as_value()).for_each(&mut visit),
                    _ => {}
                }
            }
        }
        best.map_or_else(|| src.location(&src.id_span), |(_, span)| src.location(&span))
    }

    /// The descriptor's file position for a field, for collision messages.
    pub fn field_location(&self, field: &str) -> Location {
        match &self.source {
            Some(src) => {
                let span = match field {
                    "brand" => src.brand_span.clone(),
                    "const" => src.const_span.clone().unwrap_or(src.id_span.clone()),
                    _ => src.id_span.clone(),
                };
                src.location(&span)
            }
            None => Location::new("<descriptor>", 0, 0),
        }
    }

    /// Location of `key` inside `[section]` (or of the section header when `key` is empty).
    pub fn key_location(&self, section: &str, key: &str) -> Location {
        let Some(src) = &self.source else { return Location::new("<descriptor>", 0, 0) };
        let header = key_offset(&src.text, section);
        let mut offset = header;
        if !key.is_empty() && header > 0 {
            let rest = &src.text[header..];
            let mut o = 0;
            for line in rest.split_inclusive('\n').skip(1) {
                let t = line.trim_start();
                if t.starts_with('[') {
                    break;
                }
                if t.strip_prefix(key).is_some_and(|r| r.trim_start().starts_with('=')) {
                    offset = header + rest.split_inclusive('\n').next().map_or(0, str::len) + o + (line.len() - t.len());
                    break;
                }
                o += line.len();
            }
        }
        let (line, column) = line_col(&src.text, offset);
        Location::new(&src.path, line, column)
    }

    /// Renders descriptor TOML for `integrate new`, with a comment on every field.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("schema = {SCHEMA}\n"));
        out.push_str(&format!("id = \"{}\"\n", self.id));
        out.push_str(&format!("brand = \"{}\"  # the CLOUD_PROVIDER_* value, exact case\n", self.brand));
        let env = match self.env {
            Env::Public => "public",
            Env::Private => "private",
            Env::Onpremise => "onpremise",
        };
        out.push_str(&format!("env = \"{env}\"  # public | private | onpremise\n\n"));
        out.push_str("[names]\n");
        out.push_str(&format!("const = \"{}\"\ngo = \"{}\"\ncli = \"{}\"\n", self.names.const_, self.names.go, self.names.cli));
        if self.names.hypervisor_const != self.names.const_ {
            out.push_str(&format!("hypervisor_const = \"{}\"\n", self.names.hypervisor_const));
        }
        if self.names.package != self.id {
            out.push_str(&format!("package = \"{}\"\n", self.names.package));
        }
        out.push('\n');
        out.push_str("[features]\n");
        out.push_str(&format!(
            "vms = {}\nregional_network = {}\nmetrics = {}\n\n",
            self.features.vms, self.features.regional_network, self.features.metrics
        ));
        let kind = match self.credential.kind {
            CredentialKind::AccessKey => "access_key",
            CredentialKind::UserPassword => "user_password",
        };
        let endpoint = match self.credential.endpoint {
            EndpointField::None => "none",
            EndpointField::AuthUrl => "auth_url",
            EndpointField::Endpoint => "endpoint",
        };
        out.push_str(&format!("[credential]\nkind = \"{kind}\"  # access_key | user_password\nendpoint = \"{endpoint}\"  # none | auth_url | endpoint\n"));
        for (name, section) in &self.sections {
            out.push_str(&format!("\n[{name}]\n"));
            out.push_str(&toml::to_string(section).unwrap_or_default());
        }
        if let Some(v) = &self.validation {
            out.push_str("\n[validation]\n");
            out.push_str(&toml::to_string(v).unwrap_or_default());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Descriptor> {
        Descriptor::parse(Path::new("d.toml"), text)
    }

    #[test]
    fn derives_names() {
        let d = parse("schema = 1\nid = \"acme\"\nbrand = \"Acme-Cloud\"\nenv = \"public\"\n").unwrap();
        assert_eq!(d.names, Names { const_: "ACME".into(), go: "AcmeCloud".into(), cli: "acmecli".into(), hypervisor_const: "ACME".into(), package: "acme".into() });
    }

    #[test]
    fn a_nested_package_path_is_kept_and_a_bad_one_is_refused_at_its_line() {
        let d = parse("schema = 1\nid = \"ceph\"\nbrand = \"Ceph\"\nenv = \"onpremise\"\n[names]\npackage = \"objectstore/ceph\"\n").unwrap();
        assert_eq!(d.names.package, "objectstore/ceph");
        assert!(d.to_toml().contains("package = \"objectstore/ceph\"\n"));
        let e = parse("schema = 1\nid = \"ceph\"\nbrand = \"Ceph\"\nenv = \"onpremise\"\n[names]\npackage = \"objectstore//Ceph\"\n").unwrap_err().to_string();
        assert!(e.contains("d.toml:6") && e.contains("invalid package path `objectstore//Ceph`") && e.contains("objectstore/ceph"), "{e}");
    }

    #[test]
    fn a_bad_id_is_one_error_naming_the_id_that_would_do() {
        // Regression: `My-Cloud` was reported five times, once per name derived from it.
        let e = parse("schema = 1\nid = \"My-Cloud\"\nbrand = \"MyCloud\"\nenv = \"private\"\n").unwrap_err();
        assert!(!matches!(e, Error::Many(_)), "{e}");
        let e = e.to_string();
        assert!(e.starts_with("d.toml:2:6: invalid id `My-Cloud`") && e.contains("hint: use `mycloud`"), "{e}");
        // A name set explicitly is still checked on its own.
        let e = parse("schema = 1\nid = \"My-Cloud\"\nbrand = \"MyCloud\"\nenv = \"private\"\n[names]\ncli = \"Bad\"\n").unwrap_err().to_string();
        assert!(e.contains("invalid id") && e.contains("d.toml:6:7: invalid cli name `Bad`"), "{e}");
    }

    #[test]
    fn a_bad_brand_is_one_error() {
        let e = parse("schema = 1\nid = \"acme\"\nbrand = \"9Cloud\"\nenv = \"private\"\n").unwrap_err();
        assert!(!matches!(e, Error::Many(_)) && e.to_string().contains("invalid brand `9Cloud`"), "{e}");
    }

    #[test]
    fn ids_that_cannot_be_mended_get_the_rule_only() {
        assert_eq!(validate_id("acme"), Ok(()));
        assert!(validate_id("9").unwrap_err().hint.starts_with("an id is 2-31 characters"));
        assert!(validate_id("Func").unwrap_err().hint.starts_with("an id is"), "`func` is a Go keyword, not a fix");
        assert_eq!(validate_id("func").unwrap_err().message, "id `func` is a Go keyword");
        assert!(validate_id("1st_Cloud").unwrap_err().hint.starts_with("use `stcloud`"));
    }

    #[test]
    fn ids_that_go_predeclares_or_reserves_are_refused() {
        // Issue 13: `string`, `init`, `main`, `error` were accepted and the generated package
        // did not build.
        for id in ["string", "init", "main", "error", "nil", "append"] {
            let e = parse(&format!("schema = 1\nid = \"{id}\"\nbrand = \"Acme\"\nenv = \"private\"\n")).unwrap_err().to_string();
            assert!(e.starts_with("d.toml:2:6: id `") && (e.contains("predeclared") || e.contains("reserved")), "{e}");
        }
        let e = parse("schema = 1\nid = \"acme\"\nbrand = \"Acme\"\nenv = \"private\"\n[names]\ncli = \"string\"\n").unwrap_err().to_string();
        assert!(e.contains("d.toml:6:7: invalid cli name `string`"), "{e}");
    }

    #[test]
    fn round_trips_through_to_toml() {
        let d = parse("schema = 1\nid = \"acme\"\nbrand = \"Acme\"\nenv = \"private\"\n[features]\nvms = true\n").unwrap();
        let again = parse(&d.to_toml()).unwrap();
        assert_eq!(again.features, d.features);
        assert_eq!(again.names, d.names);
    }
}
