//! Enough of Go's `text/template` to read CCCMO's asset manifests as the operator renders them:
//! `{{ .path }}` substitutions, `if`/`else if`/`else`/`end` on simple conditions (`.x`,
//! `not .x`, `eq .x "v"`, `and`, `or`), `{{-`/`-}}` whitespace trimming and comments. Blocks it
//! does not model (`range`, `with`, `define`, `block`) render as nothing. Every output byte
//! remembers the template byte it came from, so a finding in the rendered YAML is reported at
//! the template's line.

/// A rendered template and where each of its bytes came from.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub text: String,
    /// `origin[i]` is the template offset of output byte `i`; one extra entry for the end.
    origin: Vec<usize>,
}

impl Rendered {
    /// The template offset an output offset came from.
    pub fn origin(&self, offset: usize) -> usize {
        self.origin.get(offset).copied().unwrap_or_else(|| self.origin.last().copied().unwrap_or(0))
    }
}

/// How the template is evaluated: the value of a dotted field path (`images.CloudControllerManager`
/// for `{{ .images.CloudControllerManager }}`).
pub trait Values {
    fn get(&self, path: &str) -> String;
}

struct Frame {
    /// Whether this block's current branch renders.
    active: bool,
    /// Whether a branch of this `if` chain was taken already.
    taken: bool,
    /// Template offset of the action that opened the block.
    opened: usize,
}

/// Renders `template`; an error names the 1-based line of an unbalanced action.
pub fn render(template: &str, values: &dyn Values) -> Result<Rendered, (usize, String)> {
    let mut out = Rendered { text: String::with_capacity(template.len()), origin: Vec::with_capacity(template.len() + 1) };
    let mut stack: Vec<Frame> = Vec::new();
    let line_at = |offset: usize| crate::text::line_of(template, offset);
    let mut i = 0;
    while i < template.len() {
        let Some(rel) = template[i..].find("{{") else {
            emit(&mut out, &stack, &template[i..], i);
            break;
        };
        let open = i + rel;
        let close = template[open + 2..].find("}}").map(|c| open + 2 + c).ok_or_else(|| (line_at(open), "`{{` without `}}`".to_string()))?;
        let inner = &template[open + 2..close];
        let trim_left = inner.starts_with("- ") || inner.starts_with("-\n") || inner == "-";
        let trim_right = inner.ends_with(" -") || inner.ends_with("\n-");
        let mut chunk = &template[i..open];
        if trim_left {
            chunk = chunk.trim_end();
        }
        emit(&mut out, &stack, chunk, i);
        let action = inner.strip_prefix('-').unwrap_or(inner);
        let action = action.strip_suffix('-').unwrap_or(action).trim();
        let active = |stack: &[Frame]| stack.iter().all(|f| f.active);
        let word = action.split_whitespace().next().unwrap_or_default();
        let rest = action[word.len()..].trim();
        match word {
            _ if action.starts_with("/*") => {}
            "if" => {
                let c = active(&stack) && condition(rest, values);
                stack.push(Frame { active: c, taken: c, opened: open });
            }
            "else" => {
                let parent = active(&stack[..stack.len().saturating_sub(1)]);
                let top = stack.last_mut().ok_or_else(|| (line_at(open), "`else` outside a block".to_string()))?;
                if top.taken {
                    top.active = false;
                } else if let Some(cond) = rest.strip_prefix("if ") {
                    let c = parent && condition(cond, values);
                    top.active = c;
                    top.taken = c;
                } else {
                    top.active = parent;
                    top.taken = true;
                }
            }
            "end" => {
                stack.pop().ok_or_else(|| (line_at(open), "`end` without a block".to_string()))?;
            }
            "range" | "with" | "define" | "block" => stack.push(Frame { active: false, taken: true, opened: open }),
            "template" => {}
            _ => {
                let value = pipeline(action, values);
                if active(&stack) {
                    out.text.push_str(&value);
                    out.origin.extend(std::iter::repeat_n(open, value.len()));
                }
            }
        }
        i = close + 2;
        if trim_right {
            i += template[i..].len() - template[i..].trim_start().len();
        }
    }
    if let Some(unclosed) = stack.last() {
        return Err((line_at(unclosed.opened), "this block is not closed with `end`".into()));
    }
    out.origin.push(template.len());
    Ok(out)
}

fn emit(out: &mut Rendered, stack: &[Frame], chunk: &str, at: usize) {
    if stack.iter().all(|f| f.active) {
        out.text.push_str(chunk);
        out.origin.extend(at..at + chunk.len());
    }
}

/// The value of a pipeline's first command (`.x`, `.x | quote`); functions give a placeholder.
fn pipeline(action: &str, values: &dyn Values) -> String {
    let first = action.split('|').next().unwrap_or_default().trim();
    match first.strip_prefix('.') {
        Some(path) if !path.contains(char::is_whitespace) => values.get(path),
        _ => "value".into(),
    }
}

fn argument(arg: &str, values: &dyn Values) -> String {
    match arg.strip_prefix('.') {
        Some(path) => values.get(path),
        None => arg.trim_matches('"').to_string(),
    }
}

fn truthy(v: &str) -> bool {
    !v.is_empty() && v != "false" && v != "0"
}

/// Evaluates the simple conditions assets use; anything else is false.
fn condition(cond: &str, values: &dyn Values) -> bool {
    let cond = cond.trim().trim_start_matches('(').trim_end_matches(')').trim();
    let words: Vec<&str> = cond.split_whitespace().collect();
    match words.as_slice() {
        [one] if one.starts_with('.') => truthy(&argument(one, values)),
        ["not", rest @ ..] => !condition(&rest.join(" "), values),
        ["eq", a, b] => argument(a, values) == argument(b, values),
        ["ne", a, b] => argument(a, values) != argument(b, values),
        ["and", args @ ..] => args.iter().all(|a| truthy(&argument(a, values))),
        ["or", args @ ..] => args.iter().any(|a| truthy(&argument(a, values))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct V;
    impl Values for V {
        fn get(&self, path: &str) -> String {
            match path {
                "name" => "Acme".into(),
                "empty" => String::new(),
                other => format!("<{other}>"),
            }
        }
    }

    #[test]
    fn substitutes_and_trims() {
        let t = "a: {{ .name }}\nflags: \\\n  --x \\\n  {{- if .empty }}\n  --y \\\n  {{- end }}\n  --z\n";
        let r = render(t, &V).unwrap();
        assert_eq!(r.text, "a: Acme\nflags: \\\n  --x \\\n  --z\n");
        // `--z` comes from the template's 7th line.
        let z = r.text.find("--z").unwrap();
        assert_eq!(crate::text::line_of(t, r.origin(z)), 7);
    }

    #[test]
    fn if_else_chains_take_one_branch() {
        let t = "{{ if .empty }}1{{ else if eq .name \"Acme\" }}2{{ else }}3{{ end }}{{/* note */}}";
        assert_eq!(render(t, &V).unwrap().text, "2");
        assert_eq!(render("{{ if not .empty }}x{{ end }}", &V).unwrap().text, "x");
    }

    #[test]
    fn unbalanced_blocks_are_errors() {
        assert_eq!(render("a\n{{ if .name }}\nb\n", &V).unwrap_err().0, 2);
        assert!(render("{{ end }}", &V).is_err());
    }
}
