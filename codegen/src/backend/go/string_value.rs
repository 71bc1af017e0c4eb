//! Go string literals read as the value they denote, so that two spellings of one value compare
//! equal: a raw string (`` `vmware` ``), an interpreted one (`"vmware"`) and one with escapes
//! (`"\x76mware"`) are all the same element of a list, key of a map or value of a case, as the
//! compiler sees them. [`canonical`] gives every spelling of a value one text.

/// Where the string or rune literal starting at byte `start` of `code` ends (the byte after its
/// closing quote), or `None` when `code[start..]` does not start one or it is not closed.
pub fn literal_end(code: &str, start: usize) -> Option<usize> {
    let bytes = code.as_bytes();
    let quote = *bytes.get(start)?;
    match quote {
        b'`' => code[start + 1..].find('`').map(|i| start + 1 + i + 1),
        b'"' | b'\'' => {
            let mut i = start + 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'\n' => return None,
                    b if b == quote => return Some(i + 1),
                    _ => i += 1,
                }
            }
            None
        }
        _ => None,
    }
}

/// The bytes a string literal (raw or interpreted, quotes included) denotes, or `None` when
/// `literal` is not one, or has an escape Go rejects.
pub fn value(literal: &str) -> Option<Vec<u8>> {
    if let Some(raw) = literal.strip_prefix('`').and_then(|l| l.strip_suffix('`')) {
        // Carriage returns are discarded from a raw string's value.
        return (!raw.contains('`')).then(|| raw.bytes().filter(|b| *b != b'\r').collect());
    }
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = Vec::with_capacity(inner.len());
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        let (_, e) = chars.next()?;
        let simple = match e {
            'a' => Some(0x07),
            'b' => Some(0x08),
            'f' => Some(0x0c),
            'n' => Some(b'\n'),
            'r' => Some(b'\r'),
            't' => Some(b'\t'),
            'v' => Some(0x0b),
            '\\' => Some(b'\\'),
            '"' => Some(b'"'),
            _ => None,
        };
        if let Some(b) = simple {
            out.push(b);
            continue;
        }
        let digits = |n: usize, radix: u32| -> Option<u32> {
            let start = i + 2;
            let s = inner.get(start..start + n)?;
            if s.len() != n || !s.chars().all(|d| d.is_digit(radix)) {
                return None;
            }
            u32::from_str_radix(s, radix).ok()
        };
        let skip = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, n: usize| {
            for _ in 0..n {
                chars.next();
            }
        };
        match e {
            'x' => {
                out.push(u8::try_from(digits(2, 16)?).ok()?);
                skip(&mut chars, 2);
            }
            '0'..='7' => {
                // Three octal digits, the first being `e`.
                let v = u32::from_str_radix(inner.get(i + 1..i + 4)?, 8).ok()?;
                out.push(u8::try_from(v).ok()?);
                skip(&mut chars, 2);
            }
            'u' | 'U' => {
                let n = if e == 'u' { 4 } else { 8 };
                let c = char::from_u32(digits(n, 16)?)?;
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                skip(&mut chars, n);
            }
            _ => return None,
        }
    }
    Some(out)
}

/// One text for every spelling of the string literal `literal`: the value, interpreted-quoted
/// with `\"`, `\\` and `\xHH` for every byte that is not printable ASCII (the same value gives
/// the same text); `None` when `literal` is not a string literal.
pub fn canonical(literal: &str) -> Option<String> {
    let bytes = value(literal)?;
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for b in bytes {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('"');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_value_are_one_text() {
        let want = canonical("\"vmware\"").unwrap();
        for spelling in [
            "`vmware`",
            "\"\\x76mware\"",
            "\"\\166mware\"",
            "\"\\u0076mware\"",
            "`vm\rware`",
        ] {
            assert_eq!(
                canonical(spelling).as_deref(),
                Some(want.as_str()),
                "{spelling}"
            );
        }
        assert_ne!(canonical("\"vmware \"").unwrap(), want);
        assert_eq!(
            canonical("`a\"b\\`").unwrap(),
            canonical("\"a\\\"b\\\\\"").unwrap()
        );
        assert_eq!(
            canonical("\"é\"").unwrap(),
            canonical("\"\\u00e9\"").unwrap()
        );
    }

    #[test]
    fn what_is_not_a_string_literal_has_no_value() {
        assert_eq!(canonical("vmware"), None);
        assert_eq!(canonical("\"\\q\""), None);
        assert_eq!(canonical("'a'"), None);
    }

    #[test]
    fn literal_ends_skip_escaped_quotes() {
        assert_eq!(literal_end("\"a\\\"b\" + c", 0), Some(6));
        assert_eq!(literal_end("`a\"b` c", 0), Some(5));
        assert_eq!(literal_end("'\"' x", 0), Some(3));
        assert_eq!(literal_end("\"open", 0), None);
    }
}
