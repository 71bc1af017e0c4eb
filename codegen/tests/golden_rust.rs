//! Golden tests of the Rust point kinds, driven by data folders under
//! `tests/golden/rust/<kind>/<case>/` (see `common::run_golden_cases` for what each file
//! means). When `before.rs` is rustfmt-clean, `after.rs` must be exactly what the real rustfmt
//! prints for it.

mod common;

fn context() -> serde_json::Value {
    serde_json::json!({
        "id": "acmefs", "brand": "AcmeFS",
        "opendal": {"dir": "acmefs", "feature": "services-acmefs", "crate": "opendal-service-acmefs", "crate_ident": "opendal_service_acmefs",
                    "snake": "acmefs", "scheme": "acmefs", "scheme_const": "ACMEFS_SCHEME", "type_name": "Acmefs"},
    })
}

#[test]
fn every_rust_kind_has_golden_cases() {
    common::every_kind_has_golden_cases("rust");
}

#[test]
fn golden_cases() {
    common::run_golden_cases(&common::Golden { backend: "rust", ext: "rs", formatter: Some(common::rustfmt), context: context() });
}
