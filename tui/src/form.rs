//! The account form: one input per credential field the descriptor declares
//! (`[[credential.fields]]`, or the fields the `access_key` / `user_password` preset expands
//! to), resolved by `integrate_codegen::credential` exactly as `account validate` resolves them.
//! Each field has a label derived from its name, its help, a kind that decides how it is shown
//! and edited (text, masked secret, file, URL, choice, yes/no) and a placeholder that says what
//! an empty field means (its default, the descriptor's endpoint, optional). A file field carries
//! the result of its last check ([`FileCheck`]), made when the field loses focus or the form is
//! submitted, never while drawing. Submitting ([`AccountForm::credential`]) hands the values to
//! `validation::field_values`, the mapping `account validate` uses (required fields, per-kind
//! checks, defaults, roles onto the validation [`Credential`]), and returns either the
//! credential or every reason it is refused, naming the fields. Secret fields are rendered
//! masked by the UI, print masked in `Debug`, and have their bytes overwritten when they are
//! cleared or dropped.

use std::fmt;

use integrate_codegen::Descriptor;
use integrate_codegen::credential::{self, FieldRole};
use integrate_codegen::descriptor::CredentialKind;
use integrate_codegen::validation::Credential;
use integrate_codegen::validation::field_values::{self, Problem};

/// What a field holds, which decides how it is shown and edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// A key id, user name or other plain text, shown as typed.
    Text,
    /// A secret or password, never shown.
    Secret,
    /// The path of a file, shown as typed and checked when the field loses focus.
    File,
    /// An endpoint or auth URL, shown as typed.
    Url,
    /// One of a fixed list of values, picked with ←/→; the form starts on the default. An
    /// optional choice without a default starts on `""`, shown as `(none)`.
    Choice(Vec<String>),
    /// Yes or no, toggled with space; starts on the default, else no.
    Bool,
}

impl FieldKind {
    /// Tells whether the field takes typed text.
    pub fn is_text(&self) -> bool {
        matches!(self, FieldKind::Text | FieldKind::Secret | FieldKind::File | FieldKind::Url)
    }
}

/// What the last check of a file field found. Checked in `update` (the field lost focus, the
/// form was submitted), so drawing never touches the file system.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum FileCheck {
    /// Not checked since the path was last edited, or the path is empty.
    #[default]
    Unchecked,
    /// A regular file that opens for reading.
    Readable,
    /// Nothing at the path.
    Missing,
    /// Something that is not a regular file (a directory, a device).
    NotAFile,
    /// A file that does not open for reading, with the system's reason.
    Unreadable(String),
}

impl FileCheck {
    /// Looks at `path`: whether it exists, is a regular file, and opens for reading.
    pub fn of(path: &str) -> Self {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => FileCheck::Missing,
            Err(e) => FileCheck::Unreadable(e.kind().to_string()),
            Ok(m) if !m.is_file() => FileCheck::NotAFile,
            Ok(_) => match std::fs::File::open(path) {
                Ok(_) => FileCheck::Readable,
                Err(e) => FileCheck::Unreadable(e.kind().to_string()),
            },
        }
    }

    /// What the form shows after the path: a mark and a few words; `None` when unchecked.
    pub fn status(&self) -> Option<String> {
        match self {
            FileCheck::Unchecked => None,
            FileCheck::Readable => Some("✔ readable file".to_owned()),
            FileCheck::Missing => Some("✘ no such file".to_owned()),
            FileCheck::NotAFile => Some("✘ not a regular file".to_owned()),
            FileCheck::Unreadable(why) => Some(format!("✘ cannot be read: {why}")),
        }
    }

    /// Why the file at `path` cannot be used, or `None` when it can (or was not checked).
    fn refusal(&self, path: &str) -> Option<String> {
        match self {
            FileCheck::Unchecked | FileCheck::Readable => None,
            FileCheck::Missing => Some(format!("no file at {path}")),
            FileCheck::NotAFile => Some(format!("{path} is not a regular file")),
            FileCheck::Unreadable(why) => Some(format!("{path} cannot be read: {why}")),
        }
    }
}

/// The label of a field: its name in words, the first capitalised, a few acronyms in capitals
/// (`auth_url` -> `Auth URL`, `tenancy_ocid` -> `Tenancy OCID`).
pub fn label(name: &str) -> String {
    const ACRONYMS: &[&str] = &["url", "uri", "api", "tls", "json", "ocid", "ssh", "http", "https"];
    let words: Vec<String> =
        name.split('_').filter(|w| !w.is_empty()).map(|w| if ACRONYMS.contains(&w) { w.to_ascii_uppercase() } else { w.to_owned() }).collect();
    let text = words.join(" ");
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

/// Letters and digits only, lower case: how a help text is compared with the label.
fn squeezed(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// One input field of the form.
pub struct Field {
    /// The field's name in the descriptor, the key `account validate --stdin` takes.
    pub name: String,
    /// The label shown before the field.
    pub label: String,
    /// The declared help, when it says more than the label.
    pub help: Option<String>,
    /// What the field holds.
    pub kind: FieldKind,
    /// What an empty field means, shown in its place.
    pub placeholder: Option<String>,
    /// The last check of a file field's path.
    pub file: FileCheck,
    decl: credential::Field,
    value: String,
    initial: String,
}

impl Field {
    fn new(decl: credential::Field) -> Self {
        let kind = match decl.kind {
            credential::FieldKind::String => FieldKind::Text,
            credential::FieldKind::Secret => FieldKind::Secret,
            credential::FieldKind::File => FieldKind::File,
            credential::FieldKind::Url => FieldKind::Url,
            credential::FieldKind::Bool => FieldKind::Bool,
            credential::FieldKind::Choice if !decl.required && decl.default.is_none() => {
                FieldKind::Choice(std::iter::once(String::new()).chain(decl.values.iter().cloned()).collect())
            }
            credential::FieldKind::Choice => FieldKind::Choice(decl.values.clone()),
        };
        let initial = match &kind {
            FieldKind::Choice(options) => decl.default.clone().or_else(|| options.first().cloned()).unwrap_or_default(),
            FieldKind::Bool => (decl.default.as_deref() == Some("true")).to_string(),
            _ => String::new(),
        };
        let placeholder = match (&decl.default, decl.role) {
            _ if !kind.is_text() => None,
            (Some(default), _) => Some(format!("(empty: {default})")),
            (None, Some(FieldRole::Endpoint)) => Some("(empty: the descriptor's endpoint is used)".to_owned()),
            (None, _) if !decl.required => Some("(optional)".to_owned()),
            (None, _) => None,
        };
        let label = label(&decl.name);
        let help = Some(decl.help.trim().to_owned()).filter(|h| !h.is_empty() && squeezed(h) != squeezed(&label));
        Field { name: decl.name.clone(), label, help, kind, placeholder, file: FileCheck::Unchecked, decl, value: initial.clone(), initial }
    }

    /// The value as typed or picked, in clear even for a secret: never draw or log it.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Returns the number of characters typed, which is all a masked field reveals.
    pub fn len(&self) -> usize {
        self.value.chars().count()
    }

    /// Tells whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Tells whether the field must be given (a default counts as given).
    pub fn is_required(&self) -> bool {
        self.decl.required && self.decl.default.is_none()
    }

    /// Tells whether validation uses the field as the endpoint or auth URL.
    pub fn is_endpoint(&self) -> bool {
        self.decl.role == Some(FieldRole::Endpoint)
    }

    /// Tells whether the value differs from the one the form started with: something typed,
    /// another choice picked, the flag turned on.
    pub fn is_changed(&self) -> bool {
        self.value != self.initial
    }

    /// Tells whether Backspace or clearing would take something away.
    pub fn can_erase(&self) -> bool {
        self.kind.is_text() && !self.value.is_empty()
    }

    /// Returns the text to draw: one `•` per character for secrets, the flag for yes/no, the
    /// value between arrows for a choice, the value itself otherwise.
    pub fn display(&self) -> String {
        match &self.kind {
            FieldKind::Secret => "•".repeat(self.len()),
            FieldKind::Bool if self.value == "true" => "[x] yes".to_owned(),
            FieldKind::Bool => "[ ] no".to_owned(),
            FieldKind::Choice(_) if self.value.is_empty() => "‹ (none) ›".to_owned(),
            FieldKind::Choice(_) => format!("‹ {} ›", self.value),
            FieldKind::Text | FieldKind::File | FieldKind::Url => self.value.clone(),
        }
    }

    /// The value handed to validation, or `None` when the field gives nothing (empty text, an
    /// optional choice left on none); a URL without the blanks a paste brings.
    fn given(&self) -> Option<String> {
        let value = if self.kind == FieldKind::Url { self.value.trim() } else { self.value.as_str() };
        (!value.is_empty()).then(|| value.to_owned())
    }

    /// Checks a file field's path; tells whether what the form shows changed.
    fn check_file(&mut self) -> bool {
        if self.kind != FieldKind::File {
            return false;
        }
        let check = if self.value.is_empty() { FileCheck::Unchecked } else { FileCheck::of(&self.value) };
        let changed = check != self.file;
        self.file = check;
        changed
    }

    /// Notes an edit: a file's last check no longer holds.
    fn edited(&mut self) {
        self.file = FileCheck::Unchecked;
    }

    fn push_str(&mut self, text: &str) -> bool {
        if !self.kind.is_text() {
            return false;
        }
        // Pasted text often ends with a newline; control characters never belong in a key.
        let before = self.value.len();
        self.value.extend(text.chars().filter(|c| !c.is_control()));
        before != self.value.len()
    }

    fn pop(&mut self) -> bool {
        self.kind.is_text() && self.value.pop().is_some()
    }

    fn clear(&mut self) -> bool {
        if !self.can_erase() {
            return false;
        }
        wipe(&mut self.value);
        true
    }

    fn toggle(&mut self) -> bool {
        if self.kind != FieldKind::Bool {
            return false;
        }
        let on = self.value == "true";
        self.value = (!on).to_string();
        true
    }

    fn cycle(&mut self, forward: bool) -> bool {
        let FieldKind::Choice(options) = &self.kind else { return false };
        if options.len() < 2 {
            return false;
        }
        let at = options.iter().position(|o| *o == self.value).unwrap_or(0);
        let n = options.len();
        let next = if forward { (at + 1) % n } else { (at + n - 1) % n };
        self.value = options[next].clone();
        true
    }
}

fn wipe(s: &mut String) {
    let mut bytes = std::mem::take(s).into_bytes();
    bytes.fill(0);
    std::hint::black_box(&bytes);
}

impl Drop for Field {
    fn drop(&mut self) {
        wipe(&mut self.value);
    }
}

impl fmt::Debug for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = match self.kind {
            FieldKind::Secret if !self.value.is_empty() => "****".to_owned(),
            _ => self.value.clone(),
        };
        f.debug_struct("Field").field("name", &self.name).field("value", &shown).field("file", &self.file).finish()
    }
}

/// Why the form's values were not sent: one line per field at fault, naming it, never a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub Vec<String>);

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}

/// The form for one provider's credential.
#[derive(Debug)]
pub struct AccountForm {
    /// The credential kind the descriptor declares: how the key-id and secret roles are used.
    pub kind: CredentialKind,
    /// The fields in focus order.
    pub fields: Vec<Field>,
    /// The index of the focused field.
    pub focus: usize,
    revision: u64,
}

impl AccountForm {
    /// Builds an empty form of `kind` with these resolved fields, in this order.
    pub fn new(kind: CredentialKind, fields: Vec<credential::Field>) -> Self {
        AccountForm { kind, fields: fields.into_iter().map(Field::new).collect(), focus: 0, revision: 0 }
    }

    /// Builds the empty form of a descriptor's credential: its declared fields, or the fields
    /// its preset expands to (access key id and secret, or user name and password, then the
    /// endpoint or auth URL when it has one), the list `account validate` reads.
    pub fn for_descriptor(d: &Descriptor) -> Self {
        AccountForm::new(d.credential.kind, d.credential.resolved_fields())
    }

    /// Returns the focused field; `None` only for a form without fields.
    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// A number that changes whenever a value or a file check changes: a refusal made at one
    /// revision holds until the next.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn changed(&mut self, changed: bool) {
        if changed {
            self.revision += 1;
        }
    }

    /// Applies an edit to the focused field; the file check of an edited field is dropped.
    fn edit(&mut self, f: impl FnOnce(&mut Field) -> bool) {
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        let changed = f(field);
        if changed {
            field.edited();
        }
        self.changed(changed);
    }

    /// Tells whether anything was typed, pasted, picked or toggled in any field.
    pub fn has_content(&self) -> bool {
        self.fields.iter().any(Field::is_changed)
    }

    /// Checks the focused field when it is a file, as it loses the focus.
    fn leave_focused(&mut self) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            let changed = field.check_file();
            self.changed(changed);
        }
    }

    /// Moves the focus to the next field, wrapping around.
    pub fn next(&mut self) {
        self.leave_focused();
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    /// Moves the focus to the previous field, wrapping around.
    pub fn prev(&mut self) {
        self.leave_focused();
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Types or pastes text into the focused field, when it takes text.
    pub fn insert(&mut self, text: &str) {
        self.edit(|f| f.push_str(text));
    }

    /// Deletes the last character of the focused field.
    pub fn backspace(&mut self) {
        self.edit(Field::pop);
    }

    /// Empties the focused field.
    pub fn clear_focused(&mut self) {
        self.edit(Field::clear);
    }

    /// Turns the focused yes/no field on or off.
    pub fn toggle_focused(&mut self) {
        self.edit(Field::toggle);
    }

    /// Picks the next (or previous) value of the focused choice, wrapping around.
    pub fn cycle_focused(&mut self, forward: bool) {
        self.edit(|f| f.cycle(forward));
    }

    /// Checks every file field's path.
    pub fn check_files(&mut self) {
        let changed = self.fields.iter_mut().fold(false, |any, f| f.check_file() | any);
        self.changed(changed);
    }

    /// Builds the credential to validate, the way `account validate` does: the given values
    /// (`field=value`) go through `field_values::complete` (required fields, per-kind checks,
    /// defaults) and `field_values::credential` (roles onto the credential). File fields are
    /// checked first; a file that is missing, not a regular file or unreadable is refused.
    /// `endpoint_elsewhere` says the `[validation]` section has an endpoint, so the endpoint
    /// field may stay empty. On refusal, nothing is built and every fault is named.
    pub fn credential(&mut self, endpoint_elsewhere: bool) -> Result<Credential, Refusal> {
        self.check_files();
        let decls: Vec<credential::Field> = self.fields.iter().map(|f| f.decl.clone()).collect();
        let mut given: Vec<(String, String)> = self.fields.iter().filter_map(|f| f.given().map(|v| (f.name.clone(), v))).collect();
        let completed = field_values::complete(&decls, &given, endpoint_elsewhere);
        for (_, value) in &mut given {
            wipe(value);
        }
        let file_faults: Vec<(&Field, String)> = self.fields.iter().filter_map(|f| f.file.refusal(&f.value).map(|why| (f, why))).collect();
        let problems = match completed {
            Ok(values) if file_faults.is_empty() => return Ok(field_values::credential(self.kind, values)),
            Ok(_) => Vec::new(),
            Err(e) => e.0,
        };
        let field = |name: &str| self.fields.iter().find(|f| f.name == name);
        let named = |name: &str| field(name).map_or_else(|| format!("`{name}`"), |f| format!("{} (`{name}`)", f.label));
        let mut lines: Vec<String> = problems
            .iter()
            .filter(|p| !matches!(p, Problem::Refused { field, .. } if file_faults.iter().any(|(f, _)| f.name == *field)))
            .map(|p| match p {
                Problem::Missing { field, .. } => format!("{} is required", named(field)),
                Problem::Refused { field, why } => format!("{}: {why}", named(field)),
                other => other.to_string(),
            })
            .collect();
        lines.extend(file_faults.iter().map(|(f, why)| format!("{}: {why}", named(&f.name))));
        // In the order of the form, so the message reads top to bottom like the fields.
        let position = |line: &String| self.fields.iter().position(|f| line.contains(&format!("(`{}`)", f.name))).unwrap_or(usize::MAX);
        lines.sort_by_key(position);
        Err(Refusal(lines))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERY_KIND: &str = r#"schema = 1
id = "acme"
brand = "Acme"
env = "private"

[[credential.fields]]
name = "tenancy_ocid"
role = "key_id"
help = "the tenancy of the account"

[[credential.fields]]
name = "api_key"
kind = "secret"
role = "secret"

[[credential.fields]]
name = "key_file"
kind = "file"
required = false

[[credential.fields]]
name = "auth_url"
kind = "url"
role = "endpoint"

[[credential.fields]]
name = "region"
kind = "choice"
values = ["eu-1", "us-1", "ap-1"]
default = "us-1"
role = "region"

[[credential.fields]]
name = "insecure"
kind = "bool"
required = false

[[credential.fields]]
name = "project"
required = false
default = "admin"
role = "project"
"#;

    fn descriptor(text: &str) -> Descriptor {
        Descriptor::parse(std::path::Path::new("acme.toml"), text).expect("the test descriptor parses")
    }

    fn form() -> AccountForm {
        AccountForm::for_descriptor(&descriptor(EVERY_KIND))
    }

    fn fill(f: &mut AccountForm, name: &str, text: &str) {
        f.focus = f.fields.iter().position(|x| x.name == name).unwrap();
        f.clear_focused();
        f.insert(text);
    }

    #[test]
    fn presets_give_the_fields_they_always_gave() {
        let labels = |text: &str| {
            let form = AccountForm::for_descriptor(&descriptor(text));
            form.fields.iter().map(|f| (f.label.clone(), f.kind.clone(), f.placeholder.clone())).collect::<Vec<_>>()
        };
        let head = "schema = 1\nid = \"acme\"\nbrand = \"Acme\"\nenv = \"private\"\n[credential]\n";
        let endpoint = Some("(empty: the descriptor's endpoint is used)".to_owned());
        assert_eq!(
            labels(&format!("{head}kind = \"access_key\"\nendpoint = \"endpoint\"\n")),
            [
                ("Access key id".into(), FieldKind::Text, None),
                ("Access key secret".into(), FieldKind::Secret, None),
                ("Endpoint".into(), FieldKind::Url, endpoint.clone())
            ]
        );
        assert_eq!(
            labels(&format!("{head}kind = \"user_password\"\nendpoint = \"auth_url\"\n")),
            [("Username".into(), FieldKind::Text, None), ("Password".into(), FieldKind::Secret, None), ("Auth URL".into(), FieldKind::Url, endpoint)]
        );
        let form = AccountForm::for_descriptor(&descriptor(&format!("{head}kind = \"user_password\"\n")));
        assert!(form.fields.iter().all(|f| f.help.is_none()), "a preset's help repeats its label");
    }

    #[test]
    fn declared_fields_give_labels_help_defaults_and_kinds() {
        let f = form();
        let shown: Vec<(&str, String)> = f.fields.iter().map(|x| (x.label.as_str(), x.display())).collect();
        assert_eq!(
            shown,
            [
                ("Tenancy OCID", String::new()),
                ("API key", String::new()),
                ("Key file", String::new()),
                ("Auth URL", String::new()),
                ("Region", "‹ us-1 ›".into()),
                ("Insecure", "[ ] no".into()),
                ("Project", String::new()),
            ]
        );
        assert_eq!(f.fields[0].help.as_deref(), Some("the tenancy of the account"));
        assert_eq!(f.fields[2].placeholder.as_deref(), Some("(optional)"));
        assert_eq!(f.fields[6].placeholder.as_deref(), Some("(empty: admin)"));
        assert!(!f.has_content(), "defaults are not typed input");
    }

    #[test]
    fn each_kind_edits_and_shows_its_own_way() {
        let mut f = form();
        f.insert("ocid1");
        f.next();
        f.insert("s3cret\n");
        assert_eq!(f.focused().unwrap().display(), "••••••");
        f.focus = 4;
        f.insert("x");
        f.backspace();
        f.clear_focused();
        assert_eq!(f.focused().unwrap().display(), "‹ us-1 ›", "a choice takes no text");
        assert!(!f.focused().unwrap().can_erase());
        f.cycle_focused(true);
        assert_eq!(f.focused().unwrap().display(), "‹ ap-1 ›");
        f.cycle_focused(true);
        assert_eq!(f.focused().unwrap().display(), "‹ eu-1 ›", "the declared order, wrapping");
        f.cycle_focused(false);
        f.cycle_focused(false);
        assert!(!f.focused().unwrap().is_changed(), "back on the default");
        f.next();
        f.toggle_focused();
        assert_eq!(f.focused().unwrap().display(), "[x] yes");
        assert!(f.has_content());
        assert!(!format!("{f:?}").contains("s3cret"));
    }

    #[test]
    fn a_file_is_checked_when_it_loses_focus_and_edits_forget_the_check() {
        let mut f = form();
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("key.pem");
        std::fs::write(&key, "k").unwrap();
        fill(&mut f, "key_file", &dir.path().join("nope.pem").display().to_string());
        assert_eq!(f.fields[2].file, FileCheck::Unchecked, "typing does not touch the disk");
        f.next();
        assert_eq!(f.fields[2].file, FileCheck::Missing);
        fill(&mut f, "key_file", &dir.path().display().to_string());
        assert_eq!(f.fields[2].file, FileCheck::Unchecked);
        f.prev();
        assert_eq!(f.fields[2].file, FileCheck::NotAFile);
        fill(&mut f, "key_file", &key.display().to_string());
        f.next();
        assert_eq!(f.fields[2].file, FileCheck::Readable);
        assert_eq!(f.fields[2].file.status().as_deref(), Some("✔ readable file"));
    }

    #[test]
    fn submitting_names_every_fault_in_form_order_and_builds_nothing() {
        let mut f = form();
        fill(&mut f, "key_file", "/no/such/key.pem");
        fill(&mut f, "auth_url", "ftp://x");
        let refusal = f.credential(false).unwrap_err();
        assert_eq!(
            refusal.0,
            [
                "Tenancy OCID (`tenancy_ocid`) is required",
                "API key (`api_key`) is required",
                "Key file (`key_file`): no file at /no/such/key.pem",
                "Auth URL (`auth_url`): not an http(s) URL",
            ]
        );
        assert_eq!(f.fields[2].file, FileCheck::Missing, "submitting checks the file");
        fill(&mut f, "auth_url", "");
        let refusal = f.credential(true).unwrap_err();
        assert!(!refusal.to_string().contains("auth_url"), "the endpoint may come from [validation]: {refusal}");
    }

    #[test]
    fn submitting_maps_roles_as_account_validate_does() {
        let mut f = form();
        let file = tempfile::NamedTempFile::new().unwrap();
        fill(&mut f, "tenancy_ocid", "ocid1.tenancy");
        fill(&mut f, "api_key", "k-secret");
        fill(&mut f, "key_file", &file.path().display().to_string());
        fill(&mut f, "auth_url", " https://id.example/v3\n");
        f.focus = 5;
        f.toggle_focused();
        let cred = f.credential(false).unwrap();
        assert_eq!((cred.key_id_or_user.expose(), cred.secret.expose()), ("ocid1.tenancy", "k-secret"));
        assert_eq!((cred.endpoint.as_deref(), cred.region.as_deref(), cred.project.as_deref()), (Some("https://id.example/v3"), Some("us-1"), Some("admin")));
        let values: Vec<String> = cred.fields.iter().map(|v| format!("{}={}", v.name, v.shown())).collect();
        assert_eq!(values[3..], ["auth_url=https://id.example/v3", "region=us-1", "insecure=true", "project=admin"]);
    }

    #[test]
    fn an_optional_choice_without_default_starts_on_none_and_gives_nothing() {
        let text = EVERY_KIND.replace("default = \"us-1\"\nrole = \"region\"", "required = false");
        let mut f = AccountForm::for_descriptor(&descriptor(&text));
        assert_eq!(f.fields[4].display(), "‹ (none) ›");
        fill(&mut f, "tenancy_ocid", "t");
        fill(&mut f, "api_key", "k");
        fill(&mut f, "auth_url", "https://x.example");
        let cred = f.credential(false).unwrap();
        assert!(cred.fields.iter().all(|v| v.name != "region"));
    }

    #[test]
    fn a_changed_choice_or_flag_is_content_and_moves_the_revision() {
        let mut f = form();
        let start = f.revision();
        f.focus = 5;
        f.toggle_focused();
        assert!(f.has_content());
        f.toggle_focused();
        assert!(!f.has_content());
        f.focus = 4;
        f.cycle_focused(true);
        assert!(f.has_content());
        assert_eq!(f.revision(), start + 3);
        f.next();
        f.backspace();
        assert_eq!(f.revision(), start + 3, "moving and erasing nothing change nothing");
    }
}
