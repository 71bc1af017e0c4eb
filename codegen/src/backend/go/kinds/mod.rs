//! The Go point kinds, one file each, named as profiles name them (`go.<kind>` is
//! `kinds/<kind>.rs`). Each locates its anchor in the file's tree, reports whether the
//! registration is present, and produces the whole file with the registration inserted or taken
//! out. A new kind is a new file here, a line in [`super::build`] and one in
//! [`crate::backend::KINDS`].

pub mod aligned_field;
pub mod case_value;
pub mod const_group;
pub mod const_spec;
pub mod decls;
pub mod import;
pub mod lines;
pub mod list_element;
pub mod literal_entry;
pub mod map_entry;
pub mod statement;
pub mod struct_fields;
pub mod switch_case;
pub mod tag_choice;

/// What the kinds' tests share: `kind` inspecting `src` as `x.go`, for a provider `acme`.
#[cfg(test)]
fn inspect_for_test(kind: &dyn crate::backend::PointKind, src: &str) -> crate::error::Result<crate::backend::Inspection> {
    let templates = crate::template::Templates::new(&crate::template::TemplateStore::default());
    let ctx = minijinja::Value::from_serialize(serde_json::json!({"id": "acme"}));
    let r = templates.renderer(&ctx, "p");
    kind.inspect(&crate::backend::SourceFile::new(std::path::Path::new("x.go"), Some(src)), &r)
}
