//! The account form: which fields a provider's credential needs (from the descriptor's
//! `[credential]` kind and endpoint), the text typed or pasted into them, the focus order, and
//! the [`Credential`] they make. Secret fields are rendered masked by the UI, print masked in
//! `Debug`, and have their bytes overwritten when they are cleared or dropped.

use std::fmt;

use integrate_codegen::Descriptor;
use integrate_codegen::descriptor::{CredentialKind, EndpointField};
use integrate_codegen::validation::Credential;

/// What a field holds, which decides how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A key id or user name, shown as typed.
    Identifier,
    /// A secret or password, never shown.
    Secret,
    /// An endpoint or auth URL, shown as typed.
    Url,
}

/// One input field of the form.
pub struct Field {
    /// The label shown before the field.
    pub label: &'static str,
    /// What the field holds.
    pub kind: FieldKind,
    value: String,
}

impl Field {
    fn new(label: &'static str, kind: FieldKind) -> Self {
        Field {
            label,
            kind,
            value: String::new(),
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

    /// Returns the text to draw: the value itself for identifiers and URLs, one `•` per
    /// character for secrets.
    pub fn display(&self) -> String {
        match self.kind {
            FieldKind::Secret => "•".repeat(self.len()),
            FieldKind::Identifier | FieldKind::Url => self.value.clone(),
        }
    }

    fn push_str(&mut self, text: &str) {
        // Pasted text often ends with a newline; control characters never belong in a key.
        self.value.extend(text.chars().filter(|c| !c.is_control()));
    }

    fn pop(&mut self) {
        self.value.pop();
    }

    fn clear(&mut self) {
        wipe(&mut self.value);
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
            .field("label", &self.label)
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
    /// Builds the empty form a descriptor's `[credential]` section asks for: access key id and
    /// secret, or user name and password, then the endpoint or auth URL when it has one.
    pub fn for_descriptor(d: &Descriptor) -> Self {
        let mut fields = match d.credential.kind {
            CredentialKind::AccessKey => {
                vec![
                    Field::new("Access key id", FieldKind::Identifier),
                    Field::new("Access key secret", FieldKind::Secret),
                ]
            }
            CredentialKind::UserPassword => vec![
                Field::new("Username", FieldKind::Identifier),
                Field::new("Password", FieldKind::Secret),
            ],
        };
        match d.credential.endpoint {
            EndpointField::None => {}
            EndpointField::Endpoint => fields.push(Field::new("Endpoint", FieldKind::Url)),
            EndpointField::AuthUrl => fields.push(Field::new("Auth URL", FieldKind::Url)),
        }
        AccountForm {
            kind: d.credential.kind,
            fields,
            focus: 0,
        }
    }

    /// Returns the focused field.
    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    /// Tells whether anything was typed or pasted into any field.
    pub fn has_content(&self) -> bool {
        self.fields.iter().any(|f| !f.is_empty())
    }

    /// Moves the focus to the next field, wrapping around.
    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    /// Moves the focus to the previous field, wrapping around.
    pub fn prev(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    /// Types or pastes text into the focused field.
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

    /// Builds the credential to validate; the endpoint field, when present and filled, is
    /// attached to it.
    pub fn credential(&self) -> Credential {
        let id = self.fields[0].value.clone();
        let secret = self.fields[1].value.clone();
        let cred = match self.kind {
            CredentialKind::AccessKey => Credential::access_key(id, secret),
            CredentialKind::UserPassword => Credential::user_password(id, secret),
        };
        match self.fields.get(2).map(|f| f.value.trim()) {
            Some(endpoint) if !endpoint.is_empty() => cred.with_endpoint(endpoint),
            _ => cred,
        }
    }
}
