//! JSON text scanned with byte ranges: the top-level entries of one object, each with the
//! offsets of its key and value, so `yaml.json_entry` can splice an entry without re-printing
//! the object.

/// An entry found by [`scan_object`], as byte offsets of the scanned text.
#[derive(Debug, Clone, PartialEq)]
pub struct ScannedEntry {
    pub key: String,
    pub key_start: usize,
    pub value_start: usize,
    pub value_end: usize,
    pub value: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScannedObject {
    /// Offset just after the opening brace.
    pub open_end: usize,
    pub entries: Vec<ScannedEntry>,
}

/// Scans a JSON object's top-level entries with their byte ranges. Keys and values are decoded
/// with serde_json; `None` when the text is not one JSON object. Repeated keys are all kept.
pub fn scan_object(text: &str) -> Option<ScannedObject> {
    let b = text.as_bytes();
    let skip_ws = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut i = skip_ws(0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    let open_end = i + 1;
    i = skip_ws(open_end);
    let mut entries = Vec::new();
    if b.get(i) == Some(&b'}') {
        return (skip_ws(i + 1) == b.len()).then_some(ScannedObject { open_end, entries });
    }
    loop {
        let key_start = i;
        let key_end = skip_value(b, i)?;
        let key: String = serde_json::from_str(&text[key_start..key_end]).ok()?;
        i = skip_ws(key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        let value_start = skip_ws(i + 1);
        let value_end = skip_value(b, value_start)?;
        let value = serde_json::from_str(&text[value_start..value_end]).ok()?;
        entries.push(ScannedEntry { key, key_start, value_start, value_end, value });
        i = skip_ws(value_end);
        match b.get(i) {
            Some(b',') => i = skip_ws(i + 1),
            Some(b'}') => return (skip_ws(i + 1) == b.len()).then_some(ScannedObject { open_end, entries }),
            _ => return None,
        }
    }
}

/// The end of the JSON value starting at `i` (strings with escapes, nested containers, and
/// literals up to a delimiter).
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => {
            i += 1;
            while i < b.len() {
                match b[i] {
                    b'\\' => i += 2,
                    b'"' => return Some(i + 1),
                    _ => i += 1,
                }
            }
            None
        }
        b'{' | b'[' => {
            let mut depth = 0usize;
            while i < b.len() {
                match b[i] {
                    b'"' => {
                        i = skip_value(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            let start = i;
            while i < b.len() && !matches!(b[i], b',' | b'}' | b']') && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            (i > start).then_some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_entries_with_their_ranges() {
        let text = "{\n  \"a\": \"x\",\n  \"b\": {\"c\": [1, \"}\"]},\n  \"a\": 2\n}\n";
        let o = scan_object(text).unwrap();
        let keys: Vec<&str> = o.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["a", "b", "a"]);
        assert_eq!(&text[o.entries[1].value_start..o.entries[1].value_end], "{\"c\": [1, \"}\"]}");
        assert_eq!(o.entries[2].value, serde_json::json!(2));
    }

    #[test]
    fn refuses_what_is_not_one_object() {
        assert!(scan_object("[1]").is_none());
        assert!(scan_object("{\"a\": 1} x").is_none());
        assert!(scan_object("{\"a\" 1}").is_none());
        assert_eq!(scan_object(" {} ").unwrap().entries.len(), 0);
    }
}
