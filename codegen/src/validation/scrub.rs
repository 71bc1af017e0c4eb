//! Removing secret values from every text that leaves the engine, in every spelling a server
//! may echo them in.
//!
//! This module owns the `Scrubber`. A server that echoes a credential rarely echoes it byte
//! for byte: Go's `encoding/json` writes `<` as `\u003c`, Python's writes `ä` as `\u00e4`, PHP
//! writes `/` as `\/`, a JSON string nested in another doubles the backslashes, forms and
//! query strings percent-encode (in either hex case, spaces as `+`), XML escapes `&` and `<`,
//! some services upper- or lower-case what they quote, and an `Authorization: Basic` echo
//! carries the value in base64 at any offset. Each registered value is therefore matched as a
//! case-insensitive pattern in which every character may take any of those spellings, plus its
//! base64 forms (standard and URL-safe alphabets, the three alignments, only the characters
//! that depend on the value alone). Longer values are replaced first.

use base64::Engine as _;
use regex::{Regex, RegexBuilder};

/// The fewest base64 characters a value's encoded form must keep to be scrubbed in that form:
/// 48 bits, so that an unrelated base64 text matches it by chance essentially never.
const BASE64_MIN_CHARS: usize = 8;

/// What a registered value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sensitivity {
    /// A secret, password or token: every spelling, base64 included, is replaced by `****`.
    Secret,
    /// A key id or user name: its text spellings are replaced by its mask.
    Identifier,
}

#[derive(Debug, Clone)]
struct Rule {
    /// The value as registered, for de-duplication and ordering.
    value: String,
    pattern: Regex,
    replacement: String,
    sensitivity: Sensitivity,
}

/// Removes secret values from texts before they leave the engine.
///
/// Every registered value is replaced, longest first, in all the spellings the module
/// documentation lists: secrets by `****`, key ids and user names by their mask (`AKIA****`).
#[derive(Debug, Default, Clone)]
pub(crate) struct Scrubber {
    rules: Vec<Rule>,
}

impl Scrubber {
    /// A scrubber for every value of `cred`: its secret and secret-kind fields as secrets, its
    /// key id or user name by its mask.
    pub fn for_credential(cred: &super::Credential) -> Self {
        let mut s = Scrubber::default();
        for secret in cred.secret_values() {
            s.add_secret(secret);
        }
        s.add_identifier(cred.key_id_or_user.expose(), &cred.key_id_or_user.masked());
        s
    }

    /// Registers a secret, password or token.
    pub fn add_secret(&mut self, value: &str) {
        self.add(value, "****", Sensitivity::Secret);
    }

    /// Registers a key id or user name with the mask that replaces it. Identifiers shorter
    /// than four characters are not secret enough to be worth mangling every word that happens
    /// to contain them (a user `u` would turn "refused" into "ref****sed"); secrets are always
    /// scrubbed.
    pub fn add_identifier(&mut self, value: &str, mask: &str) {
        if value.chars().count() >= 4 {
            self.add(value, mask, Sensitivity::Identifier);
        }
    }

    fn add(&mut self, value: &str, replacement: &str, sensitivity: Sensitivity) {
        if value.is_empty() || self.rules.iter().any(|r| r.value == value && r.sensitivity == sensitivity) {
            return;
        }
        let mut alternatives = vec![spelled(value)];
        if sensitivity == Sensitivity::Secret {
            alternatives.extend(base64_cores(value.as_bytes()).iter().map(|core| format!("(?-i:{})", regex::escape(core))));
        }
        let source = format!("(?i)(?:{})", alternatives.join("|"));
        let pattern = RegexBuilder::new(&source)
            .size_limit(64 << 20)
            .build()
            .unwrap_or_else(|_| Regex::new(&regex::escape(value)).expect("an escaped literal is a valid pattern"));
        self.rules.push(Rule { value: value.to_owned(), pattern, replacement: replacement.to_owned(), sensitivity });
        self.rules.sort_by_key(|r| std::cmp::Reverse(r.value.len()));
    }

    /// Returns `text` with every registered value replaced.
    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for rule in &self.rules {
            if rule.pattern.is_match(&out) {
                out = rule.pattern.replace_all(&out, regex::NoExpand(&rule.replacement)).into_owned();
            }
        }
        out
    }

    /// Tells whether `text` holds a registered secret (not merely an identifier) in any of
    /// its spellings: a child's environment variable that does is not passed on.
    pub fn holds_secret(&self, text: &str) -> bool {
        self.rules.iter().any(|r| r.sensitivity == Sensitivity::Secret && r.pattern.is_match(text))
    }

    /// Returns the scrubbed body as a one-line excerpt of at most
    /// [`EXCERPT_MAX_CHARS`](super::EXCERPT_MAX_CHARS) characters, or `None` for an empty body.
    pub fn excerpt(&self, body: &str) -> Option<String> {
        let scrubbed = self.scrub(body);
        let one_line = scrubbed.split_whitespace().collect::<Vec<_>>().join(" ");
        if one_line.is_empty() {
            return None;
        }
        Some(super::codes::truncate_chars(&one_line, super::EXCERPT_MAX_CHARS))
    }
}

/// The pattern of `value` in which each character may be written in any of its spellings.
fn spelled(value: &str) -> String {
    value.chars().map(|c| format!("(?:{})", spellings(c).join("|"))).collect()
}

/// The ways one character may appear in an echo: itself (in either case, by the pattern's
/// `(?i)`), a JSON `\u` escape or short escape behind any number of backslashes, its UTF-8
/// bytes percent-encoded, `+` for a space, and an XML or HTML character reference.
fn spellings(c: char) -> Vec<String> {
    let mut out = vec![regex::escape(c.encode_utf8(&mut [0; 4]))];
    let mut units = [0u16; 2];
    let escaped: Vec<String> = c.encode_utf16(&mut units).iter().map(|u| format!(r"\\+u{u:04x}")).collect();
    out.push(escaped.concat());
    let short = match c {
        '"' => Some(r#"\\+""#),
        '\\' => Some(r"\\+"),
        '/' => Some(r"\\+/"),
        '\n' => Some(r"\\+n"),
        '\t' => Some(r"\\+t"),
        '\r' => Some(r"\\+r"),
        '\u{8}' => Some(r"\\+b"),
        '\u{c}' => Some(r"\\+f"),
        _ => None,
    };
    out.extend(short.map(str::to_owned));
    let percent: String = c.encode_utf8(&mut [0; 4]).bytes().map(|b| format!("%{b:02x}")).collect();
    out.push(percent);
    if c == ' ' {
        out.push(r"\+".to_owned());
    }
    out.push(format!("&#0*{};", u32::from(c)));
    out.push(format!("&#x0*{:x};", u32::from(c)));
    let named = match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&apos;"),
        _ => None,
    };
    out.extend(named.map(str::to_owned));
    out
}

/// The parts of `value`'s base64 encodings that depend on `value` alone, whatever bytes
/// surround it: for each alphabet and each of the three byte alignments, the characters
/// whose six bits all come from `value`. Parts shorter than [`BASE64_MIN_CHARS`] are left out.
fn base64_cores(value: &[u8]) -> Vec<String> {
    let mut cores = Vec::new();
    for engine in [&base64::engine::general_purpose::STANDARD_NO_PAD, &base64::engine::general_purpose::URL_SAFE_NO_PAD] {
        for shift in 0..3usize {
            let mut bytes = vec![0u8; shift];
            bytes.extend_from_slice(value);
            let encoded = engine.encode(&bytes);
            let start = (8 * shift).div_ceil(6);
            let end = 8 * bytes.len() / 6;
            if end > start && end - start >= BASE64_MIN_CHARS {
                let core = encoded[start..end].to_owned();
                if !cores.contains(&core) {
                    cores.push(core);
                }
            }
        }
    }
    cores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(value: &str) -> Scrubber {
        let mut s = Scrubber::default();
        s.add_secret(value);
        s
    }

    #[test]
    fn the_raw_value_and_its_case_changes_are_replaced() {
        let s = secret("wJalrXUtnFEMI/K7MDENG");
        assert_eq!(s.scrub("key wJalrXUtnFEMI/K7MDENG!"), "key ****!");
        assert_eq!(s.scrub("KEY WJALRXUTNFEMI/K7MDENG"), "KEY ****");
        assert_eq!(s.scrub("key wjalrxutnfemi/k7mdeng"), "key ****");
    }

    #[test]
    fn json_escapes_of_any_depth_are_replaced() {
        let s = secret("p<a>ss&wo/rd\"ä😀");
        // Go's encoding/json, PHP's slash, Python's ensure_ascii, a JSON string inside a JSON string.
        for echo in [
            r#"p\u003ca\u003ess\u0026wo/rd\"ä😀"#,
            r#"p<a>ss&wo\/rd\"\u00e4\ud83d\ude00"#,
            r#"p\\u003ca\\u003ess\\u0026wo\\/rd\\\"\\u00E4\\uD83D\\uDE00"#,
        ] {
            assert_eq!(s.scrub(&format!("{{\"m\":\"{echo}\"}}")), "{\"m\":\"****\"}", "{echo}");
        }
    }

    #[test]
    fn percent_encoding_in_either_case_and_xml_references_are_replaced() {
        let s = secret("a b/c+d&e");
        for echo in ["a+b%2Fc%2Bd%26e", "a%20b%2fc%2bd%26e", "a b&#x2F;c&#43;d&amp;e", "A B/C+D&AMP;E"] {
            assert_eq!(s.scrub(&format!("<x>{echo}</x>")), "<x>****</x>", "{echo}");
        }
    }

    #[test]
    fn base64_at_every_alignment_and_in_both_alphabets_is_replaced() {
        let value = "s3cr3t-Passw0rd?>value";
        let s = secret(value);
        for prefix in ["", "u:", "us:", "use:"] {
            for engine in [&base64::engine::general_purpose::STANDARD, &base64::engine::general_purpose::URL_SAFE] {
                let encoded = engine.encode(format!("{prefix}{value}"));
                let scrubbed = s.scrub(&encoded);
                assert!(scrubbed.contains("****"), "{prefix}: {encoded} -> {scrubbed}");
                let left = scrubbed.replace("****", "");
                assert!(left.len() <= 8, "{prefix}: more than the edges of {encoded} survived: {scrubbed}");
            }
        }
    }

    #[test]
    fn identifiers_get_their_mask_and_do_not_count_as_secrets() {
        let mut s = Scrubber::default();
        s.add_identifier("AKIAIOSFODNN7EXAMPLE", "AKIA****");
        s.add_secret("top-secret-value");
        assert_eq!(s.scrub("akiaiosfodnn7example top-secret-value"), "AKIA**** ****");
        assert!(s.holds_secret("X=TOP-SECRET-VALUE"));
        assert!(!s.holds_secret("AKIAIOSFODNN7EXAMPLE"));
    }

    #[test]
    fn regex_syntax_in_a_value_is_literal() {
        let s = secret("a.b*c(d)[e]$");
        assert_eq!(s.scrub("aXbbc(d)[e]$ a.b*c(d)[e]$"), "aXbbc(d)[e]$ ****");
    }
}
