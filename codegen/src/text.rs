//! Byte offsets, lines and line endings: converting offsets to 1-based line/column positions,
//! detecting a file's line-ending style, and adapting inserted text to it so that an edit never
//! changes the bytes around it.

/// Line ending style of a file, detected from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    Lf,
    /// Every line break in the file is `\r\n`.
    CrLf,
}

impl LineEnding {
    /// A file counts as CRLF only when every `\n` is preceded by `\r`; mixed files are treated as
    /// LF, so text we insert uses `\n` and nothing already there is rewritten.
    pub fn detect(text: &str) -> Self {
        // The first `\n` without its `\r` settles it, so an LF file is decided on its first line.
        let bytes = text.as_bytes();
        let mut breaks = bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i).peekable();
        if breaks.peek().is_none() {
            return LineEnding::Lf;
        }
        if breaks.all(|i| i > 0 && bytes[i - 1] == b'\r') { LineEnding::CrLf } else { LineEnding::Lf }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
        }
    }
}

/// Converts a CRLF file to LF for processing; [`restore_line_endings`] undoes it exactly.
pub fn normalize_line_endings(text: &str, ending: LineEnding) -> String {
    match ending {
        LineEnding::Lf => text.to_string(),
        LineEnding::CrLf => text.replace("\r\n", "\n"),
    }
}

pub fn restore_line_endings(text: &str, ending: LineEnding) -> String {
    match ending {
        LineEnding::Lf => text.to_string(),
        LineEnding::CrLf => text.replace('\n', "\r\n"),
    }
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// 1-based (line, column) of a byte offset; the column counts characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (line_of(text, offset), text[line_start..offset].chars().count() + 1)
}

/// Byte offset of the start of the line containing `offset`.
pub fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// Byte offset just past the `\n` ending the line containing `offset` (or the end of the text).
pub fn line_end_inclusive(text: &str, offset: usize) -> usize {
    text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1)
}

/// The leading whitespace of the line containing `offset`.
pub fn indentation_at(text: &str, offset: usize) -> &str {
    let start = line_start(text, offset);
    let rest = &text[start..];
    let n = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    &rest[..n]
}

/// Re-indents a multi-line fragment: the first line is left alone (it is placed after existing
/// indentation), every following non-empty line gets `indent` prepended.
pub fn indent_continuation(fragment: &str, indent: &str) -> String {
    let mut out = String::with_capacity(fragment.len() + indent.len() * 4);
    for (i, line) in fragment.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_crlf_only_when_consistent() {
        assert_eq!(LineEnding::detect("a\r\nb\r\n"), LineEnding::CrLf);
        assert_eq!(LineEnding::detect("a\r\nb\n"), LineEnding::Lf);
        assert_eq!(LineEnding::detect("a"), LineEnding::Lf);
        assert_eq!(LineEnding::detect(""), LineEnding::Lf);
        assert_eq!(LineEnding::detect("\n"), LineEnding::Lf);
        assert_eq!(LineEnding::detect("\r\n"), LineEnding::CrLf);
        assert_eq!(LineEnding::detect("a\nb\r\n"), LineEnding::Lf);
        assert_eq!(LineEnding::detect("a\r\r\nb\r\n\r"), LineEnding::CrLf);
    }

    #[test]
    fn positions_are_one_based() {
        let t = "ab\ncdé\nx";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 7), (2, 4));
        assert_eq!(line_of(t, t.len()), 3);
    }

    #[test]
    fn continuation_lines_are_indented() {
        assert_eq!(indent_continuation("a{\n\tb,\n}", "\t\t"), "a{\n\t\t\tb,\n\t\t}");
    }
}
