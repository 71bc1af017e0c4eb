//! The Go back end: point kinds that locate anchors in Go source with tree-sitter-go and splice
//! text into it without re-printing the file. Inserted lines are aligned as gofmt aligns them;
//! the neighbours of an insertion are realigned only when they were gofmt-aligned already.
//!
//! One file per kind under [`kinds`]; what several kinds share is named for what it does:
//! [`parse`] (a target file's tree, parsed only as far as a lookup needs), [`syntax`] (look-ups
//! in a tree), [`declarations`] (package-level names and the package clause), [`outline`] (a
//! file cut into top-level declarations), [`literal`] (composite literal elements),
//! [`string_value`] (string literals read as their value), [`cases`] (a switch's case values),
//! [`constraint`] (build constraints that leave a file out), [`splice`] (lines spliced within a
//! gofmt alignment section), [`layout`]
//! and [`tabwriter`] (gofmt's alignment).

pub mod cases;
pub mod constraint;
pub mod declarations;
pub mod kinds;
pub mod layout;
pub mod literal;
pub mod outline;
pub mod parse;
pub mod splice;
pub mod string_value;
pub mod syntax;
pub mod tabwriter;

use crate::error::{Error, Location, Result};

use super::{PointKind, parse_spec};

/// Works out what inspections of the file need first: the outline of its declarations, or
/// the whole tree when the memo asks for whole files.
pub fn prepare(file: &super::SourceFile<'_>) {
    if let (Some(memo), Some(text)) = (file.memo, file.text) {
        parse::prepare(memo, text);
    }
}

pub fn build(kind: &str, spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    let full = format!("go.{kind}");
    Ok(match kind {
        "const_spec" => Box::new(kinds::const_spec::ConstSpec::new(parse_spec(&full, spec, at)?, at)?),
        "list_element" => Box::new(kinds::list_element::ListElement::new(parse_spec(&full, spec, at)?)),
        "map_entry" => Box::new(kinds::map_entry::MapEntry::new(parse_spec(&full, spec, at)?)),
        "tag_choice" => Box::new(kinds::tag_choice::TagChoice::new(parse_spec(&full, spec, at)?)),
        "statement" => Box::new(kinds::statement::Statement::new(parse_spec(&full, spec, at)?, at)?),
        "import" => Box::new(kinds::import::Import::new(parse_spec(&full, spec, at)?, at)?),
        "decls" => Box::new(kinds::decls::Decls::new(parse_spec(&full, spec, at)?)),
        "switch_case" => Box::new(kinds::switch_case::SwitchCase::new(parse_spec(&full, spec, at)?, at)?),
        "aligned_field" => Box::new(kinds::aligned_field::AlignedField::new(parse_spec(&full, spec, at)?)),
        "literal_entry" => Box::new(kinds::literal_entry::LiteralEntry::new(parse_spec(&full, spec, at)?, at)?),
        "struct_fields" => Box::new(kinds::struct_fields::StructFields::new(parse_spec(&full, spec, at)?, at)?),
        "lines" => Box::new(kinds::lines::Lines::new(parse_spec(&full, spec, at)?, at)?),
        "case_value" => Box::new(kinds::case_value::CaseValue::new(parse_spec(&full, spec, at)?, at)?),
        "const_group" => Box::new(kinds::const_group::ConstGroup::new(parse_spec(&full, spec, at)?, at)?),
        other => {
            return Err(Error::input(
                at.clone(),
                format!("unknown Go point kind `go.{other}`"),
                format!("use one of: {}", super::KINDS.iter().filter(|k| k.starts_with("go.")).copied().collect::<Vec<_>>().join(", ")),
            ));
        }
    })
}
