//! The Go back end: point kinds that locate anchors in Go source with tree-sitter-go and splice
//! text into it without re-printing the file. Inserted lines are aligned as gofmt aligns them;
//! the neighbours of an insertion are realigned only when they were gofmt-aligned already.

pub mod kinds;
pub mod kinds_blocks;
pub mod kinds_more;
pub mod layout;
pub mod outline;
pub mod syntax;
pub mod tabwriter;

use crate::error::{Error, Location, Result};

use super::{PointKind, parse_spec};

/// Works out what inspections of the file need first: the outline of its declarations, or
/// the whole tree when the memo asks for whole files.
pub fn prepare(file: &super::SourceFile<'_>) {
    if let (Some(memo), Some(text)) = (file.memo, file.text) {
        kinds::prepare(memo, text);
    }
}

pub fn build(kind: &str, spec: toml::Table, at: &Location) -> Result<Box<dyn PointKind>> {
    let full = format!("go.{kind}");
    Ok(match kind {
        "const_spec" => Box::new(kinds::ConstSpec::new(parse_spec(&full, spec, at)?, at)?),
        "list_element" => Box::new(kinds::ListElement::new(parse_spec(&full, spec, at)?)),
        "map_entry" => Box::new(kinds::MapEntry::new(parse_spec(&full, spec, at)?)),
        "tag_choice" => Box::new(kinds::TagChoice::new(parse_spec(&full, spec, at)?)),
        "statement" => Box::new(kinds::Statement::new(parse_spec(&full, spec, at)?, at)?),
        "import" => Box::new(kinds::Import::new(parse_spec(&full, spec, at)?, at)?),
        "decls" => Box::new(kinds::Decls::new(parse_spec(&full, spec, at)?)),
        "switch_case" => Box::new(kinds_more::SwitchCase::new(parse_spec(&full, spec, at)?, at)?),
        "aligned_field" => Box::new(kinds_more::AlignedField::new(parse_spec(&full, spec, at)?)),
        "literal_entry" => Box::new(kinds_more::LiteralEntry::new(parse_spec(&full, spec, at)?, at)?),
        "struct_fields" => Box::new(kinds_blocks::StructFields::new(parse_spec(&full, spec, at)?, at)?),
        "lines" => Box::new(kinds_blocks::Lines::new(parse_spec(&full, spec, at)?, at)?),
        "case_value" => Box::new(kinds::CaseValue::new(parse_spec(&full, spec, at)?, at)?),
        "const_group" => Box::new(kinds::ConstGroup::new(parse_spec(&full, spec, at)?, at)?),
        other => {
            return Err(Error::input(
                at.clone(),
                format!("unknown Go point kind `go.{other}`"),
                format!("use one of: {}", super::KINDS.iter().filter(|k| k.starts_with("go.")).copied().collect::<Vec<_>>().join(", ")),
            ));
        }
    })
}
