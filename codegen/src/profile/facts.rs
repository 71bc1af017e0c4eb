//! Version facts: what a profile may ask of a tree to tell its versions apart (a file exists, a
//! Go symbol is declared, a struct has a field, a function's parameter or result count, a
//! pattern occurs), and the requirements points, alternatives and templates state over them.
//! This module holds the declarations only; `crate::facts` evaluates them once per workspace.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result};

/// One `[[facts]]` entry: a question about one file of one root.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FactDecl {
    pub id: String,
    pub root: String,
    /// Path inside the root.
    pub file: String,
    /// The file (or directory) exists.
    #[serde(default)]
    pub exists: bool,
    /// A top-level Go declaration (type, var, const or func) of this name is in the file.
    pub declares: Option<String>,
    /// `Type.Field`: the Go struct type in the file has this field.
    pub field: Option<String>,
    /// A Go function (or method, `Type.Method`) of this name: the number of its results
    /// (0 when it has none; the fact is false when the function is absent).
    pub results: Option<String>,
    /// A Go function (or method, `Type.Method`) of this name: the number of its parameters.
    pub params: Option<String>,
    /// A regular expression that matches somewhere in the file.
    pub contains: Option<String>,
    /// What the fact tells about the platform, for `check --explain` and the docs.
    pub about: String,
    /// The answer assumed when the root is not configured: the newest tree's (true or a count).
    #[serde(default = "assume_true")]
    pub assume: toml::Value,
}

fn assume_true() -> toml::Value {
    toml::Value::Boolean(true)
}

/// What a fact asks, as one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactTest {
    Exists,
    Declares(String),
    Field { type_name: String, field: String },
    Results(String),
    Params(String),
    Contains(String),
}

impl FactDecl {
    /// The single question this fact asks; a fact must ask exactly one.
    pub fn test(&self) -> std::result::Result<FactTest, String> {
        let mut tests = Vec::new();
        if self.exists {
            tests.push(FactTest::Exists);
        }
        if let Some(n) = &self.declares {
            tests.push(FactTest::Declares(n.clone()));
        }
        if let Some(f) = &self.field {
            let Some((t, f)) = f.split_once('.') else { return Err(format!("fact `{}`: field = \"{f}\" must be `Type.Field`", self.id)) };
            tests.push(FactTest::Field { type_name: t.into(), field: f.into() });
        }
        if let Some(n) = &self.results {
            tests.push(FactTest::Results(n.clone()));
        }
        if let Some(n) = &self.params {
            tests.push(FactTest::Params(n.clone()));
        }
        if let Some(p) = &self.contains {
            if let Err(e) = regex::Regex::new(p) {
                return Err(format!("fact `{}`: contains is not a valid regular expression: {e}", self.id));
            }
            tests.push(FactTest::Contains(p.clone()));
        }
        if !(self.assume.is_bool() || self.assume.is_integer()) {
            return Err(format!("fact `{}`: assume must be true, false or a whole number", self.id));
        }
        match tests.len() {
            1 => Ok(tests.remove(0)),
            0 => Err(format!("fact `{}` asks nothing", self.id)),
            _ => Err(format!("fact `{}` asks more than one thing", self.id)),
        }
    }

    /// The question in words: "`file` declares `X`".
    pub fn question(&self) -> String {
        let file = format!("{}:{}", self.root, self.file);
        match self.test() {
            Ok(FactTest::Exists) => format!("{file} exists"),
            Ok(FactTest::Declares(n)) => format!("{file} declares `{n}`"),
            Ok(FactTest::Field { type_name, field }) => format!("struct `{type_name}` in {file} has field `{field}`"),
            Ok(FactTest::Results(n)) => format!("results of `{n}` in {file}"),
            Ok(FactTest::Params(n)) => format!("parameters of `{n}` in {file}"),
            Ok(FactTest::Contains(p)) => format!("{file} matches `{p}`"),
            Err(e) => e,
        }
    }
}

/// One requirement on a fact: `name` (true, or a non-zero count), `!name` (false), or
/// `name=N` (a count equal to N).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirement {
    pub fact: String,
    pub want: Want,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "is", content = "value")]
pub enum Want {
    True,
    False,
    Equals(i64),
}

impl Requirement {
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let text = text.trim();
        let (fact, want) = if let Some(rest) = text.strip_prefix('!') {
            (rest.trim(), Want::False)
        } else if let Some((name, n)) = text.split_once('=') {
            let n: i64 = n.trim().parse().map_err(|_| format!("requirement `{text}`: the part after `=` must be a whole number"))?;
            (name.trim(), Want::Equals(n))
        } else {
            (text, Want::True)
        };
        if fact.is_empty() || !fact.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("requirement `{text}`: name a fact (letters, digits, `_`), optionally `!fact` or `fact=N`"));
        }
        Ok(Self { fact: fact.to_string(), want })
    }

    pub fn describe(&self) -> String {
        match self.want {
            Want::True => self.fact.clone(),
            Want::False => format!("!{}", self.fact),
            Want::Equals(n) => format!("{}={n}", self.fact),
        }
    }
}

/// Parses a point's (or alternative's) `requires` list, checking every fact is declared.
pub fn parse_requirements(list: &[String], facts: &[FactDecl], at: &Location) -> Result<Vec<Requirement>> {
    let mut out = Vec::new();
    for text in list {
        let r = Requirement::parse(text).map_err(|e| Error::input(at.clone(), e, "see docs/profiles.md, \"Versions\""))?;
        if !facts.iter().any(|f| f.id == r.fact) {
            return Err(Error::input(
                at.clone(),
                format!("requirement `{text}` names fact `{}`, which is not declared", r.fact),
                format!("declare it in [[facts]] (declared: {})", facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join(", ")),
            ));
        }
        out.push(r);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_read_true_false_and_counts() {
        assert_eq!(Requirement::parse("a_b").unwrap().want, Want::True);
        assert_eq!(Requirement::parse("!a").unwrap(), Requirement { fact: "a".into(), want: Want::False });
        assert_eq!(Requirement::parse("n = 3").unwrap(), Requirement { fact: "n".into(), want: Want::Equals(3) });
        assert!(Requirement::parse("n=x").is_err());
        assert!(Requirement::parse("a.b").is_err());
        assert!(Requirement::parse("!").is_err());
    }
}
