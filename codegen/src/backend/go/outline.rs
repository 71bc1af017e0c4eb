//! A Go file cut into its top-level declarations by a lexical scan, so check can parse only
//! the declarations a point looks at. The scan knows Go's comments, string, raw string and
//! rune literals, brackets and automatic semicolons: a cut falls at the start of a line that
//! opens a top-level `func`, `var`, `const`, `type` or `import` declaration, outside every
//! bracket and literal, after a token that ends a statement. Any selection of whole chunks, in
//! order, is then itself a sequence of complete declarations, and tree-sitter parses just
//! those (its included ranges keep every node at its place in the whole file). The scan also
//! refuses what no Go parser accepts anywhere in the file: an unterminated literal or comment,
//! or brackets that do not match.

use std::ops::Range;

use tree_sitter::{Point, Range as TsRange};

/// The keywords that open a top-level declaration.
const DECLARATION_KEYWORDS: [&str; 5] = ["func", "var", "const", "type", "import"];

/// The chunks of one file: chunk 0 is everything before the first declaration (the package
/// clause and its comments); each further chunk is one or more whole top-level declarations
/// with the comments that follow them up to the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// Byte offset where each chunk starts (always a line start); the first is 0.
    starts: Vec<usize>,
    /// The 0-based row of each start.
    rows: Vec<usize>,
    /// The length of the text, where the last chunk ends.
    len: usize,
    /// The row and column of the text's end.
    end: Point,
    /// A lexical error: byte offset and what is wrong.
    pub error: Option<(usize, String)>,
}

impl Outline {
    /// Scans `src` (LF line endings).
    pub fn of(src: &str) -> Self {
        Scanner::new(src).run()
    }

    /// How many chunks the file has.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The byte range of chunk `i`.
    pub fn chunk(&self, i: usize) -> Range<usize> {
        self.starts[i]..self.starts.get(i + 1).copied().unwrap_or(self.len)
    }

    /// The chunk that holds byte `offset`.
    pub fn chunk_at(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// The chunks of `src` in which any of `words` occurs as a whole word (in code, a comment
    /// or a string: a few chunks too many cost a little parsing, one too few would hide a
    /// node), always with chunk 0. Sorted, without repeats.
    pub fn chunks_with_words(&self, src: &str, words: &[&str]) -> Vec<usize> {
        let mut chunks = vec![0];
        for word in words.iter().filter(|w| !w.is_empty()) {
            for (at, _) in src.match_indices(word) {
                let before = src[..at].chars().next_back();
                let after = src[at + word.len()..].chars().next();
                if before.is_some_and(is_identifier_char) || after.is_some_and(is_identifier_char) {
                    continue;
                }
                let chunk = self.starts.partition_point(|&s| s <= at) - 1;
                chunks.push(chunk);
            }
        }
        chunks.sort_unstable();
        chunks.dedup();
        chunks
    }

    /// tree-sitter's included ranges for `chunks` (sorted): adjacent chunks become one range.
    pub fn ranges(&self, chunks: &[usize]) -> Vec<TsRange> {
        let mut out: Vec<TsRange> = Vec::new();
        for &i in chunks {
            let start_byte = self.starts[i];
            let (end_byte, end_point) = match self.starts.get(i + 1) {
                Some(&next) => (next, Point { row: self.rows[i + 1], column: 0 }),
                None => (self.len, self.end),
            };
            match out.last_mut() {
                Some(last) if last.end_byte == start_byte => {
                    last.end_byte = end_byte;
                    last.end_point = end_point;
                }
                _ => out.push(TsRange { start_byte, end_byte, start_point: Point { row: self.rows[i], column: 0 }, end_point }),
            }
        }
        out
    }
}

fn is_identifier_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The one pass over the bytes of a file.
struct Scanner<'s> {
    src: &'s [u8],
    text: &'s str,
    pos: usize,
    row: usize,
    /// Open brackets: the byte and where it is.
    open: Vec<(u8, usize)>,
    /// Whether a newline here would end a statement (Go's automatic semicolon rule).
    semicolon_pending: bool,
    /// Whether the last top-level item has ended, so a declaration may start.
    terminated: bool,
    starts: Vec<usize>,
    rows: Vec<usize>,
}

impl<'s> Scanner<'s> {
    fn new(text: &'s str) -> Self {
        Self { src: text.as_bytes(), text, pos: 0, row: 0, open: Vec::new(), semicolon_pending: false, terminated: true, starts: vec![0], rows: vec![0] }
    }

    fn run(mut self) -> Outline {
        let error = self.scan().err();
        let error = error.or_else(|| self.open.last().map(|&(b, at)| (at, format!("`{}` is never closed", b as char))));
        let last_line = self.text.rfind('\n').map_or(0, |i| i + 1);
        let end = Point { row: self.row, column: self.src.len() - last_line };
        Outline { starts: self.starts, rows: self.rows, len: self.src.len(), end, error }
    }

    fn scan(&mut self) -> Result<(), (usize, String)> {
        while self.pos < self.src.len() {
            let b = self.src[self.pos];
            match b {
                b'\n' => {
                    self.newline();
                    self.pos += 1;
                    self.line_start();
                }
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'/' if self.peek(1) == Some(b'/') => {
                    // To the end of the line; the newline itself is handled above.
                    self.pos = self.find_from(self.pos, b'\n').unwrap_or(self.src.len());
                }
                b'/' if self.peek(1) == Some(b'*') => {
                    let start = self.pos;
                    let end = self.text[start + 2..].find("*/").map(|i| start + 2 + i + 2).ok_or((start, "a `/*` comment is never closed".to_string()))?;
                    let newlines = self.src[start..end].iter().filter(|&&c| c == b'\n').count();
                    self.pos = end;
                    if newlines > 0 {
                        // A comment spanning lines acts like a newline; `newline` counts the
                        // first of its lines.
                        self.newline();
                        self.row += newlines - 1;
                    }
                }
                b'"' | b'\'' => self.quoted(b)?,
                b'`' => {
                    let start = self.pos;
                    let end = self.find_from(start + 1, b'`').ok_or((start, "a raw string is never closed".to_string()))?;
                    self.row += self.src[start..end].iter().filter(|&&c| c == b'\n').count();
                    self.pos = end + 1;
                    self.token(true);
                }
                b'(' | b'[' | b'{' => {
                    self.open.push((b, self.pos));
                    self.pos += 1;
                    self.token(false);
                }
                b')' | b']' | b'}' => {
                    let want = match b {
                        b')' => b'(',
                        b']' => b'[',
                        _ => b'{',
                    };
                    match self.open.pop() {
                        Some((o, _)) if o == want => {}
                        Some((o, at)) => return Err((self.pos, format!("`{}` closes the `{}` opened at byte {at}", b as char, o as char))),
                        None => return Err((self.pos, format!("`{}` closes nothing", b as char))),
                    }
                    self.pos += 1;
                    self.token(true);
                }
                b';' => {
                    self.pos += 1;
                    self.token(false);
                    if self.open.is_empty() {
                        self.terminated = true;
                    }
                }
                b'+' | b'-' if self.peek(1) == Some(b) => {
                    self.pos += 2;
                    self.token(true);
                }
                c if c.is_ascii_digit() || (c == b'.' && self.peek(1).is_some_and(|d| d.is_ascii_digit())) => self.number(),
                c if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => {
                    let start = self.pos;
                    while self.pos < self.src.len() && (self.src[self.pos] == b'_' || self.src[self.pos].is_ascii_alphanumeric() || self.src[self.pos] >= 0x80) {
                        self.pos += 1;
                    }
                    let word = &self.text[start..self.pos];
                    let ends_statement = !is_keyword(word) || matches!(word, "break" | "continue" | "fallthrough" | "return");
                    self.token(ends_statement);
                }
                _ => {
                    self.pos += 1;
                    self.token(false);
                }
            }
        }
        Ok(())
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.pos + ahead).copied()
    }

    fn find_from(&self, from: usize, byte: u8) -> Option<usize> {
        self.src[from..].iter().position(|&c| c == byte).map(|i| from + i)
    }

    /// A token other than a comment: whether a newline right after it ends a statement.
    fn token(&mut self, ends_statement: bool) {
        self.semicolon_pending = ends_statement;
        self.terminated = false;
    }

    /// A newline (or a comment spanning lines) at the current position.
    fn newline(&mut self) {
        if self.semicolon_pending && self.open.is_empty() {
            self.terminated = true;
        }
        self.semicolon_pending = false;
        self.row += 1;
    }

    /// At the start of a line: cut here when it opens a top-level declaration.
    fn line_start(&mut self) {
        if !self.terminated || !self.open.is_empty() {
            return;
        }
        let rest = &self.src[self.pos..];
        let opens_declaration = DECLARATION_KEYWORDS.iter().any(|k| {
            rest.starts_with(k.as_bytes()) && rest.get(k.len()).is_none_or(|&c| !(c == b'_' || c.is_ascii_alphanumeric() || c >= 0x80))
        });
        if opens_declaration {
            self.starts.push(self.pos);
            self.rows.push(self.row);
        }
    }

    /// An interpreted string or a rune literal, on one line.
    fn quoted(&mut self, quote: u8) -> Result<(), (usize, String)> {
        let start = self.pos;
        let what = if quote == b'"' { "a string" } else { "a rune literal" };
        let mut i = start + 1;
        loop {
            match self.src.get(i) {
                None | Some(b'\n') => return Err((start, format!("{what} is never closed on its line"))),
                Some(b'\\') => i += 2,
                Some(&c) if c == quote => break,
                Some(_) => i += 1,
            }
        }
        self.pos = i + 1;
        self.token(true);
        Ok(())
    }

    /// A number literal: digits, letters (hex digits, prefixes, suffixes), `_`, `.` and the
    /// sign of an exponent.
    fn number(&mut self) {
        while let Some(c) = self.peek(0) {
            let exponent_sign = matches!(c, b'+' | b'-') && self.pos > 0 && matches!(self.src[self.pos - 1], b'e' | b'E' | b'p' | b'P') && !self.is_hex_before_exponent();
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || exponent_sign {
                self.pos += 1;
            } else {
                break;
            }
        }
        self.token(true);
    }

    /// In a hex literal `e`/`E` is a digit, not an exponent (only `p` is).
    fn is_hex_before_exponent(&self) -> bool {
        let prev = self.src[self.pos - 1];
        if matches!(prev, b'p' | b'P') {
            return false;
        }
        let literal_start = self.src[..self.pos].iter().rposition(|c| !(c.is_ascii_alphanumeric() || *c == b'_' || *c == b'.')).map_or(0, |i| i + 1);
        let literal = &self.src[literal_start..self.pos];
        literal.starts_with(b"0x") || literal.starts_with(b"0X")
    }
}

fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "break" | "case" | "chan" | "const" | "continue" | "default" | "defer" | "else" | "fallthrough" | "for" | "func" | "go" | "goto" | "if" | "import" | "interface" | "map" | "package" | "range" | "return" | "select" | "struct" | "switch" | "type" | "var"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(src: &str) -> Vec<&str> {
        let o = Outline::of(src);
        assert_eq!(o.error, None, "{src}");
        (0..o.len()).map(|i| &src[o.chunk(i)]).collect()
    }

    #[test]
    fn cuts_at_each_top_level_declaration() {
        let src = "// doc\npackage x\n\nimport \"fmt\"\n\n// A is a.\nvar A = []string{\n\t\"a\",\n}\n\nfunc f() {\n\tvar b = 1\n\t_ = b\n}\ntype T struct{}\n";
        assert_eq!(
            chunks(src),
            vec!["// doc\npackage x\n\n", "import \"fmt\"\n\n// A is a.\n", "var A = []string{\n\t\"a\",\n}\n\n", "func f() {\n\tvar b = 1\n\t_ = b\n}\n", "type T struct{}\n"]
        );
    }

    #[test]
    fn literals_and_comments_do_not_cut() {
        let src = "package x\n\nvar s = `\nfunc not() {}\n`\nvar r = '}'\nvar q = \"{\\\"\"\n/*\nfunc neither() {}\n*/\nconst c = 1\n";
        assert_eq!(chunks(src), vec!["package x\n\n", "var s = `\nfunc not() {}\n`\n", "var r = '}'\n", "var q = \"{\\\"\"\n/*\nfunc neither() {}\n*/\n", "const c = 1\n"]);
    }

    #[test]
    fn a_line_that_continues_an_expression_does_not_cut() {
        // After `=` no semicolon is inserted: the `func` line continues the declaration.
        let src = "package x\n\nvar f =\nfunc() int { return 1 }()\nvar g = 2 +\n0x1e+\n3\n";
        assert_eq!(chunks(src), vec!["package x\n\n", "var f =\nfunc() int { return 1 }()\n", "var g = 2 +\n0x1e+\n3\n"]);
    }

    #[test]
    fn finds_the_chunks_that_mention_a_word() {
        let src = "package x\n\nvar List = []string{}\n\nvar Listing = 1\n\nfunc f() {\n\tList = nil\n}\n";
        let o = Outline::of(src);
        assert_eq!(o.chunks_with_words(src, &["List"]), vec![0, 1, 3]);
        assert_eq!(o.chunks_with_words(src, &["nothing"]), vec![0]);
        let ranges = o.ranges(&[0, 1, 3]);
        assert_eq!(ranges.len(), 2);
        assert_eq!((ranges[0].start_byte, ranges[0].end_byte), (0, o.chunk(1).end));
        assert_eq!(ranges[1].start_point, Point { row: 6, column: 0 });
        assert_eq!(ranges[1].end_byte, src.len());
    }

    #[test]
    fn rows_count_each_line_once_after_comments_and_raw_strings_spanning_lines() {
        // A `/* */` comment over lines counted one line too many: every chunk after it started a
        // row late, so tree-sitter placed its nodes a line low and an element was spliced after
        // the literal's `}` (cloudpods' guest_actions.go, `/*if resetPasswd {` in a func body).
        let src = "package x\n\nfunc f() {\n\t/*if a {\n\t\tb()\n\t}*/\n}\n\n/* top\nlevel */\nvar s = `a\nb`\n\nvar L = []string{\n\t\"a\",\n}\n";
        let o = Outline::of(src);
        assert_eq!(o.error, None);
        assert_eq!(o.len(), 4);
        let row_at = |byte: usize| src[..byte].matches('\n').count();
        for i in 0..o.len() {
            let range = o.ranges(&[i])[0];
            assert_eq!(range.start_point, Point { row: row_at(range.start_byte), column: 0 }, "start of chunk {i}");
            assert_eq!(range.end_point.row, row_at(range.end_byte), "end of chunk {i}");
        }
    }

    #[test]
    fn reports_what_no_parser_accepts() {
        for (src, what) in [
            ("package x\nvar s = \"open\n", "never closed"),
            ("package x\nvar s = `open\n", "raw string"),
            ("package x\n/* open\n", "comment"),
            ("package x\nfunc f() {\n", "`{` is never closed"),
            ("package x\nfunc f() { ) }\n", "closes the `{`"),
            ("package x\n}\n", "closes nothing"),
        ] {
            let error = Outline::of(src).error.unwrap_or_else(|| panic!("no error for {src:?}"));
            assert!(error.1.contains(what), "{src:?}: {}", error.1);
        }
    }
}
