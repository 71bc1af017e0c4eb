//! Typed values: what a descriptor value becomes in a target file, and the only two ways a user
//! value may get there. A value of a *checked* type (a Go identifier, a constant suffix, a CLI
//! keyword, a name, an image reference, a line of text) is refused at its descriptor line
//! unless it follows that type's rules, and then reaches templates as a safe string. A value of
//! a *quoted* type (a Go, YAML, TOML, JSON or Rust string, a regular expression) reaches them as
//! a plain string that the template must pass through that language's quoter (`go_string`,
//! `yaml_string`, `toml_string`, `json_string`, `rust_string`, `regex_escape`, `comment`).
//! The template formatter ([`format`]) refuses to write a plain string holding anything but
//! letters, digits and underscores, so no user value reaches code raw.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What a profile's descriptor field becomes in the files the profile writes. A `string_list`
/// field of `KEY=VALUE` pairs says it per half: `"const_suffix=go_string"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    /// An interpolated Go string literal; templates write `{{ v | go_string }}`.
    GoString,
    /// A YAML scalar; templates write `{{ v | yaml_string }}`.
    YamlString,
    /// A TOML basic string; templates write `{{ v | toml_string }}`.
    TomlString,
    /// A JSON string; templates write `{{ v | json_string }}`.
    JsonString,
    /// A Rust string literal; templates write `{{ v | rust_string }}`.
    RustString,
    /// An identifier, exported or not (`^[A-Za-z][A-Za-z0-9]*$`), not a Go keyword or
    /// predeclared name.
    GoIdentifier,
    /// The upper-case suffix of a Go constant (`^[A-Z][A-Z0-9_]*$`).
    ConstSuffix,
    /// A command or feature keyword (`^[a-z][a-z0-9-]*$`).
    Keyword,
    /// A name of a repository, organisation or map key (`^[A-Za-z0-9][A-Za-z0-9._-]*$`).
    Name,
    /// A container image reference (`registry/path:tag` or `@sha256:...`).
    Image,
    /// A Go struct field `GoName:type[:json_tag[:required]]`.
    GoFieldSpec,
    /// One line of a text file (no control characters).
    Text,
    /// A Rust `cfg` predicate (`target_arch = "wasm32"`): identifiers, `=`, quoted words,
    /// parentheses and commas, nothing that could close the attribute.
    RustCfg,
    /// An http(s) URL without quotes, spaces or markup.
    Url,
    /// A value in a `.env` file or a shell here-document: printable, without quotes,
    /// backslashes, `$` or backticks.
    EnvValue,
}

impl ValueType {
    /// Whether the type is checked against rules (and then safe anywhere its alphabet is), as
    /// opposed to quoted by the template.
    pub fn is_checked(self) -> bool {
        !matches!(self, Self::GoString | Self::YamlString | Self::TomlString | Self::JsonString | Self::RustString)
    }

    pub fn describe(self) -> &'static str {
        match self {
            Self::GoString => "a Go string literal",
            Self::YamlString => "a YAML string",
            Self::TomlString => "a TOML string",
            Self::JsonString => "a JSON string",
            Self::RustString => "a Rust string literal",
            Self::GoIdentifier => "a Go identifier: a letter, then letters or digits (^[A-Za-z][A-Za-z0-9]*$), not a Go keyword or predeclared name",
            Self::ConstSuffix => "the upper-case suffix of a Go constant (^[A-Z][A-Z0-9_]*$)",
            Self::Keyword => "a lower-case keyword (^[a-z][a-z0-9-]*$)",
            Self::Name => "a name: letters, digits, dots, dashes and underscores, starting with a letter or digit",
            Self::Image => "an image reference: letters, digits and ./:@_- only, starting with a letter or digit",
            Self::GoFieldSpec => "a field `GoName:type[:json_tag[:required]]`, e.g. `Region:string:region:required`",
            Self::Text => "one line of text, without control characters",
            Self::RustCfg => "a Rust cfg predicate: identifiers, `=`, double-quoted words, parentheses and commas",
            Self::Url => "an http(s) URL without quotes, spaces, `<` or `>`",
            Self::EnvValue => "a printable value without quotes, backslashes, `$` or backticks",
        }
    }

    /// Checks `value` against the type's rules; quoted types take any string.
    pub fn check(self, value: &str) -> std::result::Result<(), String> {
        let ok = match self {
            Self::GoString | Self::YamlString | Self::TomlString | Self::JsonString | Self::RustString => true,
            Self::GoIdentifier => is_word(value, |c| c.is_ascii_alphabetic(), |c| c.is_ascii_alphanumeric()) && go_reserved(value).is_none(),
            Self::ConstSuffix => is_word(value, |c| c.is_ascii_uppercase(), |c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
            Self::Keyword => is_word(value, |c| c.is_ascii_lowercase(), |c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') && !value.ends_with('-'),
            Self::Name => is_word(value, |c| c.is_ascii_alphanumeric(), |c| c.is_ascii_alphanumeric() || "._-".contains(c)),
            Self::Image => is_word(value, |c| c.is_ascii_alphanumeric(), |c| c.is_ascii_alphanumeric() || "./:@_-".contains(c)),
            Self::GoFieldSpec => is_go_field_spec(value),
            Self::Text => !value.chars().any(char::is_control),
            Self::RustCfg => {
                value.chars().all(|c| c.is_ascii_alphanumeric() || " _=\",().-".contains(c))
                    && value.matches('"').count().is_multiple_of(2)
                    && value.chars().fold(0i32, |depth, c| if depth < 0 { depth } else if c == '(' { depth + 1 } else if c == ')' { depth - 1 } else { depth }) == 0
            }
            Self::Url => {
                (value.starts_with("https://") || value.starts_with("http://"))
                    && value.chars().all(|c| c.is_ascii_graphic() && !"\"'<>\\`{}|^".contains(c))
            }
            Self::EnvValue => value.chars().all(|c| (c.is_ascii_graphic() || c == ' ') && !"\"'\\$`".contains(c)),
        };
        if ok { Ok(()) } else { Err(format!("`{}` is not {}", value.escape_debug(), self.describe())) }
    }
}

/// The type of each half of a `KEY=VALUE` list element, or of a whole value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    One(ValueType),
    Pair(ValueType, ValueType),
}

impl Shape {
    /// Reads `go_string` or `const_suffix=go_string`.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let one = |t: &str| ValueType::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(t.trim())).map_err(|e| e.to_string());
        match text.split_once('=') {
            Some((k, v)) => Ok(Self::Pair(one(k)?, one(v)?)),
            None => Ok(Self::One(one(text)?)),
        }
    }

    /// Whether values of this shape reach templates as safe strings.
    pub fn is_checked(self) -> bool {
        match self {
            Self::One(t) => t.is_checked(),
            Self::Pair(k, v) => k.is_checked() && v.is_checked(),
        }
    }

    pub fn check(self, value: &str) -> std::result::Result<(), String> {
        match self {
            Self::One(t) => t.check(value),
            Self::Pair(k, v) => match value.split_once('=') {
                Some((key, val)) => k.check(key.trim()).and_then(|()| v.check(val.trim())),
                None => Err(format!("`{}` is not KEY=VALUE", value.escape_debug())),
            },
        }
    }
}

fn is_word(s: &str, first: impl Fn(char) -> bool, rest: impl Fn(char) -> bool) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(first) && chars.all(rest)
}

fn is_go_field_spec(s: &str) -> bool {
    let parts: Vec<&str> = s.split(':').collect();
    let name_ok = parts.first().is_some_and(|n| is_word(n, |c| c.is_ascii_uppercase(), |c| c.is_ascii_alphanumeric() || c == '_'));
    let type_ok = parts.get(1).is_some_and(|t| is_word(t, |c| c.is_ascii_alphabetic() || "[*".contains(c), |c| c.is_ascii_alphanumeric() || "[]*._".contains(c)));
    let tag_ok = parts.get(2).is_none_or(|t| t.chars().all(|c| c.is_ascii_alphanumeric() || "_-,".contains(c)));
    let required_ok = parts.get(3).is_none_or(|r| *r == "required");
    name_ok && type_ok && tag_ok && required_ok && parts.len() <= 4
}

/// Why a value cannot be used, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub message: String,
    pub hint: String,
}

/// Go keywords.
pub const GO_KEYWORDS: &[&str] = &[
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto", "if",
    "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
];

/// Go's predeclared identifiers (types, constants, zero value, built-in functions).
pub const GO_PREDECLARED: &[&str] = &[
    "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64", "int", "int8", "int16", "int32",
    "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "true", "false", "iota", "nil", "append",
    "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println",
    "real", "recover",
];

/// Names with a meaning of their own to Go (`main`, `init`, the blank identifier) or to the
/// YAML files a name may land in unquoted (`null`, `yes`, `on`...).
pub const OTHER_RESERVED: &[&str] = &["main", "init", "_", "null", "yes", "no", "on", "off", "true", "false", "y", "n"];

/// Why `name` cannot be a Go identifier or package name, if it cannot: a keyword, a
/// predeclared identifier or another reserved name.
pub fn go_reserved(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    if GO_KEYWORDS.contains(&name) {
        Some("a Go keyword")
    } else if GO_PREDECLARED.contains(&name) {
        Some("a Go predeclared identifier")
    } else if OTHER_RESERVED.contains(&lower.as_str()) && name == lower {
        Some("a reserved name (Go's main/init, or a YAML literal)")
    } else {
        None
    }
}

/// Whether `s` is one character `first` accepts followed by characters `rest` accepts: the shape
/// check behind ids, package names and credential field names.
pub fn is_identifier(s: &str, first: impl Fn(char) -> bool, rest: impl Fn(char) -> bool) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(first) && chars.all(rest)
}

/// `s` between double quotes, with the escapes every quoter here shares (`\"`, `\\`, `\n`,
/// `\t`, `\r`); `other` writes every other character the way its language wants it.
fn quoted(s: &str, other: impl Fn(char, &mut String)) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => other(c, &mut out),
        }
    }
    out.push('"');
    out
}

/// A double-quoted Go string literal as `strconv.Quote` writes it: quotes, backslashes and
/// control characters escaped (`\n`, `\x1b`, `\u0085`), everything else as it is, which Go
/// source accepts; any input gives one literal that ends where it should.
pub fn go_quote(s: &str) -> String {
    quoted(s, |c, out| match c {
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\x0b' => out.push_str("\\v"),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if c.is_control() || c == '\u{feff}' || ('\u{2028}'..='\u{2029}').contains(&c) => {
            if (c as u32) <= 0xffff { out.push_str(&format!("\\u{:04x}", c as u32)) } else { out.push_str(&format!("\\U{:08x}", c as u32)) }
        }
        c => out.push(c),
    })
}

/// A Go interpreted string literal of `s`, valid whatever `s` holds: quotes, backslashes and
/// every character that is not printable (control characters, NUL, a byte order mark, line and
/// paragraph separators) are escaped the way Go reads them.
pub fn go_string(s: &str) -> String {
    quoted(s, |c, out| match c {
        c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if c.is_ascii() || (c.is_alphanumeric() && !is_format_char(c)) => out.push(c),
        c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push_str(&format!("\\U{:08x}", c as u32)),
    })
}

fn is_format_char(c: char) -> bool {
    matches!(c as u32, 0xad | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x2064 | 0xfeff)
}

/// A YAML double-quoted scalar of `s` (YAML 1.2 escapes; every non-ASCII or non-printable
/// character escaped, and the backtick, so the YAML can be embedded in a Go raw string).
pub fn yaml_string(s: &str) -> String {
    quoted(s, |c, out| match c {
        '\0' => out.push_str("\\0"),
        // Escaped so the YAML can sit in a Go raw string (the openpitrix global config).
        '`' => out.push_str("\\x60"),
        c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
        c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push_str(&format!("\\U{:08x}", c as u32)),
    })
}

/// A TOML basic string of `s`.
pub fn toml_string(s: &str) -> String {
    quoted(s, |c, out| match c {
        c if c.is_control() || is_format_char(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push(c),
    })
}

/// A JSON string of `s`.
pub fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises to JSON")
}

/// A Rust string literal of `s` (Rust's own `Debug` escaping is valid Rust).
pub fn rust_string(s: &str) -> String {
    format!("{s:?}")
}

/// Text for a comment: control characters become spaces, so the comment stays one line.
pub fn comment(s: &str) -> String {
    s.chars().map(|c| if c.is_control() || is_format_char(c) { ' ' } else { c }).collect::<String>().replace("*/", "* /")
}

/// Whether a plain string may be written raw: letters, digits and underscores only.
fn is_token(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Registers the quoters as filters and the formatter that refuses raw user values.
pub fn install(env: &mut minijinja::Environment<'static>) {
    use minijinja::Value;
    env.add_filter("go_string", |s: String| Value::from_safe_string(go_string(&s)));
    env.add_filter("yaml_string", |s: String| Value::from_safe_string(yaml_string(&s)));
    env.add_filter("toml_string", |s: String| Value::from_safe_string(toml_string(&s)));
    env.add_filter("json_string", |s: String| Value::from_safe_string(json_string(&s)));
    env.add_filter("rust_string", |s: String| Value::from_safe_string(rust_string(&s)));
    env.add_filter("regex_escape", |s: String| Value::from_safe_string(regex::escape(&s)));
    env.add_filter("comment", |s: String| Value::from_safe_string(comment(&s)));
    // `checked("image")`: a value built in the template (a default spelled out there) checked
    // against a type's rules at render time.
    env.add_filter("checked", |s: String, ty: String| -> std::result::Result<Value, minijinja::Error> {
        let shape = Shape::parse(&ty).map_err(|e| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e))?;
        shape.check(&s).map_err(|e| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e))?;
        Ok(Value::from_safe_string(s))
    });
    // Parts of a checked value are checked: its alphabet is the same anywhere in it.
    env.add_filter("split", |v: Value, sep: Option<String>| -> std::result::Result<Vec<Value>, minijinja::Error> {
        let s = v.as_str().ok_or_else(|| minijinja::Error::new(minijinja::ErrorKind::UndefinedError, format!("expected a string, got {}", v.kind())))?;
        let parts: Vec<&str> = match &sep {
            Some(sep) => s.split(sep.as_str()).collect(),
            None => s.split_whitespace().collect(),
        };
        Ok(parts.into_iter().map(|p| if v.is_safe() { Value::from_safe_string(p.to_string()) } else { Value::from(p) }).collect())
    });
    // String filters keep a checked value checked: what they add comes from the profile, not
    // from a user (`{{ opendal.dir | replace('_', '-') }}`).
    type Filtered = std::result::Result<Value, minijinja::Error>;
    fn text(v: &Value) -> std::result::Result<&str, minijinja::Error> {
        v.as_str().ok_or_else(|| minijinja::Error::new(minijinja::ErrorKind::UndefinedError, format!("expected a string, got {}", v.kind())))
    }
    fn keep(v: &Value, out: String) -> Filtered {
        Ok(if v.is_safe() { Value::from_safe_string(out) } else { Value::from(out) })
    }
    env.add_filter("replace", |v: Value, from: String, to: String| -> Filtered { keep(&v, text(&v)?.replace(&from, &to)) });
    env.add_filter("upper", |v: Value| -> Filtered { keep(&v, text(&v)?.to_uppercase()) });
    env.add_filter("lower", |v: Value| -> Filtered { keep(&v, text(&v)?.to_lowercase()) });
    env.add_filter("trim", |v: Value| -> Filtered { keep(&v, text(&v)?.trim().to_string()) });
    env.add_filter("title", |v: Value| -> Filtered {
        let mut out = String::new();
        let mut start = true;
        // As minijinja's own `title`: punctuation and whitespace start a word.
        for c in text(&v)?.chars() {
            if c.is_ascii_punctuation() || c.is_whitespace() {
                out.push(c);
                start = true;
            } else {
                if start { out.extend(c.to_uppercase()) } else { out.extend(c.to_lowercase()) }
                start = false;
            }
        }
        keep(&v, out)
    });
    // A list of checked (or quoted) items joined by the profile's separator is checked.
    env.add_filter("join", |v: Value, sep: Option<String>| -> Filtered {
        let items: Vec<Value> = v.try_iter()?.collect();
        let all_safe = items.iter().all(|i| i.is_safe() || i.as_str().is_none());
        let out = items.iter().map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string)).collect::<Vec<_>>().join(sep.as_deref().unwrap_or(""));
        Ok(if all_safe { Value::from_safe_string(out) } else { Value::from(out) })
    });
    // The one way around the quoters would be `safe`; there is none.
    env.remove_filter("safe");
    env.set_formatter(format);
    // Auto-escaping in a mode of our own: the formatter above does all the writing, and a
    // macro's output (already written through it) comes back as a safe string.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Custom("typed"));
}

/// The template formatter: safe strings (checked values, quoter output) and tokens are
/// written as they are; any other string is an error naming the quoters.
pub fn format(out: &mut minijinja::Output, state: &minijinja::State, value: &minijinja::Value) -> std::result::Result<(), minijinja::Error> {
    if let Some(s) = value.as_str()
        && !value.is_safe()
        && !is_token(s)
    {
        return Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!(
                "the value `{}` would be written raw; pass it through the quoter of the target language (go_string, yaml_string, toml_string, json_string, rust_string, regex_escape, comment) or give its field a checked type",
                s.escape_debug()
            ),
        ));
    }
    let _ = state;
    if value.is_undefined() {
        return Ok(());
    }
    write!(out, "{value}").map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()))
}

/// A template value from JSON: strings at the paths `checked` accepts (dotted, list elements
/// as `path[]`) become safe strings, every other string stays plain.
pub fn to_template_value(json: &serde_json::Value, path: &str, checked: &dyn Fn(&str) -> bool) -> minijinja::Value {
    use minijinja::Value;
    match json {
        serde_json::Value::String(s) if checked(path) => Value::from_safe_string(s.clone()),
        serde_json::Value::Array(items) => {
            let inner = format!("{path}[]");
            Value::from(items.iter().map(|v| to_template_value(v, &inner, checked)).collect::<Vec<_>>())
        }
        serde_json::Value::Object(map) => {
            let fields: BTreeMap<String, Value> = map
                .iter()
                .map(|(k, v)| {
                    let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                    (k.clone(), to_template_value(v, &p, checked))
                })
                .collect();
            Value::from(fields)
        }
        other => Value::from_serialize(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_strings_escape_what_go_rejects() {
        assert_eq!(go_string("a\"b\\c\n\0"), r#""a\"b\\c\n\x00""#);
        assert_eq!(go_string("é\u{feff}\u{2028}"), "\"é\\ufeff\\u2028\"");
        assert_eq!(go_string("`{{ x }}`"), "\"`{{ x }}`\"");
    }

    #[test]
    fn yaml_and_toml_strings_escape_quotes_and_controls() {
        assert_eq!(yaml_string("a: \"b\"\n\0"), r#""a: \"b\"\n\0""#);
        assert_eq!(toml_string("a\"\\\0"), r#""a\"\\\u0000""#);
        let parsed: toml::Table = toml::from_str(&format!("k = {}", toml_string("x\"\\\0\u{7f}y"))).unwrap();
        assert_eq!(parsed["k"].as_str(), Some("x\"\\\0\u{7f}y"));
    }

    #[test]
    fn checked_types_refuse_what_their_rules_exclude() {
        assert!(ValueType::Keyword.check("vmware").is_ok());
        assert!(ValueType::Keyword.check("a\"b").is_err());
        assert!(ValueType::GoIdentifier.check("string").is_err());
        assert!(ValueType::GoIdentifier.check("OpenStack").is_ok());
        assert!(ValueType::GoFieldSpec.check("Tags:map[string]string:tags").is_ok());
        assert!(ValueType::GoFieldSpec.check("Tags:string`x`").is_err());
        assert_eq!(Shape::parse("const_suffix=go_string"), Ok(Shape::Pair(ValueType::ConstSuffix, ValueType::GoString)));
        assert!(Shape::parse("const_suffix=go_string").unwrap().check("NAS=\"x").is_ok());
        assert!(Shape::parse("const_suffix=go_string").unwrap().check("na-s=x").is_err());
    }

    #[test]
    fn the_formatter_refuses_a_raw_plain_string() {
        let mut env = minijinja::Environment::new();
        install(&mut env);
        let ctx = minijinja::context! { v => "a\"b", t => "abc_1", s => minijinja::Value::from_safe_string("x/y".into()) };
        assert!(env.render_str("{{ v }}", &ctx).unwrap_err().to_string().contains("go_string"));
        assert_eq!(env.render_str("{{ v | go_string }} {{ t }} {{ s }} {{ 3 }}", &ctx).unwrap(), r#""a\"b" abc_1 x/y 3"#);
    }

    #[test]
    fn go_quote_follows_strconv_quote() {
        assert_eq!(go_quote("a\"b\\c\n\u{1b}é\u{7f}"), "\"a\\\"b\\\\c\\n\\x1bé\\x7f\"");
        assert_eq!(go_quote("\u{85}"), "\"\\u0085\"");
    }

    #[test]
    fn every_character_quotes_into_one_go_literal() {
        let all: String = (0u32..0x3100).chain([0xfeff, 0x1f600, 0x10ffff]).filter_map(char::from_u32).collect();
        let q = go_quote(&all);
        let inner = &q[1..q.len() - 1];
        // No unescaped quote or raw line break ends the literal early.
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            assert!(c != '"' && c != '\n' && c != '\r' && !c.is_control(), "{c:?}");
            if c == '\\' {
                chars.next();
            }
        }
    }
}
