//! `go.case_value`: a value joining an existing `case A, B:` clause of a switch in a function;
//! remove keeps a clause of the value's own, which integrate never writes. A value is compared
//! as the compiler reads it (a raw string is the interpreted one); a constant case listed twice
//! in one switch does not compile: a duplicate.

use regex::Regex;
use serde::Deserialize;
use tree_sitter::{Node, Tree};

use crate::backend::go::parse::{Scope, memo_found, method_word, parse_valid};
use crate::backend::go::syntax::{self, children, normalize, row, text};
use crate::backend::go::cases::duplicates_within;
use crate::backend::{Duplicate, Inspection, PointKind, Removal, SourceFile, anchor_error, regex};
use crate::error::{Location, Result};
use crate::template::Renderer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseValueSpec {
    /// The function or method holding the switch.
    func: String,
    /// Regex matching a value already in the case clause the new value joins.
    with: String,
    value: String,
}

/// A value in an existing `case A, B, C:` clause of a switch.
#[derive(Debug)]
pub struct CaseValue {
    func: String,
    with: Regex,
    value: String,
}

impl CaseValue {
    pub fn new(spec: CaseValueSpec, at: &Location) -> Result<Self> {
        Ok(Self { with: regex(&spec.with, at)?, func: spec.func, value: spec.value })
    }

    /// The function or method the point names.
    fn func<'t>(&self, file: &SourceFile<'_>, tree: &'t Tree, src: &str) -> Result<Node<'t>> {
        let mut func = None;
        syntax::visit(tree.root_node(), &mut |n| {
            if func.is_none()
                && matches!(n.kind(), "function_declaration" | "method_declaration")
                && n.child_by_field_name("name").is_some_and(|name| text(name, src) == self.func)
            {
                func = Some(n);
            }
            func.is_none()
        });
        func.ok_or_else(|| anchor_error(file, 0, format!("expected func {}", self.func), "check the function name, or update the profile"))
    }

    /// The value lists of every `case` in the function, in order.
    fn cases<'t>(&self, file: &SourceFile<'_>, tree: &'t Tree, src: &str) -> Result<Vec<Node<'t>>> {
        let func = self.func(file, tree, src)?;
        let mut lists = Vec::new();
        syntax::visit(func, &mut |n| {
            if n.kind() == "expression_case"
                && let Some(v) = n.child_by_field_name("value") {
                    lists.push(v);
                }
            true
        });
        Ok(lists)
    }

    fn values<'t>(list: Node<'t>) -> Vec<Node<'t>> {
        children(list).into_iter().filter(|c| c.is_named() && c.kind() != "comment").collect()
    }

    /// The values of every `case` of the function, case by case, kept in the file's memo:
    /// every provider looks for its value among the same cases.
    fn case_values(&self, file: &SourceFile<'_>, tree: &Tree, src: &str) -> Result<std::sync::Arc<Vec<Vec<CaseItem>>>> {
        memo_found(file, &format!("go.cases\0{}", self.func), || {
            Ok(self
                .cases(file, tree, src)?
                .into_iter()
                .map(|list| Self::values(list).into_iter().map(|v| CaseItem { text: text(v, src).to_string(), row: row(v), end_byte: v.end_byte() }).collect())
                .collect())
        })
    }
}

/// A value of a `case` clause.
struct CaseItem {
    text: String,
    /// 0-based line.
    row: usize,
    end_byte: usize,
}

impl PointKind for CaseValue {
    fn duplicates(&self, file: &SourceFile<'_>) -> Result<Vec<Duplicate>> {
        let (src, tree) = parse_valid(file, &format!("func {}", self.func), Scope::Words(&[method_word(&self.func)]))?;
        Ok(duplicates_within(self.func(file, &tree, src)?, src))
    }

    fn describe(&self, r: &Renderer) -> Result<String> {
        Ok(format!("case {} in func {}", r.render("value", &self.value)?, self.func))
    }

    fn inspect(&self, file: &SourceFile<'_>, r: &Renderer) -> Result<Inspection> {
        let value = r.render("value", &self.value)?;
        let (src, tree) = parse_valid(file, &format!("func {}", self.func), Scope::Words(&[method_word(&self.func)]))?;
        let lists = self.case_values(file, &tree, src)?;
        for list in lists.iter() {
            if let Some(v) = list.iter().find(|v| normalize(&v.text) == normalize(&value)) {
                return Ok(Inspection::Present { line: v.row + 1 });
            }
        }
        let list = lists
            .iter()
            .find(|l| l.iter().any(|v| self.with.is_match(&v.text)))
            .ok_or_else(|| anchor_error(file, 0, format!("expected a case in func {} listing a value matching `{}`", self.func, self.with.as_str()), "update the point's `with` pattern"))?;
        let last = list.last().expect("a case lists at least one value");
        if r.is_presence_only() {
            return Ok(Inspection::Missing { line: last.row + 1, updated: String::new() });
        }
        let mut updated = src.to_string();
        updated.insert_str(last.end_byte, &format!(", {value}"));
        Ok(Inspection::Missing { line: last.row + 1, updated })
    }

    fn remove(&self, file: &SourceFile<'_>, r: &Renderer, _force: bool) -> Result<Removal> {
        let value = r.render("value", &self.value)?;
        let (src, tree) = parse_valid(file, &format!("func {}", self.func), Scope::Words(&[method_word(&self.func)]))?;
        for list in self.cases(file, &tree, src)? {
            let values = Self::values(list);
            if let Some(i) = values.iter().position(|v| normalize(text(*v, src)) == normalize(&value)) {
                let v = values[i];
                if values.len() == 1 {
                    // apply only ever joins a clause; one of the value's own holds statements
                    // written by hand, and taking the value alone out would leave `case :`.
                    return Ok(Removal::KeepEdited(format!(
                        "{}:{}: `case {value}:` is a clause of its own that integrate did not write; kept (delete the clause by hand)",
                        file.display.display(),
                        row(v) + 1
                    )));
                }
                let range = if i > 0 { values[i - 1].end_byte()..v.end_byte() } else { v.start_byte()..values[1].start_byte() };
                let mut updated = src.to_string();
                updated.replace_range(range, "");
                return Ok(Removal::Rewrite(updated));
            }
        }
        Ok(Removal::Absent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{TemplateStore, Templates};

    fn remove(kind: &dyn PointKind, src: &str) -> Removal {
        let templates = Templates::new(&TemplateStore::default());
        let ctx = minijinja::Value::from_serialize(serde_json::json!({"id": "acme", "names": {"const": "ACME"}}));
        let r = templates.renderer(&ctx, "p");
        kind.remove(&SourceFile::new(std::path::Path::new("x.go"), Some(src)), &r, false).unwrap()
    }

    fn case_value() -> CaseValue {
        CaseValue::new(toml::from_str("func = \"f\"\nwith = \"^B$\"\nvalue = \"{{ names.const }}\"\n").unwrap(), &Location::new("p.toml", 1, 1)).unwrap()
    }

    #[test]
    fn a_case_value_leaves_the_clause_it_joined() {
        let src = "package p\n\nfunc f(x int) int {\n\tswitch x {\n\tcase B, ACME:\n\t\treturn 1\n\t}\n\treturn 0\n}\n";
        let Removal::Rewrite(updated) = remove(&case_value(), src) else { panic!("not a rewrite") };
        assert_eq!(updated, src.replace("case B, ACME:", "case B:"));
    }

    #[test]
    fn a_clause_of_its_own_is_kept_and_named() {
        // Taking the value alone out would leave `case :`, which no later edit could parse.
        let src = "package p\n\nfunc f(x int) int {\n\tswitch x {\n\tcase B:\n\t\treturn 1\n\tcase ACME:\n\t\treturn 2\n\t}\n\treturn 0\n}\n";
        let Removal::KeepEdited(reason) = remove(&case_value(), src) else { panic!("not kept") };
        assert!(reason.starts_with("x.go:7: `case ACME:` is a clause of its own"), "{reason}");
    }
}
