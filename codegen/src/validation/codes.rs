//! Reading an answer: error codes, code lists, the verdict, and scrubbing.
//!
//! This module owns everything the engine does with an HTTP answer once it
//! has arrived: finding the error code and message in XML or JSON bodies
//! ([`extract_error`]), matching codes against a descriptor list
//! ([`code_matches`]) and deciding the [`Outcome`]. Secrets are removed from
//! the texts handed back by `scrub`.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::outcome::{KeyFault, Outcome};
use super::spec::{Scheme, ValidationSpec};

/// The longest excerpt of an answer a report carries, in characters.
pub const EXCERPT_MAX_CHARS: usize = 300;

/// The error code and message found in an answer body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The error code, such as `SignatureDoesNotMatch` or `Unauthorized`.
    pub code: Option<String>,
    /// The human-readable message next to it.
    pub message: Option<String>,
}

/// The places a JSON error code is looked for, in order, after the descriptor's `code_pointer`.
const JSON_CODE_POINTERS: &[&str] = &[
    "/code",
    "/Code",
    "/error/code",
    "/Error/Code",
    "/__type",
    "/error/title",
    "/class",
    "/errors/0/code",
    "/error",
];

/// The places a JSON error message is looked for, in order.
const JSON_MESSAGE_POINTERS: &[&str] = &[
    "/message",
    "/Message",
    "/error/message",
    "/Error/Message",
    "/error_description",
    "/errors/0/message",
    "/errorMessage",
    "/details",
];

static XML_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<Code>\s*(.*?)\s*</Code>").expect("valid regex"));
static XML_MESSAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<Message>\s*(.*?)\s*</Message>").expect("valid regex"));

/// Finds the error code and message in an XML or JSON answer body.
///
/// XML bodies give the first `<Code>` and `<Message>` elements (the AWS
/// query and REST-XML protocols). JSON bodies are searched at
/// `code_pointer` first, then at `code`, `Code`, `error.code`, `Error.Code`,
/// `__type` (with any `namespace#` prefix removed), `error.title` (Keystone),
/// `class` (cloudpods: `{"code":401,"class":"WrongPassword","details":...}`),
/// `errors[0].code` and a string `error` (OAuth). Only strings count as
/// codes at the built-in places, so Keystone's numeric `error.code` gives way
/// to its `error.title`; at `code_pointer` numbers and booleans count too.
pub fn extract_error(body: &str, code_pointer: Option<&str>) -> ErrorInfo {
    let trimmed = body.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let Ok(json) = serde_json::from_str::<Value>(trimmed) else {
            return ErrorInfo::default();
        };
        let mut code = code_pointer.and_then(|p| match json.pointer(p) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(Value::Bool(b)) => Some(b.to_string()),
            _ => None,
        });
        if code.is_none() {
            code = JSON_CODE_POINTERS
                .iter()
                .find_map(|p| match json.pointer(p) {
                    Some(Value::String(s)) if !s.trim().is_empty() => Some(if *p == "/__type" {
                        s.rsplit('#').next().unwrap_or(s).to_owned()
                    } else {
                        s.clone()
                    }),
                    _ => None,
                });
        }
        let message = JSON_MESSAGE_POINTERS
            .iter()
            .find_map(|p| match json.pointer(p) {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
                _ => None,
            });
        return ErrorInfo {
            code: code.map(|c| c.trim().to_owned()),
            message,
        };
    }
    if trimmed.starts_with('<') {
        let grab = |re: &Regex| {
            re.captures(trimmed)
                .and_then(|c| c.get(1))
                .map(|m| xml_unescape(m.as_str()))
                .filter(|s| !s.is_empty())
        };
        return ErrorInfo {
            code: grab(&XML_CODE),
            message: grab(&XML_MESSAGE),
        };
    }
    ErrorInfo::default()
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Tells whether `code` is in `list`: an exact match, or a prefix match for
/// an entry ending in `*` (`"Invalid*"` matches `InvalidClientTokenId`).
pub fn code_matches(code: &str, list: &[String]) -> bool {
    list.iter().any(|entry| match entry.strip_suffix('*') {
        Some(prefix) => !prefix.is_empty() && code.starts_with(prefix),
        None => entry == code,
    })
}

/// AWS codes for a key id the service does not know.
const AWS_UNKNOWN_KEY_CODES: &[&str] = &[
    "InvalidClientTokenId",
    "InvalidAccessKeyId",
    "UnrecognizedClientException",
];
/// AWS codes for a known key id whose secret is wrong.
const AWS_WRONG_SECRET_CODES: &[&str] = &["SignatureDoesNotMatch", "InvalidSignatureException"];
/// AWS codes for a rejected access key that do not say which part is wrong.
const AWS_UNSPECIFIED_KEY_CODES: &[&str] = &["AuthFailure"];

/// Returns which part of the key a code blames, for the codes whose meaning is documented.
pub fn key_fault_for(scheme: Scheme, code: &str) -> KeyFault {
    if scheme == Scheme::AwsSigv4 {
        if AWS_UNKNOWN_KEY_CODES.contains(&code) {
            return KeyFault::UnknownKeyId;
        }
        if AWS_WRONG_SECRET_CODES.contains(&code) {
            return KeyFault::WrongSecret;
        }
    }
    KeyFault::Unspecified
}

/// Tells whether a code is one the scheme documents as a rejected credential,
/// so that it is recognised even when the descriptor's list omits it.
fn builtin_invalid_code(scheme: Scheme, code: &str) -> bool {
    scheme == Scheme::AwsSigv4
        && (AWS_UNKNOWN_KEY_CODES.contains(&code)
            || AWS_WRONG_SECRET_CODES.contains(&code)
            || AWS_UNSPECIFIED_KEY_CODES.contains(&code))
}

/// An HTTP answer as received.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Whether an answer meets the scheme's definition of success.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Success {
    /// Success; the token the answer issued, if the scheme issues one.
    Yes(Option<String>),
    /// A 2xx answer that lacks what the scheme requires; the text says what.
    Incomplete(String),
    /// Not a success status.
    No,
}

/// Applies the scheme's success rule to an answer.
pub(crate) fn check_success(spec: &ValidationSpec, answer: &Answer) -> Success {
    if !(200..300).contains(&answer.status) {
        return Success::No;
    }
    match spec.scheme {
        Scheme::KeystoneV3Password => {
            let token = answer
                .header("x-subject-token")
                .filter(|t| !t.trim().is_empty());
            // OpenStack's Keystone answers 201 Created, cloudpods' 200 OK
            // (pkg/keystone/tokens/handlers.go sends the token with SendJSON).
            match (answer.status, token) {
                (200 | 201, Some(t)) => Success::Yes(Some(t.to_owned())),
                (s @ (200 | 201), None) => Success::Incomplete(format!(
                    "HTTP {s} without an X-Subject-Token header"
                )),
                (s, _) => Success::Incomplete(format!(
                    "HTTP {s} where Keystone answers a password authentication with 201 (or 200)"
                )),
            }
        }
        Scheme::FormLogin => {
            let from_header = spec
                .token_header
                .as_deref()
                .and_then(|h| answer.header(h))
                .filter(|t| !t.trim().is_empty())
                .map(str::to_owned);
            let from_body = || {
                let pointer = spec.token_pointer.as_deref()?;
                let json: Value = serde_json::from_str(answer.body.trim()).ok()?;
                match json.pointer(pointer)? {
                    Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
                    _ => None,
                }
            };
            match from_header.or_else(from_body) {
                Some(token) => Success::Yes(Some(token)),
                None => {
                    let mut places = Vec::new();
                    if let Some(p) = &spec.token_pointer {
                        places.push(format!("at JSON pointer {p}"));
                    }
                    if let Some(h) = &spec.token_header {
                        places.push(format!("in header {h}"));
                    }
                    Success::Incomplete(format!(
                        "HTTP {} without a token {}",
                        answer.status,
                        places.join(" or ")
                    ))
                }
            }
        }
        Scheme::AwsSigv4 | Scheme::HttpBasic | Scheme::Bearer => Success::Yes(None),
    }
}

/// Every token the answer carries where the scheme issues one (`X-Subject-Token`, the
/// `token_header`, the value at `token_pointer`), whatever the verdict: they are secrets even
/// in an answer that is not a success (cloudpods' Keystone also repeats its token in the body).
pub(crate) fn issued_tokens(spec: &ValidationSpec, answer: &Answer) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut push = |t: &str| {
        let t = t.trim();
        if !t.is_empty() && !tokens.iter().any(|x| x == t) {
            tokens.push(t.to_owned());
        }
    };
    if let Some(t) = answer.header("x-subject-token") {
        push(t);
    }
    if let Some(t) = spec.token_header.as_deref().and_then(|h| answer.header(h)) {
        push(t);
    }
    if let Some(pointer) = spec.token_pointer.as_deref()
        && let Ok(json) = serde_json::from_str::<Value>(answer.body.trim())
        && let Some(Value::String(t)) = json.pointer(pointer)
    {
        push(t);
    }
    tokens
}

/// Decides the outcome of an answer whose texts were already scrubbed.
pub(crate) fn decide(
    spec: &ValidationSpec,
    status: u16,
    success: &Success,
    info: &ErrorInfo,
    excerpt: Option<&str>,
) -> Outcome {
    match success {
        Success::Yes(_) => return Outcome::Valid,
        Success::Incomplete(_) => {
            return Outcome::Unexpected {
                status: Some(status),
                excerpt: excerpt.unwrap_or_default().to_owned(),
            };
        }
        Success::No => {}
    }
    if let Some(code) = info.code.as_deref() {
        if code_matches(code, &spec.invalid_key_codes) || builtin_invalid_code(spec.scheme, code) {
            return Outcome::InvalidAccessKey {
                which: key_fault_for(spec.scheme, code),
                code: info.code.clone(),
                message: info.message.clone(),
            };
        }
        if code_matches(code, &spec.effective_forbidden_codes()) {
            return Outcome::Forbidden {
                code: info.code.clone(),
                message: info.message.clone(),
            };
        }
    }
    match status {
        401 => Outcome::InvalidAccessKey {
            which: KeyFault::Unspecified,
            code: info.code.clone(),
            message: info.message.clone(),
        },
        403 => Outcome::Forbidden {
            code: info.code.clone(),
            message: info.message.clone(),
        },
        _ => Outcome::Unexpected {
            status: Some(status),
            excerpt: excerpt.unwrap_or_default().to_owned(),
        },
    }
}

/// Cuts `text` to at most `max` characters, ending with `…` when it was cut.
pub(crate) fn truncate_chars(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
