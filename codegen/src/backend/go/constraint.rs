//! Build constraints: whether a Go file's `//go:build` line (or, without one, its `// +build`
//! lines) leaves it out of every build, so that what it registers does not count. A file is
//! excluded when its constraint is false for every GOOS/GOARCH pair Go builds (`go tool dist
//! list`) whatever the tags a build may set: `ignore` (which no build sets, by convention), a
//! GOOS or GOARCH only Go's list of known names has (`zos`), a contradiction (`linux &&
//! windows`) or a release older than `//go:build` itself (`!go1.10`). A tag a build may set with
//! `-tags` (`gofuzz`, `cgo`, `purego`) or a newer release leaves the file in: only a file no
//! build compiles is excluded. File-name suffixes (`_windows.go`, `_test.go`) are not judged.

/// The GOOS/GOARCH pairs Go builds (`go tool dist list`).
const PLATFORMS: &[(&str, &str)] = &[
    ("aix", "ppc64"),
    ("android", "386"),
    ("android", "amd64"),
    ("android", "arm"),
    ("android", "arm64"),
    ("darwin", "amd64"),
    ("darwin", "arm64"),
    ("dragonfly", "amd64"),
    ("freebsd", "386"),
    ("freebsd", "amd64"),
    ("freebsd", "arm"),
    ("freebsd", "arm64"),
    ("illumos", "amd64"),
    ("ios", "amd64"),
    ("ios", "arm64"),
    ("js", "wasm"),
    ("linux", "386"),
    ("linux", "amd64"),
    ("linux", "arm"),
    ("linux", "arm64"),
    ("linux", "loong64"),
    ("linux", "mips"),
    ("linux", "mips64"),
    ("linux", "mips64le"),
    ("linux", "mipsle"),
    ("linux", "ppc64"),
    ("linux", "ppc64le"),
    ("linux", "riscv64"),
    ("linux", "s390x"),
    ("netbsd", "386"),
    ("netbsd", "amd64"),
    ("netbsd", "arm"),
    ("netbsd", "arm64"),
    ("openbsd", "386"),
    ("openbsd", "amd64"),
    ("openbsd", "arm"),
    ("openbsd", "arm64"),
    ("openbsd", "ppc64"),
    ("openbsd", "riscv64"),
    ("plan9", "386"),
    ("plan9", "amd64"),
    ("plan9", "arm"),
    ("solaris", "amd64"),
    ("wasip1", "wasm"),
    ("windows", "386"),
    ("windows", "amd64"),
    ("windows", "arm64"),
];

/// GOOS names the go command knows (go/build's knownOS): a tag among them is the target's OS.
const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];

/// GOARCH names the go command knows (go/build's knownArch).
const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// GOOS values that satisfy the `unix` tag.
const UNIX: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "linux",
    "netbsd",
    "openbsd",
    "solaris",
];

/// Releases every toolchain that reads `//go:build` has (Go 1.17 and later).
const OLDEST_RELEASE: u32 = 17;

/// More tags a build may set than this, and the file is taken to build (not worth trying all).
const MAX_FREE_TAGS: usize = 12;

/// A constraint that leaves a file out of every build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion {
    /// 1-based line of the constraint.
    pub line: usize,
    /// The constraint as written (`//go:build ignore`).
    pub constraint: String,
}

/// The constraint that leaves `src` out of every build, if its header has one.
pub fn exclusion(src: &str) -> Option<Exclusion> {
    let header = Header::of(src);
    let (line, constraint, expr) = match header.go_build {
        Some((line, text)) => (
            line,
            text.to_string(),
            parse_go_build(text.trim_start_matches("//go:build"))?,
        ),
        None if !header.plus_build.is_empty() => {
            let lines: Vec<Expr> = header
                .plus_build
                .iter()
                .map(|(_, l)| parse_plus_build(l))
                .collect::<Option<_>>()?;
            let text = header
                .plus_build
                .iter()
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n");
            (header.plus_build[0].0, text, Expr::All(lines))
        }
        None => return None,
    };
    (!expr.satisfiable()).then_some(Exclusion { line, constraint })
}

/// The constraint lines of a file's header: the comments before the package clause.
struct Header<'a> {
    /// The `//go:build` line, with its 1-based line number.
    go_build: Option<(usize, &'a str)>,
    /// `// +build` lines that are followed by a blank line before the first line that is not
    /// a comment (go/build reads only those).
    plus_build: Vec<(usize, &'a str)>,
}

impl<'a> Header<'a> {
    fn of(src: &'a str) -> Self {
        let mut go_build = None;
        let mut plus_build = Vec::new();
        // `// +build` lines seen since the last blank line: they count once a blank line follows.
        let mut pending = Vec::new();
        let mut in_block = false;
        for (i, raw) in src.split('\n').enumerate() {
            let line = raw.trim();
            if in_block {
                in_block = !line.contains("*/");
                continue;
            }
            if line.is_empty() {
                plus_build.append(&mut pending);
                continue;
            }
            if let Some(rest) = line.strip_prefix("/*") {
                // A block comment alone on its lines; code after it ends the header.
                match rest.find("*/") {
                    Some(end) if rest[end + 2..].trim().is_empty() => continue,
                    Some(_) => break,
                    None => {
                        in_block = true;
                        continue;
                    }
                }
            }
            if !line.starts_with("//") {
                break;
            }
            if line
                .strip_prefix("//go:build")
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
            {
                go_build.get_or_insert((i + 1, line));
            } else if line
                .strip_prefix("//")
                .map(str::trim_start)
                .and_then(|r| r.strip_prefix("+build"))
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
            {
                pending.push((i + 1, line));
            }
        }
        Header {
            go_build,
            plus_build,
        }
    }
}

/// A constraint expression.
#[derive(Debug, Clone)]
enum Expr {
    Tag(String),
    Not(Box<Expr>),
    All(Vec<Expr>),
    Any(Vec<Expr>),
}

/// What a tag is on one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Truth {
    Known(bool),
    /// A build may set it or not (`-tags`, cgo, the compiler, a newer release).
    Free,
}

impl Expr {
    fn tags<'e>(&'e self, out: &mut Vec<&'e str>) {
        match self {
            Expr::Tag(t) => {
                if !out.contains(&t.as_str()) {
                    out.push(t);
                }
            }
            Expr::Not(e) => e.tags(out),
            Expr::All(es) | Expr::Any(es) => es.iter().for_each(|e| e.tags(out)),
        }
    }

    fn eval(&self, value: &dyn Fn(&str) -> bool) -> bool {
        match self {
            Expr::Tag(t) => value(t),
            Expr::Not(e) => !e.eval(value),
            Expr::All(es) => es.iter().all(|e| e.eval(value)),
            Expr::Any(es) => es.iter().any(|e| e.eval(value)),
        }
    }

    /// Whether some platform Go builds, with some choice of the tags a build may set, makes
    /// the constraint true.
    fn satisfiable(&self) -> bool {
        let mut tags = Vec::new();
        self.tags(&mut tags);
        PLATFORMS.iter().any(|&(os, arch)| {
            let free: Vec<&str> = tags
                .iter()
                .copied()
                .filter(|t| truth(t, os, arch) == Truth::Free)
                .collect();
            if free.len() > MAX_FREE_TAGS {
                return true;
            }
            (0u32..1 << free.len()).any(|set| {
                self.eval(&|t| match truth(t, os, arch) {
                    Truth::Known(v) => v,
                    Truth::Free => free
                        .iter()
                        .position(|f| *f == t)
                        .is_some_and(|i| set & (1 << i) != 0),
                })
            })
        })
    }
}

/// What `tag` is when building for `os`/`arch`.
fn truth(tag: &str, os: &str, arch: &str) -> Truth {
    let implied_os = match os {
        "android" => "linux",
        "ios" => "darwin",
        "illumos" => "solaris",
        other => other,
    };
    if KNOWN_OS.contains(&tag) {
        return Truth::Known(tag == os || tag == implied_os);
    }
    if KNOWN_ARCH.contains(&tag) {
        return Truth::Known(tag == arch);
    }
    match tag {
        "unix" => Truth::Known(UNIX.contains(&os)),
        "ignore" => Truth::Known(false),
        _ => match tag.strip_prefix("go1.").and_then(|n| n.parse::<u32>().ok()) {
            Some(minor) if minor <= OLDEST_RELEASE => Truth::Known(true),
            _ => Truth::Free,
        },
    }
}

/// Parses the expression of a `//go:build` line (`linux && (amd64 || arm64)`).
fn parse_go_build(text: &str) -> Option<Expr> {
    let tokens = tokenize(text)?;
    let mut at = 0;
    let expr = parse_or(&tokens, &mut at)?;
    (at == tokens.len()).then_some(expr)
}

fn tokenize(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => {}
            '(' | ')' | '!' => out.push(c.to_string()),
            '&' | '|' => {
                if chars.next() != Some(c) {
                    return None;
                }
                out.push(format!("{c}{c}"));
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' => {
                let mut tag = c.to_string();
                while let Some(&n) = chars
                    .peek()
                    .filter(|n| n.is_alphanumeric() || **n == '_' || **n == '.')
                {
                    tag.push(n);
                    chars.next();
                }
                out.push(tag);
            }
            _ => return None,
        }
    }
    Some(out)
}

fn parse_or(tokens: &[String], at: &mut usize) -> Option<Expr> {
    parse_joined(tokens, at, "||", parse_and, Expr::Any)
}

fn parse_and(tokens: &[String], at: &mut usize) -> Option<Expr> {
    parse_joined(tokens, at, "&&", parse_not, Expr::All)
}

/// Terms `term` reads, joined by `op`: one term as it is, more joined by `join`.
fn parse_joined(tokens: &[String], at: &mut usize, op: &str, term: fn(&[String], &mut usize) -> Option<Expr>, join: fn(Vec<Expr>) -> Expr) -> Option<Expr> {
    let mut terms = vec![term(tokens, at)?];
    while tokens.get(*at).is_some_and(|t| t == op) {
        *at += 1;
        terms.push(term(tokens, at)?);
    }
    Some(if terms.len() == 1 { terms.remove(0) } else { join(terms) })
}

fn parse_not(tokens: &[String], at: &mut usize) -> Option<Expr> {
    let token = tokens.get(*at)?;
    *at += 1;
    match token.as_str() {
        "!" => Some(Expr::Not(Box::new(parse_not(tokens, at)?))),
        "(" => {
            let inner = parse_or(tokens, at)?;
            (tokens.get(*at)? == ")").then(|| *at += 1)?;
            Some(inner)
        }
        ")" | "&&" | "||" => None,
        tag => Some(Expr::Tag(tag.to_string())),
    }
}

/// Parses one `// +build` line: options separated by spaces (any), terms by commas (all).
fn parse_plus_build(line: &str) -> Option<Expr> {
    let rest = line
        .trim_start_matches('/')
        .trim_start()
        .strip_prefix("+build")?;
    let options: Vec<Expr> = rest
        .split_whitespace()
        .map(|option| {
            let terms: Vec<Expr> = option
                .split(',')
                .map(|term| match term.strip_prefix('!') {
                    Some(tag) => Expr::Not(Box::new(Expr::Tag(tag.to_string()))),
                    None => Expr::Tag(term.to_string()),
                })
                .collect();
            Expr::All(terms)
        })
        .collect();
    (!options.is_empty()).then_some(Expr::Any(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excluded(header: &str) -> bool {
        exclusion(&format!("{header}\npackage p\n")).is_some()
    }

    #[test]
    fn ignore_and_constraints_no_platform_meets_exclude_the_file() {
        for header in [
            "//go:build ignore\n",
            "// Copyright\n\n//go:build ignore\n",
            "//go:build linux && windows\n",
            "//go:build zos && s390x\n",
            "//go:build !go1.10\n",
            "//go:build ignore && linux\n",
            "// +build ignore\n",
            "// +build linux\n// +build windows\n",
            "/* licence\n */\n//go:build ignore\n",
        ] {
            assert!(excluded(header), "{header:?} excludes the file");
        }
        assert_eq!(
            exclusion("//go:build ignore\n\npackage p\n"),
            Some(Exclusion {
                line: 1,
                constraint: "//go:build ignore".into()
            })
        );
    }

    #[test]
    fn constraints_some_build_meets_keep_the_file() {
        for header in [
            "",
            "//go:build linux\n",
            "//go:build !windows\n",
            "//go:build gofuzz\n",
            "//go:build gc && !purego\n",
            "//go:build go1.21\n",
            "//go:build !ignore_autogenerated\n",
            "//go:build (linux || darwin) && amd64\n",
            "// +build linux,amd64 windows\n",
            // Not in the header: after the package clause, or a `+build` line without a blank
            // line after it (package documentation, which go/build does not read).
            "// +build ignore\n",
        ] {
            let src = if header == "// +build ignore\n" {
                format!("{header}package p\n")
            } else {
                format!("{header}\npackage p\n//go:build ignore\n")
            };
            assert!(exclusion(&src).is_none(), "{header:?} keeps the file");
        }
    }

    #[test]
    fn a_malformed_constraint_is_left_to_the_compiler() {
        assert!(!excluded("//go:build linux &&\n"));
        assert!(!excluded("//go:build (ignore\n"));
    }
}
