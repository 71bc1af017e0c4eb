//! The account form: a list of fields, each with a name (its key in the descriptor), a label
//! and a kind (text, secret, file, URL, choice, yes/no), what was typed or pasted into the text
//! fields and picked in the others, the focus order, and the [`Credential`] they make. The
//! fields come from the descriptor's `[credential]` kind and endpoint today
//! ([`AccountForm::for_descriptor`]); any list of [`FieldSpec`]s builds a form
//! ([`AccountForm::new`]). Secret fields are rendered masked by the UI, print masked in
//! `Debug`, and have their bytes overwritten when they are cleared or dropped.

use std::fmt;

use integrate_codegen::Descriptor;
use integrate_codegen::descriptor::{CredentialKind, EndpointField};
use integrate_codegen::validation::Credential;

/// What a field holds, which decides how it is shown and edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// A key id, user name or other plain text, shown as typed.
    Text,
    /// A secret or password, never shown.
    Secret,
    /// The path of a file, shown as typed.
    File,
    /// An endpoint or auth URL, shown as typed.
    Url,
    /// One of a fixed list of values, picked with ←/→; the first is the default.
    Choice(Vec<String>),
    /// Yes or no, toggled with space; no is the default.
    Bool,
}

impl FieldKind {
    /// Tells whether the field takes typed text.
    pub fn is_text(&self) -> bool {
        matches!(
            self,
            FieldKind::Text | FieldKind::Secret | FieldKind::File | FieldKind::Url
        )
    }
}

/// How to build one field: its name, its label, its kind, and the text shown while it is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field's key in the descriptor.
    pub name: String,
    /// The label shown before the field.
    pub label: String,
    /// What the field holds.
    pub kind: FieldKind,
    /// What an empty field means, shown in its place.
    pub placeholder: Option<String>,
}

impl FieldSpec {
    /// A field without a placeholder.
    pub fn new(name: &str, label: &str, kind: FieldKind) -> Self {
        FieldSpec {
            name: name.to_owned(),
            label: label.to_owned(),
            kind,
            placeholder: None,
        }
    }

    /// The same field, showing `text` while it is empty.
    pub fn placeholder(mut self, text: &str) -> Self {
        self.placeholder = Some(text.to_owned());
        self
    }
}

/// One input field of the form.
pub struct Field {
    /// The field's key in the descriptor.
    pub name: String,
    /// The label shown before the field.
    pub label: String,
    /// What the field holds.
    pub kind: FieldKind,
    /// What an empty field means, shown in its place.
    pub placeholder: Option<String>,
    value: String,
    initial: String,
}

impl Field {
    fn new(spec: FieldSpec) -> Self {
        let initial = match &spec.kind {
            FieldKind::Choice(options) => options.first().cloned().unwrap_or_default(),
            FieldKind::Bool => "false".to_owned(),
            _ => String::new(),
        };
        Field {
            name: spec.name,
            label: spec.label,
            kind: spec.kind,
            placeholder: spec.placeholder,
            value: initial.clone(),
            initial,
        }
    }

    /// Returns the number of characters typed, which is all a masked field reveals.
    pub fn len(&self) -> usize {
        self.value.chars().count()
    }

    /// Tells whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
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
            FieldKind::Choice(_) => format!("‹ {} ›", self.value),
            FieldKind::Text | FieldKind::File | FieldKind::Url => self.value.clone(),
        }
    }

    fn push_str(&mut self, text: &str) {
        if self.kind.is_text() {
            // Pasted text often ends with a newline; control characters never belong in a key.
            self.value.extend(text.chars().filter(|c| !c.is_control()));
        }
    }

    fn pop(&mut self) {
        if self.kind.is_text() {
            self.value.pop();
        }
    }

    fn clear(&mut self) {
        if self.kind.is_text() {
            wipe(&mut self.value);
        }
    }

    fn toggle(&mut self) {
        if self.kind == FieldKind::Bool {
            let on = self.value == "true";
            self.value = (!on).to_string();
        }
    }

    fn cycle(&mut self, forward: bool) {
        if let FieldKind::Choice(options) = &self.kind {
            if options.is_empty() {
                return;
            }
            let at = options.iter().position(|o| *o == self.value).unwrap_or(0);
            let n = options.len();
            let next = if forward {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            };
            self.value = options[next].clone();
        }
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
        f.debug_struct("Field")
            .field("name", &self.name)
            .field("value", &shown)
            .finish()
    }
}

/// The form for one provider's credential.
#[derive(Debug)]
pub struct AccountForm {
    /// The credential kind the descriptor declares.
    pub kind: CredentialKind,
    /// The fields in focus order.
    pub fields: Vec<Field>,
    /// The index of the focused field.
    pub focus: usize,
}

impl AccountForm {
    /// Builds an empty form of `kind` with these fields, in this order.
    pub fn new(kind: CredentialKind, fields: Vec<FieldSpec>) -> Self {
        AccountForm {
            kind,
            fields: fields.into_iter().map(Field::new).collect(),
            focus: 0,
        }
    }

    /// Builds the empty form a descriptor's `[credential]` section asks for: access key id and
    /// secret, or user name and password, then the endpoint or auth URL when it has one.
    pub fn for_descriptor(d: &Descriptor) -> Self {
        let mut fields = match d.credential.kind {
            CredentialKind::AccessKey => vec![
                FieldSpec::new("access_key_id", "Access key id", FieldKind::Text),
                FieldSpec::new("access_key_secret", "Access key secret", FieldKind::Secret),
            ],
            CredentialKind::UserPassword => vec![
                FieldSpec::new("username", "Username", FieldKind::Text),
                FieldSpec::new("password", "Password", FieldKind::Secret),
            ],
        };
        let default = "(empty: the descriptor's endpoint is used)";
        match d.credential.endpoint {
            EndpointField::None => {}
            EndpointField::Endpoint => fields
                .push(FieldSpec::new("endpoint", "Endpoint", FieldKind::Url).placeholder(default)),
            EndpointField::AuthUrl => fields
                .push(FieldSpec::new("auth_url", "Auth URL", FieldKind::Url).placeholder(default)),
        }
        AccountForm::new(d.credential.kind, fields)
    }

    /// Returns the focused field.
    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    /// Tells whether anything was typed, pasted, picked or toggled in any field.
    pub fn has_content(&self) -> bool {
        self.fields.iter().any(Field::is_changed)
    }

    /// Moves the focus to the next field, wrapping around.
    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    /// Moves the focus to the previous field, wrapping around.
    pub fn prev(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    /// Types or pastes text into the focused field, when it takes text.
    pub fn insert(&mut self, text: &str) {
        self.fields[self.focus].push_str(text);
    }

    /// Deletes the last character of the focused field.
    pub fn backspace(&mut self) {
        self.fields[self.focus].pop();
    }

    /// Empties the focused field.
    pub fn clear_focused(&mut self) {
        self.fields[self.focus].clear();
    }

    /// Turns the focused yes/no field on or off.
    pub fn toggle_focused(&mut self) {
        self.fields[self.focus].toggle();
    }

    /// Picks the next (or previous) value of the focused choice, wrapping around.
    pub fn cycle_focused(&mut self, forward: bool) {
        self.fields[self.focus].cycle(forward);
    }

    /// The value of the first of `names` the form has.
    fn value(&self, names: &[&str]) -> Option<&str> {
        names
            .iter()
            .find_map(|n| self.fields.iter().find(|f| f.name == *n))
            .map(|f| f.value.as_str())
    }

    /// Builds the credential to validate; the endpoint or auth URL, when present and filled, is
    /// attached to it.
    pub fn credential(&self) -> Credential {
        let id = self
            .value(&["access_key_id", "username"])
            .unwrap_or_default()
            .to_owned();
        let secret = self
            .value(&["access_key_secret", "password"])
            .unwrap_or_default()
            .to_owned();
        let cred = match self.kind {
            CredentialKind::AccessKey => Credential::access_key(id, secret),
            CredentialKind::UserPassword => Credential::user_password(id, secret),
        };
        match self.value(&["endpoint", "auth_url"]).map(str::trim) {
            Some(endpoint) if !endpoint.is_empty() => cred.with_endpoint(endpoint),
            _ => cred,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> AccountForm {
        AccountForm::new(
            CredentialKind::AccessKey,
            vec![
                FieldSpec::new("access_key_id", "Access key id", FieldKind::Text),
                FieldSpec::new("access_key_secret", "Access key secret", FieldKind::Secret),
                FieldSpec::new("key_file", "Key file", FieldKind::File),
                FieldSpec::new(
                    "region",
                    "Region",
                    FieldKind::Choice(vec!["eu-1".into(), "us-1".into()]),
                ),
                FieldSpec::new("insecure", "Skip TLS", FieldKind::Bool),
            ],
        )
    }

    #[test]
    fn each_kind_edits_and_shows_its_own_way() {
        let mut f = form();
        assert!(!f.has_content(), "defaults are not typed input");
        f.insert("AKIA");
        f.next();
        f.insert("s3cret\n");
        assert_eq!(f.focused().display(), "••••••");
        f.next();
        f.insert("/tmp/key.json");
        assert_eq!(f.focused().display(), "/tmp/key.json");
        f.next();
        assert_eq!(f.focused().display(), "‹ eu-1 ›");
        f.insert("x");
        f.backspace();
        f.clear_focused();
        assert_eq!(f.focused().display(), "‹ eu-1 ›", "a choice takes no text");
        assert!(!f.focused().can_erase());
        f.cycle_focused(false);
        assert_eq!(f.focused().display(), "‹ us-1 ›");
        f.cycle_focused(true);
        assert!(!f.focused().is_changed());
        f.next();
        assert_eq!(f.focused().display(), "[ ] no");
        f.toggle_focused();
        assert_eq!(f.focused().display(), "[x] yes");
        assert!(f.focused().is_changed());
        let cred = f.credential();
        assert_eq!(cred.key_id_or_user.expose(), "AKIA");
        assert_eq!(cred.secret.expose(), "s3cret");
        assert_eq!(cred.endpoint, None);
        assert!(!format!("{f:?}").contains("s3cret"));
    }

    #[test]
    fn a_changed_choice_or_flag_is_content() {
        let mut f = form();
        f.focus = 4;
        f.toggle_focused();
        assert!(f.has_content());
        f.toggle_focused();
        assert!(!f.has_content());
        f.focus = 3;
        f.cycle_focused(true);
        assert!(f.has_content());
    }
}
