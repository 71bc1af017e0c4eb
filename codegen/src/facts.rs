//! Version facts evaluated on the trees: each `[[facts]]` declaration of the profile answered
//! once per workspace (a file exists, a Go symbol is declared, a struct field, a function's
//! parameter or result count, a pattern). Points pick their form by these answers
//! ([`Facts::form`]), templates read them as `facts.<id>`, and
//! `check --explain` prints them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::backend::go::syntax::{self, children, field_children, text, visit};
use crate::profile::facts::{FactDecl, FactTest, Requirement, Want};
use crate::profile::{Form, Point};

/// A fact's answer on this tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    Bool(bool),
    /// A count (parameters or results of a function that exists).
    Count(i64),
}

impl FactValue {
    pub fn holds(self, want: Want) -> bool {
        match (self, want) {
            (FactValue::Bool(b), Want::True) => b,
            (FactValue::Bool(b), Want::False) => !b,
            (FactValue::Count(_), Want::True) => true,
            (FactValue::Count(_), Want::False) => false,
            (FactValue::Count(n), Want::Equals(m)) => n == m,
            (FactValue::Bool(_), Want::Equals(_)) => false,
        }
    }

    pub fn describe(self) -> String {
        match self {
            FactValue::Bool(true) => "yes".into(),
            FactValue::Bool(false) => "no".into(),
            FactValue::Count(n) => n.to_string(),
        }
    }
}

/// One evaluated fact.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub id: String,
    /// The question, in words (`cloudpods:pkg/... declares `X``).
    pub question: String,
    pub about: String,
    pub value: FactValue,
    /// The root is not configured: the value is the profile's `assume` (the newest tree's).
    pub assumed: bool,
}

/// Every fact of a profile, answered on the workspace's roots.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts {
    pub facts: Vec<Fact>,
}

impl Facts {
    /// Answers each declaration on `roots`; each file is read and parsed once.
    pub fn evaluate(decls: &[FactDecl], roots: &BTreeMap<String, PathBuf>) -> Self {
        let mut texts: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
        let mut facts = Vec::new();
        for decl in decls {
            let value = match roots.get(&decl.root) {
                None => assumed(decl),
                Some(root) => {
                    let path = root.join(&decl.file);
                    match decl.test() {
                        Ok(FactTest::Exists) => FactValue::Bool(path.exists()),
                        Ok(test) => {
                            // Only regular files are read: a FIFO in a target's place would block, and the
                            // engine refuses it with its own message.
                            let src = texts.entry(path.clone()).or_insert_with(|| std::fs::metadata(&path).ok().filter(std::fs::Metadata::is_file).and_then(|_| std::fs::read_to_string(&path).ok()));
                            match src {
                                None => FactValue::Bool(false),
                                Some(src) => answer(&test, src),
                            }
                        }
                        Err(_) => assumed(decl),
                    }
                }
            };
            facts.push(Fact { id: decl.id.clone(), question: decl.question(), about: decl.about.clone(), value, assumed: !roots.contains_key(&decl.root) });
        }
        Self { facts }
    }

    pub fn get(&self, id: &str) -> Option<FactValue> {
        self.facts.iter().find(|f| f.id == id).map(|f| f.value)
    }

    /// The requirements that do not hold, each with the fact that decided it.
    pub fn unmet<'a>(&'a self, requires: &'a [Requirement]) -> Vec<(&'a Requirement, Option<&'a Fact>)> {
        requires
            .iter()
            .filter(|r| !self.get(&r.fact).is_some_and(|v| v.holds(r.want)))
            .map(|r| (r, self.facts.iter().find(|f| f.id == r.fact)))
            .collect()
    }

    /// The facts as a template value: `facts.<id>` is true/false or a count.
    pub fn as_table(&self) -> toml::Table {
        self.facts
            .iter()
            .map(|f| {
                let v = match f.value {
                    FactValue::Bool(b) => toml::Value::Boolean(b),
                    FactValue::Count(n) => toml::Value::Integer(n),
                };
                (f.id.clone(), v)
            })
            .collect()
    }

    /// The form of `point` on this tree: the declared one when its requirements hold, else the
    /// first alternative whose requirements hold, else "not in this version" with the facts
    /// that decided it.
    pub fn form<'p>(&self, point: &'p Point) -> Form<'p> {
        let unmet = self.unmet(&point.requires);
        if unmet.is_empty() {
            return Form::Present { file: &point.file, kind: point.kind.as_ref(), alternative: None };
        }
        let mut reasons = vec![self.because(&unmet)];
        for (i, alt) in point.alternatives.iter().enumerate() {
            let unmet = self.unmet(&alt.requires);
            if unmet.is_empty() {
                return Form::Present { file: &alt.file, kind: alt.kind.as_ref(), alternative: Some(i) };
            }
            reasons.push(self.because(&unmet));
        }
        reasons.dedup();
        Form::NotInVersion(reasons.join("; "))
    }

    /// Why a requirement does not hold, in one sentence naming the fact.
    pub fn because(&self, unmet: &[(&Requirement, Option<&Fact>)]) -> String {
        unmet
            .iter()
            .map(|(r, f)| match f {
                Some(f) if f.assumed => format!("fact `{}` is assumed {} (its root is not configured; needed {})", f.id, f.value.describe(), r.describe()),
                Some(f) => match r.want {
                    Want::Equals(n) => format!("{}: {} (fact `{}`, this form needs {n})", f.question, f.value.describe(), f.id),
                    _ => format!("{}: {} (fact `{}`)", f.question, f.value.describe(), f.id),
                },
                None => format!("fact `{}` is not declared", r.fact),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The declared answer for a root that is not configured.
fn assumed(decl: &FactDecl) -> FactValue {
    match &decl.assume {
        toml::Value::Integer(n) => FactValue::Count(*n),
        v => FactValue::Bool(v.as_bool().unwrap_or(true)),
    }
}

/// Answers a Go question on `src`.
fn answer(test: &FactTest, src: &str) -> FactValue {
    if let FactTest::Contains(p) = test {
        return FactValue::Bool(regex::Regex::new(p).is_ok_and(|re| re.is_match(src)));
    }
    // Parsed without the shared cache: facts are asked once per file.
    let tree = syntax::parse_uncached(src);
    let top = children(tree.root_node());
    match test {
        FactTest::Declares(name) => FactValue::Bool(top.iter().any(|n| {
            syntax::declaration_names(*n, src).iter().any(|d| d == name || d.strip_prefix("var ").or_else(|| d.strip_prefix("const ")) == Some(name.as_str()))
        })),
        FactTest::Field { type_name, field } => FactValue::Bool(syntax::find_struct_field(&tree, src, type_name, field).is_some()),
        FactTest::Results(name) | FactTest::Params(name) => {
            let want_results = matches!(test, FactTest::Results(_));
            match signature(&tree, src, name) {
                Some((params, results)) => FactValue::Count(if want_results { results } else { params }),
                None => FactValue::Bool(false),
            }
        }
        FactTest::Exists | FactTest::Contains(_) => unreachable!("answered above"),
    }
}

/// (parameter count, result count) of function `F`, method `T.M`, or interface method `I.M`.
fn signature(tree: &tree_sitter::Tree, src: &str, name: &str) -> Option<(i64, i64)> {
    let (owner, func) = match name.split_once('.') {
        Some((t, m)) => (Some(t), m),
        None => (None, name),
    };
    let mut found = None;
    visit(tree.root_node(), &mut |n| {
        if found.is_some() {
            return false;
        }
        match n.kind() {
            "function_declaration" if owner.is_none() && n.child_by_field_name("name").is_some_and(|x| text(x, src) == func) => {
                found = Some(counts(n, src));
                false
            }
            "method_declaration" if owner.is_some() && n.child_by_field_name("name").is_some_and(|x| text(x, src) == func) => {
                if syntax::declaration_names(n, src).first().is_some_and(|d| Some(d.split_once('.').map_or("", |x| x.0)) == owner) {
                    found = Some(counts(n, src));
                }
                false
            }
            "type_spec" if owner.is_some_and(|o| n.child_by_field_name("name").is_some_and(|x| text(x, src) == o)) => {
                visit(n, &mut |m| {
                    if found.is_none() && matches!(m.kind(), "method_elem" | "method_spec") && m.child_by_field_name("name").is_some_and(|x| text(x, src) == func) {
                        found = Some(counts(m, src));
                    }
                    found.is_none()
                });
                false
            }
            "source_file" | "type_declaration" => true,
            _ => false,
        }
    });
    found
}

fn counts(n: tree_sitter::Node<'_>, _src: &str) -> (i64, i64) {
    let list = |node: Option<tree_sitter::Node<'_>>| -> i64 {
        let Some(node) = node else { return 0 };
        if node.kind() != "parameter_list" {
            return 1;
        }
        children(node)
            .into_iter()
            .filter(|c| matches!(c.kind(), "parameter_declaration" | "variadic_parameter_declaration"))
            .map(|c| field_children(c, "name").len().max(1) as i64)
            .sum()
    };
    (list(n.child_by_field_name("parameters")), list(n.child_by_field_name("result")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(id: &str, f: impl FnOnce(&mut FactDecl)) -> FactDecl {
        let mut d = FactDecl { id: id.into(), root: "r".into(), file: "a.go".into(), exists: false, declares: None, field: None, results: None, params: None, contains: None, about: "x".into(), assume: toml::Value::Boolean(true) };
        f(&mut d);
        d
    }

    #[test]
    fn go_facts_are_answered_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.go"),
            "package a\n\ntype S struct {\n\tId string\n}\n\ntype I interface {\n\tGetBalance() (float64, string, error)\n}\n\nvar PUBLIC = []string{}\n\nfunc F(a, b string) (int, error) { return 0, nil }\n\nfunc (s *S) M(x int) {}\n",
        )
        .unwrap();
        let roots = BTreeMap::from([("r".to_string(), dir.path().to_path_buf())]);
        let decls = vec![
            decl("e", |d| d.exists = true),
            decl("gone", |d| {
                d.exists = true;
                d.file = "b.go".into()
            }),
            decl("pub", |d| d.declares = Some("PUBLIC".into())),
            decl("priv", |d| d.declares = Some("PRIVATE".into())),
            decl("id", |d| d.field = Some("S.Id".into())),
            decl("name", |d| d.field = Some("S.Name".into())),
            decl("fr", |d| d.results = Some("F".into())),
            decl("fp", |d| d.params = Some("F".into())),
            decl("mp", |d| d.params = Some("S.M".into())),
            decl("mr", |d| d.results = Some("S.M".into())),
            decl("ir", |d| d.results = Some("I.GetBalance".into())),
            decl("absent", |d| d.results = Some("G".into())),
            decl("c", |d| d.contains = Some(r"func F\(".into())),
            decl("other_root", |d| {
                d.root = "q".into();
                d.exists = true
            }),
        ];
        let facts = Facts::evaluate(&decls, &roots);
        let got: Vec<(String, FactValue)> = facts.facts.iter().map(|f| (f.id.clone(), f.value)).collect();
        use FactValue::*;
        let want = [
            ("e", Bool(true)),
            ("gone", Bool(false)),
            ("pub", Bool(true)),
            ("priv", Bool(false)),
            ("id", Bool(true)),
            ("name", Bool(false)),
            ("fr", Count(2)),
            ("fp", Count(2)),
            ("mp", Count(1)),
            ("mr", Count(0)),
            ("ir", Count(3)),
            ("absent", Bool(false)),
            ("c", Bool(true)),
            ("other_root", Bool(true)),
        ];
        assert_eq!(got, want.iter().map(|(i, v)| (i.to_string(), *v)).collect::<Vec<_>>());
        assert!(Count(2).holds(Want::Equals(2)) && !Count(3).holds(Want::Equals(2)) && !Bool(false).holds(Want::True) && Bool(false).holds(Want::False));
        assert!(facts.facts.iter().find(|f| f.id == "other_root").unwrap().assumed);
        let t = facts.as_table();
        assert_eq!(t.get("fr"), Some(&toml::Value::Integer(2)));
        assert_eq!(t.get("priv"), Some(&toml::Value::Boolean(false)));
    }
}
